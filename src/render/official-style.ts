/**
 * The look of an official document in Word (GB/T 9704): A4 with its margins, 方正小标宋简体 title
 * in 二号, 黑体 headings, 仿宋_GB2312 text in 三号. Shared by the annual report, the letters of the
 * register and the supervisor's assessments, so they print alike.
 */
import { TextRun } from 'docx';

/** Twentieths of a point per millimetre. */
const MM = 56.7;

export const OFFICIAL_FONT = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312', table: '仿宋' } as const;
/** Half-points: 二号 22pt, 三号 16pt, 五号 10.5pt. */
export const OFFICIAL_SIZE = { title: 44, body: 32, table: 21 } as const;

/** A4 with the margins of GB/T 9704, as a section's page properties. */
export const OFFICIAL_PAGE = {
  size: { width: 210 * MM, height: 297 * MM },
  margin: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
};

/** A run of text in one font for Latin and Chinese alike. */
export function officialRun(text: string, font: string, size: number = OFFICIAL_SIZE.body, bold = false, color?: string): TextRun {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size, bold, ...(color ? { color } : {}) });
}
