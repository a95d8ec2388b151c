// Bundle the browser application (web/) into dist/web with esbuild: one entry, lazily loaded
// pages as separate chunks, hashed file names so a new version is never served from cache.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';

// GONGKAI_WEB_OUT lets parallel work build elsewhere without clobbering dist/web.
const out = process.env.GONGKAI_WEB_OUT ?? 'dist/web';
await rm(out, { recursive: true, force: true });
await mkdir(`${out}/assets`, { recursive: true });
const result = await build({
  entryPoints: ['web/src/main.tsx'],
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  outdir: `${out}/assets`,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  loader: { '.css': 'css' },
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const outputs = Object.entries(result.metafile.outputs);
const js = outputs.find(([, o]) => o.entryPoint === 'web/src/main.tsx')?.[0];
// esbuild does not load the CSS of lazily imported pages by itself: link every stylesheet
// (they are small), the entry's first so that pages' own rules come after it.
const entryCss = outputs.find(([, o]) => o.entryPoint === 'web/src/main.tsx')?.[1].cssBundle;
const css = [entryCss, ...outputs.map(([f]) => f).filter((f) => f.endsWith('.css') && f !== entryCss)].filter(Boolean);
const asset = (f) => `/assets/${f.slice(`${out}/assets/`.length)}`;
const html = (await readFile('web/index.html', 'utf8'))
  .replace('<!--css-->', css.map((f) => `<link rel="stylesheet" href="${asset(f)}">`).join('\n'))
  .replace('<!--js-->', `<script type="module" src="${asset(js)}"></script>`);
await writeFile(`${out}/index.html`, html);
await copyFile('web/favicon.svg', `${out}/favicon.svg`);
