/**
 * Chinese text search without word segmentation: character n-grams.
 *
 * The catalogue stores, for every item, `catalogue_items.search_grams` = `itemGrams(title,
 * summary, content, index_no, doc_no)` (GIN-indexed). A query is answered with
 * `search_grams @> queryGrams(q)` — every gram of the query must be among the item's grams.
 * Both sides MUST use the functions of this file so the normalisation is identical (the
 * back office writes the column, the public catalogue builds the query).
 *
 * Normalisation: NFKC (full-width letters and digits become ASCII), lower case, and every
 * character that is not a letter or digit (spaces, punctuation, 〔〕, hyphens) is dropped, so
 * "青政发〔2025〕3号", "青政发2025 3号" and "青政发(2025)3号" all meet. In a QUERY, whitespace
 * separates terms that are searched independently (AND), so "财政 预算" finds an item with both
 * words apart; in a document the text of one field is one run.
 *
 * Grams: every character bigram, plus every single character, so that one-character queries
 * ("税") can use the same index. A query term of two or more characters contributes only its
 * bigrams (they imply the single characters); a one-character term contributes itself.
 * Containment of all bigrams is a (very close) superset of substring match — e.g. "ABAB"
 * contains the bigrams of "ABA"+"BAB" — so a caller wanting exact phrase semantics may
 * re-check with a substring test on the normalised text (`normalizeForSearch`).
 */

/** NFKC, lower case, letters and digits only (any script). */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Unigrams and bigrams of one already-normalised run, in first-seen order. */
function gramsOfRun(run: string, withUnigrams: boolean, into: Set<string>): void {
  const chars = Array.from(run); // code points, so astral characters are not split
  if (chars.length === 1 || withUnigrams) for (const c of chars) into.add(c);
  for (let i = 0; i + 1 < chars.length; i++) into.add(chars[i]! + chars[i + 1]!);
}

/**
 * The grams to store for an item: unigrams and bigrams of each field (title, summary,
 * content, index number, 文号 …). Fields are not joined, so no gram spans two fields.
 * Empty / missing fields are ignored. The result is deduplicated.
 */
export function itemGrams(...fields: readonly (string | null | undefined)[]): string[] {
  const grams = new Set<string>();
  for (const field of fields) {
    if (!field) continue;
    const run = normalizeForSearch(field);
    if (run) gramsOfRun(run, true, grams);
  }
  return [...grams];
}

/**
 * The grams a query must all match. Whitespace splits terms; each term is normalised like
 * the stored text. Returns [] for a query with no letters or digits (the caller then applies
 * no text filter, or returns nothing — its choice).
 */
export function queryGrams(query: string): string[] {
  const grams = new Set<string>();
  for (const term of query.split(/\s+/u)) {
    const run = normalizeForSearch(term);
    if (run) gramsOfRun(run, false, grams);
  }
  return [...grams];
}
