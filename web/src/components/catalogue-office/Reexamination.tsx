/**
 * Periodic re-examination of a withheld item (条例 第十八条): keep it withheld (the next date
 * follows the body's period) or release it (a change to 主动公开 opens for review), and the record.
 */
import { useState } from 'react';
import { post } from '../../api.js';
import { Field, Notice } from '../ui.js';
import type { Detail } from './types.js';

export function Reexamination({ d, article, onDone }: { d: Detail; article: string; onDone(next: Detail, message: string): void }) {
  const [conclusion, setConclusion] = useState<'keep' | 'release'>('keep');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      const next = await post<Detail>(`/api/office/catalogue/items/${d.id}/reexamine`, { conclusion, comment });
      setComment('');
      onDone(next, conclusion === 'keep' ? `已记录复查，下次复查日期 ${next.reviewOn ?? ''}。` : '已记录复查；已生成转为主动公开的变更，请补充发布渠道后提交审核。');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="reexam-heading">
      <h2 id="reexam-heading">定期复查</h2>
      <p className="hint">{article}</p>
      {d.reviewOn && <p>下次复查日期：{d.reviewOn}</p>}
      {d.reexaminations.length > 0 && (
        <ul>
          {d.reexaminations.map((r, i) => (
            <li key={i}>
              {r.examinedOn} {r.actorName}：{r.conclusion === 'keep' ? '继续不予公开' : '转为主动公开'}
              {r.comment && `（${r.comment}）`}
            </li>
          ))}
        </ul>
      )}
      {d.can.reexamine && (
        <div className="cof-box">
          <Field label="复查结论">
            {(p) => (
              <select {...p} value={conclusion} onChange={(e) => setConclusion(e.target.value as 'keep' | 'release')}>
                <option value="keep">继续不予公开</option>
                <option value="release">情势变化，可以公开（转为主动公开）</option>
              </select>
            )}
          </Field>
          <Field label="复查意见">{(p) => <textarea {...p} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />}</Field>
          {error && <Notice kind="error">{error}</Notice>}
          <div className="actions">
            <button type="button" onClick={() => void submit()}>
              记录复查
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
