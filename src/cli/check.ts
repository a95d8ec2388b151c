/**
 * `gongkai check FILE...`: every rule over every report, grouped by report (worst first), or
 * `--json`. Reports of one body in different years are paired for the cross-year rules.
 * Exit code: 0 no error, 1 some error, 2 a file could not be read.
 */
import type { AnnualReport } from '../model/report.js';
import { checkReport } from '../rules/check.js';
import { SEVERITY_ORDER, type Finding } from '../rules/finding.js';
import { DEFAULT_DEADLINES, type Deadlines } from '../rules/publication.js';
import { complain, describeError, readInput, writeOutput } from './io.js';
import { readReportBytes } from './reading.js';

export interface CheckCommandOptions {
  json?: boolean;
  previous?: string;
  deadline?: string;
  deadlineBody?: string;
  deadlineGovernment?: string;
  threshold?: string;
  out?: string;
}

interface Loaded {
  file: string;
  report: AnnualReport;
}

/** A canonical JSON model, or any report format gongkai reads. */
export async function loadReport(file: string): Promise<{ report: AnnualReport } | { error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(file);
  } catch (error) {
    return { error: describeError(error) };
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('{')) {
    try {
      const { validateReport } = await import('../model/schema.js'); // zod, only for a JSON model
      const v = validateReport(JSON.parse(new TextDecoder().decode(bytes)));
      return v.ok ? { report: v.report } : { error: `不是有效的 gongkai.report/v1 模型：${v.errors.slice(0, 3).join('；')}` };
    } catch {
      // Not JSON after all: read it as a report text.
    }
  }
  let parsed;
  try {
    ({ parsed } = await readReportBytes(bytes));
  } catch (error) {
    return { error: (error as Error).message };
  }
  return parsed.readable ? { report: parsed.report } : { error: parsed.reason ?? '无法读取' };
}

/** Same body, one year earlier (names compared without spaces). */
function previousOf(item: Loaded, all: readonly Loaded[]): AnnualReport | undefined {
  const unit = item.report.unit?.replace(/\s+/g, '');
  const year = item.report.year;
  if (!unit || year === null) return undefined;
  return all.find((o) => o !== item && o.report.unit?.replace(/\s+/g, '') === unit && o.report.year === year - 1)?.report;
}

const MARK: Record<Finding['severity'], string> = { error: '✖ 错误', warning: '▲ 警告', info: '· 提示' };

function worst(findings: readonly Finding[]): number {
  return Math.min(3, ...findings.map((f) => SEVERITY_ORDER[f.severity]));
}

function renderText(results: { file: string; report: AnnualReport; findings: Finding[] }[]): string {
  const lines: string[] = [];
  const sorted = [...results].sort((a, b) => worst(a.findings) - worst(b.findings));
  for (const r of sorted) {
    const count = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
    lines.push(`━━ ${r.file}`);
    lines.push(`   ${r.report.unit ?? '（机关未知）'} ${r.report.year ?? '？'}年度 · 错误 ${count('error')} · 警告 ${count('warning')} · 提示 ${count('info')}`);
    for (const f of r.findings) {
      lines.push(`   ${MARK[f.severity]} [${f.code}] ${f.message}`);
      lines.push(`      位置 at: ${f.at}${f.line ? `（第${f.line}行）` : ''}`);
    }
    if (r.findings.length === 0) lines.push('   ✓ 未发现问题 (no findings)');
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** Load every file; the unreadable ones are named on standard error and make the exit code 2. */
export async function loadReports(files: readonly string[]): Promise<{ loaded: Loaded[]; code: number }> {
  let code = 0;
  const loaded: Loaded[] = [];
  for (const file of files) {
    const r = await loadReport(file);
    if ('error' in r) {
      complain(file, r.error);
      code = 2;
    } else loaded.push({ file, report: r.report });
  }
  return { loaded, code };
}

export async function checkCommand(files: readonly string[], opts: CheckCommandOptions): Promise<number> {
  const { loaded, code: loadCode } = await loadReports(files);
  let code = loadCode;
  let explicitPrevious: AnnualReport | undefined;
  if (opts.previous) {
    const p = await loadReport(opts.previous);
    if ('error' in p) {
      complain(opts.previous, p.error);
      return 2;
    }
    explicitPrevious = p.report;
  }
  const deadlines: Deadlines = {
    body: opts.deadlineBody ?? DEFAULT_DEADLINES.body,
    government: opts.deadlineGovernment ?? DEFAULT_DEADLINES.government,
    ...(opts.deadline ? { override: opts.deadline } : {}),
  };
  const threshold = opts.threshold ? Number(opts.threshold) : undefined;
  const results = loaded.map((item) => {
    const previous = explicitPrevious ?? previousOf(item, loaded);
    const peers = loaded.filter((o) => o !== item && o.report !== previous).map((o) => o.report);
    const findings = checkReport(item.report, { previous, peers, deadlines, similarityThreshold: threshold });
    return { ...item, findings };
  });
  if (opts.json) {
    const json = results.map((r) => ({ file: r.file, unit: r.report.unit, year: r.report.year, findings: r.findings }));
    await writeOutput(opts.out, `${JSON.stringify(json, null, 2)}\n`);
  } else {
    await writeOutput(opts.out, renderText(results));
  }
  if (code === 0 && results.some((r) => r.findings.some((f) => f.severity === 'error'))) code = 1;
  return code;
}
