/**
 * The administrator's calendar page: the years whose holidays and 调休 are known, loading a year from the
 * State Council's notice in one step (paste the text, check the proposal, save it, say the year is complete),
 * and single days for a regional exception.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { CalendarYearsSchema, NoticeProposalSchema, OverrideSchema } from '../../../../src/api/calendar.js';
import { ApiFailure, del, get, post, put } from '../../api.js';
import { Field, Notice, PageTitle } from '../../components/ui.js';
import type { PageProps } from '../../routes.js';

type Years = z.infer<typeof CalendarYearsSchema>;
type Proposal = z.infer<typeof NoticeProposalSchema>;
type Override = z.infer<typeof OverrideSchema>;
type Message = { kind: 'error' | 'success' | 'warning'; text: string } | null;

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const weekday = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
/** A checkbox at its natural size (the stylesheet makes inputs full width and 44px tall). */
const CHECK = { width: '1.25rem', minHeight: '1.25rem', height: '1.25rem', margin: 0, verticalAlign: 'middle' } as const;
const failure = (err: unknown) => (err instanceof ApiFailure ? err.message : '操作失败，请稍后再试');

function YearsTable({ years, reload, setMessage }: { years: Years; reload: () => void; setMessage: (m: Message) => void }) {
  const toggle = async (year: number, complete: boolean) => {
    try {
      await put(`/api/admin/calendar/years/${year}/complete`, { complete });
      setMessage({ kind: 'success', text: complete ? `已将 ${year} 年标记为完整，该年的期限不再是暂定` : `已取消 ${year} 年的“已完整”标记` });
      reload();
    } catch (err) {
      setMessage({ kind: 'error', text: failure(err) });
    }
  };
  return (
    <section aria-labelledby="years-h">
      <h2 id="years-h">已收录的年份</h2>
      <p>
        {years.builtIn ? `程序自带 ${years.builtIn.first}—${years.builtIn.last} 年国务院公布的节假日和调休安排。` : ''}
        此后各年的法定节假日（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）按《全国年节及纪念日放假办法》推算，期限不会落在这些日子；
        但调休和补假要等国务院办公厅公布当年安排，在此之前涉及该年的期限标为“暂定”。
      </p>
      {years.years.length === 0 ? (
        <p>还没有载入任何年份的通知。</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="sr-only">已载入通知的年份</caption>
            <thead>
              <tr><th scope="col">年份</th><th scope="col">依据</th><th scope="col">放假</th><th scope="col">调休上班</th><th scope="col">状态</th><th scope="col">操作</th></tr>
            </thead>
            <tbody>
              {years.years.map((y) => (
                <tr key={y.year}>
                  <td>{y.year}</td>
                  <td>{y.source ?? '—'}</td>
                  <td>{y.days} 天</td>
                  <td>{y.workDays} 天</td>
                  <td>{y.complete ? <span className="badge badge-success">已完整</span> : <span className="badge badge-warning">未完整，期限暂定</span>}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => toggle(y.year, !y.complete)}>
                      {y.complete ? '取消“已完整”' : '标记该年已完整'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LoadNotice({ reload, setMessage }: { reload: () => void; setMessage: (m: Message) => void }) {
  const [text, setText] = useState('');
  const [year, setYear] = useState('');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [source, setSource] = useState('');
  const [complete, setComplete] = useState(true);
  const read = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    try {
      const p = await post<Proposal>('/api/admin/calendar/notice', { text, ...(year ? { year: Number(year) } : {}) });
      setProposal(p);
      setExcluded(new Set());
      setSource(p.source ?? '');
    } catch (err) {
      setProposal(null);
      setMessage({ kind: 'error', text: failure(err) });
    }
  };
  const save = async () => {
    if (!proposal) return;
    const days = proposal.days.filter((d) => !excluded.has(d.date));
    try {
      await put(`/api/admin/calendar/years/${proposal.year}`, { days, complete, source: source || null });
      setMessage({ kind: 'success', text: `已保存 ${proposal.year} 年的安排：放假 ${days.filter((d) => !d.work).length} 天，调休上班 ${days.filter((d) => d.work).length} 天${complete ? '，该年已完整' : ''}` });
      setProposal(null);
      setText('');
      reload();
    } catch (err) {
      setMessage({ kind: 'error', text: failure(err) });
    }
  };
  const toggle = (date: string) => {
    const next = new Set(excluded);
    if (next.has(date)) next.delete(date);
    else next.add(date);
    setExcluded(next);
  };
  return (
    <section aria-labelledby="notice-h">
      <h2 id="notice-h">载入国务院办公厅的节假日通知</h2>
      <p>把“国务院办公厅关于某年部分节假日安排的通知”的正文粘贴到下面，系统列出放假日期和调休上班日期，核对无误后保存。</p>
      <form onSubmit={read}>
        <Field label="年份" hint="可不填，按通知标题识别">
          {(p) => <input {...p} inputMode="numeric" pattern="20[0-9]{2}" value={year} onChange={(e) => setYear(e.target.value)} style={{ maxWidth: '8em' }} />}
        </Field>
        <Field label="通知正文" hint="例如：一、元旦：1月1日（周五）至3日（周日）放假，共3天。……">
          {(p) => <textarea {...p} value={text} onChange={(e) => setText(e.target.value)} rows={10} required />}
        </Field>
        <button type="submit">识别通知</button>
      </form>
      {proposal && (
        <div className="proposal" aria-labelledby="proposal-h">
          <h3 id="proposal-h">{proposal.year} 年安排（请核对）</h3>
          {proposal.warnings.length > 0 ? (
            <Notice kind="warning">
              请核对以下几点：
              <ul>{proposal.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
            </Notice>
          ) : (
            <Notice kind="success">所注星期与日期相符，{proposal.statutory.length} 个法定节假日都在放假日期中。</Notice>
          )}
          <div className="table-wrap">
            <table className="data">
              <caption className="sr-only">识别出的日期</caption>
              <thead><tr><th scope="col">采用</th><th scope="col">日期</th><th scope="col">星期</th><th scope="col">安排</th><th scope="col">节日</th></tr></thead>
              <tbody>
                {proposal.days.map((d) => (
                  <tr key={d.date}>
                    <td><input type="checkbox" style={CHECK} checked={!excluded.has(d.date)} onChange={() => toggle(d.date)} aria-label={`采用 ${d.date}`} /></td>
                    <td>{d.date}</td>
                    <td>{weekday(d.date)}</td>
                    <td>{d.work ? <strong>调休上班</strong> : '放假'}</td>
                    <td>{d.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Field label="依据（文号）">{(p) => <input {...p} value={source} onChange={(e) => setSource(e.target.value)} />}</Field>
          <p>
            <label>
              <input type="checkbox" style={CHECK} checked={complete} onChange={(e) => setComplete(e.target.checked)} /> 该年已完整（通知的全部放假和调休日期都已列出；保存后该年的期限不再是暂定）
            </label>
          </p>
          <button type="button" onClick={save}>保存 {proposal.year} 年安排</button>{' '}
          <button type="button" className="secondary" onClick={() => setProposal(null)}>放弃</button>
        </div>
      )}
    </section>
  );
}

function SingleDays({ overrides, reload, setMessage }: { overrides: Override[]; reload: () => void; setMessage: (m: Message) => void }) {
  const [date, setDate] = useState('');
  const [work, setWork] = useState('false');
  const [source, setSource] = useState('');
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ kind: 'success', text: done });
      reload();
    } catch (err) {
      setMessage({ kind: 'error', text: failure(err) });
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() => put(`/api/admin/calendar/overrides/${date}`, { work: work === 'true', ...(source ? { source } : {}) }), `已录入 ${date}`);
  };
  return (
    <section aria-labelledby="single-h">
      <details>
        <summary><h2 id="single-h" style={{ display: 'inline' }}>单日调整和全部已录入日期（{overrides.length} 天）</h2></summary>
        <p>用于地方性的例外安排。国务院的年度安排请用上面的“载入通知”一次录入。</p>
        <form onSubmit={submit} className="filters">
          <Field label="日期">{(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />}</Field>
          <Field label="这一天">
            {(p) => (
              <select {...p} value={work} onChange={(e) => setWork(e.target.value)}>
                <option value="false">放假</option>
                <option value="true">调休上班</option>
              </select>
            )}
          </Field>
          <Field label="依据">{(p) => <input {...p} value={source} onChange={(e) => setSource(e.target.value)} />}</Field>
          <button type="submit">录入</button>
        </form>
        <ul>
          {overrides.map((o) => (
            <li key={o.date}>
              {o.date}（{weekday(o.date)}）{o.work ? '调休上班' : '放假'} {o.name ?? ''} {o.source ?? ''}{' '}
              <button type="button" className="secondary" onClick={() => void run(() => del(`/api/admin/calendar/overrides/${o.date}`), `已删除 ${o.date}`)} aria-label={`删除 ${o.date}`}>
                删除
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

export default function CalendarPage(_props: PageProps) {
  const [data, setData] = useState<{ years: Years; overrides: Override[] } | null>(null);
  const [error, setError] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const load = useCallback(() => {
    Promise.all([get<Years>('/api/calendar/years'), get<Override[]>('/api/calendar/overrides')])
      .then(([years, overrides]) => setData({ years, overrides }))
      .catch((err: unknown) => setError(failure(err)));
  }, []);
  useEffect(load, [load]);
  return (
    <>
      <PageTitle>节假日和调休</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {data && (
        <>
          <YearsTable years={data.years} reload={load} setMessage={setMessage} />
          <LoadNotice reload={load} setMessage={setMessage} />
          <SingleDays overrides={data.overrides} reload={load} setMessage={setMessage} />
        </>
      )}
    </>
  );
}
