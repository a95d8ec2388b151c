import { describe, expect, it } from 'vitest';
import { decodeText, sniffBinary } from '../../src/read/decode.js';

const TEXT = '一、总体情况\t2024年\n';
const utf16 = (s: string, be = false) => {
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    b[i * 2 + (be ? 1 : 0)] = c & 0xff;
    b[i * 2 + (be ? 0 : 1)] = c >> 8;
  }
  return b;
};

describe('decodeText detects the encodings reports come in', () => {
  it('UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(TEXT);
    expect(decodeText(plain)).toEqual({ text: TEXT, encoding: 'utf-8', bom: false });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text: TEXT, encoding: 'utf-8', bom: true });
  });
  it('UTF-16 LE and BE, with BOM and without', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...utf16(TEXT)])).text).toBe(TEXT);
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...utf16(TEXT, true)])).text).toBe(TEXT);
    expect(decodeText(utf16(TEXT))).toMatchObject({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(utf16(TEXT, true))).toMatchObject({ text: TEXT, encoding: 'utf-16be' });
  });
  it('GB18030 (GBK) when the bytes are not UTF-8', () => {
    // 一、总体情况 in GBK, typed from the GB2312 code table.
    const gbk = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]);
    expect(decodeText(gbk)).toMatchObject({ text: '一、总体情况', encoding: 'gb18030' });
  });
  it('recognises binary formats by their first bytes, not the file name', () => {
    expect(sniffBinary(new TextEncoder().encode('%PDF-1.4'))).toBe('pdf');
    expect(sniffBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('zip');
    expect(sniffBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe('ole');
    expect(sniffBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('image');
    expect(sniffBinary(new TextEncoder().encode(TEXT))).toBeNull();
  });
});
