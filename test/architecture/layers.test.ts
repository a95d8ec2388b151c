/**
 * The layers go one way (README, 代码结构): routes → app → (core, store); the core imports no
 * adapter; the store keeps rows and reads no files; the browser knows the API by its contract.
 * This test reads every import of src/ and web/src and names each one that crosses a layer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** The pure core: no file, process, database or network, and none of the layers above it. */
const CORE = ['template', 'model', 'read', 'recognize', 'rules', 'render', 'calendar', 'register', 'catalogue', 'corpus', 'accounts', 'directory', 'indicators'];
const CORE_FILES = ['src/parse.ts', 'src/ingest.ts', 'src/index.ts'];

type Layer = 'core' | 'store' | 'app' | 'api' | 'server' | 'cli' | 'adapters' | 'web' | 'other';

function layerOf(path: string): Layer {
  if (path.startsWith('web/src/')) return 'web';
  if (CORE_FILES.includes(path)) return 'core';
  const m = /^src\/([^/]+)\//.exec(path);
  if (!m) return 'other';
  const top = m[1]!;
  if (CORE.includes(top)) return 'core';
  if (['store', 'app', 'api', 'server', 'cli', 'adapters'].includes(top)) return top as Layer;
  return 'other';
}

/** What a layer must never import (by layer). */
const FORBIDDEN: Record<Layer, Layer[]> = {
  core: ['store', 'app', 'api', 'server', 'cli', 'adapters', 'web'],
  store: ['app', 'api', 'server', 'cli', 'adapters', 'web'],
  app: ['api', 'server', 'cli', 'web'],
  api: ['store', 'app', 'server', 'cli', 'adapters', 'web'],
  server: ['store', 'cli', 'web'],
  cli: ['store', 'server', 'web'],
  adapters: ['store', 'app', 'api', 'server', 'cli', 'web'],
  web: ['store', 'app', 'server', 'cli', 'adapters'],
  other: [],
};

/**
 * Composition roots: the few files that build the stores and hand them to the use cases. They
 * may import the store; nothing else above the app layer may.
 */
const COMPOSITION_ROOTS: Record<string, Layer[]> = {
  'src/server/start.ts': ['store'],
  // The CLI's one place that opens the data folder (or DATABASE_URL) and builds the services.
  'src/cli/services.ts': ['store'],
  // The batch queue is infrastructure of `gongkai batch`, not a use case: its worker owns its table.
  'src/cli/queue.ts': ['store'],
  'src/cli/serve.ts': ['server'],
};

/** Finer rules inside the core and the store. */
const FORBIDDEN_PATHS: { from: string; to: RegExp; why: string }[] = [
  { from: 'src/model/', to: /^src\/rules\//, why: 'the model is data; the rules read it, not the other way round' },
  { from: 'src/store/', to: /^src\/(read|recognize)\/|^src\/(parse|ingest)\.ts$/, why: 'the store keeps rows; reading files is the app layer\'s' },
  { from: 'src/rules/', to: /^src\/(read|recognize)\//, why: 'rules check the model, they do not re-read raw text' },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4]!;
    if (!spec.startsWith('.')) continue;
    const target = relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts');
    found.push({ from: file, to: target, typeOnly: Boolean(m[2]) });
  }
  return found;
}

function violations(): string[] {
  const files = [...sourceFiles('src'), ...sourceFiles('web/src')];
  const out: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const imp of importsOf(file)) {
      const to = layerOf(imp.to.replace(/\.ts$/, '.ts'));
      // The browser may name the API contract's types, never run the server's code.
      if (from === 'web' && to === 'api' && !imp.typeOnly) {
        out.push(`${file} → ${imp.to}: the browser imports only the types of the API contract (import type)`);
        continue;
      }
      if (FORBIDDEN[from].includes(to) && !COMPOSITION_ROOTS[file]?.includes(to)) {
        out.push(`${file} → ${imp.to}: ${from} must not import ${to}`);
      }
      for (const rule of FORBIDDEN_PATHS) {
        if (file.startsWith(rule.from) && rule.to.test(imp.to)) out.push(`${file} → ${imp.to}: ${rule.why}`);
      }
    }
  }
  return out;
}

describe('layers', () => {
  it('no import crosses a layer', () => {
    expect(violations()).toEqual([]);
  });

  it('knows the layer of every source folder (a new top-level folder must be placed)', () => {
    const unplaced = sourceFiles('src').filter((f) => layerOf(f) === 'other');
    expect(unplaced).toEqual([]);
  });

  it('catches a crossing when there is one', () => {
    // The rules themselves: a store importing the server, a route importing a store.
    expect(FORBIDDEN[layerOf('src/store/x.ts')]).toContain(layerOf('src/server/x.ts'));
    expect(FORBIDDEN[layerOf('src/server/routes/x.ts')]).toContain(layerOf('src/store/x.ts'));
    expect(FORBIDDEN[layerOf('src/model/report.ts')]).toContain(layerOf('src/app/x.ts'));
  });
});
