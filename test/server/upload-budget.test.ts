/**
 * Issue 17: hostile uploads must not stop the server. Each hostile file is made here (nested
 * HTML, a PDF of many pages, a ZIP of large reports, a ZIP of overlapping entries, a large text
 * file), uploaded by a supervisor to a real server together with a good report, while the
 * public form is asked again and again: every answer of the public form must be a success, the
 * hostile file must end refused with the budget that stopped it named, and the good report sent
 * with it must be kept. The budgets are lowered by configuration so the files stay small; the
 * sizes of the attack itself are measured by `npm run bench` (bench/uploads.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_READ_BUDGET } from '../../src/read/budget.js';
import type { UploadResult } from '../../src/server/routes/supervisor.js';
import type { RunningServer } from '../../src/server/start.js';
import { goodReport, largeText, manyPagePdf, nestedHtml, overlappingZip, zipOfReports } from '../support/hostile.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';

const MiB = 1024 * 1024;

describe('hostile uploads are refused with the budget named, the public form answers throughout, the good file is kept', () => {
  let server: RunningServer;
  let sup: ApiClient;
  beforeAll(async () => {
    server = await testServer({
      config: {
        read: { ...DEFAULT_READ_BUDGET, maxBytes: 4 * MiB, maxPages: 50, maxTextChars: 100_000 },
        upload: { maxFileBytes: 4 * MiB, maxFiles: 50, maxUploadUnpackedBytes: 8 * MiB },
      },
    });
    await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
    await addAccount(server.deps, 'sup', 'supervisor', ['yl']);
    sup = new ApiClient(server.url);
    await sup.signIn('sup');
  }, 60_000);
  afterAll(async () => server?.close());

  /** Upload `name` with a good report while asking the public form every 50 ms; every answer of the form is kept. */
  async function uploadWatched(name: string, bytes: Uint8Array) {
    const form = new FormData();
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
    form.append('file', new Blob([goodReport() as Uint8Array<ArrayBuffer>]), 'good.md');
    let done = false;
    const answers: number[] = [];
    const poll = (async () => {
      while (!done) {
        answers.push((await fetch(`${server.url}/api/public/form`)).status);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const res = await sup.request('POST', '/api/supervisor/uploads', undefined, { raw: form }).finally(() => (done = true));
    await poll;
    const body = (await res.json()) as { results: UploadResult[] };
    return { status: res.status, results: body.results, answers };
  }

  function expectGoodKept(results: readonly UploadResult[]) {
    const good = results.find((r) => r.file === 'good.md');
    expect(good).toMatchObject({ ok: true, unit: '青禾县云岭镇人民政府', year: 2024 });
    expect(good!.reportId).not.toBeNull();
  }

  it('950 KB of nested HTML (here 20,000 levels) is read — the sanitiser and reader are linear — and found to be no report', async () => {
    const { status, results, answers } = await uploadWatched('nested.html', nestedHtml(20_000));
    expect(status).toBe(200);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((s) => s === 200)).toBe(true);
    expect(results.find((r) => r.file === 'nested.html')).toMatchObject({ ok: false, error: expect.stringContaining('没有找到年度报告') });
    expectGoodKept(results);
  }, 120_000);

  it('a PDF of many pages (here 200, budget 50) is refused before its pages are read', async () => {
    const { results, answers } = await uploadWatched('pages.pdf', manyPagePdf(200));
    expect(answers.every((s) => s === 200)).toBe(true);
    const pdf = results.find((r) => r.file === 'pages.pdf')!;
    expect(pdf.ok).toBe(false);
    expect(pdf.error).toContain('超过读取预算（每个 PDF 50 页）');
    expect(pdf.error).toContain('200 页');
    expectGoodKept(results);
  }, 120_000);

  it('a ZIP of large reports (here 12 × 0.5 MiB, budget 10 万字 each): each refused on its own, the good file kept', async () => {
    const { results, answers } = await uploadWatched('reports.zip', zipOfReports(12, MiB / 2));
    expect(answers.every((s) => s === 200)).toBe(true);
    const inside = results.filter((r) => r.file.startsWith('reports.zip!/'));
    expect(inside).toHaveLength(12);
    for (const r of inside) {
      expect(r.ok).toBe(false);
      expect(r.error).toContain('超过读取预算（每个文件 10 万字）');
    }
    expectGoodKept(results);
  }, 120_000);

  it('a ZIP that unpacks past the upload budget is refused unopened', async () => {
    const { results } = await uploadWatched('many.zip', zipOfReports(20, MiB / 2));
    expect(results.find((r) => r.file === 'many.zip')).toMatchObject({ ok: false, error: expect.stringContaining('超过上限 8 MiB') });
    expectGoodKept(results);
  }, 120_000);

  it('a ZIP of overlapping entries is refused unopened', async () => {
    const bomb = overlappingZip(6, 1); // 6 MiB declared: under the unpacked budget, so the overlap itself refuses it
    expect(bomb.length).toBeLessThan(20 * 1024);
    const { results, answers } = await uploadWatched('overlap.zip', bomb);
    expect(answers.every((s) => s === 200)).toBe(true);
    expect(results.find((r) => r.file === 'overlap.zip')).toMatchObject({ ok: false, error: expect.stringContaining('相互重叠') });
    expectGoodKept(results);
  }, 120_000);

  it('a large text file (here 6 MB, budget 4 MiB) stops being written as it streams in, and is refused', async () => {
    const { results, answers } = await uploadWatched('big.txt', largeText(6_000_000));
    expect(answers.every((s) => s === 200)).toBe(true);
    expect(results.find((r) => r.file === 'big.txt')).toMatchObject({ ok: false, reportId: null, error: expect.stringContaining('超过每个文件的上限 4.0 MiB') });
    expectGoodKept(results);
  }, 120_000);

  it('a text under the byte budget but over the text budget is refused naming it', async () => {
    const { results } = await uploadWatched('long.txt', largeText(600_000));
    expect(results.find((r) => r.file === 'long.txt')).toMatchObject({ ok: false, error: expect.stringContaining('超过读取预算（每个文件 10 万字）') });
    expectGoodKept(results);
  }, 120_000);

  it('leaves nothing of the uploads in the staging folder', async () => {
    const { readdir } = await import('node:fs/promises');
    const staging = server.deps.config.stagingDir;
    const left = staging ? await readdir(staging).catch(() => []) : [];
    expect(left).toEqual([]);
  });
});
