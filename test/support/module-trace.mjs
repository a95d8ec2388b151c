/**
 * Records every module a Node process loads, for the start-up test (test/cli/startup.test.ts):
 * `GONGKAI_MODULE_TRACE=<file> node --import ./test/support/module-trace.mjs bin/gongkai.js …`
 * appends one URL or path a line to <file>. ES modules are seen by a resolve hook (which runs
 * on Node's loader thread); CommonJS files required from inside a package never pass through
 * that hook on Node 20, so the CommonJS cache is added when the process exits.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.GONGKAI_MODULE_TRACE;
if (file) {
  const hook = `
    import { appendFileSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      appendFileSync(${JSON.stringify(file)}, resolved.url + '\\n');
      return resolved;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => appendFileSync(file, Object.keys(cache).map((p) => `${p}\n`).join('')));
}
