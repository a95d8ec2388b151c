/**
 * Find the six section headings, in order, in whatever numbering the report used:
 * `一、总体情况`, `1、 总体情况`, `## 一、总体情况`, `#### 四、…`, `总体情况` with no numeral.
 * A heading's numeral, when present, must be the section's own — seed 000's sub-heading
 * `1.主动公开政府信息情况` inside section 一 is not section 二.
 */
import type { TextDocument } from '../read/text.js';
import { leadingOrdinal, normalizeLabel, stripNumbering } from '../template/normalize.js';
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

function cleanHeading(text: string): string {
  return text.replace(/^\s*#{1,6}\s*/, '').replace(/\*\*/g, '').trim();
}

function matchesSection(line: string, def: SectionDef): boolean {
  const written = cleanHeading(line);
  if (!written || written.length > 60) return false;
  const ordinal = leadingOrdinal(written);
  if (ordinal !== null && ordinal !== def.no) return false;
  const rest = stripNumbering(normalizeLabel(written)).replace(/[:.。]$/, '');
  return [def.core, ...def.coreVariants].some((core) => {
    const c = normalizeLabel(core);
    return rest.startsWith(c) && rest.length <= c.length + HEADING_SLACK;
  });
}

/** The section headings found, in document order; sections are searched for in template order. */
export function findSections(doc: TextDocument, defs: readonly SectionDef[]): SectionHit[] {
  const hits: SectionHit[] = [];
  let from = 0;
  for (const def of defs) {
    for (let i = from; i < doc.lines.length; i++) {
      const text = doc.lines[i]!.text;
      if (matchesSection(text, def)) {
        hits.push({ def, index: i, written: cleanHeading(text) });
        from = i + 1;
        break;
      }
    }
  }
  return hits;
}
