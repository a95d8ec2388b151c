/**
 * One audit-log row as a person reads it: who (their name, 系统 for the system), when (Beijing
 * time), what they did and to what, and each field that changed with its value before and after,
 * all in Chinese. Actions, entries and fields it has no word for get a generic Chinese word, never
 * the internal key; secrets are never shown and applicants' personal data is masked as in the
 * register's lists. Pure: the words are in ./audit-words.ts.
 */
import { maskContact, maskIdNumber } from './mask.js';
import { ACTION_WORDS, ACTION_WORDS_BY_ENTITY, BODY_ID_FIELDS, ENTITY_WORDS, FIELD_WORDS, FIELD_WORDS_BY_ENTITY, SECRET_FIELDS, VALUE_WORDS } from './audit-words.js';

/** A stored row and the names the store could join to it. */
export interface AuditFacts {
  actor: string;
  /** The display name of a `user:` actor, when the account exists. */
  actorName?: string | null;
  action: string;
  entity: string;
  entityId: string;
  oldValue: unknown;
  newValue: unknown;
  /** ISO 8601 instant. */
  at: string;
  /** The body the row concerns, by id and by name. */
  bodyId?: string | null;
  bodyName?: string | null;
  /** The entry's own name where the store knows it (an account's display name). */
  entityName?: string | null;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface ReadableEntry {
  when: string;
  who: string;
  action: string;
  entity: string;
  what: string;
  changes: FieldChange[];
  /** Changes beyond those listed (a whole report saved at once). */
  more: number;
}

export const UNKNOWN_ACTION = '其他操作';
export const UNKNOWN_ENTITY = '其他记录';
export const UNKNOWN_FIELD = '其他项';
export const EMPTY = '（空）';
export const HIDDEN = '（已隐藏）';
/** At most this many changed fields per entry; the rest are counted. */
export const MAX_CHANGES = 40;

const keyOf = (k: string) => k.toLowerCase().replace(/[-_.:\s]/g, '');
const loose = <T>(table: Readonly<Record<string, T>>): Map<string, T> => new Map(Object.entries(table).map(([k, v]) => [keyOf(k), v]));

const ACTIONS = loose(ACTION_WORDS);
const ACTIONS_BY_ENTITY = loose(ACTION_WORDS_BY_ENTITY);
const BODY_FIELDS = new Set(BODY_ID_FIELDS.map(keyOf));
const ENTITIES = loose(ENTITY_WORDS);
const FIELDS = loose(FIELD_WORDS);
const FIELDS_BY_ENTITY = loose(FIELD_WORDS_BY_ENTITY);
const VALUES = new Map(Object.entries(VALUE_WORDS).map(([k, v]) => [keyOf(k), loose(v)]));
const SECRETS = new Set(SECRET_FIELDS.map(keyOf));

export const actionLabel = (action: string, entity = ''): string => ACTIONS_BY_ENTITY.get(keyOf(`${entity}.${action}`)) ?? ACTIONS.get(keyOf(action)) ?? UNKNOWN_ACTION;
export const entityLabel = (entity: string): string => ENTITIES.get(keyOf(entity)) ?? UNKNOWN_ENTITY;
export const isKnownAction = (action: string): boolean => ACTIONS.has(keyOf(action));
export const isKnownEntity = (entity: string): boolean => ENTITIES.has(keyOf(entity));

const SYSTEM_WORDS: Readonly<Record<string, string>> = { demo: '系统（演示数据）', 'first-start': '系统（首次启动）' };

/** `user:name` → the account's display name (and user name); `system:*` → 系统; `public:*` → 公众. */
export function whoLabel(actor: string, displayName?: string | null): string {
  const [kind, ...rest] = actor.split(':');
  const name = rest.join(':');
  if (rest.length > 0 && kind === 'user') return displayName ? `${displayName}（${name}）` : name;
  if (rest.length > 0 && kind === 'system') return SYSTEM_WORDS[name] ?? '系统';
  if (rest.length > 0 && kind === 'public') return '公众（网上提交）';
  return `本机操作员 ${actor}`;
}

/** China keeps one offset all year (UTC+8, no summer time since 1991). */
const BEIJING_MS = 8 * 3600_000;

/** An instant as Beijing wall time, `2026-05-04 09:30:00`. */
export function beijingTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return new Date(t.getTime() + BEIJING_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant a Beijing calendar day (`2026-05-04`) begins, as ISO 8601. */
export const beijingDayStart = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_MS).toISOString();

/** The instant the Beijing day after `date` begins: the exclusive end of a range ending on `date`. */
export const beijingDayEnd = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_MS + 86_400_000).toISOString();

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

type Path = (string | number)[];

/** Every leaf of a value by its path; arrays of plain values are one leaf. */
function leaves(value: unknown, path: Path = [], out = new Map<string, { path: Path; value: unknown }>()): Map<string, { path: Path; value: unknown }> {
  const isLeafArray = Array.isArray(value) && value.every((x) => !isPlainObject(x) && !Array.isArray(x));
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  } else if (Array.isArray(value) && !isLeafArray) {
    value.forEach((v, i) => leaves(v, [...path, i], out));
  } else {
    out.set(JSON.stringify(path), { path, value: isPlainObject(value) ? null : value });
  }
  return out;
}

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/;

/** One plain value in words: coded values by the field's table, booleans 是/否, instants in Beijing time. */
function valueText(field: string, value: unknown, bodyName: (id: string) => string | undefined): string {
  if (isEmpty(value)) return EMPTY;
  if (Array.isArray(value)) return value.length === 0 ? '（无）' : value.map((v) => valueText(field, v, bodyName)).join('、');
  const words = VALUES.get(keyOf(field));
  const key = String(value);
  const word = words?.get(keyOf(key));
  if (word) return word;
  if (BODY_FIELDS.has(keyOf(field))) return bodyName(key) ?? key;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return beijingTime(value);
  return key;
}

const maskPersonName = (name: string) => `${[...name][0] ?? ''}**`;

/** Applicants' and letter writers' personal data, masked as the register's lists mask it. */
function masked(entity: string, path: Path, value: unknown, siblings: (key: string) => unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  const field = keyOf(String(path[path.length - 1]));
  const parent = path.length > 1 ? keyOf(String(path[path.length - 2])) : keyOf(entity);
  if (field === 'idnumber') return maskIdNumber(value);
  if (field === 'contact' || field === 'phone') return maskContact(value);
  if (field === 'address' && !keyOf(entity).startsWith('signin')) return [...value].slice(0, 6).join('') + '****';
  if (field === 'name' && parent === 'applicant' && siblings('type') === 'naturalPerson') return maskPersonName(value);
  if (field === 'name' && parent === 'opinion') return maskPersonName(value);
  return value;
}

/** Field labels for one entry: known words, and 其他项 (numbered when several) for the rest. */
function fieldNamer(entity: string, paths: Path[]): (path: Path) => string {
  const unknown: string[] = [];
  const segmentWord = (path: Path, i: number): string | undefined => {
    const seg = path[i]!;
    if (typeof seg === 'number') return `第${seg + 1}项`;
    const named = path.slice(0, i + 1).filter((p): p is string => typeof p === 'string');
    return FIELDS_BY_ENTITY.get(keyOf([entity, ...named].join('.'))) ?? FIELDS_BY_ENTITY.get(keyOf(`${entity}.${seg}`)) ?? FIELDS.get(keyOf(seg));
  };
  for (const path of paths)
    path.forEach((seg, i) => {
      if (typeof seg === 'string' && !segmentWord(path, i) && !unknown.includes(seg)) unknown.push(seg);
    });
  return (path) => {
    if (path.length === 0) return '内容';
    return path
      .map((seg, i) => segmentWord(path, i) ?? (unknown.length > 1 ? `${UNKNOWN_FIELD}${unknown.indexOf(String(seg)) + 1}` : UNKNOWN_FIELD))
      .join(' · ');
  };
}

/** Field by field: what changed between the two values (all fields of a creation or a deletion). */
export function fieldChanges(entity: string, oldValue: unknown, newValue: unknown, bodyName: (id: string) => string | undefined = () => undefined): { changes: FieldChange[]; more: number } {
  const before = leaves(oldValue);
  const after = leaves(newValue);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const changed = keys.filter((k) => JSON.stringify(before.get(k)?.value ?? null) !== JSON.stringify(after.get(k)?.value ?? null));
  const paths = changed.map((k) => (before.get(k) ?? after.get(k))!.path);
  const name = fieldNamer(entity, paths);
  const sibling = (map: Map<string, { value: unknown }>, path: Path) => (key: string) => map.get(JSON.stringify([...path.slice(0, -1), key]))?.value;
  const text = (map: Map<string, { path: Path; value: unknown }>, k: string, path: Path): string => {
    const leaf = map.get(k);
    if (!leaf || isEmpty(leaf.value)) return EMPTY;
    if (path.some((seg) => typeof seg === 'string' && SECRETS.has(keyOf(seg)))) return HIDDEN;
    const field = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
    return valueText(field, masked(entity, path, leaf.value, sibling(map, path)), bodyName);
  };
  const changes = changed.map((k, i) => ({ field: name(paths[i]!), before: text(before, k, paths[i]!), after: text(after, k, paths[i]!) }));
  return { changes: changes.slice(0, MAX_CHANGES), more: Math.max(0, changes.length - MAX_CHANGES) };
}

const NAME_FIELDS = ['title', 'name', 'displayName', 'subject', 'username', 'indexNo', 'date'];

/** The entry's own name, from what the store joined or the values themselves. */
function nameOf(f: AuditFacts): string | undefined {
  if (keyOf(f.entity) === 'body' && f.bodyName) return f.bodyName;
  if (f.entityName) return f.entityName;
  for (const v of [f.newValue, f.oldValue])
    if (isPlainObject(v))
      for (const k of NAME_FIELDS) {
        const x = v[k];
        if (typeof x === 'string' && x.trim() && !(keyOf(f.entity) === 'opinion' && k === 'name')) return x.trim();
      }
  return undefined;
}

/** What the entry is about: `机关：云岭镇人民政府（编号 yl）`, `年度报告：云岭镇人民政府 2026 年`. */
export function whatLabel(f: AuditFacts): string {
  const label = entityLabel(f.entity);
  const perYear = /^(.+)\/(\d{4})$/.exec(f.entityId);
  if (perYear && f.bodyName) return `${label}：${f.bodyName} ${perYear[2]} 年`;
  if (f.bodyName && f.entityId === f.bodyId && keyOf(f.entity) !== 'body') return `${label}：${f.bodyName}`;
  const name = nameOf(f);
  if (name) return name === f.entityId ? `${label}：${name}` : `${label}：${name}（编号 ${f.entityId}）`;
  if (f.bodyName && f.bodyName !== f.entityId && f.entityId !== '') return `${label} ${f.entityId}（${f.bodyName}）`;
  return f.entityId ? `${label} ${f.entityId}` : label;
}

/** An action with its detail: a register event names its kind (`登记办理事项：答复`). */
function actionText(f: AuditFacts): string {
  const label = actionLabel(f.action, f.entity);
  const kind = isPlainObject(f.newValue) ? f.newValue.kind : undefined;
  if (keyOf(f.action) === 'event' && typeof kind === 'string') {
    const word = VALUES.get('kind')?.get(keyOf(kind));
    if (word) return `${label}：${word}`;
  }
  return label;
}

/** The whole row in words. */
export function readableEntry(f: AuditFacts, bodyName: (id: string) => string | undefined = () => undefined): ReadableEntry {
  return {
    when: beijingTime(f.at),
    who: whoLabel(f.actor, f.actorName),
    action: actionText(f),
    entity: entityLabel(f.entity),
    what: whatLabel(f),
    ...fieldChanges(f.entity, f.oldValue, f.newValue, bodyName),
  };
}

/** One change as a line of text (the spreadsheet's cell): `名称：甲 → 乙`. */
export const changeLine = (c: FieldChange): string => `${c.field}：${c.before} → ${c.after}`;
