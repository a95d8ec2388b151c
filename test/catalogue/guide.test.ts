/**
 * The 政府信息公开指南 generated from a body's settings: every detail the body entered appears in
 * the section where a reader looks for it, the legal periods are the 条例's, and missing
 * essentials are named.
 */
import { describe, expect, it } from 'vitest';
import { annualReportDeadline, checkGuideSettings, guideDocument, type GuideDocument, type GuideSettings } from '../../src/catalogue/guide.js';

const settings: GuideSettings = {
  officeName: '云岭镇党政综合办公室',
  address: '青禾县云岭镇和平路1号',
  postalCode: '678100',
  officeHours: '工作日上午8:30—12:00，下午14:30—17:30',
  phone: '0871-65551234',
  fax: '0871-65551235',
  email: 'gk@yunling.example.gov.cn',
  website: 'https://yunling.example.gov.cn',
  mailbox: 'jd@yunling.example.gov.cn',
  hotline: '0871-65559999',
  supervisor: '青禾县人民政府办公室',
  reconsideration: '青禾县人民政府',
  court: '青禾县人民法院',
};
const body = { name: '青禾县云岭镇人民政府', level: 'township' };

/** All the text of one numbered section (headings, paragraphs, facts, links). */
function sectionText(doc: GuideDocument, heading: string): string {
  const s = doc.sections.find((x) => x.heading === heading);
  if (!s) throw new Error(`no section ${heading}`);
  return s.parts.map((p) => [p.heading ?? '', ...p.paragraphs, ...(p.facts ?? []).map(([k, v]) => `${k}：${v}`), ...(p.links ?? []).map((l) => `${l.text}→${l.href}`)].join('\n')).join('\n');
}

describe('the guide of a body', () => {
  const doc = guideDocument(body, settings);

  it('has the usual structure and the body\'s name in the title', () => {
    expect(doc.title).toBe('青禾县云岭镇人民政府政府信息公开指南');
    expect(doc.sections.map((s) => s.heading)).toEqual(['一、主动公开', '二、依申请公开', '三、监督和救济', '四、政府信息公开工作年度报告']);
    expect(doc.sections[0]!.parts.map((p) => p.heading)).toEqual(['（一）公开范围', '（二）公开形式', '（三）公开时限']);
    expect(doc.sections[1]!.parts.map((p) => p.heading)).toEqual(['（一）受理机构', '（二）申请方式', '（三）申请内容', '（四）申请的处理和答复期限', '（五）收费']);
    expect(doc.sections[2]!.parts.map((p) => p.heading)).toEqual(['（一）投诉举报', '（二）行政复议', '（三）行政诉讼']);
    expect(doc.missing).toEqual([]);
  });

  it('puts the office\'s details under 受理机构 of 依申请公开', () => {
    const office = doc.sections[1]!.parts[0]!;
    expect(office.facts).toEqual([
      ['名称', '云岭镇党政综合办公室'],
      ['办公地址', '青禾县云岭镇和平路1号'],
      ['邮政编码', '678100'],
      ['办公时间', '工作日上午8:30—12:00，下午14:30—17:30'],
      ['联系电话', '0871-65551234'],
      ['传真', '0871-65551235'],
      ['电子邮箱', 'gk@yunling.example.gov.cn'],
      ['政府网站', 'https://yunling.example.gov.cn'],
    ]);
  });

  it('lists the application channels with the online form, the postal address and the hours', () => {
    const text = sectionText(doc, '二、依申请公开');
    expect(text).toContain('1. 在线申请');
    expect(text).toContain('在线申请政府信息公开→/apply');
    expect(text).toContain('2. 信函申请：填写申请表或者写明申请内容，邮寄至青禾县云岭镇和平路1号云岭镇党政综合办公室（邮政编码：678100）');
    expect(text).toContain('3. 当面申请：在工作日上午8:30—12:00，下午14:30—17:30到青禾县云岭镇和平路1号提交书面申请');
  });

  it('quotes the periods and the fees of the 条例 and 109号文', () => {
    expect(sectionText(doc, '一、主动公开')).toContain('自该政府信息形成或者变更之日起20个工作日内予以公开');
    const onRequest = sectionText(doc, '二、依申请公开');
    expect(onRequest).toContain('自收到申请之日起20个工作日内予以答复');
    expect(onRequest).toContain('延长的期限最长不得超过20个工作日');
    expect(onRequest).toContain('国办函〔2020〕109号');
    expect(onRequest).toContain('11—30件的部分每件收费100元');
  });

  it('names the complaint channels, the 复议 body and the court under 监督和救济', () => {
    const text = sectionText(doc, '三、监督和救济');
    expect(text).toContain('向青禾县人民政府办公室投诉、举报');
    expect(text).toContain('监督信箱：jd@yunling.example.gov.cn');
    expect(text).toContain('举报电话：0871-65559999');
    expect(text).toContain('意见箱→/opinions');
    expect(text).toContain('六十日内，依法向青禾县人民政府申请行政复议');
    expect(text).toContain('六个月内，依法向青禾县人民法院提起行政诉讼');
  });

  it('gives the annual-report deadline of the body\'s level', () => {
    expect(sectionText(doc, '四、政府信息公开工作年度报告')).toContain('每年1月31日前');
    expect(annualReportDeadline({ name: '青禾县人民政府', level: 'county' })).toBe('3月31日');
    expect(annualReportDeadline({ name: '青禾县自然资源局', level: 'department' })).toBe('1月31日');
  });
});

describe('a body that has filled in little', () => {
  it('says what is missing and leaves out closed channels', () => {
    const doc = guideDocument({ name: '青禾县松溪乡人民政府', level: 'township' }, { phone: '0871-65550000', applyPost: false });
    expect(doc.missing).toEqual(['政府信息公开工作机构', '办公地址', '办公时间']);
    const office = doc.sections[1]!.parts[0]!.facts!;
    expect(office).toContainEqual(['联系电话', '0871-65550000']);
    expect(office).toContainEqual(['办公地址', '（本机关尚未公布）']);
    const text = sectionText(doc, '二、依申请公开');
    expect(text).not.toContain('信函申请');
    expect(text).toContain('2. 当面申请');
    expect(sectionText(doc, '三、监督和救济')).toContain('向上一级行政机关或者政府信息公开工作主管部门投诉、举报');
  });
});

describe('checking the settings', () => {
  it('refuses malformed details with a message per field', () => {
    const errors = checkGuideSettings({ postalCode: '6781', phone: '12345', email: 'not-mail', website: 'yunling.gov.cn', applyOnline: false, applyPost: false, applyInPerson: false });
    expect(Object.keys(errors).sort()).toEqual(['channels', 'email', 'phone', 'postalCode', 'website']);
    expect(checkGuideSettings(settings)).toEqual({});
  });
});
