/**
 * A scanned page is seldom straight: at 1° a rule across an A4 page at 300 dpi climbs 40 pixels
 * and breaks into steps too short to be taken for a rule. The page's skew is the angle at which
 * its ink, projected onto the vertical axis, piles up most sharply (lines of print and rules
 * all run the same way); the page is turned back by it before tables are looked for.
 */
import { blankImage, type GreyImage } from './grey-image.js';

const MAX_DEGREES = 3;
const STEP_DEGREES = 0.1;
const COARSE_DEGREES = 0.5;
/** Every SAMPLE-th pixel both ways is enough to weigh the projections. */
const SAMPLE = 2;

/** How sharply the sampled ink piles up when projected along lines of the given slope. */
function sharpness(xs: Int32Array, ys: Int32Array, n: number, degrees: number, bins: Float64Array, margin: number): number {
  const slope = Math.tan((degrees * Math.PI) / 180);
  bins.fill(0);
  // Binned by the sampling step: finer bins would leave every other one empty when straight, doubling its score.
  for (let i = 0; i < n; i++) bins[Math.round((ys[i]! - xs[i]! * slope + margin) / SAMPLE)]!++;
  let score = 0;
  for (let i = 0; i < bins.length; i++) score += bins[i]! * bins[i]!;
  return score;
}

/** The page's skew in degrees (positive: lines run down to the right), to a tenth of a degree. */
export function skewAngle(image: GreyImage, threshold: number): number {
  const cap = Math.ceil(image.width / SAMPLE) * Math.ceil(image.height / SAMPLE);
  const xs = new Int32Array(cap);
  const ys = new Int32Array(cap);
  let n = 0;
  for (let y = 0; y < image.height; y += SAMPLE) {
    for (let x = 0; x < image.width; x += SAMPLE) {
      if (image.data[y * image.width + x]! < threshold) {
        xs[n] = x;
        ys[n++] = y;
      }
    }
  }
  const margin = Math.ceil(image.width * Math.tan((MAX_DEGREES * Math.PI) / 180)) + 1;
  const bins = new Float64Array(Math.ceil((image.height + 2 * margin) / SAMPLE) + 1);
  // Coarse steps of half a degree, then tenths around the best: the peak is about as wide as a line of print is high over the page's width (2° at 300 dpi).
  const best = (candidates: number[]) => {
    let angle = 0;
    let top = -1;
    for (const a of candidates) {
      const score = sharpness(xs, ys, n, a, bins, margin);
      // Straight wins a tie: a page with no lines at all is left as it is.
      if (score > top * (1 + 1e-9) || (score === top && a === 0)) [angle, top] = [a, score];
    }
    return angle;
  };
  const coarse = best(Array.from({ length: (2 * MAX_DEGREES) / COARSE_DEGREES + 1 }, (_, i) => -MAX_DEGREES + i * COARSE_DEGREES));
  const fine = best(Array.from({ length: 9 }, (_, i) => Math.round((coarse + (i - 4) * STEP_DEGREES) * 10) / 10));
  return Math.round(fine * 10) / 10;
}

/** The image turned by `degrees` about its centre (a skew of that angle straightened), white where nothing comes in. */
export function rotate(image: GreyImage, degrees: number): GreyImage {
  if (degrees === 0) return image;
  const out = blankImage(image.width, image.height);
  const [sin, cos] = [Math.sin((degrees * Math.PI) / 180), Math.cos((degrees * Math.PI) / 180)];
  const [cx, cy] = [image.width / 2, image.height / 2];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const sx = Math.round(cx + (x - cx) * cos - (y - cy) * sin);
      const sy = Math.round(cy + (x - cx) * sin + (y - cy) * cos);
      if (sx >= 0 && sy >= 0 && sx < image.width && sy < image.height) out.data[y * image.width + x] = image.data[sy * image.width + sx]!;
    }
  }
  return out;
}

/** The page straightened, when it is skewed by a tenth of a degree or more. */
export function deskew(image: GreyImage, threshold: number): GreyImage {
  return rotate(image, skewAngle(image, threshold));
}
