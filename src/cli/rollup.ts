/**
 * `gongkai rollup FILE...`: the bodies' reports summed into one report per area (a county's
 * 汇总 of tables 二, 三 and 四), with who is included, who is missing and who was refused, or
 * `--json`. Areas: all files as one (`--unit` names it), `--by prefix-of-unit[:N]` (the first N
 * administrative levels of each unit name, default 1) or `--by mapping.csv` (unit,area).
 * Exit code: 0, or 2 when a file could not be read.
 */
import {
  adminPrefix,
  groupByMapping,
  groupByPrefix,
  parseAreaMapping,
  rollup,
  rowLabel,
  sameName,
  type RollupResult,
} from '../corpus/rollup.js';
import type { AnnualReport, CellRow } from '../model/report.js';
import { decodeText } from '../read/decode.js';
import { templateFor } from '../template/templates.js';
import { loadReports } from './check.js';
import { complain, describeError, readInput } from './io.js';

export interface RollupCommandOptions {
  /** `prefix-of-unit`, `prefix-of-unit:N`, or a mapping CSV file (unit,area). */
  by?: string;
  json?: boolean;
  /** The area's name when all files are one area (ignored with --by). */
  unit?: string;
  /** A file of the bodies expected to report: one name a line (a CSV's first column). */
  expected?: string;
}

interface Area {
  area: string;
  reports: AnnualReport[];
  expected: string[];
}

const PREFIX_MODE = /^prefix(?:-of-unit)?(?::(\d+))?$/;

async function readText(file: string): Promise<string | { error: string }> {
  try {
    return decodeText(await readInput(file)).text;
  } catch (error) {
    return { error: describeError(error) };
  }
}

/** Names one a line; of a CSV line, the first column; `#` starts a comment line. */
function expectedNames(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.split(/[,，\t]/)[0]!.replace(/^"|"$/g, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !/^(unit|单位|机关|单位名称|机关名称)$/i.test(l));
}

function fmt(v: number | null): string {
  return v === null ? '空' : String(v);
}

function rowLine(cells: CellRow, labels: ReadonlyMap<string, string>): string {
  return Object.entries(cells)
    .map(([k, v]) => `${labels.get(k) ?? k} ${fmt(v)}`)
    .join('，');
}

function renderArea(r: RollupResult, area: string): string {
  const { report } = r;
  const t = templateFor(report.template);
  const lines: string[] = [];
  lines.push(`━━ ${area} ${report.year ?? '？'}年度汇总（${report.template}年模板）`);
  lines.push(`   纳入 included（${r.included.length}）：${r.included.join('、') || '无'}`);
  lines.push(`   缺报 missing（${r.missing.length}）：${r.missing.join('、') || '无'}`);
  lines.push(`   未纳入 refused（${r.refused.length}）${r.refused.length === 0 ? '：无' : ''}`);
  for (const x of r.refused) lines.push(`     · ${x.unit ?? '（机关未知）'}：${x.reason}`);

  lines.push('   表二 主动公开政府信息情况');
  for (const block of t.proactive) {
    for (const row of block.rows) {
      const labels = new Map(row.fields.map((f) => [f.key, f.label]));
      lines.push(`     ${row.label}：${rowLine(report.proactive[row.key] ?? {}, labels)}`);
    }
  }

  lines.push('   表三 收到和处理政府信息公开申请情况（总计列）');
  const columns = new Map(t.applicationColumns.map((c) => [c.key, c.label]));
  for (const [key, cells] of Object.entries(report.applications)) {
    lines.push(`     ${rowLabel('applications', key)}：${fmt(cells.total ?? null)}`);
  }
  const newReceived = report.applications.newReceived;
  if (newReceived) lines.push(`     （本年新收按申请人：${rowLine(newReceived, columns)}）`);

  lines.push('   表四 行政复议、行政诉讼情况');
  const results = new Map(t.appealResults.map((c) => [c.key, c.label]));
  for (const g of t.appealGroups) lines.push(`     ${g.label}：${rowLine(report.appeals[g.key] ?? {}, results)}`);

  const nulls = report.diagnostics.filter((d) => d.code === 'ROLLUP.NULL_CELL');
  if (nulls.length > 0) {
    lines.push(`   ▲ 有数无法汇总（空）(cells left blank) ${nulls.length} 处：`);
    for (const d of nulls) lines.push(`     · ${d.message}`);
  }
  lines.push('');
  return lines.join('\n');
}

export async function rollupCommand(files: readonly string[], opts: RollupCommandOptions): Promise<number> {
  const { loaded, code } = await loadReports(files);
  const fileOf = new Map<AnnualReport, string>();
  const reports: AnnualReport[] = [];
  for (const { file, report } of loaded) {
    reports.push(report);
    fileOf.set(report, file);
  }

  let expected: string[] = [];
  if (opts.expected) {
    const text = await readText(opts.expected);
    if (typeof text !== 'string') {
      complain(opts.expected, text.error);
      return 2;
    }
    expected = expectedNames(text);
  }

  const areas: Area[] = [];
  let ungrouped: AnnualReport[] = [];
  const prefixMode = opts.by === undefined ? null : PREFIX_MODE.exec(opts.by);
  if (opts.by === undefined) {
    const prefixes = new Set(reports.map((r) => (r.unit === null ? null : adminPrefix(r.unit))));
    const [only] = prefixes;
    const name = opts.unit ?? (prefixes.size === 1 && typeof only === 'string' ? only : '汇总');
    areas.push({ area: name, reports, expected });
  } else if (prefixMode) {
    const depth = Math.max(1, Number(prefixMode[1] ?? 1));
    const grouping = groupByPrefix(reports, depth);
    ungrouped = grouping.ungrouped;
    for (const g of grouping.groups) areas.push({ area: g.area, reports: g.reports, expected: [] });
    for (const name of expected) {
      const area = adminPrefix(name, depth);
      if (area === null) {
        complain(opts.expected ?? '', `“${name}”无法按名称前缀归入任何地区 (no administrative prefix)`);
        continue;
      }
      let entry = areas.find((a) => a.area === area);
      if (!entry) areas.push((entry = { area, reports: [], expected: [] }));
      entry.expected.push(name);
    }
  } else {
    const text = await readText(opts.by);
    if (typeof text !== 'string') {
      complain(opts.by, text.error);
      return 2;
    }
    const mapping = parseAreaMapping(text);
    for (const e of mapping.errors) complain(opts.by, e.message);
    const grouping = groupByMapping(reports, mapping);
    ungrouped = grouping.ungrouped;
    for (const [area, units] of mapping.units) {
      const more = expected.filter((n) => mapping.areaOf.get(sameName(n)) === area);
      areas.push({ area, reports: grouping.groups.find((g) => g.area === area)?.reports ?? [], expected: [...units, ...more] });
    }
    for (const name of expected) {
      if (!mapping.areaOf.has(sameName(name))) complain(opts.expected ?? '', `“${name}”不在地区对照表中 (not in the mapping)`);
    }
  }
  for (const r of ungrouped) {
    complain(fileOf.get(r) ?? '', `${r.unit ?? '（机关未知）'}无法归入任何地区，未计入汇总 (no area for this unit)`);
  }

  const results = areas.map((a) => ({ area: a.area, ...rollup(a.reports, { unit: a.area, expected: a.expected }) }));
  if (opts.json) {
    const json = results.map((r) => ({ area: r.area, included: r.included, missing: r.missing, refused: r.refused, report: r.report }));
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    process.stdout.write(`${results.map((r) => renderArea(r, r.area)).join('\n')}\n`);
  }
  return code;
}
