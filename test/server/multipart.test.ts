/**
 * The upload's multipart reader streams to disk: a body cut into chunks anywhere (one byte at a
 * time, a delimiter split across two) gives the same files as one piece; Chinese and escaped
 * file names come through; a file past its limit stops being written and is marked; a body past
 * the request's limit or one that never ends stops with a reason.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryOf, stageMultipart, StageError } from '../../src/server/multipart.js';

async function encoded(files: { name: string; text: string }[]) {
  const form = new FormData();
  form.append('note', '不是文件的字段');
  for (const f of files) form.append('file', new Blob([f.text]), f.name);
  const res = new Response(form);
  return { type: res.headers.get('content-type')!, bytes: new Uint8Array(await res.arrayBuffer()) };
}

function streamOf(bytes: Uint8Array, chunk: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(ctl) {
      if (at >= bytes.length) return ctl.close();
      ctl.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
}

const limits = { maxRequestBytes: 1 << 20, maxFileBytes: 1000, maxFiles: 5 };

describe('stageMultipart', () => {
  const files = [
    { name: '云岭镇 2024 年报告.txt', text: '一、总体情况\r\n--不是分隔符\r\n' },
    { name: 'a "quoted" name.html', text: '<p>二</p>' },
    { name: 'empty.txt', text: '' },
  ];

  for (const chunk of [1, 7, 64, 1 << 16]) {
    it(`gives the same files in chunks of ${chunk} bytes`, async () => {
      const { type, bytes } = await encoded(files);
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-mp-'));
      const staged = await stageMultipart(streamOf(bytes, chunk), boundaryOf(type)!, dir, limits);
      expect(staged.map((f) => f.name)).toEqual(files.map((f) => f.name));
      expect(staged.map((f) => readFileSync(f.path!, 'utf8'))).toEqual(files.map((f) => f.text));
      expect(readdirSync(dir)).toHaveLength(3);
    });
  }

  it('stops writing a file past its limit, marks it, and goes on with the next', async () => {
    const { type, bytes } = await encoded([{ name: 'big.txt', text: 'x'.repeat(5000) }, { name: 'small.txt', text: '小' }]);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-mp-'));
    const [big, small] = await stageMultipart(streamOf(bytes, 100), boundaryOf(type)!, dir, limits);
    expect(big).toMatchObject({ name: 'big.txt', path: null, tooLarge: true });
    expect(readFileSync(small!.path!, 'utf8')).toBe('小');
  });

  it('stops a body past the request limit, too many files, and a body cut short', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-mp-'));
    const { type, bytes } = await encoded(files);
    const b = boundaryOf(type)!;
    await expect(stageMultipart(streamOf(bytes, 50), b, dir, { ...limits, maxRequestBytes: 100 })).rejects.toMatchObject({ kind: 'tooLarge' });
    await expect(stageMultipart(streamOf(bytes, 50), b, mkdtempSync(join(tmpdir(), 'gongkai-mp-')), { ...limits, maxFiles: 2 })).rejects.toBeInstanceOf(StageError);
    await expect(stageMultipart(streamOf(bytes.subarray(0, bytes.length - 10), 50), b, mkdtempSync(join(tmpdir(), 'gongkai-mp-')), limits)).rejects.toMatchObject({ kind: 'malformed' });
  });
});
