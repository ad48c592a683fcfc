import type { GrayImage } from '../../../shared/gray-image';
import type { DecodedPage } from '../decoded-page';
import { checkFilePixels, type DecodeLimits } from '../decode-limits';
import { ImageInputError } from '../image-input-error';
import { interleavedToGray, paletteToGray, sixteenBitScale, unpackSamples } from '../to-gray';
import { assembleSegments } from './assemble-segments';
import { reverseBitsInPlace } from './decode-segment';
import { readTiffFile, TiffTag } from './tiff-directory';
import { readTiffPageLayout, type TiffPageLayout } from './tiff-page';

/** Reads 16-bit samples in the file's byte order. */
function toUint16(raw: Uint8Array, littleEndian: boolean): Uint16Array {
  const values = new Uint16Array(raw.length >>> 1);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  for (let index = 0; index < values.length; index++) values[index] = view.getUint16(index * 2, littleEndian);
  return values;
}

/**
 * The colour map's 16-bit channel runs as 4 bytes per entry. Like libtiff, takes the high byte, or the
 * values themselves when every one is below 256 (old writers stored 8-bit values).
 */
function colorMapToRgba(colorMap: readonly number[], entries: number): Uint8Array {
  const eightBit = colorMap.slice(0, entries * 3).every((value) => value < 256);
  const rgba = new Uint8Array(entries * 4);
  for (let entry = 0; entry < entries; entry++) {
    const channel = (run: number): number => {
      const value = colorMap[run * entries + entry] ?? 0;
      return eightBit ? value : value >>> 8;
    };
    rgba.set([channel(0), channel(1), channel(2), 255], entry * 4);
  }
  return rgba;
}

/**
 * Turns a page's decompressed rows into gray; `notes` receives how 16-bit samples were scaled when they
 * do not use all 16 bits.
 */
function rawToGray(
  raw: Uint8Array,
  layout: TiffPageLayout,
  littleEndian: boolean,
  notes: string[],
): GrayImage {
  const { width, height, bitsPerSample, samplesPerPixel, photometric } = layout;
  if (layout.lsbFirst && bitsPerSample < 8) reverseBitsInPlace(raw);
  // 8-bit rows have no padding: the raw buffer already is the sample array.
  const samples: Uint8Array | Uint16Array =
    bitsPerSample === 16
      ? toUint16(raw, littleEndian)
      : bitsPerSample === 8
        ? raw
        : unpackSamples(raw, width * samplesPerPixel, height, bitsPerSample, layout.rowBytes);
  if (photometric === 3) {
    return paletteToGray(
      samples as Uint8Array,
      width,
      height,
      colorMapToRgba(layout.colorMap, 1 << bitsPerSample),
    );
  }
  const colourSamples = photometric === 2 ? 3 : 1;
  // Scaled by the bits the camera used (a 12-bit camera's 16-bit file), decided before WhiteIsZero is
  // inverted against that full scale. With alpha, alpha's own full scale is kept for both.
  let maxValue = (1 << bitsPerSample) - 1;
  if (samples instanceof Uint16Array && layout.alpha === 'none') {
    const scale = sixteenBitScale(samples, samplesPerPixel, colourSamples);
    maxValue = scale.maxValue;
    if (scale.note !== null) notes.push(scale.note);
  }
  if (photometric === 0) {
    // WhiteIsZero: invert the colour sample only, never alpha.
    for (let index = 0; index < samples.length; index += samplesPerPixel) {
      samples[index] = maxValue - (samples[index] ?? 0);
    }
  }
  return interleavedToGray({
    data: samples,
    width,
    height,
    samplesPerPixel,
    colour: photometric === 2 ? 'rgb' : 'gray',
    alpha: layout.alpha,
    maxValue,
  });
}

function decodeTiffPage(
  file: string,
  bytes: Uint8Array,
  layout: TiffPageLayout,
  littleEndian: boolean,
  pageIndex: number,
  fileRepairs: readonly string[],
): DecodedPage {
  const where = layout.where;
  const raw = assembleSegments(file, bytes, layout, littleEndian, where);
  const notes: string[] = [];
  const image = rawToGray(raw, layout, littleEndian, notes);
  return {
    image,
    pageIndex,
    format: 'tiff',
    sourceColour: layout.photometric === 3 ? 'palette' : layout.photometric === 2 ? 'rgb' : 'gray',
    sourceBitsPerSample: layout.bitsPerSample,
    hadAlpha: layout.alpha !== 'none',
    repairs: [...fileRepairs, ...layout.repairs, ...notes],
  };
}

/**
 * A TIFF whose pages are checked but not yet decoded: `decodePage(i)` decodes one page when it is
 * needed, so a case holds one full page in memory at a time, however many pages the file has.
 */
export interface LazyTiff {
  readonly pageCount: number;
  decodePage(index: number): DecodedPage;
}

/**
 * Reads a TIFF's directories and checks every full-resolution page (8/16-bit and 1/2/4-bit gray, RGB,
 * palette; uncompressed, LZW, Deflate or PackBits; in strips or tiles; with or without horizontal
 * predictor) without decompressing any. Reduced-resolution pages (thumbnails, NewSubfileType bit 0) are
 * skipped. The pages' pixels together must stay within `limits.maxFilePixels`: many pages may point at
 * one small compressed strip, so a 100 KB file can declare gigapixels. Header lies that can be worked
 * around unambiguously are, and are listed in each page's `repairs`; a page that cannot be read makes
 * the whole file fail, naming the page.
 */
export function openTiff(file: string, bytes: Uint8Array, limits: DecodeLimits): LazyTiff {
  const tiff = readTiffFile(file, bytes, limits);
  const fullResolution = tiff.directories.filter(
    (directory) => ((directory.values.get(TiffTag.NewSubfileType)?.[0] ?? 0) & 1) === 0,
  );
  const pages = fullResolution.length > 0 ? fullResolution : tiff.directories;
  if (pages.length === 0) throw new ImageInputError(file, 'corrupt', 'TIFF has no image directory');
  const multiPage = pages.length > 1;
  const whereOf = (index: number): string => (multiPage ? `page ${index + 1}` : '');
  const layouts = pages.map((directory, index) =>
    readTiffPageLayout(file, bytes.length, directory, limits, whereOf(index)),
  );
  checkFilePixels(
    file,
    layouts.map((layout) => layout.width * layout.height),
    limits,
  );
  return {
    pageCount: layouts.length,
    decodePage(index) {
      const layout = layouts[index];
      if (layout === undefined) throw new RangeError(`TIFF page ${index} of ${layouts.length}`);
      return decodeTiffPage(file, bytes, layout, tiff.littleEndian, index, tiff.repairs);
    },
  };
}

/** Every page of a TIFF decoded at once; see {@link openTiff}. */
export function decodeTiff(file: string, bytes: Uint8Array, limits: DecodeLimits): DecodedPage[] {
  const tiff = openTiff(file, bytes, limits);
  return Array.from({ length: tiff.pageCount }, (_, index) => tiff.decodePage(index));
}
