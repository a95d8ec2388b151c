/** The options and help text of `gongkai due`, apart from the command so that `--help` loads no calendar data. */

export interface DueCommandOptions {
  received: string;
  correctionReceived?: string;
  extended?: boolean;
  /** Inclusive ranges written `YYYY-MM-DD:YYYY-MM-DD`. */
  pause?: string[];
  /** A later reply date fixed under Art. 35. */
  later?: string;
  /** A calendar file: JSON, or the text of the State Council notice. */
  calendar?: string;
  json?: boolean;
}

export const CALENDAR_FILE_HELP = `节假日安排文件（--calendar）：
  内置日历收录到 2026 年；此后各年的法定节假日按《全国年节及纪念日放假办法》推算，调休未知，结果标为“暂定”。
  国务院办公厅公布某年安排后，可用文件补上该年的放假日和调休上班日：
  {
    "year": 2027,
    "source": "国办发明电〔2026〕X号",
    "complete": true,
    "off": ["2027-01-01/2027-01-03", "2027-02-05/2027-02-13"],
    "work": ["2027-01-31", "2027-02-20"]
  }
  off：放假的日期；work：调休上班的周末；每项是一个日期，或“起始日期/结束日期”的范围。
  complete: true 表示已列出该年通知的全部安排，该年的日期不再是暂定。多个年份可写成列表 [{...}, {...}]。
  也可以直接给出通知正文的文本文件（.txt，“一、元旦：1月1日（周五）至3日（周日）放假，共3天。……”），视为该年完整安排。

示例：
  gongkai due --received 2026-12-04 --json
  gongkai due --received 2026-12-04 --calendar 2027.json`;
