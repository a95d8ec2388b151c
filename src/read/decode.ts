/**
 * Bytes → text, detecting the encoding: UTF-8 (with or without BOM), UTF-16 (LE/BE, with or
 * without BOM) and GB18030/GBK, the encodings Chinese government pages and exports come in.
 * Pure: no I/O.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

/** Formats we recognise from their first bytes; the text readers refuse them with a clear reason. */
export type BinaryFormat = 'pdf' | 'zip' | 'ole' | 'rtf' | 'image' | 'binary';

export function sniffBinary(bytes: Uint8Array): BinaryFormat | null {
  const head = (n: number) => String.fromCharCode(...bytes.subarray(0, n));
  if (head(5) === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (head(5) === '{\\rtf') return 'rtf';
  const tiff = head(4) === 'II*\x00' || head(4) === 'MM\x00*';
  if ((bytes[0] === 0xff && bytes[1] === 0xd8) || head(4) === '\x89PNG' || head(4) === 'GIF8' || tiff) return 'image';
  return null;
}

function utf16Guess(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  // Chinese text in UTF-16 has few zero bytes, but ASCII digits, tabs and newlines give many;
  // what matters is that they all sit on one side.
  // what matters is that they sit mostly on one side (a CJK character like 一 U+4E00 has a zero too).
  if (zeroOdd > pairs * 0.1 && zeroEven * 4 < zeroOdd) return 'utf-16le';
  if (zeroEven > pairs * 0.1 && zeroOdd * 4 < zeroEven) return 'utf-16be';
  return null;
}

/** Decode text bytes; never throws (undecodable bytes become U+FFFD in the GB18030 fallback). */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const utf16 = utf16Guess(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
  }
}
