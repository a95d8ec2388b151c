/**
 * The one ZIP reader: honest archives come out whole; a directory that lies about its sizes,
 * entries that overlap, too many entries or a declared bomb refuse the archive without
 * inflating past the limits; an entry over its own limit or damaged is refused alone.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unzip, type Unzipped } from '../../src/read/zip.js';
import { buildZip, deflated, deflatedZeros } from '../support/zip-builder.js';

const LIMITS = { maxEntryBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024, maxEntries: 100 };
const text = (u: Unzipped) => ('entries' in u ? u.entries.map((e) => ('bytes' in e ? [e.name, new TextDecoder().decode(e.bytes)] : [e.name, e.refused])) : u.refused);

describe('unzip', () => {
  it('lists and inflates the files of an honest archive, stored or deflated, folders left out', () => {
    const stored = new TextEncoder().encode('二、主动公开');
    const zip = buildZip([deflated('县里/一.txt', '一、总体情况'.repeat(50)), { name: '县里/', data: new Uint8Array(), method: 0, declared: 0 }, { name: '二.txt', data: stored, method: 0, declared: stored.length }]);
    expect(text(unzip(zip, LIMITS))).toEqual([
      ['县里/一.txt', '一、总体情况'.repeat(50)],
      ['二.txt', '二、主动公开'],
    ]);
  });

  it('refuses an archive whose directory claims less than an entry inflates to, inflating no further than the claim', async () => {
    const zip = buildZip([deflated('good.txt', 'ok'), { name: 'lie.txt', data: await deflatedZeros(64), method: 8, declared: 1000 }]);
    const before = process.memoryUsage().arrayBuffers;
    const result = unzip(zip, LIMITS);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    expect(result).toEqual({ refused: expect.stringContaining('“lie.txt”解压后比目录所写的大') });
  });

  it('refuses a declared zip bomb on its directory alone', () => {
    const zip = buildZip([{ ...deflated('big.txt', 'x'), declared: 5 * 1024 * 1024 }]);
    expect(unzip(zip, LIMITS)).toEqual({ refused: expect.stringContaining('疑似压缩炸弹') });
  });

  it('refuses entries that overlap (one deflate stream counted many times)', () => {
    const one = deflated('a.txt', '0'.repeat(10_000));
    const zip = buildZip([one, { ...one, name: 'b.txt', localAt: 0, shared: true }]);
    expect(unzip(zip, LIMITS)).toEqual({ refused: expect.stringContaining('相互重叠') });
  });

  it('refuses an archive of too many entries', () => {
    const zip = buildZip(Array.from({ length: 101 }, (_, i) => deflated(`${i}.txt`, 'x')));
    expect(unzip(zip, LIMITS)).toEqual({ refused: expect.stringContaining('超过上限 100 个') });
  });

  it('refuses an entry over its own limit, and a damaged one, alone', () => {
    const big = randomBytes(2 * 1024 * 1024); // incompressible: no bomb ratio, just large
    const damaged = { ...deflated('bad.txt', 'abc'), data: new Uint8Array([0xff, 0xff, 0xff]) };
    const zip = buildZip([deflated('big.txt', big), damaged, deflated('ok.txt', 'ok')]);
    expect(text(unzip(zip, LIMITS))).toEqual([
      ['big.txt', expect.stringContaining('超过每个文件的上限 1.0 MiB')],
      ['bad.txt', expect.stringContaining('解压失败')],
      ['ok.txt', 'ok'],
    ]);
  });

  it('refuses bytes with no directory', () => {
    expect(unzip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), LIMITS)).toEqual({ refused: expect.stringContaining('找不到文件目录') });
  });
});
