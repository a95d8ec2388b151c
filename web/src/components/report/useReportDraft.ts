/**
 * The report being edited: the model, what was typed in each cell (so `abc` or `05` stays as
 * typed while the model holds the number or nothing), which cells the officer changed, and
 * whether anything is unsaved.
 */
import { useMemo, useState } from 'react';
import type { AnnualReport, Cell } from '../../../../src/model/report.js';
import { templateFor } from '../../../../src/template/templates.js';
import { cellOf, cellText, parseCellInput, withCell } from './cells.js';

export type MetaKey = 'unit' | 'title' | 'publishedOn';

export interface ReportDraft {
  report: AnnualReport;
  dirty: boolean;
  touched: ReadonlySet<string>;
  /** Cells whose text is not a number: path → message. */
  invalid: ReadonlyMap<string, string>;
  textOf(path: string): string;
  setCell(path: string, text: string): void;
  setSection(no: number, text: string): void;
  setMeta(key: MetaKey, value: string): void;
  /** Tables 二, 三, 四 back to the register's figures (the narrative stays). */
  refill(from: AnnualReport): void;
  markSaved(): void;
}

function withSection(report: AnnualReport, no: number, text: string): AnnualReport {
  const def = templateFor(report.template).sections.find((s) => s.no === no)!;
  const others = report.sections.filter((s) => s.no !== no);
  const old = report.sections.find((s) => s.no === no);
  const sections = [...others, { no, title: old?.title ?? def.title, text }].sort((a, b) => a.no - b.no);
  return { ...report, sections };
}

export function useReportDraft(initial: AnnualReport): ReportDraft {
  const [report, setReport] = useState(initial);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [dirty, setDirty] = useState(false);
  const invalid = useMemo(() => {
    const bad = new Map<string, string>();
    for (const [path, text] of Object.entries(texts)) {
      const parsed = parseCellInput(text);
      if (!parsed.ok) bad.set(path, parsed.error);
    }
    return bad;
  }, [texts]);

  const change = (next: (r: AnnualReport) => AnnualReport) => {
    setReport(next);
    setDirty(true);
  };

  return {
    report,
    dirty,
    touched,
    invalid,
    textOf: (path) => texts[path] ?? cellText(cellOf(report, path)),
    setCell(path, text) {
      const parsed = parseCellInput(text);
      const value: Cell = parsed.ok ? parsed.value : null;
      setTexts((t) => ({ ...t, [path]: text }));
      setTouched((t) => new Set(t).add(path));
      change((r) => withCell(r, path, value));
    },
    setSection: (no, text) => change((r) => withSection(r, no, text)),
    setMeta: (key, value) => change((r) => ({ ...r, [key]: value.trim() === '' ? null : value })),
    refill(from) {
      setTexts({});
      setTouched(new Set());
      change((r) => ({ ...r, proactive: structuredClone(from.proactive), applications: structuredClone(from.applications), appeals: structuredClone(from.appeals) }));
    },
    markSaved: () => setDirty(false),
  };
}
