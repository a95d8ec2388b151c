/**
 * Page images wrapped as the only content of the pages of a PDF, without decoding them: JPEG as
 * it is (DCTDecode), PNG by its compressed data with PNG's own predictors (FlateDecode, as PDF
 * allows). A scan that comes as images is then rendered grey by pdftoppm like a scanned PDF.
 * PNGs PDF cannot take that way (palette, alpha, interlaced, 16-bit) are left out: null.
 */

interface ImageObject {
  width: number;
  height: number;
  /** The image dictionary's entries besides size and length. */
  entries: string;
  data: Uint8Array;
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
}

function jpegObject(jpeg: Uint8Array): ImageObject | null {
  let i = 2;
  while (i + 9 < jpeg.length) {
    const marker = jpeg[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) {
      const components = jpeg[i + 9]!;
      const space = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
      return { height: (jpeg[i + 5]! << 8) | jpeg[i + 6]!, width: (jpeg[i + 7]! << 8) | jpeg[i + 8]!, entries: `/ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode`, data: jpeg };
    }
    i += 2 + ((jpeg[i + 2]! << 8) | jpeg[i + 3]!);
  }
  return null;
}

function pngObject(png: Uint8Array): ImageObject | null {
  let i = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | null = null;
  const idat: Uint8Array[] = [];
  while (i + 8 <= png.length) {
    const length = u32(png, i);
    const type = String.fromCharCode(...png.subarray(i + 4, i + 8));
    const body = png.subarray(i + 8, i + 8 + length);
    if (type === 'IHDR') header = { width: u32(body, 0), height: u32(body, 4), depth: body[8]!, colour: body[9]!, interlace: body[12]! };
    if (type === 'IDAT') idat.push(body);
    i += 12 + length;
  }
  if (!header || header.depth !== 8 || header.interlace !== 0 || (header.colour !== 0 && header.colour !== 2)) return null;
  const colours = header.colour === 0 ? 1 : 3;
  const data = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  idat.reduce((at, c) => (data.set(c, at), at + c.length), 0);
  const parms = `/DecodeParms << /Predictor 15 /Colors ${colours} /BitsPerComponent 8 /Columns ${header.width} >>`;
  return { width: header.width, height: header.height, entries: `/ColorSpace ${colours === 1 ? '/DeviceGray' : '/DeviceRGB'} /BitsPerComponent 8 /Filter /FlateDecode ${parms}`, data };
}

/** The image's PDF object, or null for what cannot be embedded as it is. */
function imageObject(bytes: Uint8Array): ImageObject | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegObject(bytes);
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return pngObject(bytes);
  return null;
}

/** A PDF of the page images, each page sized so that rendering it at `dpi` gives back the image's pixels; null when an image cannot be embedded. */
export function imagePdf(pages: readonly Uint8Array[], dpi: number): Uint8Array | null {
  const images = pages.map(imageObject);
  if (images.some((i) => i === null)) return null;
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  const add = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? new Uint8Array(Buffer.from(part, 'latin1')) : part;
    chunks.push(bytes);
    size += bytes.length;
  };
  const object = (n: number, body: (string | Uint8Array)[]) => {
    offsets[n] = size;
    add(`${n} 0 obj\n`);
    body.forEach(add);
    add('\nendobj\n');
  };
  add('%PDF-1.4\n');
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, [`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`]);
  images.forEach((img, i) => {
    const { width, height, entries, data } = img!;
    const [page, image, content] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    const [w, h] = [((width * 72) / dpi).toFixed(2), ((height * 72) / dpi).toFixed(2)];
    const draw = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    object(page, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`]);
    object(image, [`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} ${entries} /Length ${data.length} >>\nstream\n`, data, '\nendstream']);
    object(content, [`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`]);
  });
  const count = 3 + pages.length * 3;
  const xref = size;
  add(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) add(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}
