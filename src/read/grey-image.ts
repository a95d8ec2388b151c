/**
 * Grey page images for reading scans: one byte per pixel, 0 black … 255 white, row by row.
 * PGM (binary `P5`, what pdftoppm -gray writes) is read and written here without a dependency,
 * so segmenting a scan stays a pure function over a pixel array.
 */

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Rect {
  x0: number;
  y0: number;
  /** Exclusive. */
  x1: number;
  y1: number;
}

/** A binary PGM (`P5`, 8-bit) → image. */
export function parsePgm(bytes: Uint8Array): GreyImage {
  const fields: number[] = [];
  let i = 2;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x35) throw new Error('不是 PGM 灰度图像（P5）');
  while (fields.length < 3 && i < bytes.length) {
    const c = bytes[i]!;
    if (c === 0x23) while (i < bytes.length && bytes[i] !== 0x0a) i++; // a comment runs to the line end
    else if (c >= 0x30 && c <= 0x39) {
      let n = 0;
      while (i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) n = n * 10 + bytes[i++]! - 0x30;
      fields.push(n);
      continue;
    }
    i++;
  }
  const [width = 0, height = 0, max = 0] = fields;
  if (max !== 255) throw new Error('PGM 图像须为 8 位灰度');
  const data = bytes.subarray(i + 1, i + 1 + width * height); // one whitespace byte after the header
  if (data.length !== width * height) throw new Error('PGM 图像数据不完整');
  return { width, height, data };
}

export function encodePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header);
  out.set(image.data, header.length);
  return out;
}

export function blankImage(width: number, height: number): GreyImage {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

export function cropImage(image: GreyImage, r: Rect): GreyImage {
  const x0 = Math.max(0, r.x0);
  const y0 = Math.max(0, r.y0);
  const width = Math.max(0, Math.min(image.width, r.x1) - x0);
  const height = Math.max(0, Math.min(image.height, r.y1) - y0);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) data.set(image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width), y * width);
  return { width, height, data };
}

/** The image with a white margin around it (tesseract reads glyphs touching the border badly). */
export function padImage(image: GreyImage, margin: number): GreyImage {
  const out = blankImage(image.width + 2 * margin, image.height + 2 * margin);
  for (let y = 0; y < image.height; y++) out.data.set(image.data.subarray(y * image.width, (y + 1) * image.width), (y + margin) * out.width + margin);
  return out;
}

/** Bilinear enlargement by a whole factor: small print in table cells reads better larger. */
export function enlarge(image: GreyImage, factor: number): GreyImage {
  if (factor <= 1) return image;
  const width = image.width * factor;
  const height = image.height * factor;
  const data = new Uint8Array(width * height);
  const at = (x: number, y: number) => image.data[Math.min(image.height - 1, y) * image.width + Math.min(image.width - 1, x)]!;
  for (let y = 0; y < height; y++) {
    const sy = Math.max(0, (y + 0.5) / factor - 0.5);
    const y0 = Math.floor(sy);
    const fy = sy - y0;
    for (let x = 0; x < width; x++) {
      const sx = Math.max(0, (x + 0.5) / factor - 0.5);
      const x0 = Math.floor(sx);
      const fx = sx - x0;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      data[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data };
}

/** The grey level below which a pixel is ink, by Otsu's method, kept within sane bounds for paper. */
export function inkThreshold(image: GreyImage): number {
  const histogram = new Float64Array(256);
  const { data } = image;
  for (let i = 0; i < data.length; i++) histogram[data[i]!]!++;
  const total = image.data.length;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * histogram[v]!;
  let below = 0;
  let sumBelow = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    below += histogram[t]!;
    if (below === 0 || below === total) continue;
    sumBelow += t * histogram[t]!;
    const meanBelow = sumBelow / below;
    const meanAbove = (sum - sumBelow) / (total - below);
    const between = below * (total - below) * (meanBelow - meanAbove) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return Math.min(200, Math.max(80, threshold));
}

/** The smallest rectangle holding every ink pixel of r, or null when r holds fewer than minInk of them. */
export function inkBox(image: GreyImage, r: Rect, threshold: number, minInk = 1): Rect | null {
  let box: Rect | null = null;
  let ink = 0;
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      if (image.data[y * image.width + x]! >= threshold) continue;
      ink++;
      if (!box) box = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
      else {
        box.x0 = Math.min(box.x0, x);
        box.x1 = Math.max(box.x1, x + 1);
        box.y0 = Math.min(box.y0, y);
        box.y1 = Math.max(box.y1, y + 1);
      }
    }
  }
  return ink >= minInk ? box : null;
}
