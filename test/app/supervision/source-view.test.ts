/**
 * The upload reads each file once: the source view stored beside an uploaded report is a pure
 * function of the one parse (`parseFile`'s document, decoded text and outside tools' output),
 * never a second read of the bytes — before, every PDF went through pdf.js twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceView } from '../../../src/app/supervision/source-view.js';
import { parseFile, type IngestResult } from '../../../src/ingest.js';
import { readText } from '../../../src/read/text.js';
import { FIXTURES } from '../../support/shared.js';

const bytesOf = (...path: string[]) => new Uint8Array(readFileSync(join(FIXTURES, ...path)));

/** Every mark points at the raw token its value was read from. */
function expectMarksOnTokens(parsed: IngestResult, view: ReturnType<typeof sourceView>): void {
  const paths = Object.keys(parsed.report.provenance);
  expect(paths.length).toBeGreaterThan(100);
  for (const path of paths) {
    const m = view.marks[path]!;
    expect(view.lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + m.length), path).toBe(parsed.report.provenance[path]!.raw);
  }
}

describe('the source view of an upload, from its one parse', () => {
  it('takes a PDF’s lines from the document pdf.js made while parsing, not from a second read', async () => {
    const parsed = await parseFile(bytesOf('converted', 'yunling-2024.libreoffice.pdf'));
    expect(parsed.format).toBe('pdf');
    const view = sourceView(parsed);
    expect(view.lines).toEqual(parsed.document!.lines.map((l) => l.text));
    expectMarksOnTokens(parsed, view);
    // No bytes reach the function: whatever document the parse holds is what is shown.
    const document = readText('一、总体情况\n替换的文档');
    expect(sourceView({ ...parsed, document }).lines).toEqual(['一、总体情况', '替换的文档']);
    expect(sourceView.length).toBe(1);
  }, 60_000);

  it('sanitises an HTML upload from the text decoded while parsing, with cell ids for the marks', async () => {
    const parsed = await parseFile(bytesOf('reports', 'yunling-2024.portal.gbk.html'));
    const view = sourceView(parsed);
    expectMarksOnTokens(parsed, view);
    expect(view.html).toContain('id="c');
    expect(view.html).not.toMatch(/<script|<style|on\w+=/i);
    expect(Object.values(view.marks).some((m) => m.cell && view.html!.includes(`id="${m.cell}"`))).toBe(true);
    // The page comes from the decoded text the parse kept, not from the (GBK) bytes again.
    const edited = parsed.sourceText!.replace('六、其他需要报告的事项', '六、其他需要报告的事项（解码后的文本）');
    expect(sourceView({ ...parsed, sourceText: edited }).html).toContain('（解码后的文本）');
  });

  it('shows the text OCR read, as the outside tool returned it', async () => {
    const parsed = await parseFile(bytesOf('reports', 'yunling-2024.tsv.txt'));
    const ocrText = parsed.sourceText!.replace(/\n/g, '\r\n');
    const view = sourceView({ ...parsed, format: 'image', document: null, sourceText: null, converted: { ocrText } });
    expect(view.lines).toEqual(parsed.sourceText!.split('\n'));
    expectMarksOnTokens(parsed, view);
  });

  it('shows nothing for a file that could not be read, and the text of one that is not a report', async () => {
    const broken = await parseFile(new TextEncoder().encode('%PDF-1.7\n这不是完整的 PDF'));
    expect(broken.readable).toBe(false);
    expect(sourceView(broken)).toEqual({ lines: [], marks: {}, html: null });
    const prose = await parseFile(new TextEncoder().encode('通知\n请各单位按时报送材料。'));
    expect(prose.readable).toBe(false);
    expect(sourceView(prose).lines).toEqual(['通知', '请各单位按时报送材料。']);
  });
});
