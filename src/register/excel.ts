/**
 * The register as the spreadsheet (台账) bodies already keep: one row per application, the
 * columns an officer knows, Chinese labels for applicant types, channels and outcomes (taken
 * from the template data). Export writes it; import reads it back, checking every row by the
 * same lifecycle rules and naming the row of each problem. Buffers in and out; no files.
 */
import ExcelJS from 'exceljs';
import { APPLICATION_GROUP_LABELS, TEMPLATE_2021 } from '../template/templates.js';
import { recordEvent, RegisterError } from './lifecycle.js';
import { APPLICANT_TYPES, OUTCOME_KEYS, type Application, type Channel, type RegisterEvent } from './types.js';

const TYPE_LABEL = new Map(TEMPLATE_2021.applicationColumns.map((c) => [c.key, c.key === 'otherOrg' ? '其他组织' : c.label]));
const CHANNEL_LABEL: Record<Channel, string> = { inPerson: '当面', postSigned: '邮寄（签收）', ordinaryLetter: '平信', online: '网络', fax: '传真' };

/** 表三 rows as officers name them: the group's label before a numbered sub-row (`（三）不予公开 1.属于国家秘密`). */
const OUTCOME_LABEL = new Map(
  TEMPLATE_2021.applicationRows
    .filter((r) => OUTCOME_KEYS.includes(r.key))
    .map((r) => [r.key, r.group && r.group !== APPLICATION_GROUP_LABELS[0] ? `${r.group} ${r.label}` : r.label]),
);

const COLUMNS = [
  ['id', '申请编号'],
  ['type', '申请人类型'],
  ['name', '申请人'],
  ['description', '申请内容'],
  ['channel', '申请渠道'],
  ['receivedOn', '收到日期'],
  ['correctionRequested', '补正告知日期'],
  ['correctionReceived', '收到补正日期'],
  ['extended', '延期日期'],
  ['approvedBy', '延期批准人'],
  ['repliedOn', '答复日期'],
  ['outcome', '答复结果'],
  ['withdrawn', '撤回日期'],
] as const;

type Key = (typeof COLUMNS)[number][0];

function rowOf(app: Application): Record<Key, string> {
  const on = (kind: RegisterEvent['kind']) => {
    const e = app.events.find((x) => x.kind === kind);
    return e && 'on' in e ? e.on : '';
  };
  const reply = app.events.find((e): e is Extract<RegisterEvent, { kind: 'replied' }> => e.kind === 'replied');
  const extension = app.events.find((e): e is Extract<RegisterEvent, { kind: 'extended' }> => e.kind === 'extended');
  return {
    id: app.id,
    type: TYPE_LABEL.get(app.applicant.type) ?? app.applicant.type,
    name: app.applicant.name,
    description: app.description,
    channel: CHANNEL_LABEL[app.channel],
    receivedOn: app.receivedOn,
    correctionRequested: on('correctionRequested'),
    correctionReceived: on('correctionReceived'),
    extended: on('extended'),
    approvedBy: extension?.approvedBy ?? '',
    repliedOn: reply?.on ?? '',
    outcome: reply ? (OUTCOME_LABEL.get(reply.outcome) ?? reply.outcome) : '',
    withdrawn: on('withdrawn'),
  };
}

export async function exportRegister(apps: readonly Application[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('依申请公开台账');
  sheet.columns = COLUMNS.map(([key, header]) => ({ key, header, width: key === 'description' || key === 'outcome' ? 40 : 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const app of apps) sheet.addRow(rowOf(app));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (value && typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return value === null || value === undefined ? '' : String(value).trim();
}

const invert = <K extends string>(m: Map<K, string> | Record<K, string>) =>
  new Map([...(m instanceof Map ? m.entries() : (Object.entries(m) as [K, string][]))].map(([k, v]) => [v, k]));

/**
 * Read a 台账 back; every row is checked as if its events were recorded one by one. All rows or
 * none: the first problem stops the import and names its row.
 */
export async function importRegister(bytes: Uint8Array): Promise<Application[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new RegisterError('表格中没有工作表');
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
  const at = new Map(COLUMNS.map(([key, header]) => [key, headers.indexOf(header)]));
  const missing = COLUMNS.filter(([key]) => (at.get(key) ?? -1) < 0).map(([, h]) => h);
  if (missing.length) throw new RegisterError(`表头缺少列：${missing.join('、')}`);
  const types = invert(TYPE_LABEL);
  const channels = invert(CHANNEL_LABEL);
  const outcomes = invert(OUTCOME_LABEL);
  const apps: Application[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as ExcelJS.CellValue[];
    const get = (key: Key) => cellText(values[at.get(key)!]);
    if (!get('id')) continue;
    const fail = (why: string): never => {
      throw new RegisterError(`第${r}行（${get('id')}）：${why}`);
    };
    const type = types.get(get('type')) ?? (APPLICANT_TYPES.includes(get('type')) ? get('type') : fail(`申请人类型“${get('type')}”无效`));
    const channel = channels.get(get('channel')) ?? fail(`申请渠道“${get('channel')}”无效`);
    let app: Application = { id: get('id'), applicant: { type, name: get('name') }, description: get('description'), channel, receivedOn: get('receivedOn'), events: [] };
    const events: RegisterEvent[] = [];
    if (get('correctionRequested')) events.push({ kind: 'correctionRequested', on: get('correctionRequested') });
    if (get('correctionReceived')) events.push({ kind: 'correctionReceived', on: get('correctionReceived') });
    if (get('extended')) events.push({ kind: 'extended', on: get('extended'), approvedBy: get('approvedBy') });
    if (get('repliedOn')) events.push({ kind: 'replied', on: get('repliedOn'), outcome: outcomes.get(get('outcome')) ?? get('outcome') });
    if (get('withdrawn')) events.push({ kind: 'withdrawn', on: get('withdrawn') });
    try {
      for (const e of events) app = recordEvent(app, e);
    } catch (error) {
      fail((error as Error).message);
    }
    apps.push(app);
  }
  return apps;
}
