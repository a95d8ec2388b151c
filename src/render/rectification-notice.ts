/**
 * The 整改通知书 a supervisor sends a body for one year: every finding the supervisor confirmed,
 * each with where it is in the report (the cell, in Chinese), the rule it breaks and what was
 * found, and the date by which the body must answer — as a Word file in the official-letter look
 * of the reply letters (register/letter-render.ts). The list of the issues as a spreadsheet is
 * here too. Pure: data in, bytes out.
 */
import ExcelJS from 'exceljs';
import { ISSUE_STATUS_LABELS, SEVERITY_LABELS, type IssueStatusKey } from '../model/finding-review.js';
import { chineseDate } from '../register/labels.js';
import { letterDocx } from '../register/letter-render.js';
import type { Letter } from '../register/letters.js';

/** One confirmed finding as the notice lists it. */
export interface NoticeItem {
  /** Where: `表三“（一）予以公开”行“自然人”列`, `第六部分`. */
  place: string;
  /** The rule's Chinese name (the registry of codes). */
  rule: string;
  message: string;
}

export interface RectificationNotice {
  body: string;
  year: number;
  /** The office sending it (the supervisor's name), and the date it is sent. */
  from: string;
  date: string;
  /** The date by which the body answers (YYYY-MM-DD). */
  deadline: string;
  items: readonly NoticeItem[];
}

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99; past that, Arabic digits). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** A message as a sentence: a full stop added unless it already ends in one. */
const sentence = (text: string) => (/[。！？；]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`);

export const noticeTitle = (year: number) => `关于${year}年度政府信息公开工作年度报告问题的整改通知书`;

/** The notice as a letter: salutation, the findings one paragraph each, what to do by when, signature. */
export function noticeLetter(n: RectificationNotice): Letter {
  return {
    title: noticeTitle(n.year),
    salutation: `${n.body}：`,
    paragraphs: [
      `经审查你单位公布的《${n.year}年政府信息公开工作年度报告》，发现以下${n.items.length}个问题，经核实确认，现通知如下：`,
      ...n.items.map((it, i) => `${chineseOrdinal(i + 1)}、${it.place}。问题类型：${it.rule}。具体情况：${sentence(it.message)}`),
      `请你单位对照上述问题逐项核查整改，须更正已公布报告的，应更正后重新公布；并于${chineseDate(n.deadline)}前在本系统“整改事项”中逐项答复整改情况。`,
      '特此通知。',
    ],
    signature: [n.from, chineseDate(n.date)],
    basis: [],
  };
}

export const rectificationNoticeDocx = (n: RectificationNotice): Promise<Uint8Array> => letterDocx(noticeLetter(n));

/** One row of the 问题清单 as exported. */
export interface IssueSheetRow {
  body: string;
  year: number;
  place: string;
  code: string;
  rule: string;
  severity: string;
  message: string;
  status: IssueStatusKey;
  reason: string | null;
  answer: string | null;
}

const COLUMNS = [
  ['机关', 28], ['年度', 8], ['位置', 36], ['规则代码', 24], ['规则', 36], ['严重程度', 10], ['说明', 60], ['状态', 16], ['驳回理由', 30], ['整改情况', 40],
] as const;

/** The 问题清单 as a spreadsheet: a title line, the header, one row per finding. */
export async function issuesWorkbook(rows: readonly IssueSheetRow[], title: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('问题清单');
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow(COLUMNS.map(([label]) => label)).font = { bold: true };
  COLUMNS.forEach(([, width], i) => (sheet.getColumn(i + 1).width = width));
  for (const r of rows) {
    const row = sheet.addRow([
      r.body, r.year, r.place, r.code, r.rule, SEVERITY_LABELS[r.severity] ?? r.severity, r.message, ISSUE_STATUS_LABELS[r.status], r.reason ?? '', r.answer ?? '',
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return new Uint8Array(await book.xlsx.writeBuffer());
}
