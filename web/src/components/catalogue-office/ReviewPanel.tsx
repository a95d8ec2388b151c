/**
 * The review chain of one item (先审查、后公开): each step of the current round with who decided,
 * when, and the comment; the decision buttons for the reviewer whose step it is; submission for
 * the drafter; and the full history of every round.
 */
import { useState } from 'react';
import { post } from '../../api.js';
import { Field, Notice } from '../ui.js';
import { dateTime, useAction } from './common.js';
import type { Detail, Review } from './types.js';

function stepState(d: Detail, index: number, decided: Review | undefined): string {
  if (decided) return decided.decision === 'reject' ? '退回' : decided.decision === 'submit' ? '已提交' : '通过';
  if (d.chain.phase === 'draft' && d.chain.round > 0) return '未开始';
  if (d.chain.phase === 'inReview' && d.chain.step === index) return '等待审核';
  if (d.chain.phase === 'done' && d.chain.round > 0) return '通过';
  return '未开始';
}

function Steps({ d }: { d: Detail }) {
  const round = d.reviews.filter((r) => r.round === d.chain.round && r.change === d.chain.change);
  return (
    <ol className="cof-chain">
      {d.chain.steps.map((s) => {
        // By name: a chain changed in the settings moves items in review, the names stay.
        const decided = [...round].reverse().find((r) => r.stepName === s.name && r.decision !== 'withdraw');
        const current = d.chain.phase === 'inReview' && d.chain.step === s.index;
        return (
          <li key={s.index} className={current ? 'cof-current' : undefined} aria-current={current ? 'step' : undefined}>
            <strong>{s.name}</strong>（{s.roleLabel}）：{stepState(d, s.index, decided)}
            {decided && (
              <>
                {' '}
                <span className="hint">
                  {decided.actorName}，{dateTime(decided.at)}
                </span>
                {decided.comment && <p style={{ margin: '.25rem 0 0' }}>意见：{decided.comment}</p>}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function History({ reviews }: { reviews: Review[] }) {
  if (!reviews.length) return <p className="hint">尚未提交审核。</p>;
  return (
    <details>
      <summary>全部审核记录（{reviews.length} 条）</summary>
      <div className="table-wrap">
        <table className="data">
          <caption className="sr-only">审核记录</caption>
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">轮次</th>
              <th scope="col">步骤</th>
              <th scope="col">决定</th>
              <th scope="col">人员</th>
              <th scope="col">意见</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr key={r.seq}>
                <td>{dateTime(r.at)}</td>
                <td>
                  第{r.round}轮{r.change ? '（变更）' : ''}
                </td>
                <th scope="row">{r.stepName}</th>
                <td>{r.decisionLabel}</td>
                <td>{r.actorName}</td>
                <td>{r.comment ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function Decide({ d, onDone }: { d: Detail; onDone(next: Detail, message: string): void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const step = d.can.review!;
  const decide = async (decision: 'approve' | 'reject') => {
    setError(null);
    if (decision === 'reject' && !comment.trim()) {
      setError('退回时请写明理由，拟稿人据此修改');
      return;
    }
    setBusy(true);
    try {
      const next = await post<Detail>(`/api/office/catalogue/items/${d.id}/review`, { step: step.step, decision, ...(comment.trim() ? { comment } : {}) });
      setComment('');
      onDone(next, decision === 'approve' ? `已通过“${step.name}”。${next.status === 'published' && !next.pending ? '信息已发布。' : ''}` : `已退回，信息回到拟稿人。`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="cof-box">
      <h3 style={{ marginTop: 0 }}>审核：{step.name}</h3>
      <Field label="审核意见" hint="通过时可不填；退回时必须写明理由">
        {(p) => <textarea {...p} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void decide('approve')}>
          通过
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void decide('reject')}>
          退回
        </button>
      </div>
    </div>
  );
}

function Submit({ d, onDone }: { d: Detail; onDone(next: Detail, message: string): void }) {
  const { busy, error, run } = useAction();
  const submit = () =>
    run(async () => {
      const next = await post<Detail>(`/api/office/catalogue/items/${d.id}/submit`, {});
      onDone(next, `已提交审核，等待“${next.chain.steps[next.chain.step]?.name ?? ''}”。`);
    });
  return (
    <>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void submit()}>
          {d.pending ? '提交变更审核' : '提交审核'}
        </button>
      </div>
    </>
  );
}

/** Why the item came back, for the top of the page: the last rejection of a rejected round. */
export function RejectionNotice({ d }: { d: Detail }) {
  const last = d.chain.phase === 'rejected' ? [...d.reviews].reverse().find((r) => r.decision === 'reject') : undefined;
  if (!last) return null;
  return (
    <Notice kind="warning">
      已在“{last.stepName}”被退回（{last.actorName}）：{last.comment}。请修改后重新提交审核。
    </Notice>
  );
}

export function ReviewPanel({ d, onDone }: { d: Detail; onDone(next: Detail, message: string): void }) {
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">审核流程{d.chain.change ? '（变更）' : ''}</h2>
      {d.chain.round > 0 && <p className="hint">第 {d.chain.round} 轮审核。</p>}
      <p className="hint">本机关的审核规则：{d.reviewerPolicy.label}。{d.reviewerPolicy.note}</p>
      <Steps d={d} />
      {d.can.review && <Decide d={d} onDone={onDone} />}
      {!d.can.review && d.can.reviewNote && <p className="hint">{d.can.reviewNote}</p>}
      {d.can.submit && <Submit d={d} onDone={onDone} />}
      <History reviews={d.reviews} />
    </section>
  );
}
