/**
 * Catalogue attachments are typed from their bytes against an allow-list, on the real server
 * (PGlite and PostgreSQL): a script claiming text/javascript is refused; script bytes in a .txt
 * are stored and served as plain text to download; every file is served from /files with nosniff
 * and a sandbox; only PDF and images are shown in the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentType } from '../../src/catalogue/file-type.js';
import type { RunningServer } from '../../src/server/start.js';
import { DB_KINDS } from '../support/db.js';
import { addAccount, ApiClient, testServer } from '../support/web.js';
import { buildZip, deflated } from '../support/zip-builder.js';

const SCRIPT = 'document.title = "pwned"; fetch("/api/session").then((r) => r.text()).then(alert);';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const enc = (s: string) => new TextEncoder().encode(s);

describe('attachment types from the bytes', () => {
  it('names each allowed format from its content, whatever the name says, and refuses the rest', () => {
    expect(attachmentType(enc('%PDF-1.7\n…'), '通知.txt')).toEqual({ mediaType: 'application/pdf', inline: true });
    expect(attachmentType(PNG, '图.pdf')).toEqual({ mediaType: 'image/png', inline: true });
    const docx = buildZip([deflated('[Content_Types].xml', '<Types/>'), deflated('word/document.xml', '<w:document/>')]);
    expect(attachmentType(docx, '方案.docx')).toEqual({ mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', inline: false });
    const xlsx = buildZip([deflated('[Content_Types].xml', '<Types/>'), deflated('xl/workbook.xml', '<workbook/>')]);
    expect(attachmentType(xlsx, '表.xlsx')?.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(attachmentType(buildZip([deflated('OFD.xml', '<ofd:OFD/>')]), '公文.ofd')?.mediaType).toBe('application/ofd');
    // A ZIP of anything else, a script, an HTML page, an SVG: not a catalogue attachment.
    expect(attachmentType(buildZip([deflated('run.js', SCRIPT)]), '资料.zip')).toBeNull();
    expect(attachmentType(enc(SCRIPT), 'app.js')).toBeNull();
    expect(attachmentType(enc('<html><script>alert(1)</script></html>'), 'page.html')).toBeNull();
    expect(attachmentType(enc('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.svg')).toBeNull();
    // Text only as .txt/.csv, in UTF-8 or GB18030, without NUL.
    expect(attachmentType(enc('说明'), '说明.txt')).toEqual({ mediaType: 'text/plain; charset=utf-8', inline: false });
    expect(attachmentType(new Uint8Array([0xcb, 0xb5, 0xc3, 0xf7]), '说明.txt')?.mediaType).toBe('text/plain; charset=gb18030');
    expect(attachmentType(enc('甲,乙\n1,2'), '表.csv')?.mediaType).toBe('text/csv; charset=utf-8');
    expect(attachmentType(enc('说\u0000明'), '说明.txt')).toBeNull();
  });
});

for (const kind of DB_KINDS) {
  describe(`catalogue attachments over HTTP on ${kind}`, () => {
    let server: RunningServer;
    let officer: ApiClient;
    let itemId: number;
    beforeAll(async () => {
      server = await testServer({ db: kind });
      await server.deps.register.addBody('yl', '青禾县云岭镇人民政府', 'test');
      await addAccount(server.deps, 'att-off', 'officer', ['yl']);
      officer = new ApiClient(server.url);
      await officer.signIn('att-off');
      const item = await officer.json<{ id: number }>('POST', '/api/bodies/yl/catalogue/items', {
        title: '云岭镇防汛应急预案',
        summary: '防汛组织与转移安置。',
        content: '总则',
        topic: '应急管理',
        docType: '其他文件',
        disclosure: 'proactive',
        channels: ['门户网站'],
        madeOn: '2026-02-26',
      });
      expect(item.status).toBe(200);
      itemId = item.body.id;
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });

    const upload = (bytes: Uint8Array, name: string, type: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
      return officer.request('POST', `/api/office/catalogue/items/${itemId}/attachments`, undefined, { raw: form });
    };

    it('refuses a script claiming text/javascript, with a Chinese reason, and stores nothing', async () => {
      const res = await upload(enc(SCRIPT), 'app.js', 'text/javascript');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toContain('类型不在允许之列');
      const html = await upload(enc('<script>alert(1)</script>'), '预算.html', 'text/html');
      expect(html.status).toBe(400);
      const rows = await server.deps.db.query('SELECT id FROM catalogue_attachments WHERE item_id = $1', [itemId]);
      expect(rows).toHaveLength(0);
    });

    it('keeps script bytes in a .txt as plain text: downloaded from /files, never run', async () => {
      const res = await upload(enc(SCRIPT), '说明.txt', 'text/javascript');
      expect(res.status).toBe(200);
      const att = (await res.json()) as { url: string; mediaType?: string };
      expect(att.url.startsWith('/files/')).toBe(true);
      const stored = await server.deps.db.query<{ media_type: string }>('SELECT media_type FROM catalogue_attachments WHERE item_id = $1', [itemId]);
      expect(stored.map((r) => r.media_type)).toEqual(['text/plain; charset=utf-8']);
      const down = await officer.request('GET', att.url);
      expect(down.status).toBe(200);
      expect(down.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(down.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(down.headers.get('x-content-type-options')).toBe('nosniff');
      expect(down.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      expect(await down.text()).toBe(SCRIPT);
    });

    it('shows a PDF and an image in the browser, sandboxed; the old /api address is gone', async () => {
      for (const [bytes, name, type] of [[enc('%PDF-1.4 预案'), '预案.pdf', 'application/pdf'], [PNG, '示意图.png', 'image/png']] as const) {
        // The browser's claim is ignored either way: application/octet-stream is what a careless one sends.
        const res = await upload(bytes, name, 'application/octet-stream');
        expect(res.status).toBe(200);
        const { url, id } = (await res.json()) as { url: string; id: number };
        const down = await officer.request('GET', url);
        expect(down.headers.get('content-type')).toBe(type);
        expect(down.headers.get('content-disposition')).toMatch(/^inline;/);
        expect(down.headers.get('content-security-policy')).toMatch(/^sandbox;/);
        expect((await officer.request('GET', `/api/office/catalogue/items/${itemId}/attachments/${id}`)).status).toBe(404);
      }
    });

    it('serves a file stored before sniffing with the type of its bytes, not the stored one', async () => {
      // As an older version stored it: the uploader's type, text/html, for a page with a script.
      const rows = await server.deps.db.query<{ id: string }>(
        `INSERT INTO catalogue_attachments (item_id, file_name, media_type, bytes, sha256) VALUES ($1, '旧.html', 'text/html', $2, 'x') RETURNING id::text AS id`,
        [itemId, enc('<script>alert(1)</script>')],
      );
      const down = await officer.request('GET', `/files/office/catalogue/items/${itemId}/attachments/${rows[0]!.id}`);
      expect(down.status).toBe(200);
      expect(down.headers.get('content-type')).toBe('application/octet-stream');
      expect(down.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(down.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    });
  });
}
