/**
 * Find the six section headings, in order, in whatever numbering the report used:
 * `一、总体情况`, `1、 总体情况`, `## 一、总体情况`, `#### 四、…`, `总体情况` with no numeral.
 * A heading's numeral, when present, must be the section's own — seed 000's sub-heading
 * `1.主动公开政府信息情况` inside section 一 is not section 二.
 */
import type { TextDocument } from '../read/text.js';
import { bigramSimilarity, leadingOrdinal, normalizeLabel, stripNumbering } from '../template/normalize.js';
import type { SectionDef } from '../template/templates.js';

export interface SectionHit {
  def: SectionDef;
  /** Index into document.lines of the heading line. */
  index: number;
  /** The heading as written (markdown marks removed). */
  written: string;
}

/** How much longer than the title's core a heading line may be (a trailing colon, 情况 etc.). */
const HEADING_SLACK = 6;
const HEADING_WORDS = /情\s*况|事\s*项|概\s*述|措\s*施|情\s*況|事\s*項/;

function cleanHeading(text: string): string {
  return text.replace(/^\s*#{1,6}\s*/, '').replace(/\*\*/g, '').trim();
}

interface Candidate {
  written: string;
  ordinal: number | null;
  /** Normalised text without numbering or a trailing colon. */
  rest: string;
}

/** A line that could be a heading, prepared once for matching against all six sections. */
function candidate(line: string): Candidate | null {
  // Every section title (in both templates and the variants met) ends in one of these words;
  // testing for them first spares normalising the many prose lines of PDF text.
  if (line.length > 80 || !HEADING_WORDS.test(line)) return null;
  const written = cleanHeading(line);
  if (!written || written.length > 60) return null;
  return {
    written,
    ordinal: leadingOrdinal(written),
    rest: withoutPauses(stripNumbering(normalizeLabel(written)).replace(/[:.。]$/, '')),
  };
}

/**
 * A title without its enumeration commas: `…被申请行政复议提起行政诉讼情况` (a flip-book page of a
 * 文登区 report) is the template's `…行政复议、提起行政诉讼情况` with the 、 left out, which is no
 * different heading. Applied after the numbering is stripped, so `四、` is not touched.
 */
function withoutPauses(text: string): string {
  return text.replace(/[、,]/g, '');
}

const coreCache = new Map<SectionDef, string[]>();

/** A section's title cores, normalised once. */
function coresOf(def: SectionDef): string[] {
  let cores = coreCache.get(def);
  if (!cores) {
    cores = [def.core, ...def.coreVariants].map((c) => withoutPauses(normalizeLabel(c)));
    coreCache.set(def, cores);
  }
  return cores;
}

/** How alike a numbered heading must be to its title to count despite a typo (`收到的处理`). */
const TYPO_MIN = 0.75;

function matchesSection(c: Candidate, def: SectionDef): boolean {
  if (c.ordinal !== null && c.ordinal !== def.no) return false;
  const cores = coresOf(def);
  if (cores.some((n) => c.rest.startsWith(n) && c.rest.length <= n.length + HEADING_SLACK)) return true;
  // A typo is forgiven only in a heading that carries the section's own numeral.
  return c.ordinal === def.no && cores.some((n) => n.length >= 6 && Math.abs(c.rest.length - n.length) <= 2 && bigramSimilarity(c.rest, n) >= TYPO_MIN);
}

/** The section headings found, in document order; sections are searched for in template order. */
export function findSections(doc: TextDocument, defs: readonly SectionDef[]): SectionHit[] {
  const candidates = doc.lines.map((l) => candidate(l.text));
  const hits: SectionHit[] = [];
  let from = 0;
  for (const def of defs) {
    for (let i = from; i < candidates.length; i++) {
      const c = candidates[i];
      if (c && matchesSection(c, def)) {
        hits.push({ def, index: i, written: c.written });
        from = i + 1;
        break;
      }
    }
  }
  return hits;
}
