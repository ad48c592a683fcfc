import { checkDimensions, checkSampleBytes, type DecodeLimits } from '../decode-limits';
import { ImageInputError } from '../image-input-error';
import { TiffTag, type TiffDirectory } from './tiff-directory';
import { planSegments, type TiffSegment } from './tiff-segments';

/** Compression schemes this decoder reads: none, LZW, Deflate (Adobe and old code), PackBits. */
export type TiffCompression = 1 | 5 | 8 | 32773;

/** A validated page: how to decompress it and how to read its samples. */
export interface TiffPageLayout {
  readonly width: number;
  readonly height: number;
  readonly bitsPerSample: 1 | 2 | 4 | 8 | 16;
  readonly samplesPerPixel: number;
  /** 0 WhiteIsZero, 1 BlackIsZero, 2 RGB, 3 palette. */
  readonly photometric: 0 | 1 | 2 | 3;
  readonly compression: TiffCompression;
  /** Horizontal differencing (predictor 2) was applied before compression. */
  readonly horizontalPredictor: boolean;
  /** Bits within a byte are stored least significant first (FillOrder 2). */
  readonly lsbFirst: boolean;
  /** Kind of the sample after the colour samples, if any. */
  readonly alpha: 'none' | 'straight' | 'premultiplied';
  /** 16-bit values per palette channel (red run, green run, blue run), for photometric 3. */
  readonly colorMap: readonly number[];
  /** Bytes per stored row of the whole image. */
  readonly rowBytes: number;
  readonly segmentKind: 'strips' | 'tiles';
  readonly segments: readonly TiffSegment[];
  /** Lies in the header that were worked around. */
  readonly repairs: readonly string[];
  /** "page N" in a multi-page file, empty otherwise: prefixes the page's error messages. */
  readonly where: string;
}

const COMPRESSION_NAMES: Readonly<Record<number, string>> = {
  2: 'CCITT RLE',
  3: 'CCITT Group 3',
  4: 'CCITT Group 4',
  6: 'old-style JPEG',
  7: 'JPEG',
  34712: 'JPEG 2000',
  50000: 'Zstandard',
};

function first(directory: TiffDirectory, tag: number): number | undefined {
  return directory.values.get(tag)?.[0];
}

/**
 * Checks that a directory describes a page this decoder can read, and lays out its strips or tiles
 * (repairing lying strip tables where that is unambiguous, see `planSegments`).
 * @param where "page N" for multi-page files, empty otherwise; prefixes every message.
 */
export function readTiffPageLayout(
  file: string,
  fileLength: number,
  directory: TiffDirectory,
  limits: DecodeLimits,
  where: string,
): TiffPageLayout {
  const prefix = where === '' ? '' : `${where}: `;
  const fail = (reason: 'corrupt' | 'unsupported' | 'truncated' | 'too-large', detail: string): never => {
    throw new ImageInputError(file, reason, `${prefix}${detail}`);
  };
  const width = first(directory, TiffTag.ImageWidth);
  const height = first(directory, TiffTag.ImageLength);
  if (width === undefined || height === undefined) return fail('corrupt', 'TIFF page has no width or height');
  checkDimensions(file, width, height, limits, where);

  const samplesPerPixel = first(directory, TiffTag.SamplesPerPixel) ?? 1;
  const bitsList = directory.values.get(TiffTag.BitsPerSample) ?? [1];
  const bits = bitsList[0] ?? 1;
  if (bitsList.some((value) => value !== bits) || ![1, 2, 4, 8, 16].includes(bits)) {
    return fail('unsupported', `TIFF with ${bitsList.join('/')} bits per sample is not supported`);
  }
  const bitsPerSample = bits as TiffPageLayout['bitsPerSample'];
  checkSampleBytes(file, width, height, samplesPerPixel * bitsPerSample, limits, where);
  const sampleFormat = first(directory, TiffTag.SampleFormat) ?? 1;
  if (sampleFormat !== 1)
    return fail(
      'unsupported',
      `TIFF sample format ${sampleFormat} (signed or floating point) is not supported`,
    );

  const compressionCode = first(directory, TiffTag.Compression) ?? 1;
  const compression = compressionCode === 32946 ? 8 : compressionCode;
  if (compression !== 1 && compression !== 5 && compression !== 8 && compression !== 32773) {
    const name = COMPRESSION_NAMES[compressionCode] ?? `code ${compressionCode}`;
    return fail('unsupported', `TIFF compression ${name} is not supported`);
  }
  const predictor = first(directory, TiffTag.Predictor) ?? 1;
  if (predictor !== 1 && !(predictor === 2 && bitsPerSample >= 8)) {
    return fail(
      'unsupported',
      `TIFF predictor ${predictor} with ${bitsPerSample}-bit samples is not supported`,
    );
  }
  const planar = first(directory, TiffTag.PlanarConfiguration) ?? 1;
  if (planar === 2 && samplesPerPixel > 1)
    return fail('unsupported', 'TIFF with separate colour planes is not supported');

  const photometricCode = first(directory, TiffTag.Photometric) ?? (samplesPerPixel >= 3 ? 2 : 1);
  if (photometricCode > 3) {
    return fail(
      'unsupported',
      `TIFF photometric interpretation ${photometricCode} (CMYK, YCbCr, Lab…) is not supported`,
    );
  }
  const photometric = photometricCode as TiffPageLayout['photometric'];
  const colourSamples = photometric === 2 ? 3 : 1;
  if (samplesPerPixel < colourSamples)
    return fail('corrupt', `RGB TIFF declares ${samplesPerPixel} samples per pixel`);
  if (bitsPerSample < 8 && samplesPerPixel > 1)
    return fail('unsupported', `${bitsPerSample}-bit TIFF with several samples per pixel is not supported`);
  if (photometric === 3 && bitsPerSample === 16)
    return fail('unsupported', '16-bit palette TIFF is not supported');
  const colorMap = directory.values.get(TiffTag.ColorMap) ?? [];
  if (photometric === 3 && colorMap.length < 3 << bitsPerSample)
    return fail('corrupt', 'palette TIFF has no complete colour map');

  // ExtraSamples: 1 = associated (premultiplied) alpha, 2 = unassociated alpha, 0 = unspecified data.
  // An RGBA-sized page without the tag is read as straight alpha, as libtiff-based readers do.
  const extra = directory.values.get(TiffTag.ExtraSamples)?.[0];
  const hasExtra = samplesPerPixel > colourSamples;
  const alpha: TiffPageLayout['alpha'] = !hasExtra
    ? 'none'
    : extra === 1
      ? 'premultiplied'
      : extra === 2 || (extra === undefined && photometric === 2)
        ? 'straight'
        : 'none';

  const rowBytesOf = (pixels: number): number => Math.ceil((pixels * samplesPerPixel * bitsPerSample) / 8);
  const plan = planSegments({
    directory,
    fileLength,
    width,
    height,
    rowBytes: rowBytesOf,
    uncompressed: compression === 1,
    limits,
    fail,
  });
  return {
    width,
    height,
    bitsPerSample,
    samplesPerPixel,
    photometric,
    compression,
    horizontalPredictor: predictor === 2,
    lsbFirst: first(directory, TiffTag.FillOrder) === 2,
    alpha,
    colorMap,
    rowBytes: rowBytesOf(width),
    segmentKind: plan.kind,
    segments: plan.segments,
    repairs: plan.repairs,
    where,
  };
}
