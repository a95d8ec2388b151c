/**
 * Rows a report added to a table (`其他主动公开文件` under 规范性文件 in table 二): their numbers
 * are kept out of the template's rows, and the user is told what was left unread and where.
 */
import type { ForeignRow } from './assign.js';
import type { Diagnostics } from './diagnostics.js';

export function reportForeignRows(diags: Diagnostics, foreign: readonly ForeignRow[], table: 'proactive' | 'applications', name: string): void {
  for (const row of foreign) {
    const raws = row.values.map((v) => v.cell.text).join(' ');
    diags.add(
      'TABLE.EXTRA_ROW',
      'warning',
      `${name}中有模板以外的行“${row.label.cell.text.trim()}”（${raws}），其数值未计入任何模板行`,
      table,
      row.label.cell,
    );
  }
}
