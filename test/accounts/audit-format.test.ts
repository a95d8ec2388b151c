/**
 * The audit log in words: rows as the writers store them, read back the way an administrator
 * would want to read them — Chinese names, Beijing time, each changed field before and after,
 * no internal keys and no secrets.
 */
import { describe, expect, it } from 'vitest';
import { beijingDayEnd, beijingDayStart, beijingTime, fieldChanges, readableEntry, whoLabel, type AuditFacts } from '../../src/accounts/audit-format.js';

const row = (over: Partial<AuditFacts>): AuditFacts => ({ actor: 'user:admin', action: 'update', entity: 'body', entityId: 'yl', oldValue: null, newValue: null, at: '2026-05-04T01:30:00.000Z', ...over });

/** Latin letters that would be an internal key shown to the user (the ids in the rows are allowed where they are data). */
const LATIN_WORD = /[A-Za-z]{3,}/;

describe('who and when', () => {
  it('names accounts by their display name, the system as 系统, web visitors as 公众', () => {
    expect(whoLabel('user:wang', '王芳')).toBe('王芳（wang）');
    expect(whoLabel('user:gone', null)).toBe('gone');
    expect(whoLabel('system:first-start')).toBe('系统（首次启动）');
    expect(whoLabel('system:something-new')).toBe('系统');
    expect(whoLabel('public:c1f3')).toBe('公众（网上提交）');
    expect(whoLabel('root')).toBe('本机操作员 root');
  });

  it('shows Beijing wall time, eight hours ahead of UTC, across midnight', () => {
    expect(beijingTime('2026-05-04T01:30:00.000Z')).toBe('2026-05-04 09:30:00');
    expect(beijingTime('2026-12-31T16:05:00Z')).toBe('2027-01-01 00:05:00');
  });

  it('turns a range of Beijing days into instants: 1 May from 30 April 16:00 UTC, up to 3 May 16:00 UTC', () => {
    expect(beijingDayStart('2026-05-01')).toBe('2026-04-30T16:00:00.000Z');
    expect(beijingDayEnd('2026-05-03')).toBe('2026-05-03T16:00:00.000Z');
  });
});

describe('a body renamed by the administrator', () => {
  const entry = readableEntry(
    row({
      actorName: '系统管理员',
      bodyName: '青禾县云岭镇人民政府',
      oldValue: { name: '云岭镇人民政府', level: 'township', region: null },
      newValue: { name: '青禾县云岭镇人民政府', level: 'township', region: '青禾县' },
    }),
  );

  it('says who, when, what was done and to which body', () => {
    expect(entry).toMatchObject({ when: '2026-05-04 09:30:00', who: '系统管理员（admin）', action: '修改', entity: '机关', what: '机关：青禾县云岭镇人民政府（编号 yl）' });
  });

  it('lists only the fields that changed, name before and after, an empty region as （空）', () => {
    expect(entry.changes).toEqual([
      { field: '名称', before: '云岭镇人民政府', after: '青禾县云岭镇人民政府' },
      { field: '所属地区', before: '（空）', after: '青禾县' },
    ]);
  });
});

describe('values in words', () => {
  it('gives roles, levels, holidays and account states their Chinese names', () => {
    expect(fieldChanges('user', null, { username: 'li', role: 'reviewer', bodies: ['yl', 'sq'] }, (id) => ({ yl: '云岭镇人民政府', sq: '石桥乡人民政府' })[id]).changes).toEqual([
      { field: '用户名', before: '（空）', after: 'li' },
      { field: '角色', before: '（空）', after: '审核人' },
      { field: '机关', before: '（空）', after: '云岭镇人民政府、石桥乡人民政府' },
    ]);
    expect(fieldChanges('calendar-override', { work: false, source: null }, { work: true, source: '国办发明电〔2026〕1号' }).changes).toEqual([
      { field: '这一天', before: '放假', after: '调休上班' },
      { field: '依据', before: '（空）', after: '国办发明电〔2026〕1号' },
    ]);
    expect(fieldChanges('user', { disabled: false }, { disabled: true }).changes).toEqual([{ field: '账号状态', before: '正常', after: '已停用' }]);
  });

  it('names nested fields by their path and list items by their number', () => {
    const { changes } = fieldChanges('application', null, {
      applicant: { type: 'naturalPerson', name: '张三丰', idNumber: '110101199003070011', contact: '电话 13812345678' },
      events: [{ kind: 'replied', on: '2026-03-02', outcome: 'grant' }],
    });
    expect(changes).toContainEqual({ field: '申请人 · 类型', before: '（空）', after: '自然人' });
    // Personal data masked as in the register's lists.
    expect(changes).toContainEqual({ field: '申请人 · 名称', before: '（空）', after: '张**' });
    expect(changes).toContainEqual({ field: '申请人 · 证件号码', before: '（空）', after: '1101**********0011' });
    expect(changes).toContainEqual({ field: '申请人 · 联系方式', before: '（空）', after: '电话 138****5678' });
    expect(changes).toContainEqual({ field: '办理过程 · 第1项 · 类别', before: '（空）', after: '答复' });
  });

  it('never shows a password hash or token, only that it changed', () => {
    const { changes } = fieldChanges('user', { passwordHash: 'scrypt$abc' }, { passwordHash: 'scrypt$def', token: 'xyz' });
    expect(changes).toEqual([
      { field: expect.any(String), before: '（已隐藏）', after: '（已隐藏）' },
      { field: expect.any(String), before: '（空）', after: '（已隐藏）' },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/scrypt|xyz|abc|def/);
  });
});

describe('rows the formatter has no words for', () => {
  const entry = readableEntry(row({ actor: 'system:nightly', action: 'frobnicate', entity: 'widget', entityId: '7', oldValue: { colourName: '红', weightGrams: 1 }, newValue: { colourName: '蓝', weightGrams: 2 } }));

  it('uses generic Chinese words, never the internal key, and still shows before and after', () => {
    expect(entry.action).toBe('其他操作');
    expect(entry.entity).toBe('其他记录');
    expect(entry.what).toBe('其他记录 7');
    expect(entry.changes).toEqual([
      { field: '其他项1', before: '红', after: '蓝' },
      { field: '其他项2', before: '1', after: '2' },
    ]);
    const shown = [entry.who, entry.action, entry.entity, entry.what, ...entry.changes.flatMap((c) => [c.field, c.before, c.after])];
    expect(shown.join(' ')).not.toMatch(LATIN_WORD);
  });

  it('matches keys however they are spelled: sign_in_failed is 登录失败', () => {
    expect(readableEntry(row({ action: 'sign_in_failed', entity: 'user' })).action).toBe('登录失败');
    expect(readableEntry(row({ action: 'signInFailed', entity: 'user' })).action).toBe('登录失败');
  });
});

describe('the writers of this codebase', () => {
  it('reads a register event as its kind', () => {
    const e = readableEntry(row({ action: 'event', entity: 'application', entityId: 'YL-2026-0003', newValue: { kind: 'extended', on: '2026-03-10', approvedBy: '李局长' } }));
    expect(e.action).toBe('登记办理事项：延长答复期限');
    expect(e.what).toBe('申请 YL-2026-0003');
    expect(e.changes).toContainEqual({ field: '批准人', before: '（空）', after: '李局长' });
  });

  it('reads a catalogue review as 审核通过 with the item named by its title', () => {
    const e = readableEntry(row({ action: 'review-approve', entity: 'catalogue_item', entityId: '12', oldValue: { phase: 'inReview', step: 1 }, newValue: { phase: 'inReview', step: 2, title: '关于春耕补贴的通知' } }));
    expect(e.action).toBe('审核通过');
    expect(e.what).toBe('目录信息：关于春耕补贴的通知（编号 12）');
    expect(e.changes).toContainEqual({ field: '审核步骤', before: '1', after: '2' });
  });

  it('names a year’s report by body and year', () => {
    expect(readableEntry(row({ action: 'create', entity: 'report-draft', entityId: 'yl/2025', bodyName: '云岭镇人民政府' })).what).toBe('年度报告：云岭镇人民政府 2025 年');
  });

  it('does not name an opinion by its writer (personal data)', () => {
    const e = readableEntry(row({ actor: 'public:c1', action: 'create', entity: 'opinion', entityId: 'YJ-2026-001', newValue: { kind: 'complaint', subject: '路灯不亮', name: '赵六' } }));
    expect(e.what).toBe('意见箱来信：路灯不亮（编号 YJ-2026-001）');
    expect(e.changes).toContainEqual({ field: '类别', before: '（空）', after: '投诉' });
    expect(JSON.stringify(e)).not.toContain('赵六');
  });

  it('reads a refused sign-in with where it came from and why, the address unmasked for the administrator', () => {
    const e = readableEntry(row({ actor: 'public:c9', action: 'sign-in-failed', entity: 'sign-in', entityId: 'wang', newValue: { address: '10.0.0.7', reason: '密码不正确', accountFailures: 3 } }));
    expect(e.action).toBe('登录失败');
    expect(e.what).toBe('登录 wang');
    expect(e.changes).toEqual([
      { field: '登录地址', before: '（空）', after: '10.0.0.7' },
      { field: '未能登录的原因', before: '（空）', after: '密码不正确' },
      { field: '该账号连续失败次数', before: '（空）', after: '3' },
    ]);
  });

  it('reads an account disabled, its sessions ended', () => {
    const e = readableEntry(row({ action: 'disable', entity: 'user', entityId: '4', entityName: '李四', oldValue: { username: 'li', disabled: false }, newValue: { username: 'li', disabled: true, sessionsEnded: 2 } }));
    expect(e).toMatchObject({ action: '停用账号', what: '账号：李四（编号 4）' });
    expect(e.changes).toEqual([
      { field: '账号状态', before: '正常', after: '已停用' },
      { field: '结束的登录会话数', before: '（空）', after: '2' },
    ]);
  });

  it('reads a year’s holiday arrangement entered at once, and a published item revoked', () => {
    const year = readableEntry(row({ action: 'replace', entity: 'calendar-year', entityId: '2027', newValue: { complete: true, days: [{ date: '2027-02-06', work: true }] } }));
    expect(year.action).toBe('录入全年安排');
    expect(year.changes).toContainEqual({ field: '各日安排 · 第1项 · 这一天', before: '（空）', after: '调休上班' });
    const revoked = readableEntry(row({ action: 'revoke', entity: 'catalogue_item', entityId: '9', oldValue: { status: 'published' }, newValue: { status: 'withdrawn', reason: '内容有误' } }));
    expect(revoked.action).toBe('撤销发布');
    expect(revoked.changes).toContainEqual({ field: '状态', before: '已发布', after: '已撤销' });
  });
});
