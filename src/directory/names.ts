/**
 * Names as the directory compares them. The same body is written 青禾县石泉街道办事处, with a
 * full-width space, with a zero-width space pasted from a web page, or with full-width digits and
 * brackets; compared after NFKC with every space and invisible character removed, they are one.
 */

/** Spaces of every kind and the invisible characters copied along with web text. */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** The form of a name used to compare it: NFKC, without whitespace or zero-width characters. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '');
}

/** A name as kept: as written (full-width brackets stay), without spaces or invisible characters. */
export function compactName(name: string): string {
  return name.replace(INVISIBLE, '');
}

/** The aliases in one cell: separated by 、 (also ；or a comma, which people type for it), compacted, without repeats. */
export function splitAliases(cell: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of cell.split(/[、；;，,]/)) {
    const name = compactName(part);
    if (!name || seen.has(normalizeName(name))) continue;
    seen.add(normalizeName(name));
    out.push(name);
  }
  return out;
}

/**
 * The name of the region a government governs: 青禾县人民政府 → 青禾县, 青禾县石泉街道办事处 →
 * 青禾县石泉街道; a name of another form is kept.
 */
export function regionNameOf(governmentName: string): string {
  const n = compactName(governmentName);
  if (n.endsWith('人民政府') && n.length > 4) return n.slice(0, -4);
  if (n.endsWith('街道办事处')) return n.slice(0, -3);
  return n;
}
