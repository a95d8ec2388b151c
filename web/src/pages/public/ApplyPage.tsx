/**
 * /apply: the 申请须知 and the online application form (条例第二十九条); after submitting, the
 * confirmation with the application number and the query code.
 */
import { useEffect, useState } from 'react';
import { get } from '../../api.js';
import { Loading, Notice, PageTitle } from '../../components/ui.js';
import '../../components/public/public.css';
import type { FormInfo, Submitted } from '../../components/public/types.js';
import type { PageProps } from '../../routes.js';
import { ApplicationForm } from './ApplicationForm.js';
import { Confirmation } from './Confirmation.js';

function ApplicationNotice({ notice }: { notice: FormInfo['notice'] }) {
  return (
    <section className="apply-notice" aria-labelledby="notice-heading">
      <h2 id="notice-heading">申请须知</h2>
      <ol>
        {notice.map((n) => (
          <li key={n.heading}>
            <strong>{n.heading}。</strong>
            {n.text}
            {n.basis && <span className="basis">（{n.basis}）</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export default function ApplyPage(_props: PageProps) {
  const [info, setInfo] = useState<FormInfo | null>(null);
  const [failed, setFailed] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);

  useEffect(() => {
    get<FormInfo>('/api/public/form').then(setInfo, () => setFailed(true));
  }, []);

  if (submitted) return <Confirmation submitted={submitted} />;
  return (
    <section className="public-page">
      <PageTitle>申请政府信息公开</PageTitle>
      <p className="lead">
        依据《中华人民共和国政府信息公开条例》，公民、法人和其他组织可以向行政机关申请获取政府信息。请先阅读申请须知，再填写申请表。
      </p>
      <p>
        <a href="#apply-form">已读过须知？跳到申请表</a>
      </p>
      {failed && <Notice kind="error">申请表暂时无法加载，请稍后刷新页面。</Notice>}
      {!info && !failed && <Loading what="申请表" />}
      {info && (
        <>
          <ApplicationNotice notice={info.notice} />
          <h2>填写申请表</h2>
          <p className="hint">标有“必填”的项目必须填写。提交后页面显示申请编号和查询码。</p>
          <ApplicationForm info={info} onSubmitted={setSubmitted} />
        </>
      )}
    </section>
  );
}
