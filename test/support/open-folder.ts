/**
 * A child process of test/store/folder-lock.test.ts: says "ready", waits for the go file, then
 * opens the PGlite data folder as a server does. It prints "opened" and holds the folder until
 * its standard input closes, or prints "refused <message>" and exits 3.
 */
import { existsSync } from 'node:fs';
import { openPglite } from '../../src/store/db.js';

const [dataDir, goFile] = process.argv.slice(2) as [string, string];
process.stdout.write('ready\n');
while (!existsSync(goFile)) await new Promise((r) => setTimeout(r, 2));
try {
  const db = await openPglite(dataDir);
  await db.query('SELECT 1');
  process.stdout.write('opened\n');
  process.stdin.resume();
  process.stdin.on('end', () => void db.close().then(() => process.exit(0)));
} catch (error) {
  process.stdout.write(`refused ${(error as Error).message}\n`);
  process.exit(3);
}
