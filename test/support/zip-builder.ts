/**
 * ZIP archives written byte by byte for tests of the ZIP reader: each entry's data and the sizes
 * its local header and central directory declare are given separately, so a test can make the
 * directory lie (claim less than the data inflates to), make entries overlap, or list many.
 */
import { once } from 'node:events';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The entry's stored bytes: raw deflate (method 8) or the file itself (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare. */
  declared: number;
  /** Where the central directory says the local header is; by default where it is written. */
  localAt?: number;
  /** Write no local header and data for this entry (it points into another's). */
  shared?: boolean;
}

/** An honest entry: the file deflated, its real size declared. */
export function deflated(name: string, content: Uint8Array | string): RawEntry {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, data: deflateRawSync(bytes), method: 8, declared: bytes.length };
}

/** Raw deflate of `mib` MiB of zero bytes, made a MiB at a time (the test never holds the whole). */
export async function deflatedZeros(mib: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) if (!deflate.write(zeros)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

/** A little-endian record of `size` bytes: each field is [offset, width in bytes, value]. */
function record(size: number, fields: readonly (readonly [number, 2 | 4, number])[]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

const UTF8_NAMES = 0x0800;

export function buildZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const at = e.localAt ?? offset;
    const sizes = [e.data.length, e.declared, name.length] as const;
    if (!e.shared) {
      const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [6, 2, UTF8_NAMES], [8, 2, e.method], [18, 4, sizes[0]], [22, 4, sizes[1]], [26, 2, sizes[2]]]);
      parts.push(local, name, Buffer.from(e.data));
      offset += 30 + name.length + e.data.length;
    }
    const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [8, 2, UTF8_NAMES], [10, 2, e.method], [20, 4, sizes[0]], [24, 4, sizes[1]], [28, 2, sizes[2]], [42, 4, at]]);
    centrals.push(central, name);
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, directory.length], [16, 4, offset]]);
  return Buffer.concat([...parts, directory, end]);
}
