/**
 * The registry of finding codes: every code a diagnostic or a finding may carry, with its
 * severity and what it means (Chinese for the users, English beside it). One list, read by the
 * reader (diagnostics), the rules (findings), the rollup and `gongkai rules`; `FindingCode` is
 * derived from it, so emitting a code not listed here is a type error.
 *
 * The codes of shared/spec/annual-report.md are kept verbatim; codes gongkai adds beyond the
 * spec's table are marked `extra`. The ROLLUP.* codes are what `gongkai rollup` says of an
 * area's sum (corpus/rollup.ts), not of any one report. The reading codes (TABLE.*, META.*,
 * INPUT.*) are what the reader says of a source (README, 诊断代码).
 */
import type { Severity } from './report.js';

export type CodeFamily = 'arithmetic' | 'structure' | 'value' | 'narrative' | 'publication' | 'cross-year' | 'similarity' | 'rollup' | 'reading' | 'input';

export interface CodeDef {
  code: string;
  severity: Severity;
  zh: string;
  en: string;
  /** Family: which module implements it. */
  family: CodeFamily;
  /** Added by gongkai beyond the spec's table. */
  extra?: boolean;
}

export const CODES = [
  { code: 'T3.ROW_TOTAL', severity: 'error', family: 'arithmetic', zh: '表三每行：总计 = 六类申请人之和', en: 'table 三, each row: total = the six applicant columns' },
  { code: 'T3.OUTCOME_TOTAL', severity: 'error', family: 'arithmetic', zh: '表三每列：（七）总计 = 各项办理结果之和', en: 'table 三, each column: (七) total = every outcome row' },
  { code: 'T3.BALANCE', severity: 'error', family: 'arithmetic', zh: '表三每列：本年新收 + 上年结转 = 总计 + 结转下年度', en: 'table 三, each column: new + carried over = total + carried forward' },
  { code: 'T3.SUBTOTAL', severity: 'error', family: 'arithmetic', zh: '表三的“小计”列 = 五类法人或其他组织之和', en: 'table 三 小计 = the five organisation columns' },
  { code: 'T4.GROUP_TOTAL', severity: 'error', family: 'arithmetic', zh: '表四每组：总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'table 四, each group: total = its four results' },
  { code: 'VALUE.INVALID', severity: 'error', family: 'value', zh: '数值为负数、小数或过大（本年增/减可为负，收费金额可为小数）', en: 'a count that is negative, fractional or implausibly large' },
  { code: 'VALUE.BLANK', severity: 'warning', family: 'value', zh: '应填数字处空白或写作“/”“-”（应填 0）', en: 'a blank where a number is expected' },
  { code: 'STRUCT.SECTION_MISSING', severity: 'error', family: 'structure', zh: '缺少六个部分之一', en: 'one of the six sections is missing' },
  { code: 'STRUCT.ROW_MISSING', severity: 'error', family: 'structure', zh: '缺少模板中的行', en: 'a template row is missing' },
  { code: 'STRUCT.COLUMN_MISSING', severity: 'error', family: 'structure', zh: '缺少模板中的列', en: 'a template column is missing' },
  { code: 'STRUCT.TABLE_MISSING', severity: 'error', family: 'structure', zh: '缺少统计表', en: 'a statistical table is missing', extra: true },
  { code: 'STRUCT.TEMPLATE_OUTDATED', severity: 'warning', family: 'structure', zh: '2021 年以后的报告使用了 2019 年模板', en: 'a report for 2021 or later uses the 2019 layout' },
  { code: 'STRUCT.LABEL_VARIANT', severity: 'info', family: 'structure', zh: '标签写法与模板不同', en: 'a label worded differently from the template' },
  { code: 'STRUCT.SECTION_TITLE_VARIANT', severity: 'info', family: 'structure', zh: '部分标题的写法与模板不同（如“1、 总体情况”）', en: 'a section title worded differently from the template', extra: true },
  { code: 'TEXT.APPLICATIONS_MISMATCH', severity: 'warning', family: 'narrative', zh: '正文所述收到申请数与表三本年新收总计不一致', en: 'the text states another number of applications received than table 三' },
  { code: 'TEXT.YEAR_MISMATCH', severity: 'warning', family: 'narrative', zh: '正文把别的年份当作本年（统计期限、截至日期、对本年的“将”）——照搬上年报告的迹象', en: 'the text speaks of another year as the current one' },
  { code: 'TEXT.FEE_MISMATCH', severity: 'warning', family: 'narrative', zh: '第六部分关于信息处理费的说法与表三“逾期未缴费”行矛盾', en: 'section 六 on processing fees contradicts table 三 row （六）2', extra: true },
  { code: 'TEXT.FEE_NOT_REPORTED', severity: 'warning', family: 'narrative', zh: '2021 年度起的报告未说明信息处理费收取情况（《政府信息公开信息处理费管理办法》自 2021 年 1 月 1 日施行）', en: 'a report for 2021 or later does not report processing fees', extra: true },
  { code: 'TEXT.PLACEHOLDER', severity: 'error', family: 'narrative', zh: '正文留有起草提示或占位符（如“（请补充…）”“（请说明…）”“XX件”“××”），会被原样发布', en: 'a drafting prompt or placeholder left in the text' },
  { code: 'STRUCT.SECTION_EMPTY', severity: 'error', family: 'structure', zh: '叙述部分只有标题、没有正文：第一、五部分为错误，第六部分为警告（第二至四部分是表格，不要求正文）', en: 'a narrative section with its title but no text (error for 一 and 五, warning for 六)' },
  { code: 'PUB.LATE', severity: 'warning', family: 'publication', zh: '发布日期晚于法定或本地规定的期限', en: 'published after the deadline' },
  { code: 'PUB.BEFORE_PERIOD', severity: 'warning', family: 'publication', zh: '落款或发布日期早于报告年度结束', en: 'dated before the report year ended', extra: true },
  { code: 'PLAUS.FEE_UNIT', severity: 'warning', family: 'value', zh: '收费金额按“万元”看不合理（可能填成了“元”）', en: 'fee amount implausible in 万元 (probably 元)' },
  { code: 'CROSS.CARRY', severity: 'error', family: 'cross-year', zh: '本年“上年结转” ≠ 上年“结转下年度继续办理”', en: "this year's carried over ≠ last year's carried forward" },
  { code: 'CROSS.IN_FORCE', severity: 'warning', family: 'cross-year', zh: '现行有效件数 ≠ 上年现行有效 + 本年制发 − 本年废止', en: 'in force ≠ last year in force + issued − repealed' },
  { code: 'CROSS.YEAR_GAP', severity: 'info', family: 'cross-year', zh: '作比较的两份报告不是相邻年度', en: 'the two reports compared are not consecutive years', extra: true },
  { code: 'SIM.DUPLICATE', severity: 'warning', family: 'similarity', zh: '正文与另一份报告（或本机关上年报告）高度雷同', en: 'narrative nearly identical to another report' },
  { code: 'ROLLUP.NULL_CELL', severity: 'warning', family: 'rollup', zh: '汇总时某机关此格为空（未填数），地区合计无法得出，记为空而不按 0 计算；按 2019 年模板只填“（六）其他处理”一行的，三个子行无法汇总', en: "a body left this cell blank, so the area's sum is blank too (never read as 0); 2019's single （六） row cannot be split into its three sub-rows", extra: true },
  { code: 'ROLLUP.REFUSED', severity: 'warning', family: 'rollup', zh: '报告未计入汇总：年度不同或无法确定、模板与多数报告不同（2019 与 2021 年模板不混加），或同一机关重复提供', en: 'a report left out of the sum: another or unknown year, another template (2019 and 2021 are never added together), or the same body twice', extra: true },
  { code: 'ROLLUP.MISSING', severity: 'warning', family: 'rollup', zh: '应报机关名单中的机关没有提供该年度报告，汇总数不含该机关', en: 'a body on the list of those expected to report gave no report for the year: the sum leaves it out', extra: true },
  { code: 'TABLE.ROW_SHORT', severity: 'warning', family: 'reading', zh: '一行的数字少于列数；只有在所有对齐方式结论一致时才采用数值，否则记为空', en: 'a row has fewer numbers than columns: kept only where every alignment agrees, else blank', extra: true },
  { code: 'TABLE.ROW_LONG', severity: 'error', family: 'reading', zh: '一行的数字多于列数，无法确定对应关系，该行记为空', en: 'a row has more numbers than columns: the row is left blank', extra: true },
  { code: 'TABLE.READ_BY_ORDER', severity: 'info', family: 'reading', zh: '文本中标签与数值分离（PDF 阅读顺序提取常见），按模板固定行序读取', en: 'labels and numbers apart in the text (PDF reading order): read in the template order', extra: true },
  { code: 'TABLE.EXTRA_ROW', severity: 'warning', family: 'reading', zh: '表中有模板以外的行（如“其他主动公开文件”），其数值不计入任何模板行', en: 'a table holds a row the template has not: its numbers go into no template row', extra: true },
  { code: 'TABLE.PLACED_BY_ORDER', severity: 'warning', family: 'reading', zh: '数值按模板行序放置（文本中没有紧随其行标签）：行合计相符时为警告，不符或无从核对时为错误', en: 'values placed by template order, not next to their label: a warning when the row total holds, an error when it fails or cannot be checked', extra: true },
  { code: 'TABLE.COLUMNS_CHOSEN', severity: 'warning', family: 'reading', zh: '一行的数字多于列数（列序号行混入数据行），按行合计选定唯一读法', en: 'a row with more numbers than columns (a column-number row leaked in): the one reading whose total holds was taken', extra: true },
  { code: 'TABLE.DIGITS_SPLIT', severity: 'warning', family: 'reading', zh: '单元格边界丢失的数字串（如 801000081），按行合计、列合计唯一拆分', en: 'a digit run whose cell boundaries vanished, split the one way the row and column totals allow', extra: true },
  { code: 'TABLE.ROW_CUT', severity: 'warning', family: 'reading', zh: '文本在一行中途结束，截断处之后的单元格记为空，不按合计推算', en: 'the text ends inside a row: the cells after the cut are left blank, never derived from a sum', extra: true },
  { code: 'TABLE.VALUE_STRAY', severity: 'warning', family: 'reading', zh: '不在任何一行中的数值（如夹在被拆散的标签之间的单个数字），无法确定归属，未计入', en: 'a number that belongs to no row (a stray between torn labels): set aside', extra: true },
  { code: 'TABLE.CELLS_UNASSIGNED', severity: 'error', family: 'reading', zh: '表四的数字个数不是 15，无法确定对应关系', en: 'table 四 does not hold 15 numbers: they cannot be placed', extra: true },
  { code: 'TABLE.TEMPLATE_MIXED', severity: 'warning', family: 'reading', zh: '表二为 2019 年模板而表三为 2021 年模板', en: 'table 二 follows the 2019 layout and table 三 the 2021 one', extra: true },
  { code: 'META.TITLE_MISSING', severity: 'warning', family: 'reading', zh: '报告没有标题', en: 'the report has no title', extra: true },
  { code: 'META.UNIT_MISSING', severity: 'error', family: 'reading', zh: '无法确定发布机关', en: 'the publishing body cannot be determined', extra: true },
  { code: 'META.YEAR_MISSING', severity: 'error', family: 'reading', zh: '无法确定报告年度', en: 'the report year cannot be determined', extra: true },
  { code: 'META.UNIT_FROM_TEXT', severity: 'info', family: 'reading', zh: '发布机关取自正文（标题中缺失或省略了上级地名）', en: 'the body is taken from the text (missing or shortened in the title)', extra: true },
  { code: 'META.UNIT_FROM_SIGNATURE', severity: 'info', family: 'reading', zh: '发布机关取自落款（标题中不完整）', en: 'the body is taken from the signature (incomplete in the title)', extra: true },
  { code: 'META.YEAR_FROM_TEXT', severity: 'info', family: 'reading', zh: '报告年度取自正文（标题中缺失）', en: 'the year is taken from the text (missing in the title)', extra: true },
  { code: 'INPUT.EMPTY', severity: 'error', family: 'input', zh: '文件为空', en: 'the file is empty', extra: true },
  { code: 'INPUT.UNSUPPORTED_FORMAT', severity: 'error', family: 'input', zh: '文件格式不支持（压缩包、RTF、二进制文件等）', en: 'a format that is not read (archive, RTF, binary …)', extra: true },
  { code: 'INPUT.NOT_A_REPORT', severity: 'error', family: 'input', zh: '不是年度报告（标题、六个部分的标题和三张统计表都没有找到）', en: 'not an annual report: no title, section or table of one found', extra: true },
  { code: 'INPUT.PDF_ENCRYPTED', severity: 'error', family: 'input', zh: 'PDF 文件已加密，无法读取文字', en: 'the PDF is encrypted', extra: true },
  { code: 'INPUT.PDF_CORRUPT', severity: 'error', family: 'input', zh: 'PDF 文件已损坏或不完整', en: 'the PDF is damaged or incomplete', extra: true },
  { code: 'INPUT.CORRUPT', severity: 'error', family: 'input', zh: '文件已损坏或不完整', en: 'the file is damaged or incomplete', extra: true },
  { code: 'INPUT.TOO_LARGE', severity: 'error', family: 'input', zh: '文件超过大小上限', en: 'the file is larger than the limit', extra: true },
  { code: 'INPUT.OVER_BUDGET', severity: 'error', family: 'input', zh: '超过读取预算（页数、解压后大小、时间或内存），未读取', en: 'over a reading budget (pages, unpacked bytes, time or memory): not read', extra: true },
  { code: 'INPUT.UNSAFE_ARCHIVE', severity: 'error', family: 'input', zh: '压缩包解压后过大（疑似压缩炸弹），未解压', en: 'an archive that would unpack too large (a zip bomb?): not unpacked', extra: true },
  { code: 'INPUT.NEEDS_OCR', severity: 'error', family: 'input', zh: '扫描件需要文字识别（OCR），而本机未安装或识别失败', en: 'a scan needs OCR, which is not installed here or failed', extra: true },
  { code: 'INPUT.NEEDS_CONVERTER', severity: 'error', family: 'input', zh: '旧版 Word/WPS 文件需要 LibreOffice 转换，而本机未安装或转换失败', en: 'an old Word/WPS file needs LibreOffice, which is not installed here or failed', extra: true },
  { code: 'INPUT.OCR', severity: 'warning', family: 'input', zh: '报告经文字识别读取，每个数值都应与原件核对', en: 'read by OCR: check every value against the original', extra: true },
  { code: 'INPUT.CONTROL_CHARS', severity: 'warning', family: 'input', zh: '文件中有空字符、控制字符或无效字符，已删除后读取', en: 'NUL bytes, control or invalid characters were removed before reading', extra: true },
  { code: 'INPUT.ENCODING', severity: 'info', family: 'input', zh: '文件不是通用的 UTF-8 编码（或带有字节顺序标记），说明识别出的编码', en: 'the file is not UTF-8 without a BOM: the encoding found is named', extra: true },
] as const satisfies readonly CodeDef[];

/** Every code a diagnostic or a finding may carry. */
export type FindingCode = (typeof CODES)[number]['code'];

/** What the registry says of one code (the literal data widened to its interface). */
export const CODE_BY_NAME: ReadonlyMap<FindingCode, CodeDef> = new Map(CODES.map((c) => [c.code, c]));
