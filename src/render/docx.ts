/**
 * A Word document a township officer opens in Word or WPS and edits: real tables with merged
 * cells, A4 with the margins of GB/T 9704, 方正小标宋简体 title (二号), 黑体 headings and
 * 仿宋_GB2312 body (三号), 仿宋 五号 in tables. Word substitutes a font the machine lacks;
 * the east-Asian font names are set so WPS and Word pick the intended families.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { AnnualReport } from '../model/report.js';
import { blocksOf, DRAFT_MARK, titleOf, type Block, type RenderOptions } from './blocks.js';
import type { Grid } from './layout.js';
import { OFFICIAL_FONT, OFFICIAL_PAGE, OFFICIAL_SIZE, officialRun } from './official-style.js';

const FONT = OFFICIAL_FONT;
const SIZE = OFFICIAL_SIZE;
const run = officialRun;

const DRAFT_COLOR = 'BB0000';
const draftLine = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(text, FONT.heading, SIZE.body, true, DRAFT_COLOR)] });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(grid: Grid): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: grid.map(
      (row) =>
        new TableRow({
          children: row.map(
            (c) =>
              new TableCell({
                ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
                ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
                verticalAlign: VerticalAlign.CENTER,
                borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
                children: [
                  new Paragraph({
                    alignment: c.role === 'label' ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [run(c.text, FONT.table, SIZE.table, c.role === 'head')],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function paragraphs(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(b.text, FONT.title, SIZE.title)] })];
    case 'heading':
      return [new Paragraph({ indent: { firstLine: 640 }, children: [run(b.text, FONT.heading, SIZE.body)] })];
    case 'paragraph':
      return [new Paragraph({ indent: { firstLine: 640 }, children: [run(b.text, FONT.body, SIZE.body)] })];
    case 'table':
      return [table(b.grid), new Paragraph({ children: [] })];
    case 'signature':
      return b.lines.map((l) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(l, FONT.body, SIZE.body)] }));
    case 'draftMark':
      return [draftLine(b.text)];
    case 'findings':
      return [
        new Paragraph({ children: [run(b.title, FONT.heading, SIZE.body)] }),
        ...b.items.map((i) => new Paragraph({ children: [run(i, FONT.body, SIZE.table)] })),
      ];
  }
}

export async function renderDocx(report: AnnualReport, options: RenderOptions = {}): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'gongkai',
    title: `${options.draft ? '【草稿】' : ''}${titleOf(report)}`,
    sections: [
      {
        properties: {
          page: {
            ...OFFICIAL_PAGE,
          },
        },
        // A draft says so at the head of every page, not only the first.
        ...(options.draft ? { headers: { default: new Header({ children: [draftLine(DRAFT_MARK)] }) } } : {}),
        children: blocksOf(report, options).flatMap(paragraphs),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
