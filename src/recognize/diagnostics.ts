/**
 * Diagnostics the reader raises, and a collector that keeps them in source order.
 * Codes of shared/spec/annual-report.md are used where they fit; reader-only codes are
 * prefixed INPUT., META., TABLE.; all are in the registry (src/model/codes.ts) and the README.
 */
import type { FindingCode } from '../model/codes.js';
import type { Diagnostic, Severity } from '../model/report.js';
import type { TextCell } from '../read/text.js';

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(code: FindingCode, severity: Severity, message: string, at: string, source?: Pick<TextCell, 'line' | 'text'>): void {
    const d: Diagnostic = { code, severity, message, at };
    if (source) {
      d.line = source.line;
      d.raw = source.text;
    }
    this.list.push(d);
  }
}

/** How a blank cell was written, for messages: `写作“/”`, or `留空` for an empty cell. */
export function writtenAs(raw: string): string {
  return raw.trim() ? `写作“${raw}”` : '留空';
}
