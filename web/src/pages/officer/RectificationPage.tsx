/**
 * 整改事项: the problems of the body's published annual reports a supervisor confirmed, with the
 * answer deadline of the 整改通知书; the officer answers each (what was done — the text may be
 * left empty) and sees it 已整改, then 已核销 once the supervisor accepts; one a correction or a
 * new upload removed shows as 已消除.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { z } from '@hono/zod-openapi';
import type { RectificationItemsSchema } from '../../../../src/api/findings-work.js';
import { ApiFailure, get, post } from '../../api.js';
import { ensureFindingsStyles } from '../../components/supervisor/findings-styles.js';
import { Field, Loading, Notice, PageTitle } from '../../components/ui.js';
import { Link } from '../../router.js';
import type { PageProps } from '../../routes.js';

ensureFindingsStyles();

type Item = z.infer<typeof RectificationItemsSchema>['items'][number];

const failure = (e: unknown) => (e instanceof ApiFailure ? e.message : '操作失败，请稍后再试');
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

function AnswerForm({ item, onDone }: { item: Item; onDone: (message: string) => void }) {
  const [answer, setAnswer] = useState(item.answer ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await post(`/api/officer/rectification/${encodeURIComponent(item.bodyId)}/${item.year}/${item.fingerprint}/answer`, { answer });
      setError(null);
      onDone(`已提交${item.place}的整改情况。`);
    } catch (err) {
      setError(failure(err));
    }
  };
  return (
    <form className="fw-answer" onSubmit={(e) => void submit(e)} aria-label={`答复${item.place}的整改情况`}>
      <Field label="整改情况（可不填）">{(p) => <textarea {...p} rows={3} maxLength={1000} value={answer} onChange={(e) => setAnswer(e.target.value)} />}</Field>
      <button type="submit">{item.status === 'answered' ? '修改整改情况' : '提交整改情况'}</button>
      {error && <p role="alert" className="fw-error">{error}</p>}
    </form>
  );
}

export default function RectificationPage(_props: PageProps) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await get<{ items: Item[] }>('/api/officer/rectification')).items);
      setError(null);
    } catch (e) {
      setError(failure(e));
    }
  }, []);
  useEffect(() => void load(), [load]);
  const onDone = (message: string) => {
    setDone(message);
    void load();
  };

  return (
    <>
      <PageTitle>整改事项</PageTitle>
      <p className="lead">监督机关审查本机关公布的政府信息公开工作年度报告后确认的问题。请逐项整改，并在答复期限前填写整改情况；监督机关核销后办结。</p>
      {done && <Notice kind="success">{done}</Notice>}
      {error && <Notice kind="error">{error}</Notice>}
      {!items && !error && <Loading what="整改事项" />}
      {items && items.length === 0 && <Notice>目前没有需要整改的问题。</Notice>}
      {items && items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="整改事项">
          <table className="data fw-issues">
            <caption>共 {items.length} 项</caption>
            <thead>
              <tr>
                <th scope="col">年度报告</th>
                <th scope="col">位置</th>
                <th scope="col">问题</th>
                <th scope="col">答复期限</th>
                <th scope="col">状态和整改情况</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={`${i.bodyId}|${i.year}|${i.fingerprint}`} data-fingerprint={i.fingerprint}>
                  <th scope="row">
                    {i.bodyName}
                    <br />
                    <span className="hint">{i.year}年度</span>
                  </th>
                  <td>{i.place}</td>
                  <td>
                    <strong>{i.rule}</strong>
                    <br />
                    {i.message}
                    {i.reportId !== null && (
                      <>
                        <br />
                        <Link to={`/supervisor/reports/${i.reportId}`}>查看报告</Link>
                      </>
                    )}
                  </td>
                  <td className="nowrap">{i.deadline ? chineseDate(i.deadline) : '未定'}</td>
                  <td>
                    <span className={`badge ${i.status === 'confirmed' ? 'badge-error' : i.status === 'answered' ? 'badge-warning' : 'badge-ok'}`}>{i.statusLabel}</span>
                    {i.answeredAt && (
                      <p className="hint">
                        {chineseDate(i.answeredAt)} {i.answeredBy} 答复：{i.answer ?? '（未填写说明）'}
                      </p>
                    )}
                    {(i.status === 'confirmed' || i.status === 'answered') && <AnswerForm item={i} onDone={onDone} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
