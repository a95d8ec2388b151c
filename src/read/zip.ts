/**
 * A look at a ZIP's central directory before anything unpacks it: which entries it has and how
 * large they claim to be, so a zip bomb dressed as .docx is refused in microseconds instead of
 * exhausting memory. Pure; no decompression.
 */

export interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
  /** Byte offsets of the entry's central-directory record and of its local header. */
  central: number;
  local: number;
}

/** The entries of a ZIP, or null when its central directory cannot be found. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressed, uncompressed, central: at, local: view.getUint32(at + 42, true) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

export interface ZipLimits {
  /** Total unpacked size allowed. */
  maxUnpacked: number;
  /** Largest compression ratio allowed for an entry over 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUnpacked: 200 * 1024 * 1024, maxRatio: 200 };

/** Why a ZIP must not be unpacked, or null when it looks safe. */
export function zipDanger(entries: readonly ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): string | null {
  const total = entries.reduce((n, e) => n + e.uncompressed, 0);
  if (total > limits.maxUnpacked) return `解压后共 ${(total / 1024 / 1024).toFixed(0)} MiB，超过上限 ${(limits.maxUnpacked / 1024 / 1024).toFixed(0)} MiB（疑似压缩炸弹）`;
  const bomb = entries.find((e) => e.uncompressed > 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > limits.maxRatio);
  if (bomb) return `其中“${bomb.name}”的压缩比为 ${(bomb.uncompressed / Math.max(1, bomb.compressed)).toFixed(0)}:1，超过上限 ${limits.maxRatio}:1（疑似压缩炸弹）`;
  return null;
}
