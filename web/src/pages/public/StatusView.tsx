/** One application as its applicant sees it: the facts, the due date, the outcome, the timeline. */
import { forwardRef, Fragment } from 'react';
import { Notice } from '../../components/ui.js';
import { chineseDate } from '../../components/public/dates.js';
import { DueDate } from '../../components/public/DueDate.js';
import { Timeline } from '../../components/public/Timeline.js';
import type { PublicStatus } from '../../components/public/types.js';

const BADGE: Record<PublicStatus['status'], string> = {
  processing: 'badge-info',
  awaitingCorrection: 'badge-warning',
  awaitingFee: 'badge-warning',
  replied: 'badge-ok',
  withdrawn: 'badge-info',
};

function Facts({ s }: { s: PublicStatus }) {
  const rows: [string, string][] = [
    ['申请编号', s.id],
    ['受理机关', s.bodyName],
    ['申请人', `${s.applicant.name}（${s.applicant.typeLabel}）`],
    [s.applicant.idKindLabel, s.applicant.idNumber],
    ['联系方式', s.applicant.contact],
    ['收到申请日期', chineseDate(s.receivedOn)],
    ['申请内容', s.description],
    ['提供形式', s.form ?? '未填写'],
    ['获取方式', s.delivery ?? '未填写'],
  ];
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <Fragment key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function Closing({ s }: { s: PublicStatus }) {
  if (s.outcome) {
    return (
      <Notice kind="success">
        行政机关已于{chineseDate(s.outcome.on)}作出答复。答复结果：<strong>{s.outcome.label}</strong>
        {s.outcome.letterNo && `（${s.outcome.letterNo}）`}。答复书按您选择的方式送达。
      </Notice>
    );
  }
  const withdrawn = s.timeline.find((t) => t.label === '申请人撤回申请');
  return <Notice kind="info">本申请已于{withdrawn ? chineseDate(withdrawn.date) : ''}撤回，行政机关不再办理。</Notice>;
}

export const StatusView = forwardRef<HTMLHeadingElement, { status: PublicStatus }>(function StatusView({ status: s }, ref) {
  return (
    <section className="public-section" aria-labelledby="status-heading">
      <h2 id="status-heading" ref={ref} tabIndex={-1}>
        申请 {s.id} 的办理情况
      </h2>
      <p className="status-line">
        当前状态：<span className={`badge ${BADGE[s.status]}`}>{s.statusLabel}</span>
      </p>
      {s.closed && <Closing s={s} />}
      {!s.closed && (
        <>
          <h3>答复期限</h3>
          {s.status === 'awaitingCorrection' ? (
            <p>等待您补正。答复期限自行政机关收到补正后的申请之日起重新计算，为20个工作日（条例第三十条）；提交补正后这里会显示新的期限。</p>
          ) : (
            <DueDate due={s.due} steps={s.due.steps} />
          )}
        </>
      )}
      <h3>办理过程</h3>
      <Timeline entries={s.timeline} label="办理过程" />
      {s.correction?.text && (
        <>
          <h3>您提交的补正内容</h3>
          <p className="hint">{chineseDate(s.correction.receivedOn ?? s.receivedOn)}提交</p>
          <p style={{ whiteSpace: 'pre-wrap' }}>{s.correction.text}</p>
        </>
      )}
      <h3>申请信息</h3>
      <Facts s={s} />
    </section>
  );
});
