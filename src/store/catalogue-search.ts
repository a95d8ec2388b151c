/**
 * The public's read-only view of the catalogue. Every search carries `status = 'published'`: a
 * draft, an item in review, a rejected or withdrawn one is not in a search, and no attachment of
 * them is served. An item withdrawn (撤销) after publication keeps its page, by id or index
 * number, saying when and why — without its text or files; what never went public does not exist
 * for the public at all. Nothing here writes.
 */
import { ANNUAL_REPORT_TYPE, COUNT_CAP, reportYearOf, type CatalogueQuery } from '../catalogue/query.js';
import type { Db } from './db.js';

export interface PublicItemSummary {
  id: number;
  indexNo: string;
  title: string;
  summary: string;
  bodyId: string;
  bodyName: string;
  publisher: string;
  docNo: string | null;
  topic: string | null;
  docType: string | null;
  madeOn: string;
  publishedOn: string | null;
  /** 规章 / 行政规范性文件 and the dates their validity is computed from. */
  ruleKind: 'regulations' | 'normativeDocuments' | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  amendedOn: string | null;
  repealedOn: string | null;
  /** Annual reports only: the year the report is about. */
  reportYear?: number;
}

export interface PublicAttachment {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface PublicItem extends PublicItemSummary {
  content: string;
  channels: string[];
  attachments: PublicAttachment[];
  /** 撤销: the item is no longer public; its page says when and why (its text and files are gone). */
  revoked: { on: string; reason: string } | null;
  /** Published items that interpret this one (政策解读), and the published item this one interprets. */
  interpretations: { id: number; title: string }[];
  interprets: { id: number; title: string } | null;
}

export interface SearchResult {
  items: PublicItemSummary[];
  /** The number of matches; null when not counted (more than COUNT_CAP, or a common word). */
  total: number | null;
  hasMore: boolean;
}

interface SummaryRow {
  id: string;
  index_no: string;
  title: string;
  summary: string;
  body_id: string;
  body_name: string;
  publisher: string;
  doc_no: string | null;
  topic: string | null;
  doc_type: string | null;
  made_on: string;
  published_on: string | null;
  rule_kind: PublicItem['ruleKind'];
  effective_on: string | null;
  expires_on: string | null;
  amended_on: string | null;
  repealed_on: string | null;
}

interface ItemRow extends SummaryRow {
  full_summary: string;
  content: string;
  channels: string[] | null;
  interpretation_of: string | null;
  status: string;
  revoked_on: string | null;
  revoke_reason: string | null;
}

const SUMMARY_COLUMNS = `ci.id::text AS id, ci.index_no, ci.title, left(ci.summary, 240) AS summary, ci.body_id, b.name AS body_name,
  ci.publisher, ci.doc_no, ci.topic, ci.doc_type, ci.made_on, ci.published_on, ci.rule_kind, ci.effective_on, ci.expires_on, ci.amended_on, ci.repealed_on`;

function summaryOf(r: SummaryRow): PublicItemSummary {
  const item: PublicItemSummary = {
    id: Number(r.id),
    indexNo: r.index_no,
    title: r.title,
    summary: r.summary,
    bodyId: r.body_id,
    bodyName: r.body_name,
    publisher: r.publisher,
    docNo: r.doc_no,
    topic: r.topic,
    docType: r.doc_type,
    madeOn: r.made_on,
    publishedOn: r.published_on,
    ruleKind: r.rule_kind,
    effectiveOn: r.effective_on,
    expiresOn: r.expires_on,
    amendedOn: r.amended_on,
    repealedOn: r.repealed_on,
  };
  const year = r.doc_type === ANNUAL_REPORT_TYPE ? reportYearOf(r.title, r.published_on) : null;
  return year === null ? item : { ...item, reportYear: year };
}

/** Numbered parameters of one statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Published, and the filters other than text. */
function filterConditions(q: CatalogueQuery, p: Params): string[] {
  const where = [`ci.status = 'published'`];
  if (q.body) where.push(`ci.body_id = ${p.add(q.body)}`);
  if (q.level) where.push(`ci.body_id IN (SELECT id FROM bodies WHERE level = ${p.add(q.level)})`);
  if (q.indexNo) where.push(`ci.index_no = ${p.add(q.indexNo)}`);
  if (q.docNo) where.push(`catalogue_norm(ci.doc_no) = ${p.add(q.docNo)}`);
  if (q.topic) where.push(`ci.topic = ${p.add(q.topic)}`);
  if (q.type) where.push(`ci.doc_type = ${p.add(q.type)}`);
  if (q.from) where.push(`ci.published_on >= ${p.add(q.from)}`);
  if (q.to) where.push(`ci.published_on <= ${p.add(q.to)}`);
  return where;
}

/** The text through the GIN index: every gram, and the exact check of 3+ character terms. */
function gramConditions(q: CatalogueQuery, p: Params): string[] {
  const where = q.grams.length ? [`ci.search_grams @> ${p.add(q.grams)}::text[]`] : [];
  return [...where, ...substrings(q.phrases, p)];
}

/** Each term as a substring of the normalised text. */
const substrings = (terms: readonly string[], p: Params) => terms.map((t) => `strpos(ci.search_text, ${p.add(t)}) > 0`);

/** The WHERE clause of a search through the GIN index, and its parameters. */
export function searchConditions(q: CatalogueQuery): { where: string; params: unknown[] } {
  const p = new Params();
  const where = [...filterConditions(q, p), ...gramConditions(q, p)];
  return { where: where.join(' AND '), params: p.values };
}

const ORDER = 'ORDER BY ci.published_on DESC, ci.id DESC';

/** The number of matches, counted no further than COUNT_CAP + 1. */
export const countSql = (where: string) => `SELECT count(*)::int AS n FROM (SELECT 1 FROM catalogue_items ci WHERE ${where} LIMIT ${COUNT_CAP + 1}) s`;

/**
 * A page of the matches; `$n+1` the limit, `$n+2` the offset. The matches are sorted by their id
 * and date alone; the columns shown are read for the page's rows only.
 */
export const pageSql = (where: string, n: number, extra = '') =>
  `SELECT ${SUMMARY_COLUMNS}${extra ? ', k.total' : ''} FROM (
     SELECT ci.id${extra} FROM catalogue_items ci WHERE ${where} ${ORDER} LIMIT $${n + 1} OFFSET $${n + 2}) k
   JOIN catalogue_items ci ON ci.id = k.id JOIN bodies b ON b.id = ci.body_id ${ORDER}`;

/**
 * The probe of a text search: among the newest `rows` published items passing the filters (read
 * in date order from a partial index), the page of those containing every term.
 */
export function probeQuery(q: CatalogueQuery, rows: number): { sql: string; params: unknown[] } {
  const p = new Params();
  const filters = filterConditions(q, p).join(' AND ');
  const newest = p.add(rows);
  const terms = substrings(q.terms, p).join(' AND ');
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM (
      SELECT ci.id FROM (SELECT ci.id, ci.published_on, ci.search_text FROM catalogue_items ci WHERE ${filters} ${ORDER} LIMIT ${newest}) ci
       WHERE ${terms} ${ORDER} LIMIT ${p.add(q.limit + 1)} OFFSET ${p.add(q.offset)}) k
    JOIN catalogue_items ci ON ci.id = k.id JOIN bodies b ON b.id = ci.body_id ${ORDER}`;
  return { sql, params: p.values };
}

/** What ANALYZE knows of the grams: the share of items holding each common one. */
export interface GramStats {
  items: number;
  freq: Map<string, number>;
  /** Below the least common gram the statistics list. */
  rareFreq: number;
}

/**
 * How many newest items a probe reads. The rarest gram of the query bounds the matches; read
 * enough items to fill the page three times over at that density, at least PROBE_MIN_ROWS.
 * Null: the matches are so few that the GIN index is the way (no probe). Without statistics:
 * enough for the page at a density of 1 in 100.
 */
export function probeRows(q: CatalogueQuery, stats: GramStats | null = null): number | null {
  const need = q.offset + q.limit;
  if (!stats || !q.grams.length) return Math.max(PROBE_MIN_ROWS, 100 * need);
  const density = Math.min(...q.grams.map((g) => stats.freq.get(g) ?? stats.rareFreq));
  if (density * stats.items <= PROBE_MIN_ROWS) return null;
  return Math.min(Math.max(PROBE_MIN_ROWS, Math.ceil((3 * need) / density)), 100 * need);
}
const PROBE_MIN_ROWS = 2000;

/**
 * A text search chooses its own plan; the planner cannot: it takes a row-by-row test of an array
 * of hundreds of grams for cheap (~50 µs a row on PGlite), multiplies the frequencies of a
 * phrase's bigrams as if independent (and expects a handful of rows where there are thousands),
 * and cannot know that newest-first walks find an old year's words late.
 *
 * 1. Probe: walk the newest items in date order (partial index) with the substring test on
 *    search_text, reading at most probeRows items. A common word fills the page within them:
 *    that is the page (the items read are exactly the newest ones), and the total is not
 *    counted (“结果较多”: counting would read every match).
 * 2. Otherwise the matches are few among the newest items: take them all through the GIN index
 *    (bitmap scans only — sequential and plain index scans are switched off for the
 *    transaction), sort them, and count them exactly (count(*) OVER () costs nothing more).
 * With the statistics of ANALYZE (pg_stats), a query whose rarest gram is rare skips the probe,
 * and the probe reads as many items as the density of that gram suggests (probeRows).
 * A catalogue of at most PROBE_MIN_ROWS published items always takes way 2 (exact totals).
 */
export const BITMAP_ONLY = ['SET LOCAL enable_seqscan = off', 'SET LOCAL enable_indexscan = off'];

export class CatalogueSearch {
  private size: { large: boolean; at: number } | undefined;
  private stats: { value: GramStats | null; at: number } | undefined;

  constructor(private readonly db: Db) {}

  /** One page of published items, newest first, with the total when it was counted. */
  async search(q: CatalogueQuery): Promise<SearchResult> {
    if (!q.terms.length) return this.filterSearch(q);
    if (await this.isLarge()) {
      const rows = probeRows(q, await this.gramStats());
      const probed = rows === null ? null : await this.probe(q, rows);
      if (probed) return probed;
    }
    return this.bitmapSearch(q);
  }

  private async filterSearch(q: CatalogueQuery): Promise<SearchResult> {
    const { where, params } = searchConditions(q);
    const [rows, counted] = await Promise.all([
      this.db.query<SummaryRow>(pageSql(where, params.length), [...params, q.limit + 1, q.offset]),
      this.db.query<{ n: number }>(countSql(where), params),
    ]);
    const n = Number(counted[0]?.n ?? 0);
    return { items: rows.slice(0, q.limit).map(summaryOf), total: n > COUNT_CAP ? null : n, hasMore: rows.length > q.limit };
  }

  /** The page from the newest items, or null when they hold too few matches. */
  private async probe(q: CatalogueQuery, newest: number): Promise<SearchResult | null> {
    const { sql, params } = probeQuery(q, newest);
    const rows = await this.db.query<SummaryRow>(sql, params);
    if (rows.length < q.limit) return null;
    // A full page. More may follow beyond the items read, so the next page is offered.
    return { items: rows.slice(0, q.limit).map(summaryOf), total: null, hasMore: true };
  }

  private async bitmapSearch(q: CatalogueQuery): Promise<SearchResult> {
    const { where, params } = searchConditions(q);
    return this.db.transaction(async (tx) => {
      for (const setting of BITMAP_ONLY) await tx.query(setting);
      const rows = await tx.query<SummaryRow & { total: number }>(pageSql(where, params.length, ', ci.published_on, count(*) OVER ()::int AS total'), [...params, q.limit, q.offset]);
      const total = rows.length ? Number(rows[0]!.total) : q.offset > 0 ? Number((await tx.query<{ n: number }>(countSql(where), params))[0]?.n ?? 0) : 0;
      return { items: rows.map(summaryOf), total, hasMore: q.offset + rows.length < total };
    });
  }

  /** More published items than a probe reads (checked at most once a minute). */
  private async isLarge(): Promise<boolean> {
    const now = Date.now();
    if (!this.size || now - this.size.at > 60_000) {
      const n = Number((await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM catalogue_items WHERE status = 'published' LIMIT ${PROBE_MIN_ROWS + 1}) s`))[0]?.n ?? 0);
      this.size = { large: n > PROBE_MIN_ROWS, at: now };
    }
    return this.size.large;
  }

  /** The grams' statistics of the last ANALYZE (read at most every ten minutes); null when there are none. */
  private async gramStats(): Promise<GramStats | null> {
    const now = Date.now();
    if (this.stats && now - this.stats.at < 600_000) return this.stats.value;
    const rows = await this.db.query<{ elem: string | null; freq: number; items: number }>(
      `SELECT e.elem, e.freq, c.reltuples::float8 AS items
         FROM pg_stats s CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(elem, freq)
         JOIN pg_class c ON c.oid = 'catalogue_items'::regclass
        WHERE s.schemaname = current_schema() AND s.tablename = 'catalogue_items' AND s.attname = 'search_grams'`,
    );
    const grams = rows.filter((r) => r.elem !== null);
    // After the elements: the least and greatest frequency, then the share of null elements.
    const extras = rows.filter((r) => r.elem === null).map((r) => Number(r.freq));
    const items = Number(rows[0]?.items ?? 0);
    const value = grams.length && extras.length >= 2 && items > 0 ? { items, freq: new Map(grams.map((r) => [r.elem!, Number(r.freq)])), rareFreq: extras[0]! } : null;
    this.stats = { value, at: now };
    return value;
  }

  /** A published item, or one withdrawn after publication (its notice only); null otherwise (unknown id, or never public). */
  async item(id: number): Promise<PublicItem | null> {
    const row = (
      await this.db.query<ItemRow>(
        `SELECT ${SUMMARY_COLUMNS}, ci.summary AS full_summary, ci.content, ci.channels, ci.interpretation_of::text AS interpretation_of,
                ci.status, ci.revoked_on, ci.revoke_reason
           FROM catalogue_items ci JOIN bodies b ON b.id = ci.body_id
          WHERE ci.id = $1 AND (ci.status = 'published' OR (ci.status = 'withdrawn' AND ci.revoked_on IS NOT NULL))`,
        [id],
      )
    )[0];
    if (!row) return null;
    if (row.status === 'withdrawn') {
      // The notice of 撤销: what it was and why it went; neither its text nor its files.
      return { ...summaryOf(row), summary: '', content: '', channels: [], attachments: [], interpretations: [], interprets: null, revoked: { on: row.revoked_on!, reason: row.revoke_reason ?? '' } };
    }
    const [attachments, interpretations, interprets] = await Promise.all([
      this.db.query<{ id: string; file_name: string; media_type: string; size: number }>(
        'SELECT id::text AS id, file_name, media_type, octet_length(bytes) AS size FROM catalogue_attachments WHERE item_id = $1 ORDER BY id',
        [id],
      ),
      this.db.query<{ id: string; title: string }>(
        `SELECT id::text AS id, title FROM catalogue_items WHERE interpretation_of = $1 AND status = 'published' ORDER BY published_on, id`,
        [id],
      ),
      row.interpretation_of
        ? this.db.query<{ id: string; title: string }>(`SELECT id::text AS id, title FROM catalogue_items WHERE id = $1 AND status = 'published'`, [row.interpretation_of])
        : Promise.resolve([]),
    ]);
    const link = (r: { id: string; title: string }) => ({ id: Number(r.id), title: r.title });
    return {
      ...summaryOf(row),
      summary: row.full_summary,
      content: row.content,
      channels: row.channels ?? [],
      revoked: null,
      attachments: attachments.map((a) => ({ id: Number(a.id), fileName: a.file_name, mediaType: a.media_type, size: Number(a.size) })),
      interpretations: interpretations.map(link),
      interprets: interprets[0] ? link(interprets[0]) : null,
    };
  }

  /** The id of the published (or published, then withdrawn) item with this index number, or null. */
  async idOfIndexNo(indexNo: string): Promise<number | null> {
    const row = (
      await this.db.query<{ id: string }>(`SELECT id::text AS id FROM catalogue_items WHERE index_no = $1 AND (status = 'published' OR (status = 'withdrawn' AND revoked_on IS NOT NULL))`, [
        indexNo.trim(),
      ])
    )[0];
    return row ? Number(row.id) : null;
  }

  /** An attachment of a published item, or null. */
  async attachment(itemId: number, attachmentId: number): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array } | null> {
    const row = (
      await this.db.query<{ file_name: string; media_type: string; bytes: Uint8Array }>(
        `SELECT a.file_name, a.media_type, a.bytes FROM catalogue_attachments a JOIN catalogue_items ci ON ci.id = a.item_id
          WHERE a.id = $1 AND a.item_id = $2 AND ci.status = 'published'`,
        [attachmentId, itemId],
      )
    )[0];
    return row ? { fileName: row.file_name, mediaType: row.media_type, bytes: new Uint8Array(row.bytes) } : null;
  }
}
