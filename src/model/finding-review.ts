/**
 * Findings handled as work: the states a finding goes through once a supervisor looks at it, in
 * the words the pages, the workbook and the audit log use. Pure.
 *
 * 待审核 (new, not looked at) → 已确认（整改中） (confirmed: the body must answer) → 已整改 (the body
 * answered) → 已核销 (the supervisor accepts the answer); or 已驳回 (dismissed, with a reason). A
 * confirmed finding no longer found in the body's latest report of the year (a correction or a
 * re-upload removed it) is 已消除.
 */
export const ISSUE_STATUSES = ['new', 'confirmed', 'answered', 'accepted', 'dismissed', 'resolved'] as const;
export type IssueStatusKey = (typeof ISSUE_STATUSES)[number];

export const ISSUE_STATUS_LABELS: Readonly<Record<IssueStatusKey, string>> = {
  new: '待审核',
  confirmed: '已确认（整改中）',
  answered: '已整改',
  accepted: '已核销',
  dismissed: '已驳回',
  resolved: '已消除',
};

export const SEVERITY_LABELS: Readonly<Record<string, string>> = { error: '错误', warning: '警告', info: '提示' };

/** Why a decision cannot be made on a finding in this state, in Chinese; null when it can. */
export function decisionProblem(action: 'confirm' | 'dismiss' | 'answer' | 'accept', status: IssueStatusKey): string | null {
  switch (action) {
    case 'confirm':
      return status === 'new' || status === 'dismissed' ? null : '该问题已确认，无需再次确认';
    case 'dismiss':
      return status === 'new' || status === 'confirmed' ? null : status === 'dismissed' ? '该问题已驳回' : '本机关已答复整改情况，不能再驳回';
    case 'answer':
      return status === 'confirmed' || status === 'answered' ? null : status === 'accepted' ? '该问题已核销，不能再修改整改情况' : '该问题不是待整改的问题';
    case 'accept':
      return status === 'answered' ? null : '本机关尚未答复整改情况，不能核销';
  }
}
