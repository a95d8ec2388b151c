/**
 * Access to ../shared (the seeds and the real PDFs), which lives beside the clone and is never
 * copied into the repository. Tests that need it skip, saying why, when it is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = process.env.GONGKAI_SHARED ?? resolve(root, '../shared');
export const HAVE_SHARED = existsSync(join(SHARED, 'seeds'));
export const FIXTURES = join(root, 'test/fixtures');

if (!HAVE_SHARED) {
  console.warn(`[gongkai tests] ${SHARED} is absent: tests on the real seeds and PDFs are skipped (CI always has it).`);
}

export function seedPath(prefix: string): string {
  return join(SHARED, 'seeds', readdirSync(join(SHARED, 'seeds')).find((f) => f.startsWith(prefix))!);
}

export function haveCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const textCache = new Map<string, string>();

/** pdftotext of a real PDF, in reading order (`raw`) or layout order (`layout`), made inside the test run. */
export function pdfText(name: string, mode: 'raw' | 'layout'): string {
  const key = `${name}:${mode}`;
  const cached = textCache.get(key);
  if (cached !== undefined) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
  const out = join(dir, `${name}.${mode}.txt`);
  const args = mode === 'layout' ? ['-layout'] : [];
  execFileSync('pdftotext', [...args, join(SHARED, 'fixtures/real', `${name}.pdf`), out]);
  const text = readFileSync(out, 'utf8');
  textCache.set(key, text);
  return text;
}

export function expectedJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SHARED, 'fixtures/real', `${name}.expected.json`), 'utf8')) as Record<string, unknown>;
}

export function writeTemp(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
