/**
 * /officer/reports/{year}: the year's annual report — pre-filled from the register, or the draft
 * saved — in a form that mirrors the printed tables, checked as the officer types. Reviewers and
 * administrators see it read-only.
 */
import { useEffect, useState } from 'react';
import { get } from '../../api.js';
import { BodyPicker, bodyQuery, useReportBody } from '../../components/report/BodyPicker.js';
import { reportPath, type ReportView } from '../../components/report/types.js';
import { Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { Link } from '../../router.js';
import { useSession } from '../../session.js';
import { ReportForm } from './ReportForm.js';

export default function ReportEditorPage({ params }: PageProps) {
  const year = Number(params.year);
  const bodyId = useReportBody();
  const { user } = useSession();
  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!bodyId || !Number.isInteger(year)) return;
    get<ReportView>(reportPath(bodyId, year)).then(setView, (e: Error) => setError(e.message));
  }, [bodyId, year]);

  const back = `/officer/reports${bodyId && user?.bodies.length !== 1 ? bodyQuery(bodyId) : ''}`;
  if (!Number.isInteger(year)) return <Notice kind="error">地址中的年度无效。</Notice>;
  if (!bodyId) {
    return (
      <>
        <PageTitle>{year}年政府信息公开工作年度报告</PageTitle>
        <BodyPicker />
      </>
    );
  }
  return (
    <>
      <PageTitle>
        {view ? view.bodyName : ''}
        {year}年政府信息公开工作年度报告
      </PageTitle>
      <p>
        <Link to={back}>← 全部年度</Link>
      </p>
      {error && <Notice kind="error">{error}</Notice>}
      {!view && !error && <Loading what="年度报告" />}
      {view && <ReportForm view={view} bodyId={bodyId} year={year} />}
    </>
  );
}
