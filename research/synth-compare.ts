/**
 * Writes a synthetic 46,XX karyogram (left) next to a real one from ../shared/data/karyograms (right),
 * both halved, into docs/local/ (git-ignored: the real image is not ours to redistribute, so the
 * side-by-side is made on each machine that has the data). Without a real image, the right half is a
 * second synthetic cell at the 550-band level; that version is the one committed as
 * docs/synthetic-karyograms.png. Usage: npx tsx research/synth-compare.ts [real.bmp|real.png|-] [out.png]
 */
import { readFileSync } from 'node:fs';
import { decode } from 'fast-png';
import type { GrayImage } from '../src/shared/gray-image';
import { createGrayImage } from '../src/shared/gray-image';
import { generateCase } from '../src/karyotype/synthetic-case';
import { writeGrayPng } from '../src/cli/common/synth-png';

const [
  realPath = '../shared/data/karyograms/100955NVG.017.K.BMP',
  outPath = 'docs/local/synthetic-vs-real.png',
] = process.argv.slice(2);

/** Uncompressed 24/32-bit BMP or PNG → gray (luminance). Enough for this one picture. */
function readGray(path: string): GrayImage {
  const bytes = readFileSync(path);
  if (path.toLowerCase().endsWith('.png')) {
    const png = decode(bytes);
    const image = createGrayImage(png.width, png.height);
    for (let i = 0; i < image.pixels.length; i++) image.pixels[i] = png.data[i * png.channels] ?? 255;
    return image;
  }
  const offset = bytes.readUInt32LE(10);
  const width = bytes.readInt32LE(18);
  const rawHeight = bytes.readInt32LE(22);
  const bytesPerPixel = bytes.readUInt16LE(28) / 8;
  const height = Math.abs(rawHeight);
  const stride = Math.ceil((width * bytesPerPixel) / 4) * 4;
  const image = createGrayImage(width, height);
  for (let y = 0; y < height; y++) {
    const row = offset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x++) {
      const i = row + x * bytesPerPixel;
      const [b = 255, g = 255, r = 255] = [bytes[i], bytes[i + 1], bytes[i + 2]];
      image.pixels[y * width + x] = Math.round(0.114 * b + 0.587 * g + 0.299 * r);
    }
  }
  return image;
}

/** Halves an image with a 2 × 2 box filter. */
function halve(image: GrayImage): GrayImage {
  const out = createGrayImage(Math.floor(image.width / 2), Math.floor(image.height / 2));
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const at = (dx: number, dy: number): number =>
        image.pixels[(2 * y + dy) * image.width + 2 * x + dx] ?? 255;
      out.pixels[y * out.width + x] = Math.round((at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4);
    }
  }
  return out;
}

const synthetic = generateCase({ karyotype: '46,XX', cells: 1, level: 400, seed: 7 }).cells[0];
if (!synthetic) throw new Error('no cell generated');
const left = halve(synthetic.karyogram.image);
const second = generateCase({ karyotype: '46,XY', cells: 1, level: 550, seed: 8 }).cells[0];
if (!second) throw new Error('no cell generated');
const right = halve(realPath === '-' ? second.karyogram.image : readGray(realPath));
const gap = 8;
const canvas = createGrayImage(left.width + gap + right.width, Math.max(left.height, right.height));
for (let y = 0; y < canvas.height; y++) {
  for (let x = 0; x < gap; x++) canvas.pixels[y * canvas.width + left.width + x] = x === gap / 2 ? 128 : 255;
  if (y < left.height)
    canvas.pixels.set(left.pixels.subarray(y * left.width, (y + 1) * left.width), y * canvas.width);
  if (y < right.height) {
    canvas.pixels.set(
      right.pixels.subarray(y * right.width, (y + 1) * right.width),
      y * canvas.width + left.width + gap,
    );
  }
}
writeGrayPng(outPath, canvas);
process.stderr.write(`wrote ${outPath}\n`);
