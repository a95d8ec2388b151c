/**
 * The single entry's result carries what the model was read from: the document, the decoded
 * text of text and HTML inputs, and what outside programs made on the way; refusals carry none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/ingest.js';
import { FIXTURES } from '../support/shared.js';

const file = (dir: string, name: string) => readFileSync(join(FIXTURES, dir, name));

describe('parseFile gives the document with the model', () => {
  it('a text file: its lines, and its decoded text (GBK decoded once)', async () => {
    const r = await parseFile(file('reports', 'yunling-2024.cells.gbk.txt'));
    expect(r.format).toBe('text');
    expect(r.readable).toBe(true);
    expect(r.sourceText).toContain('青禾县云岭镇人民政府');
    expect(r.document!.lines.map((l) => l.text)).toEqual(r.sourceText!.replace(/\r\n?/g, '\n').split('\n'));
    const p = r.report.provenance['applications.newReceived.total']!;
    expect(r.document!.lines[p.line - 1]!.text).toContain(p.raw);
    expect(r.converted).toBeUndefined();
  });

  it('an HTML page: the decoded page and the lines the HTML reader made of it', async () => {
    const r = await parseFile(file('reports', 'yunling-2024.portal.gbk.html'));
    expect(r.format).toBe('html');
    expect(r.sourceText).toMatch(/<table/i);
    expect(r.sourceText).toContain('云岭镇');
    expect(r.document!.lines.some((l) => l.cells.length > 3)).toBe(true);
  });

  it('a .docx and a PDF: the document, no source text', async () => {
    for (const [name, format] of [['yunling-2024.libreoffice.docx', 'docx'], ['yunling-2024.libreoffice.pdf', 'pdf']] as const) {
      const r = await parseFile(file('converted', name));
      expect(r.format).toBe(format);
      expect(r.readable).toBe(true);
      expect(r.sourceText).toBeNull();
      expect(r.document!.lines.some((l) => l.text.includes('本年新收政府信息公开申请数量'))).toBe(true);
    }
  });

  it('a .doc: the .docx the converter made, and its document', async () => {
    const docx = file('converted', 'yunling-2024.libreoffice.docx');
    const r = await parseFile(file('converted', 'yunling-2024.libreoffice.doc'), { tools: { convertLegacyWord: async () => docx } });
    expect(r.format).toBe('legacy-word');
    expect(r.readable).toBe(true);
    expect(r.converted?.docx).toBe(docx);
    expect(r.document).not.toBeNull();
  });

  it('a scan: the text OCR read, and its document', async () => {
    const ocrText = file('reports', 'yunling-2024.tsv.txt').toString('utf8');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // read by the (stand-in) OCR only
    const r = await parseFile(png, { tools: { ocr: async () => ocrText } });
    expect(r.format).toBe('image');
    expect(r.readable).toBe(true);
    expect(r.converted?.ocrText).toBe(ocrText);
    expect(r.sourceText).toBeNull();
    expect(r.document!.lines.length).toBeGreaterThan(10);
  });

  it('text that is no report keeps its document; refusals carry none', async () => {
    const notReport = await parseFile(new TextEncoder().encode('今天天气很好。\n明天也是。'));
    expect(notReport.readable).toBe(false);
    expect(notReport.document).not.toBeNull();
    expect(notReport.sourceText).toContain('今天天气很好');
    for (const bytes of [new Uint8Array(), new TextEncoder().encode('{\\rtf1 x}'), file('converted', 'yunling-2024.libreoffice.doc')]) {
      const r = await parseFile(bytes);
      expect(r.readable).toBe(false);
      expect(r.document).toBeNull();
    }
  });
});
