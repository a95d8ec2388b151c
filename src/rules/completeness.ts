/**
 * Is the report finished? Drafting prompts and placeholders left in the text (TEXT.PLACEHOLDER:
 * `（请补充…）`, `（请说明…）`, `XX件`, `××`, `X月X日` — they would be published as written), and
 * narrative sections with a title but no text of their own (STRUCT.SECTION_EMPTY: error for 一
 * and 五, warning for 六; 二–四 are tables by the template and need no text).
 *
 * The same rules run on a draft in the editor and on a published report read from a file, so a
 * prompt our own generated draft carries (src/register/annual.ts) is caught in either.
 */
import type { AnnualReport, Section, Severity } from '../model/report.js';
import { templateFor } from '../template/templates.js';
import type { Finding } from './finding.js';

/** Verbs of a drafting instruction: `（请补充…）`, `（请根据…填写…）`, not `（请登录网站查看）`. */
const PROMPT_VERB =
  '(?:补充|说明|填写|填入|填报|根据|结合|按照|按实际|列明|列出|列举|写明|注明|核实|核对|修改|替换|删除|简述|概述|描述|撰写|编写|插入|完善|明确|提供|参照|如实|对照|概括|总结|输入|选择)';

/**
 * A bracket holding an instruction to the writer: `（请补充…）`, `【请填写…】`, `（此处填写…）`,
 * `（待补充）`, or a bare field name in square brackets, `【单位名称】`, `[年份]`.
 */
const BRACKETED = new RegExp(
  [
    `[（(【\\[〔［]\\s*(?:请(?:在此|于此|此处)?${PROMPT_VERB}|(?:此处|在此)(?:请)?${PROMPT_VERB}|待(?:补充|填写|填报|完善|核实|定))[^（）()【】\\[\\]〔〕［］\\n]{0,120}[）)】\\]〕］]`,
    '[【\\[［]\\s*(?:单位|机关|部门|乡镇|街道)?(?:名称|全称|年份|年度|日期|数量|件数|条数|金额|时间|数字)\\s*[】\\]］]',
  ].join('|'),
  'g',
);

/** What a placeholder stands for: a count, an amount, a date part. */
const UNIT = '(?:个月|万元|人次|年|月|日|号|件|条|次|个|人|项|家|元|%|％|篇|期|场|份|起|名|批|类|部)';
const X = '[XxＸｘ×]';
/** Not inside a Latin word, a web address (`gxj.wuhai`) or a multiplication (`7×24小时`). */
const NOT_AFTER = '(?<![A-Za-z0-9０-９.])';
/**
 * Letters standing for a number: `X月X日`, `XX件`, `××镇`, `xx条`; a blank or question marks in
 * front of a unit: `____件`, `？？件`. The unit is part of what is quoted.
 */
const LETTERS = new RegExp(
  [
    `${NOT_AFTER}(?:${X}{1,4}\\s*年\\s*)?${X}{1,2}\\s*月\\s*${X}{1,2}\\s*日`,
    `${NOT_AFTER}${X}{2,}(?:\\s*${UNIT})?(?![A-Za-z0-9])`,
    `${NOT_AFTER}${X}\\s*${UNIT}`,
    `(?:_{2,}|＿+|[?？]{1,3})\\s*${UNIT}`,
  ].join('|'),
  'g',
);

/** How far either side of a placeholder the message quotes, so the officer finds it. */
const CONTEXT = 8;

const FEE = /处理费|收费/;

interface Place {
  at: string;
  /** `第五部分“存在的主要问题及改进情况”`, `标题`. */
  name: string;
  text: string;
}

interface Placeholder {
  /** The placeholder as written: `（请补充…）`, `XX条`. */
  raw: string;
  /** The line around it, for the message. */
  context: string;
}

/** Each placeholder once per place. */
function placeholdersIn(text: string): Placeholder[] {
  const found = new Map<string, Placeholder>();
  for (const m of [...text.matchAll(BRACKETED), ...text.matchAll(LETTERS)].sort((a, b) => a.index - b.index)) {
    if (found.has(m[0])) continue;
    const before = text.slice(Math.max(0, m.index - CONTEXT), m.index).split('\n').pop()!;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + CONTEXT).split('\n')[0]!;
    found.set(m[0], { raw: m[0], context: `${before}${m[0]}${after}` });
  }
  return [...found.values()];
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六'];

function sectionName(report: AnnualReport, s: Section): string {
  const def = templateFor(report.template).sections.find((d) => d.no === s.no);
  return `第${NUMERALS[s.no] ?? s.no}部分“${def?.core ?? s.title}”`;
}

function places(report: AnnualReport): Place[] {
  const list: Place[] = report.sections.map((s) => ({ at: `sections.${s.no}`, name: sectionName(report, s), text: s.text }));
  if (report.title) list.push({ at: 'title', name: '标题', text: report.title });
  if (report.unit) list.push({ at: 'unit', name: '机关名称', text: report.unit });
  return list;
}

function placeholderMessage(place: Place, p: Placeholder): string {
  if (place.at === 'sections.6' && /^[（(]/.test(p.raw) && FEE.test(p.raw)) {
    return `${place.name}关于信息处理费的说明还是起草提示“${p.raw}”，会被原样发布。请写明本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况（没有收取也应写明，如“本年度未收取信息处理费”），并删去提示`;
  }
  if (/^[（(【[〔［]/.test(p.raw)) return `${place.name}留有起草提示或占位符“${p.raw}”，会被原样发布；请按实际情况写好并删去提示`;
  return `${place.name}留有占位符“${p.raw}”（见“…${p.context}…”），应填写实际的数字或日期，否则会被原样发布`;
}

export function placeholderFindings(report: AnnualReport): Finding[] {
  return places(report).flatMap((place) =>
    placeholdersIn(place.text).map(
      (p): Finding => ({ code: 'TEXT.PLACEHOLDER', severity: 'error', message: placeholderMessage(place, p), at: place.at, expected: null, found: p.raw }),
    ),
  );
}

/** Sections written as text; 二–四 are tables by the template. 六 may say just “无”, so an empty one is a warning. */
const NARRATIVE: ReadonlyMap<number, Severity> = new Map<number, Severity>([
  [1, 'error'],
  [5, 'error'],
  [6, 'warning'],
]);

/** Nothing but spaces, punctuation or markup (`|`, `-`, `#`). */
const NO_TEXT = /^[\s\p{P}\p{S}]*$/u;
/** A line that is only a numbered sub-heading, `（一）存在问题：`, `(二) 改进措施`: a heading, not text. */
const SUBHEADING = /^[\s#*>-]*[（(][一二三四五六七八九十]{1,3}[）)]\s*[\u4e00-\u9fff]{0,12}[：:]?\s*$/u;

/** No text of its own: nothing, or only sub-headings with nothing under them. */
const hasNoText = (text: string) => NO_TEXT.test(text.split('\n').filter((line) => !SUBHEADING.test(line)).join(''));

export function emptySectionFindings(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  for (const s of report.sections) {
    const severity = NARRATIVE.get(s.no);
    if (!severity || !hasNoText(s.text)) continue;
    const what = s.no === 6 ? '没有其他事项也应写明“无”，并说明信息处理费的收取情况' : s.no === 1 ? '应概述本年度主动公开、依申请公开、政府信息管理、平台建设和监督保障的情况' : '应写明存在的主要问题和改进措施';
    findings.push({
      code: 'STRUCT.SECTION_EMPTY',
      severity,
      message: `${sectionName(report, s)}只有标题，没有正文：${what}`,
      at: `sections.${s.no}`,
      expected: null,
      found: null,
    });
  }
  return findings;
}

export function completenessFindings(report: AnnualReport): Finding[] {
  return [...placeholderFindings(report), ...emptySectionFindings(report)];
}
