/**
 * One registry of finding codes (src/model/codes.ts): every code written anywhere in the source
 * is one `gongkai rules` lists, and every listed code says what it means in Chinese and English
 * with a severity. The codes are found by reading the source (string literals in code, not
 * comments), so a code added without its registry entry fails here as well as in the types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { rulesCommand } from '../../src/cli/rules.js';
import { CODES } from '../../src/model/codes.js';

const ROOT = resolve(__dirname, '../..');
const CODE = /^[A-Z][A-Z0-9]*\.[A-Z][A-Z0-9_]*$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every string literal of the file that looks like a code, with where it is. */
function codesIn(path: string): { code: string; at: string }[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { code: string; at: string }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && CODE.test(node.text)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push({ code: node.text, at: `${relative(ROOT, path)}:${line + 1}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** What `gongkai rules --json` prints. */
async function listed(): Promise<{ code: string; severity: string; zh: string; en: string }[]> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    expect(await rulesCommand({ json: true })).toBe(0);
  } finally {
    write.mockRestore();
  }
  return JSON.parse(out) as { code: string; severity: string; zh: string; en: string }[];
}

describe('finding codes', () => {
  it('every code in the source is listed by gongkai rules', async () => {
    const rules = new Set((await listed()).map((r) => r.code));
    const found = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'web/src'))].flatMap(codesIn);
    expect(found.length).toBeGreaterThan(50);
    expect(found.filter((f) => !rules.has(f.code))).toEqual([]);
  });

  it('lists each code once, with a severity and what it means in Chinese and English', async () => {
    const rules = await listed();
    expect(rules.map((r) => r.code)).toEqual(CODES.map((c) => c.code));
    expect(new Set(rules.map((r) => r.code)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.code, r.code).toMatch(CODE);
      expect(['error', 'warning', 'info'], r.code).toContain(r.severity);
      expect(r.zh, r.code).toMatch(/[\u4e00-\u9fff]/);
      expect(r.en, r.code).toMatch(/[a-z]{2,}/);
    }
  });

  it('lists every code the README documents', async () => {
    const rules = new Set((await listed()).map((r) => r.code));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z][A-Z0-9]*\.[A-Z][A-Z0-9_]*)`(?: \/ `([A-Z][A-Z0-9]*\.[A-Z][A-Z0-9_]*)`)*/gm)].flatMap((m) =>
      [...m[0].matchAll(/`([^`]+)`/g)].map((c) => c[1]!),
    );
    expect(documented.length).toBeGreaterThan(40);
    expect(documented.filter((c) => !rules.has(c))).toEqual([]);
  });
});
