/**
 * The number a table cell writes, from its text as printed: `0`, `１２`, `+2`, `251000元`,
 * `3,119`, `7730.28`. The reader uses it to read cells; the rules use it for the one printed
 * column the model keeps only as its raw token (the 小计 column, in provenance).
 */

const NUMBER = /^([+\-−]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(?:万元|元|件|条|个|项|次|宗|人|家)?$/;

/** The number of a cell text already NFKC-normalised and trimmed, or null when it writes none. */
export function numberOfText(text: string): number | null {
  // White space may stand between a sign, a number and its unit, never inside the digits:
  // `2 0 1` is three cells that a PDF printed close together, not 201.
  const m = NUMBER.exec(text);
  if (!m) return null;
  const digits = m[2]!.replace(/,/g, '') + (m[3] ? `.${m[3]}` : '');
  const sign = m[1] === '-' || m[1] === '−' ? -1 : 1;
  return sign * Number(digits);
}

/** The number a cell's raw token writes (as kept in provenance), or null. */
export function cellNumber(raw: string): number | null {
  return numberOfText(raw.normalize('NFKC').trim());
}
