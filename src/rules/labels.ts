/**
 * Dotted model paths as a township officer reads them: `applications.granted.total` →
 * 表三“（一）予以公开”行“总计”列. Labels come from the template data.
 */
import { OTHER_HANDLING_SINGLE, SUBTOTAL_COLUMN, TEMPLATE_2019, TEMPLATE_2021 } from '../template/templates.js';

const TABLE_NAME: Record<string, string> = { proactive: '表二', applications: '表三', appeals: '表四' };

const ROWS = new Map<string, string>([
  ...TEMPLATE_2021.applicationRows.map((r) => [`applications.${r.key}`, r.label] as const),
  [`applications.${OTHER_HANDLING_SINGLE.key}`, OTHER_HANDLING_SINGLE.label],
  ...[...TEMPLATE_2019.proactive, ...TEMPLATE_2021.proactive].flatMap((b) => b.rows.map((r) => [`proactive.${r.key}`, r.label] as const)),
  ...TEMPLATE_2021.appealGroups.map((g) => [`appeals.${g.key}`, g.label] as const),
]);

const COLUMNS = new Map<string, string>([
  ...TEMPLATE_2021.applicationColumns.map((c) => [`applications.${c.key}`, c.label] as const),
  [`applications.${SUBTOTAL_COLUMN.key}`, SUBTOTAL_COLUMN.label],
  ...TEMPLATE_2021.appealResults.map((c) => [`appeals.${c.key}`, c.label] as const),
  ...[...TEMPLATE_2019.proactive, ...TEMPLATE_2021.proactive].flatMap((b) =>
    b.rows.flatMap((r) => r.fields.map((f) => [`proactive.${r.key}.${f.key}`, f.label] as const)),
  ),
]);

/** 表三“（一）予以公开”行“总计”列, 表四“行政复议”的“结果维持”, 表二“行政许可”的“本年处理决定数量”. */
export function placeName(path: string): string {
  const [table, ...rest] = path.split('.');
  const tableName = TABLE_NAME[table ?? ''] ?? table ?? '';
  if (rest.length === 0) return tableName;
  const column = rest.length > 1 ? rest.pop()! : null;
  const row = rest.join('.');
  const rowName = row === '*' ? '' : `“${ROWS.get(`${table}.${row}`) ?? row}”`;
  if (column === null) return `${tableName}${rowName}行`;
  const columnName = COLUMNS.get(`${table}.${column}`) ?? COLUMNS.get(`${table}.${row}.${column}`) ?? column;
  if (table === 'applications') return row === '*' ? `${tableName}“${columnName}”列` : `${tableName}${rowName}行“${columnName}”列`;
  return `${tableName}${rowName}的“${columnName}”`;
}
