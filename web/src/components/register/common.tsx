/**
 * Small pieces the register's pages share: the vocabulary, the state badge (text, never colour
 * alone), and how many working days a due date leaves.
 */
import { useGet } from '../../hooks.js';
import type { DueDate, State, Vocabulary } from './types.js';

export const useVocabulary = () => useGet<Vocabulary>('/api/register/vocabulary');

const BADGE: Record<State, string> = {
  overdue: 'badge-error',
  dueSoon: 'badge-warning',
  replied: 'badge-ok',
  withdrawn: 'badge-info',
  awaitingCorrection: 'badge-info',
  open: 'badge-info',
};

export function StateBadge({ state, label }: { state: State; label: string }) {
  return <span className={`badge ${BADGE[state]}`}>{label}</span>;
}

/** “还剩 4 个工作日”, “今日到期”, “已逾期 1 个工作日”. */
export function daysText(state: State, due: DueDate): string {
  if (due.workingDays === null) return '';
  if (state === 'overdue') return `已逾期 ${due.workingDays} 个工作日`;
  return due.workingDays === 0 ? '今日到期' : `还剩 ${due.workingDays} 个工作日`;
}
