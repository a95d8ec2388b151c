/**
 * /officer/opinions: the opinions left for the body (意见箱) — open ones first, with the working
 * days they have waited, answered ones with the days the answer took; the body's officer answers
 * here. Below, the year's figures and the drafted sentence for section 五 (监督保障) of the annual
 * report. Names and contacts are shown in full only to the body's officer.
 */
import { useState, type FormEvent } from 'react';
import { ApiFailure, post, query } from '../../api.js';
import { BodyPicker, chineseDate, useApi } from '../../components/catalogue-public/common.js';
import type { OfficerOpinion, OpinionFigures, OpinionList } from '../../components/catalogue-public/types.js';
import '../../components/catalogue-public/catalogue-public.css';
import { Field, Id, Loading, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';
import { navigate, useLocation } from '../../router.js';
import { useSession } from '../../session.js';
import { answerProblem } from '../../../../src/catalogue/opinions.js';

function Days({ o }: { o: OfficerOpinion }) {
  return (
    <>
      {o.state === 'answered' ? `答复用时 ${o.days.days} 个工作日` : `已等待 ${o.days.days} 个工作日`}
      {o.days.provisional && (
        <>
          {' '}
          <span className="badge badge-warning" title="涉及尚未公布节假日安排的年份，暂按周一至周五推算">
            暂定
          </span>
        </>
      )}
    </>
  );
}

function AnswerForm({ o, bodyId, onDone }: { o: OfficerOpinion; bodyId: string; onDone(next: OfficerOpinion): void }) {
  const [text, setText] = useState(o.answer ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = answerProblem(text);
    setError(problem ?? '');
    if (problem) return;
    setBusy(true);
    try {
      onDone(await post<OfficerOpinion>(`/api/bodies/${encodeURIComponent(bodyId)}/opinions/${encodeURIComponent(o.refNo)}/answer`, { text }));
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : '提交失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`答复“${o.subject}”`}>
      <Field label={<>{o.answer ? '更正对 ' : '对 '}<Id>{o.refNo}</Id> 的答复</>} hint="提出人凭编号和查询码看到此答复" error={error || undefined}>
        {(p) => <textarea {...p} rows={4} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? '正在提交…' : o.answer ? '保存更正' : '提交答复'}
        </button>
      </div>
    </form>
  );
}

function OpinionCard({ o, list, onChanged }: { o: OfficerOpinion; list: OpinionList; onChanged(next: OfficerOpinion): void }) {
  return (
    <li className="opinion-card">
      <h3>
        <Id>{o.refNo}</Id>：{o.subject}
      </h3>
      <p className="hint">
        <span className={`badge ${o.state === 'open' ? 'badge-warning' : 'badge-ok'}`}>{o.state === 'open' ? '待答复' : '已答复'}</span> {o.kindLabel} · {chineseDate(o.receivedOn)}收到 · <Days o={o} />
      </p>
      <p className="text">{o.text}</p>
      <p className="hint">
        提出人：{o.name ?? '（匿名）'}
        {o.contact ? ` · 联系方式：${o.contact}` : ''}
      </p>
      {o.answer && (
        <div className="answer-box">
          <p>
            <strong>{chineseDate(o.answeredOn)}答复：</strong>
          </p>
          <p className="text">{o.answer}</p>
        </div>
      )}
      {list.canAnswer && <AnswerForm o={o} bodyId={list.body.id} onDone={onChanged} />}
    </li>
  );
}

function Figures({ bodyId, year }: { bodyId: string; year: number }) {
  const { data, error } = useApi<OpinionFigures>(`/api/bodies/${encodeURIComponent(bodyId)}/opinions/figures?year=${year}`);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="统计" />;
  const days = (d: number | null) => (d === null ? '—' : String(d));
  return (
    <section aria-labelledby="fig-h">
      <h2 id="fig-h">{year}年意见箱统计（用于年度报告“监督保障”）</h2>
      <div className="table-wrap">
        <table className="data">
          <caption>
            {year}年收到的意见及答复用时（工作日，收到当日不计）{data.provisional ? '，含暂定日期' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">类别</th>
              <th scope="col">收到</th>
              <th scope="col">年内答复</th>
              <th scope="col">未答复</th>
              <th scope="col">平均用时</th>
              <th scope="col">最长用时</th>
            </tr>
          </thead>
          <tbody>
            {[...data.kinds, { ...data.total, kind: 'total', label: '合计' }].map((k) => (
              <tr key={k.kind}>
                <th scope="row">{k.label}</th>
                <td className="num">{k.received}</td>
                <td className="num">{k.answered}</td>
                <td className="num">{k.open}</td>
                <td className="num">{days(k.averageDays)}</td>
                <td className="num">{days(k.longestDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>参考表述：</p>
      <p className="sentence">{data.sentence}</p>
    </section>
  );
}

function BodyOpinions({ bodyId, status, year }: { bodyId: string; status: string; year: number | null }) {
  const { data, error, reload } = useApi<OpinionList>(`/api/bodies/${encodeURIComponent(bodyId)}/opinions${query({ status, year })}`);
  const [message, setMessage] = useState('');
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="意见" />;
  const changed = (next: OfficerOpinion) => {
    setMessage(`已答复 ${next.refNo}`);
    void reload();
  };
  const open = data.opinions.filter((o) => o.state === 'open').length;
  return (
    <>
      <p role="status" className="result-line">
        {data.body.name}：{data.opinions.length} 件{status ? '' : `，其中待答复 ${open} 件`}
      </p>
      {message && <Notice kind="success">{message}</Notice>}
      {data.opinions.length > 0 && (
        <ol className="opinion-list" aria-label="意见">
          {[...data.opinions]
            .sort((a, b) => (a.state === b.state ? 0 : a.state === 'open' ? -1 : 1))
            .map((o) => (
              <OpinionCard key={o.refNo} o={o} list={data} onChanged={changed} />
            ))}
        </ol>
      )}
      <Figures key={`${year}-${message}`} bodyId={bodyId} year={year ?? Number(data.today.slice(0, 4))} />
    </>
  );
}

export default function OpinionsPage(_props: PageProps) {
  const { user } = useSession();
  const { search } = useLocation();
  const thisYear = new Date().getFullYear();
  // No year chosen: every opinion, and the figures of the server's current year.
  const year = Number(search.get('year')) || null;
  const status = search.get('status') ?? '';
  const [picked, setPicked] = useState(search.get('body') ?? '');
  const bodyId = user?.role === 'admin' ? (search.get('body') ?? '') : (user?.bodies[0] ?? '');
  const go = (changes: Record<string, string | number | null>) => navigate(`/officer/opinions${query({ body: user?.role === 'admin' ? bodyId : undefined, status, year, ...changes })}`);
  return (
    <section className="cat-page">
      <PageTitle>意见处理</PageTitle>
      {user?.role === 'admin' && (
        <form
          aria-label="选择机关"
          onSubmit={(e) => {
            e.preventDefault();
            go({ body: picked });
          }}
        >
          <BodyPicker label="机关" value={picked} onChange={setPicked} />
          <div className="actions">
            <button type="submit" className="secondary">
              查看该机关的意见
            </button>
          </div>
        </form>
      )}
      <form className="filters" aria-label="筛选意见" onSubmit={(e) => e.preventDefault()}>
        <Field label="状态">
          {(p) => (
            <select {...p} value={status} onChange={(e) => go({ status: e.target.value })}>
              <option value="">全部</option>
              <option value="open">待答复</option>
              <option value="answered">已答复</option>
            </select>
          )}
        </Field>
        <Field label="收到年度">
          {(p) => (
            <select {...p} value={year ?? ''} onChange={(e) => go({ year: e.target.value })}>
              <option value="">全部年度</option>
              {Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).map((y) => (
                <option key={y} value={y}>
                  {y}年
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      {bodyId ? <BodyOpinions key={`${bodyId}-${status}-${year}`} bodyId={bodyId} status={status} year={year} /> : user?.role !== 'admin' && <Notice kind="error">您的账号没有所属机关。</Notice>}
    </section>
  );
}
