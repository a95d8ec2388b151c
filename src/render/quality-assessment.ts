/**
 * 年度报告质量评估: a body's or a region's assessment of one year's annual reports, written
 * from the checks' findings (with the supervisor's decisions) and the indicators' flags only —
 * the same input always gives the same words, no model is asked. Five aspects: completeness,
 * consistency, timeliness, copied text, indicator flags; then how the findings are being handled
 * and what to do. A region's assessment adds its totals (reported, missing, late, with errors,
 * templates, corrections) and the bodies with the most problems.
 *
 * Findings a supervisor dismissed, and confirmed ones no longer found, are not counted: the
 * assessment speaks of the problems that stand. Output: a printable HTML page and a Word file in
 * the official look of the 整改通知书 (GB/T 9704 margins, 方正小标宋简体 title, 黑体 headings,
 * 仿宋_GB2312 text). Pure: data in, text and bytes out.
 */
import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import type { CodeFamily } from '../model/codes.js';
import { ISSUE_STATUS_LABELS, ISSUE_STATUSES, type IssueStatusKey } from '../model/finding-review.js';
import type { Severity } from '../model/report.js';
import { chineseDate } from '../register/labels.js';
import { OFFICIAL_FONT, OFFICIAL_PAGE, OFFICIAL_SIZE, officialRun } from './official-style.js';
import { chineseOrdinal } from './rectification-notice.js';

export interface AssessedFinding {
  code: string;
  family: CodeFamily;
  severity: Severity;
  /** Where, in words: `表三“（七）总计”行“总计”列`. */
  place: string;
  message: string;
  status: IssueStatusKey;
  /** Why the supervisor dismissed it (dismissed findings only). */
  reason: string | null;
}

export interface AssessedFlag {
  /** 实质公开率 */
  indicator: string;
  /** The value with its unit: `40.0%`. */
  value: string;
  flag: 'red' | 'yellow';
  /** The thresholds in words (src/indicators thresholdWords). */
  thresholds: string;
}

/** One body's report of the year as assessed. */
export interface AssessedBody {
  name: string;
  reported: boolean;
  publishedOn: string | null;
  template: string | null;
  findings: readonly AssessedFinding[];
  flags: readonly AssessedFlag[];
  /** Cells corrected (in force) in the report, and its version. */
  corrections: number;
  version: number;
}

interface Common {
  year: number;
  /** Who assesses (the supervisor's name) and the date. */
  from: string;
  date: string;
}

export type AssessmentInput =
  | (Common & { kind: 'body'; body: AssessedBody })
  /** `outOfScope`: bodies of the region the assessor does not oversee, left out (said in the text). */
  | (Common & { kind: 'region'; region: string; bodies: readonly AssessedBody[]; outOfScope?: number });

export interface AssessmentSection {
  heading: string;
  paragraphs: string[];
}

export interface Assessment {
  title: string;
  sections: AssessmentSection[];
  signature: [string, string];
}

const COMPLETENESS: readonly CodeFamily[] = ['structure'];
const CONSISTENCY: readonly CodeFamily[] = ['arithmetic', 'narrative', 'cross-year', 'value'];
const EXAMPLES = 3;
const RANKED = 10;

/** The findings that stand: neither dismissed nor gone from the latest report. */
const standing = (fs: readonly AssessedFinding[]) => fs.filter((f) => f.status !== 'dismissed' && f.status !== 'resolved');
/** A missing part, table, row, column or figure; a label merely worded otherwise (提示) is not one. */
const isCompleteness = (f: AssessedFinding) => f.severity !== 'info' && (COMPLETENESS.includes(f.family) || f.code === 'VALUE.BLANK');
const isConsistency = (f: AssessedFinding) => CONSISTENCY.includes(f.family) && f.code !== 'VALUE.BLANK';
const count = (fs: readonly AssessedFinding[], s: Severity) => fs.filter((f) => f.severity === s).length;
const sentence = (text: string) => (/[。！？；]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`);
const clause = (text: string) => text.trim().replace(/[。！？；]+$/, '');

/** “错误 2 个、警告 1 个” (the severities present; “无” when none). */
function severityWords(fs: readonly AssessedFinding[]): string {
  const parts = (['error', 'warning', 'info'] as const).map((s) => [s, count(fs, s)] as const).filter(([, n]) => n > 0);
  const names = { error: '错误', warning: '警告', info: '提示' };
  return parts.length ? parts.map(([s, n]) => `${names[s]}${n}个`).join('、') : '无';
}

/** A few examples of findings, each “机关，位置：说明” (the place left out when the message names it). */
function examples(fs: readonly (AssessedFinding & { body?: string })[]): string {
  return fs
    .slice(0, EXAMPLES)
    .map((f) => `${f.body ? `${f.body}，` : ''}${f.message.includes(f.place) ? '' : `${f.place}：`}${clause(f.message)}`)
    .join('；');
}

/** A late publication the supervisor accepted (PUB.LATE dismissed), if any. */
const excusedLate = (fs: readonly AssessedFinding[]) => fs.find((f) => f.code === 'PUB.LATE' && f.status === 'dismissed');

function statusWords(fs: readonly AssessedFinding[]): string {
  const parts = ISSUE_STATUSES.map((s) => [s, fs.filter((f) => f.status === s).length] as const).filter(([, n]) => n > 0);
  return parts.map(([s, n]) => `${ISSUE_STATUS_LABELS[s]}${n}个`).join('、');
}

const flagName = (f: AssessedFlag['flag']) => (f === 'red' ? '红色预警' : '黄色预警');

// ─── A body ──────────────────────────────────────────────────────────────────────────────────

function bodySections(year: number, b: AssessedBody): AssessmentSection[] {
  if (!b.reported) {
    return [
      { heading: '总体情况', paragraphs: [`截至评估之日，未见${b.name}发布${year}年度政府信息公开工作年度报告，无法对报告质量作出评估。`] },
      { heading: '意见建议', paragraphs: [`请按《中华人民共和国政府信息公开条例》第四十九条的规定，尽快编制并公布${year}年度政府信息公开工作年度报告。`] },
    ];
  }
  const all = standing(b.findings);
  const published = b.publishedOn ? `于${chineseDate(b.publishedOn)}发布` : '发布';
  const template = b.template ? `（按${b.template}年模板填报）` : '';
  const dismissed = b.findings.filter((f) => f.status === 'dismissed').length;
  const overall = [
    `${b.name}${published}《${year}年政府信息公开工作年度报告》${template}。经逐项检查，${all.length ? `报告存在${severityWords(all)}` : '未发现问题'}${dismissed ? `（另有${dismissed}个经审核驳回，不计入）` : ''}。`,
    ...(b.corrections ? [`报告经更正${b.corrections}处（现为第${b.version}版），以下按更正后的数据评估。`] : []),
  ];
  const complete = all.filter(isCompleteness);
  const consistent = all.filter(isConsistency);
  const late = all.filter((f) => f.code === 'PUB.LATE');
  const copied = all.filter((f) => f.family === 'similarity');
  return [
    { heading: '总体情况', paragraphs: overall },
    {
      heading: '完整性',
      paragraphs: [complete.length ? `发现完整性问题${complete.length}个，例如：${examples(complete)}。` : '报告六个部分和三张统计表齐全，应填数字处均已填写。'],
    },
    { heading: '一致性', paragraphs: consistencyWords(consistent) },
    {
      heading: '及时性',
      paragraphs: [
        late.length
          ? `报告逾期发布：${sentence(late[0]!.message)}`
          : excusedLate(b.findings)
            ? `报告发布日期晚于规定期限，经审核认可其理由（${clause(excusedLate(b.findings)!.reason ?? '未说明')}），不作为问题。`
            : b.publishedOn ? `报告于${chineseDate(b.publishedOn)}发布，未晚于规定期限。` : '报告未载明发布日期，无法判断是否按期发布。',
      ],
    },
    {
      heading: '内容雷同',
      paragraphs: [copied.length ? copied.map((f) => sentence(f.message)).join('') : '第一、五、六部分未发现与上年报告或其他机关报告内容雷同。'],
    },
    {
      heading: '指标预警',
      paragraphs: [
        b.flags.length
          ? `按本地区预警阈值，${b.flags.length}项指标出现预警：${b.flags.map((f) => `${f.indicator}${f.value}（${flagName(f.flag)}，${f.thresholds}）`).join('；')}。`
          : '各项指标均未达到预警阈值（分母过小、不作评判的指标除外）。',
      ],
    },
    { heading: '问题处理情况', paragraphs: [b.findings.length ? `问题清单中该机关本年度共有问题${b.findings.length}个：${statusWords(b.findings)}。` : '问题清单中该机关本年度没有问题。'] },
    { heading: '意见建议', paragraphs: numbered(orKeepOn(adviceLines(all, b.flags.length > 0))) },
  ];
}

function consistencyWords(fs: readonly (AssessedFinding & { body?: string })[]): string[] {
  if (!fs.length) return ['表内、表间、正文与表格、本年与上年报告之间的勾稽关系均未发现问题。'];
  const bySeverity = (['error', 'warning', 'info'] as const).flatMap((s) => {
    const some = fs.filter((f) => f.severity === s);
    const name = { error: '错误', warning: '警告', info: '提示' }[s];
    return some.length ? [`${name}${some.length}个，例如：${examples(some)}。`] : [];
  });
  return [`发现勾稽关系和数值问题${fs.length}个。`, ...bySeverity];
}

const numbered = (lines: readonly string[]) => lines.map((l, i) => `${chineseOrdinal(i + 1)}是${l}`);

/** What to do, one line per kind of problem present (null when nothing is to be done). */
function adviceLines(fs: readonly AssessedFinding[], flagged: boolean): string[] {
  const lines: string[] = [];
  if (fs.some((f) => f.severity === 'error')) lines.push('对照问题清单逐项核实报告中的错误，须更正的，更正后重新公布。');
  if (fs.some(isCompleteness)) lines.push('按国务院办公厅规定的格式补齐缺少的部分、表格和数字，没有发生的事项填写 0。');
  if (fs.some((f) => f.code === 'PUB.LATE')) lines.push('严格按照条例第四十九条规定的期限公布年度报告。');
  if (fs.some((f) => f.family === 'similarity')) lines.push('按本年度工作实际撰写报告正文，避免照搬往年或其他机关的表述。');
  if (flagged) lines.push('对出现预警的指标分析原因，改进依申请公开的办理工作。');
  return lines;
}

const KEEP_ON = '保持现有工作质量，继续按规定格式和期限编制、公布年度报告。';
const orKeepOn = (lines: string[]) => (lines.length ? lines : [KEEP_ON]);

// ─── A region ────────────────────────────────────────────────────────────────────────────────

function regionSections(year: number, bodies: readonly AssessedBody[], outOfScope = 0): AssessmentSection[] {
  const reported = bodies.filter((b) => b.reported);
  const missing = bodies.filter((b) => !b.reported);
  const tagged = reported.flatMap((b) => standing(b.findings).map((f) => ({ ...f, body: b.name })));
  const withErrors = reported.filter((b) => standing(b.findings).some((f) => f.severity === 'error'));
  const late = reported.filter((b) => standing(b.findings).some((f) => f.code === 'PUB.LATE'));
  const excused = reported.filter((b) => !late.includes(b) && excusedLate(b.findings));
  const copied = reported.filter((b) => standing(b.findings).some((f) => f.family === 'similarity'));
  const corrected = reported.filter((b) => b.corrections > 0);
  const templates = [...new Set(reported.map((b) => b.template ?? '未知'))].sort().map((t) => `${t === '未知' ? '模板未能确定' : `按${t}年模板`}${reported.filter((b) => (b.template ?? '未知') === t).length}份`);
  const overall = [
    `本地区纳入评估的机关${bodies.length}个，已发布${year}年度报告${reported.length}个，未发布${missing.length}个；逾期发布${late.length}个；存在错误的${withErrors.length}个。共发现问题：${severityWords(tagged)}。`,
    ...(reported.length ? [`已发布的报告中，${templates.join('、')}；经更正的报告${corrected.length}份，共更正${corrected.reduce((n, b) => n + b.corrections, 0)}处。`] : []),
    ...(missing.length ? [`未发布报告的机关：${missing.map((b) => b.name).join('、')}。`] : []),
    ...(outOfScope ? [`本地区另有${outOfScope}个机关不在评估单位的监督范围内，未纳入本评估。`] : []),
  ];
  const complete = tagged.filter(isCompleteness);
  const completeBodies = new Set(complete.map((f) => f.body));
  const ranked = reported
    .map((b) => ({ name: b.name, fs: standing(b.findings) }))
    .filter((b) => b.fs.some((f) => f.severity !== 'info'))
    .sort((a, b) => count(b.fs, 'error') - count(a.fs, 'error') || count(b.fs, 'warning') - count(a.fs, 'warning') || b.fs.length - a.fs.length || a.name.localeCompare(b.name, 'zh'))
    .slice(0, RANKED);
  const flags = flagTotals(reported);
  const allFindings = reported.flatMap((b) => b.findings);
  return [
    { heading: '总体情况', paragraphs: overall },
    {
      heading: '完整性',
      paragraphs: [complete.length ? `${completeBodies.size}个机关的报告存在完整性问题，共${complete.length}个，例如：${examples(complete)}。` : '已发布报告的六个部分和三张统计表均齐全，应填数字处均已填写。'],
    },
    { heading: '一致性', paragraphs: consistencyWords(tagged.filter(isConsistency)) },
    {
      heading: '及时性',
      paragraphs: [
        late.length ? `逾期发布报告的机关${late.length}个：${late.map((b) => b.name).join('、')}。` : excused.length ? '除下列经审核认可理由的机关外，已发布的报告均未晚于规定期限。' : '已发布的报告均未晚于规定期限（未载明发布日期的除外）。',
        ...(excused.length ? [`发布日期晚于期限、经审核认可其理由的机关${excused.length}个：${excused.map((b) => b.name).join('、')}。`] : []),
      ],
    },
    {
      heading: '内容雷同',
      paragraphs: [copied.length ? `正文与上年报告或其他机关报告雷同的机关${copied.length}个：${copied.map((b) => b.name).join('、')}。` : '未发现报告正文内容雷同。'],
    },
    { heading: '指标预警', paragraphs: flags.length ? flags : ['各机关的各项指标均未达到预警阈值（分母过小、不作评判的指标除外）。'] },
    {
      heading: '问题较多的机关',
      paragraphs: ranked.length ? ranked.map((b, i) => `${i + 1}. ${b.name}：${severityWords(b.fs)}。`) : ['各机关的报告均未发现错误或警告。'],
    },
    { heading: '问题处理情况', paragraphs: [allFindings.length ? `问题清单中本地区本年度共有问题${allFindings.length}个：${statusWords(allFindings)}。` : '问题清单中本地区本年度没有问题。'] },
    {
      heading: '意见建议',
      paragraphs: numbered(orKeepOn([
        ...(missing.length ? [`督促未发布报告的${missing.length}个机关尽快公布${year}年度报告。`] : []),
        ...adviceLines(tagged, flags.length > 0).map((l) => `督促有关机关${l}`),
      ])),
    },
  ];
}

/** Per indicator: how many bodies are red and yellow, and which. */
function flagTotals(bodies: readonly AssessedBody[]): string[] {
  const by = new Map<string, { red: string[]; yellow: string[] }>();
  for (const b of bodies) {
    for (const f of b.flags) {
      const entry = by.get(f.indicator) ?? { red: [], yellow: [] };
      entry[f.flag].push(b.name);
      by.set(f.indicator, entry);
    }
  }
  return [...by].map(([indicator, { red, yellow }]) => {
    const parts = [
      ...(red.length ? [`红色预警${red.length}个（${red.join('、')}）`] : []),
      ...(yellow.length ? [`黄色预警${yellow.length}个（${yellow.join('、')}）`] : []),
    ];
    return `${indicator}：${parts.join('，')}。`;
  });
}

// ─── The document ────────────────────────────────────────────────────────────────────────────

export const assessmentTitle = (who: string, year: number) => `${who}${year}年度政府信息公开工作年度报告质量评估`;

/** The assessment as headed sections (一、总体情况 …), deterministic. */
export function writeAssessment(input: AssessmentInput): Assessment {
  const who = input.kind === 'body' ? input.body.name : input.region;
  const sections = input.kind === 'body' ? bodySections(input.year, input.body) : regionSections(input.year, input.bodies, input.outOfScope);
  return {
    title: assessmentTitle(who, input.year),
    sections: sections.map((s, i) => ({ ...s, heading: `${chineseOrdinal(i + 1)}、${s.heading}` })),
    signature: [input.from, chineseDate(input.date)],
  };
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

const STYLE = `
  body { font-family: "仿宋_GB2312", "FangSong", "STFangsong", serif; font-size: 16pt; line-height: 1.8; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #000; }
  h1 { font-family: "方正小标宋简体", "SimSun", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 1em; }
  h2 { font-family: "黑体", "SimHei", sans-serif; font-size: 16pt; font-weight: normal; margin: .8em 0 0; }
  p { margin: 0; text-indent: 2em; }
  .signature { text-align: right; margin-top: 2em; }
  .signature p { text-indent: 0; }
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  @media print { body { margin: 0; max-width: none; } }
`;

/** A printable HTML page: no script, every text escaped. */
export function assessmentHtml(a: Assessment): string {
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(a.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    `<h1>${esc(a.title)}</h1>`,
    ...a.sections.map((s) => `<section><h2>${esc(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</section>`),
    `<div class="signature">${a.signature.map((x) => `<p>${esc(x)}</p>`).join('')}</div>`,
    '</body></html>',
  ].join('\n');
}

const FONT = OFFICIAL_FONT;
const SIZE = OFFICIAL_SIZE;
const run = officialRun;

/** The Word file: A4, GB/T 9704 margins, the title centred, 黑体 headings, 仿宋 text indented two characters. */
export async function assessmentDocx(a: Assessment): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'gongkai',
    title: a.title,
    sections: [
      {
        properties: { page: OFFICIAL_PAGE },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(a.title, FONT.title, SIZE.title)] }),
          ...a.sections.flatMap((s) => [
            new Paragraph({ indent: { firstLine: 640 }, children: [run(s.heading, FONT.heading)] }),
            ...s.paragraphs.map((p) => new Paragraph({ indent: { firstLine: 640 }, children: [run(p, FONT.body)] })),
          ]),
          new Paragraph({ children: [run('', FONT.body)] }),
          ...a.signature.map((x) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(x, FONT.body)] })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
