/**
 * A reply letter as a printable HTML page and as a Word file. Every piece of text comes from the
 * register (typed by officers or by applicants on the public form), so the HTML escapes all of
 * it: the page carries no markup of anyone's making and no script at all. The Word file follows
 * the same official look as the annual report (render/docx.ts): A4, GB/T 9704 margins,
 * 方正小标宋简体 title, 仿宋_GB2312 body.
 */
import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import { OFFICIAL_FONT, OFFICIAL_PAGE, OFFICIAL_SIZE, officialRun } from '../render/official-style.js';
import type { Letter } from './letters.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

const STYLE = `
  body { font-family: "仿宋_GB2312", "FangSong", "STFangsong", serif; font-size: 16pt; line-height: 1.8; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #000; }
  h1 { font-family: "方正小标宋简体", "SimSun", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 .3em; }
  .number { text-align: center; margin: 0 0 1.5em; }
  p { margin: 0; }
  .body p { text-indent: 2em; }
  .signature { text-align: right; margin-top: 2em; }
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  @media print { body { margin: 0; max-width: none; } }
`;

export function letterHtml(l: Letter): string {
  const p = (text: string, cls?: string) => `<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</p>`;
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(l.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    `<h1>${escapeHtml(l.title)}</h1>`,
    l.number ? p(l.number, 'number') : '<p class="number"></p>',
    p(l.salutation),
    `<div class="body">${l.paragraphs.map((x) => p(x)).join('')}</div>`,
    `<div class="signature">${l.signature.map((x) => p(x)).join('')}</div>`,
    '</body></html>',
  ].join('\n');
}

const FONT = OFFICIAL_FONT;
const SIZE = OFFICIAL_SIZE;
const run = officialRun;
const line = (text: string, opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {}) =>
  new Paragraph({ ...(opts.align ? { alignment: opts.align } : {}), ...(opts.indent ? { indent: { firstLine: 640 } } : {}), children: [run(text, FONT.body, SIZE.body)] });

export async function letterDocx(l: Letter): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'gongkai',
    title: l.title,
    sections: [
      {
        properties: { page: OFFICIAL_PAGE },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(l.title, FONT.title, SIZE.title)] }),
          ...(l.number ? [line(l.number, { align: AlignmentType.CENTER })] : []),
          line(''),
          line(l.salutation),
          ...l.paragraphs.map((x) => line(x, { indent: true })),
          line(''),
          ...l.signature.map((x) => line(x, { align: AlignmentType.RIGHT })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
