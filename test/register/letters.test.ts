/**
 * Reply letters: each outcome cites the article of the 条例 that governs that kind of reply
 * (shared/spec/law-and-practice.md §1.4, §3.12), carries the application's facts, and states the
 * remedy — 行政复议 first where 不予公开 is decided (行政复议法 第二十三条).
 */
import { describe, expect, it } from 'vitest';
import { letterHtml } from '../../src/register/letter-render.js';
import { extensionLetter, letterText, replyLetter } from '../../src/register/letters.js';
import { recordEvent } from '../../src/register/lifecycle.js';
import { OUTCOME_KEYS, type Application, type RegisterEvent } from '../../src/register/types.js';

const BODY = '青禾县云岭镇人民政府';

const base: Application = {
  id: 'yl-2026-0007',
  applicant: { type: 'naturalPerson', name: '王小明', idNumber: '110101199003070011', contact: '13812345678' },
  description: '云岭镇2025年农村危房改造补助名单',
  form: '纸质',
  delivery: '邮寄',
  channel: 'inPerson',
  receivedOn: '2026-01-26',
  events: [],
};

const answered = (outcome: string, extra: RegisterEvent[] = [], app = base) =>
  [...extra, { kind: 'replied', on: '2026-02-27', outcome, letterNo: '云政公复〔2026〕7号' } as RegisterEvent].reduce(recordEvent, app);

describe('reply letters', () => {
  it('grants with 第三十六条第（一）（二）项 and the facts of the application', () => {
    const l = replyLetter(BODY, answered('granted'));
    const text = letterText(l);
    expect(l.title).toBe('政府信息公开申请答复书');
    expect(l.number).toBe('云政公复〔2026〕7号');
    expect(l.salutation).toBe('王小明：');
    for (const fact of ['本机关于2026年1月26日收到您提交的政府信息公开申请', '申请编号：yl-2026-0007', '“云岭镇2025年农村危房改造补助名单”', '第三十六条第（一）项、第（二）项', '形式：纸质；获取方式：邮寄']) {
      expect(text).toContain(fact);
    }
    expect(l.signature).toEqual([BODY, '2026年2月27日']);
    // Not a refusal: 复议 or suit, the applicant's choice.
    expect(text).toContain('六十日内依法申请行政复议，或者自收到本答复书之日起六个月内依法向人民法院提起行政诉讼');
    // No personal data beyond the name.
    expect(text).not.toContain('110101199003070011');
    expect(text).not.toContain('13812345678');
  });

  it.each([
    ['withheld.stateSecret', '国家秘密', '第十四条'],
    ['withheld.securityStability', '社会稳定', '第十四条'],
    ['withheld.thirdPartyRights', '第三方合法权益', '第十五条'],
    ['withheld.internalAffairs', '内部事务信息', '第十六条第一款'],
    ['withheld.processInfo', '过程性信息', '第十六条第二款'],
    ['withheld.enforcementFile', '行政执法案卷', '第十六条第二款'],
  ])('refuses %s on its ground (%s, %s) and sends the applicant to 行政复议 first', (outcome, ground, article) => {
    const text = letterText(replyLetter(BODY, answered(outcome)));
    expect(text).toContain(ground);
    expect(text).toContain(`根据《条例》${article}、第三十六条第（三）项的规定，本机关决定不予公开`);
    expect(text).toContain('应当先申请行政复议');
    expect(text).not.toContain('六个月内');
  });

  it('mentions the third party consulted (第三十二条) when the register shows it', () => {
    const l = replyLetter(BODY, answered('withheld.thirdPartyRights', [{ kind: 'consultation', from: '2026-02-02', to: '2026-02-13', party: 'third-party' }]));
    expect(l.basis).toContain('第三十二条');
    expect(letterText(l)).toContain('征求了第三方的意见，所需时间不计入答复期限');
  });

  it.each([
    ['unavailable.notHeld', '第三十六条第（四）项', '该政府信息不存在'],
    ['unavailable.needsCreation', '第三十八条', '加工、分析'],
    ['notProcessed.petition', '第三十九条第一款', '信访、投诉、举报'],
    ['notProcessed.duplicate', '第三十六条第（六）项', '不予重复处理'],
    ['notProcessed.publication', '第三十九条第二款', '公开出版物'],
    ['notProcessed.excessive', '第三十五条', '不予处理'],
    ['withheld.adminQuery', '第三十六条第（七）项', '登记机关'],
    ['partlyGranted', '第三十七条', '区分处理'],
  ])('answers %s citing %s', (outcome, article, words) => {
    const l = replyLetter(BODY, answered(outcome));
    const text = letterText(l);
    expect(text).toContain(article);
    expect(text).toContain(words);
    expect(l.basis).toContain(article);
  });

  it('tells of the 补正 and its date when the application closed for want of one (第三十条)', () => {
    const l = replyLetter(BODY, answered('otherHandling.noCorrection', [{ kind: 'correctionRequested', on: '2026-01-28', note: '写明年份' }]));
    expect(letterText(l)).toContain('本机关已于2026年1月28日一次性告知您补正申请内容，您无正当理由逾期未补正。根据《条例》第三十条的规定，视为放弃申请');
  });

  it('addresses an organisation as 贵单位', () => {
    const org = { ...base, applicant: { type: 'legalService', name: '青禾某律师事务所' } };
    const l = replyLetter(BODY, answered('unavailable.notHeld', [], org));
    expect(l.salutation).toBe('青禾某律师事务所：');
    expect(letterText(l)).toContain('本机关于2026年1月26日收到贵单位提交的');
  });

  it('writes a letter for every outcome row of table 三, and none before the reply', () => {
    for (const outcome of OUTCOME_KEYS) expect(replyLetter(BODY, answered(outcome)).paragraphs.length, outcome).toBeGreaterThan(2);
    expect(() => replyLetter(BODY, base)).toThrow('尚未答复');
  });

  it('tells a withdrawing applicant that handling ended, without a remedy sentence', () => {
    const l = replyLetter(BODY, recordEvent(base, { kind: 'withdrawn', on: '2026-02-03' }));
    expect(l.title).toBe('政府信息公开申请终止办理告知书');
    expect(letterText(l)).toContain('您于2026年2月3日撤回该申请，本机关终止办理');
    expect(letterText(l)).not.toContain('行政复议');
  });

  it('gives notice of an extension with the new due date (第三十三条第二款)', () => {
    const app = recordEvent(base, { kind: 'extended', on: '2026-02-25', approvedBy: '党政办主任' });
    const l = extensionLetter(BODY, app, '2026-03-27');
    expect(letterText(l)).toContain('第三十三条第二款');
    expect(letterText(l)).toContain('本机关将于2026年3月27日前作出答复');
    expect(l.signature[1]).toBe('2026年2月25日');
  });

  it('states a provisional due date as provisional, and a firm one plainly', () => {
    const app = recordEvent(base, { kind: 'extended', on: '2026-12-20', approvedBy: '党政办主任' });
    const provisional = letterText(extensionLetter(BODY, app, { due: '2027-02-01', provisional: true }));
    expect(provisional).toContain('本机关将于2027年2月1日（暂定，以国务院公布的2027年节假日安排为准）前作出答复');
    const firm = letterText(extensionLetter(BODY, app, { due: '2027-02-01', provisional: false }));
    expect(firm).toContain('本机关将于2027年2月1日前作出答复');
    expect(firm).not.toContain('暂定');
  });

  it('escapes everything the register holds in the HTML letter', () => {
    const app = answered('granted', [], { ...base, applicant: { ...base.applicant, name: '<img src=x onerror=alert(1)>' }, description: '<a href="javascript:alert(1)">名单</a>' });
    const html = letterHtml(replyLetter(BODY, app));
    expect(html).not.toMatch(/<img|<a |onerror=alert\(1\)>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;：');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;名单&lt;/a&gt;');
    expect(html).not.toContain('<script');
  });
});
