/**
 * A small report of our own (青禾县柳塘乡, 2024) whose tables are laid out as Word and portal
 * pages lay them out: merged group cells that open a row (三、本年度办理结果 over eleven rows and
 * more), blank cells written as `&nbsp;` instead of 0, group headers over table 四's columns.
 * One description of the cells gives the HTML page, the Word file (merged cells made with the
 * `docx` library) and, printed by Chromium, the PDF with ruling lines. The numbers are ours.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export interface FixtureCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

type Row = FixtureCell[];
const c = (text: string, rowSpan = 1, colSpan = 1): FixtureCell => ({ text, rowSpan, colSpan });
/** A blank cell, as portals write it. */
const B = (): FixtureCell => c('');
const values = (...cells: string[]) => cells.map((t) => (t === '' ? B() : c(t)));

const TABLE_2: Row[] = [
  [c('第二十条第（一）项', 1, 4)],
  [c('信息内容'), c('本年制发件数'), c('本年废止件数'), c('现行有效件数')],
  [c('规章'), ...values('0', '0', '0')],
  [c('行政规范性文件'), ...values('3', '0', '11')],
  [c('第二十条第（五）项', 1, 4)],
  [c('信息内容'), c('本年处理决定数量', 1, 3)],
  [c('行政许可'), c('87', 1, 3)],
  [c('第二十条第（六）项', 1, 4)],
  [c('信息内容'), c('本年处理决定数量', 1, 3)],
  [c('行政处罚'), c('5', 1, 3)],
  [c('行政强制'), c('0', 1, 3)],
  [c('第二十条第（八）项', 1, 4)],
  [c('信息内容'), c('本年收费金额（单位：万元）', 1, 3)],
  [c('行政事业性收费'), c('0', 1, 3)],
];

const TABLE_3: Row[] = [
  [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), c('申请人情况', 1, 7)],
  [c('自然人', 2), c('法人或其他组织', 1, 5), c('总计', 2)],
  [c('商业企业'), c('科研机构'), c('社会公益组织'), c('法律服务机构'), c('其他')],
  [c('一、本年新收政府信息公开申请数量', 1, 3), ...values('40', '3', '', '', '1', '', '44')],
  [c('二、上年结转政府信息公开申请数量', 1, 3), ...values('2', '', '', '', '', '', '2')],
  [c('三、本年度办理结果', 22), c('（一）予以公开', 1, 2), ...values('18', '2', '', '', '1', '', '21')],
  [c('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 1, 2), ...values('3', '', '', '', '', '', '3')],
  [c('（三）不予公开', 8), c('1.属于国家秘密'), ...values('', '', '', '', '', '', '')],
  [c('2.其他法律行政法规禁止公开'), ...values('', '', '', '', '', '', '')],
  [c('3.危及“三安全一稳定”'), ...values('', '', '', '', '', '', '')],
  [c('4.保护第三方合法权益'), ...values('', '', '', '', '', '', '')],
  [c('5.属于三类内部事务信息'), ...values('', '', '', '', '', '', '')],
  [c('6.属于四类过程性信息'), ...values('1', '', '', '', '', '', '1')],
  [c('7.属于行政执法案卷'), ...values('', '', '', '', '', '', '')],
  [c('8.属于行政查询事项'), ...values('', '', '', '', '', '', '')],
  [c('（四）无法提供', 3), c('1.本机关不掌握相关政府信息'), ...values('9', '1', '', '', '', '', '10')],
  [c('2.没有现成信息需要另行制作'), ...values('2', '', '', '', '', '', '2')],
  [c('3.补正后申请内容仍不明确'), ...values('', '', '', '', '', '', '')],
  [c('（五）不予处理', 5), c('1.信访举报投诉类申请'), ...values('4', '', '', '', '', '', '4')],
  [c('2.重复申请'), ...values('1', '', '', '', '', '', '1')],
  [c('3.要求提供公开出版物'), ...values('', '', '', '', '', '', '')],
  [c('4.无正当理由大量反复申请'), ...values('', '', '', '', '', '', '')],
  [c('5.要求行政机关确认或重新出具已获取信息'), ...values('', '', '', '', '', '', '')],
  [c('（六）其他处理', 3), c('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'), ...values('2', '', '', '', '', '', '2')],
  [c('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'), ...values('', '', '', '', '', '', '')],
  [c('3.其他'), ...values('1', '', '', '', '', '', '1')],
  [c('（七）总计', 1, 2), ...values('41', '3', '', '', '1', '', '45')],
  [c('四、结转下年度继续办理', 1, 3), ...values('1', '', '', '', '', '', '1')],
];

const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const TABLE_4: Row[] = [
  [c('行政复议', 1, 5), c('行政诉讼', 1, 10)],
  [...RESULTS.map((r) => c(r, 2)), c('未经复议直接起诉', 1, 5), c('复议后起诉', 1, 5)],
  [...RESULTS.map((r) => c(r)), ...RESULTS.map((r) => c(r))],
  values('1', '', '', '1', '2', '', '', '', '1', '1', '', '', '', '', ''),
];

export type Block = { heading: string } | { text: string } | { table: Row[] };

export const LIUTANG: Block[] = [
  { heading: '青禾县柳塘乡人民政府2024年政府信息公开工作年度报告' },
  { heading: '一、总体情况' },
  { text: '2024年，柳塘乡按照条例要求做好政府信息公开工作，全年在乡政府网页栏目发布信息一百余条，依申请公开办理及时。' },
  { heading: '二、主动公开政府信息情况' },
  { table: TABLE_2 },
  { heading: '三、收到和处理政府信息公开申请情况' },
  { table: TABLE_3 },
  { heading: '四、政府信息公开行政复议、行政诉讼情况' },
  { table: TABLE_4 },
  { heading: '五、存在的主要问题及改进情况' },
  { text: '栏目更新还不够及时，明年将按月检查。' },
  { heading: '六、其他需要报告的事项' },
  { text: '本年度未收取信息处理费。' },
  { text: '青禾县柳塘乡人民政府' },
  { text: '2025年1月15日' },
];

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The report as a portal page: blank cells written `&nbsp;`, table borders drawn as Word exports draw them. */
export function liutangHtml(blocks: readonly Block[] = LIUTANG): string {
  const body = blocks
    .map((b) => {
      if ('heading' in b) return `<p><strong>${escape(b.heading)}</strong></p>`;
      if ('text' in b) return `<p>${escape(b.text)}</p>`;
      const rows = b.table.map(
        (row) =>
          '<tr>' +
          row
            .map((cell) => {
              const span = (cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : '';
              const cols = (cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : '';
              return `<td${span}${cols}>${cell.text ? escape(cell.text) : '&nbsp;'}</td>`;
            })
            .join('') +
          '</tr>',
      );
      return `<table border="1" cellspacing="0" style="border-collapse:collapse">${rows.join('\n')}</table>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font-size:12px} td{padding:6px 4px;border:1px solid #000}</style></head><body>\n${body}\n</body></html>`;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** The report as a Word file: real table cells merged with rowSpan/columnSpan, blanks left empty. */
export async function liutangDocx(blocks: readonly Block[] = LIUTANG): Promise<Uint8Array> {
  const children = blocks.map((b) => {
    if ('heading' in b) return new Paragraph({ children: [new TextRun({ text: b.heading, bold: true })] });
    if ('text' in b) return new Paragraph({ children: [new TextRun(b.text)] });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: b.table.map(
        (row) =>
          new TableRow({
            children: row.map(
              (cell) =>
                new TableCell({
                  ...((cell.rowSpan ?? 1) > 1 ? { rowSpan: cell.rowSpan } : {}),
                  ...((cell.colSpan ?? 1) > 1 ? { columnSpan: cell.colSpan } : {}),
                  borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
                  children: [new Paragraph({ alignment: AlignmentType.CENTER, children: cell.text ? [new TextRun(cell.text)] : [] })],
                }),
            ),
          }),
      ),
    });
  });
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
