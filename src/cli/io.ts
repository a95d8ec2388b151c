/** File-system and stream adapters for the CLI (the core never touches them). */
import { readFile, writeFile } from 'node:fs/promises';

/** Read a file, or standard input for `-`. */
export async function readInput(name: string): Promise<Uint8Array> {
  if (name !== '-') return readFile(name);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A file-system error as a sentence a user understands. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在 (no such file)';
  if (code === 'EACCES') return '没有读取权限 (permission denied)';
  if (code === 'EISDIR') return '这是一个文件夹，不是文件 (is a directory)';
  return error instanceof Error ? error.message : String(error);
}

export async function writeOutput(path: string | undefined, text: string): Promise<void> {
  if (path) await writeFile(path, text);
  else process.stdout.write(text);
}

/** Print a user-facing error line on standard error. */
export function complain(file: string, reason: string): void {
  process.stderr.write(`gongkai: ${file}: ${reason}\n`);
}
