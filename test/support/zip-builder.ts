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

export function buildZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const at = e.localAt ?? offset;
    if (!e.shared) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6);
      local.writeUInt16LE(e.method, 8);
      local.writeUInt32LE(e.data.length, 18);
      local.writeUInt32LE(e.declared, 22);
      local.writeUInt16LE(name.length, 26);
      parts.push(local, name, Buffer.from(e.data));
      offset += 30 + name.length + e.data.length;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(at, 42);
    centrals.push(central, name);
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
