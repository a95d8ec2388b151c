/**
 * The register page's top: what is overdue and what falls due within five working days, each with
 * how its due date was counted. Overdue first, then soonest.
 */
import { Link } from '../../router.js';
import { Id, Loading, Notice } from '../ui.js';
import { useGet } from '../../hooks.js';
import { DueText } from '../due-date.js';
import { daysText, StateBadge } from './common.js';
import { DueExplanation } from './DueExplanation.js';
import type { DueList } from './types.js';

const box = { border: '1px solid #c9ced6', borderRadius: 8, padding: '.75rem 1rem', marginBottom: '.75rem', listStyle: 'none' } as const;

export function DuePanel({ bodyId }: { bodyId: string }) {
  const { data, error } = useGet<DueList>(`/api/bodies/${encodeURIComponent(bodyId)}/applications/due`);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <Loading what="到期提醒" />;
  const overdue = data.items.filter((i) => i.state === 'overdue').length;
  const soon = data.items.length - overdue;
  return (
    <section aria-labelledby="due-heading">
      <h2 id="due-heading">即将到期和已逾期</h2>
      <Notice kind={overdue ? 'error' : soon ? 'warning' : 'success'}>
        今天是 {data.today}：已逾期 {overdue} 件，{data.dueSoonDays} 个工作日内到期 {soon} 件。
      </Notice>
      {data.items.length > 0 && (
        <ul style={{ padding: 0 }}>
          {data.items.map((i) => (
            <li key={i.id} style={box}>
              <p style={{ margin: 0 }}>
                <Link to={`/officer/applications/${encodeURIComponent(i.id)}`}><Id>{i.id}</Id></Link> <StateBadge state={i.state} label={i.stateLabel} />{' '}
                {i.due && (
                  <>
                    答复期限 <DueText due={i.due} />，{daysText(i.state, i.due)}
                  </>
                )}
              </p>
              <p style={{ margin: '.25rem 0' }}>
                {i.applicantName}（{i.applicantTypeLabel}）：{i.description}
              </p>
              {i.due && <DueExplanation due={i.due} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
