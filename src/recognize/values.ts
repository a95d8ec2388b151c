/**
 * What a table cell says: a number, a deliberate blank (`/`, `-`, `—`, `无`), a page marker,
 * or text. Cells are written as `0`, `１２`, `+2`, `251000元`, `3,119`, `7730.28` (the number
 * itself is read by src/model/cell-number.ts, which the rules share).
 */
import { numberOfText } from '../model/cell-number.js';
import { compatibleForm } from '../template/normalize.js';

export type CellReading =
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'blank'; raw: string }
  | { kind: 'page'; raw: string }
  | { kind: 'text'; raw: string };

const PLAIN = /^\d{1,15}$/;
const BLANK = /^(?:[/／\\\-—–－_~～]+|无|空|暂无)$/;
/** Page numbers printed in the footer of PDF pages: `-3-`, `— 3 —`, `第 3 页`, `3/12`. */
const PAGE = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

export function readCell(raw: string): CellReading {
  // Most cells are plain digits: read them without the general path (a fifth of the reading time).
  if (PLAIN.test(raw)) return { kind: 'number', value: Number(raw), raw };
  const text = compatibleForm(raw).trim();
  if (PAGE.test(text)) return { kind: 'page', raw };
  const value = numberOfText(text);
  if (value !== null) return { kind: 'number', value, raw };
  if (BLANK.test(text.replace(/\s+/g, ''))) return { kind: 'blank', raw };
  return { kind: 'text', raw };
}

/** True when every whitespace-separated part of a cell is a number or blank (`0 0 0` from a flattened row). */
export function splitValueRun(raw: string): string[] | null {
  const parts = raw.trim().split(/[\s\u3000]+/);
  if (parts.length < 2) return null;
  return parts.every((p) => {
    const kind = readCell(p).kind;
    return kind === 'number' || kind === 'blank';
  })
    ? parts
    : null;
}
