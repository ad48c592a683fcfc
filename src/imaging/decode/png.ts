import { decode as decodePngPixels } from 'fast-png';
import type { GrayImage } from '../../shared/gray-image';
import type { DecodedPage, SourceColour } from './decoded-page';
import { checkDimensions, checkSampleBytes, type DecodeLimits } from './decode-limits';
import { asImageInputError, ImageInputError } from './image-input-error';
import { decodeAdam7SubByte } from './png-adam7';
import { interleavedToGray, paletteToGray, sixteenBitScale, unpackSamples } from './to-gray';

/** IHDR fields that decide how the pixel data is laid out. */
interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly interlaced: boolean;
  /** Byte ranges [start, end) of the IDAT chunks' data. */
  readonly imageData: readonly (readonly [number, number])[];
}

const CHANNELS_BY_COLOUR_TYPE: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS_BY_COLOUR_TYPE: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Samples per pixel of each PNG colour type: gray, RGB, palette index, gray + alpha, RGBA. */
const PNG_CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Walks the chunk list without inflating anything: checks that IHDR comes first and is sane, that every
 * chunk fits in the file and that IEND is there (fast-png would silently return a half-black image for a
 * truncated file), and checks the dimensions against the limits before fast-png allocates.
 */
function readPngHeader(file: string, bytes: Uint8Array, limits: DecodeLimits): PngHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
  let header: Omit<PngHeader, 'imageData'> | undefined;
  const imageData: [number, number][] = [];
  for (let at = 8; ;) {
    if (at + 8 > bytes.length) {
      throw new ImageInputError(
        file,
        'truncated',
        `truncated PNG: file ends after ${at} bytes without an IEND chunk`,
      );
    }
    const length = view.getUint32(at);
    const type = chunkType(at + 4);
    if (at + 12 + length > bytes.length) {
      throw new ImageInputError(
        file,
        'truncated',
        `truncated PNG: file ends inside chunk ${type} at byte ${at}`,
      );
    }
    if (header === undefined) {
      if (type !== 'IHDR' || length !== 13)
        throw new ImageInputError(file, 'corrupt', 'PNG does not start with IHDR');
      header = {
        width: view.getUint32(at + 8),
        height: view.getUint32(at + 12),
        bitDepth: view.getUint8(at + 16),
        colourType: view.getUint8(at + 17),
        interlaced: view.getUint8(at + 20) === 1,
      };
      const depths = DEPTHS_BY_COLOUR_TYPE[header.colourType];
      if (depths?.includes(header.bitDepth) !== true) {
        throw new ImageInputError(
          file,
          'corrupt',
          `PNG declares bit depth ${header.bitDepth} with colour type ${header.colourType}`,
        );
      }
      checkDimensions(file, header.width, header.height, limits);
      const channels = PNG_CHANNELS[header.colourType] ?? 4;
      checkSampleBytes(file, header.width, header.height, channels * header.bitDepth, limits);
    }
    if (type === 'IDAT') imageData.push([at + 8, at + 8 + length]);
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (imageData.length === 0) throw new ImageInputError(file, 'corrupt', 'PNG has no image data (IDAT)');
  return { ...header, imageData };
}

/** Flattens fast-png's palette (`[r, g, b]` or `[r, g, b, a]` per entry) into 4 bytes per entry. */
function paletteBytes(palette: readonly (readonly number[])[]): Uint8Array {
  const rgba = new Uint8Array(palette.length * 4);
  palette.forEach((entry, index) => {
    rgba.set([entry[0] ?? 0, entry[1] ?? 0, entry[2] ?? 0, entry[3] ?? 255], index * 4);
  });
  return rgba;
}

/** tRNS on gray or RGB names one colour that is fully transparent: on a white page it reads as white. */
function applyColourKey(
  image: GrayImage,
  samples: ArrayLike<number>,
  channels: number,
  key: ArrayLike<number>,
): void {
  for (let pixel = 0; pixel < image.pixels.length; pixel++) {
    let matches = true;
    for (let channel = 0; channel < channels && matches; channel++) {
      matches = samples[pixel * channels + channel] === key[channel];
    }
    if (matches) image.pixels[pixel] = 255;
  }
}

/** Decodes a PNG (any bit depth and colour type, interlaced or not) to one gray page. */
export function decodePng(file: string, bytes: Uint8Array, limits: DecodeLimits): DecodedPage {
  const header = readPngHeader(file, bytes, limits);
  if (header.interlaced && header.bitDepth < 8) return decodeInterlacedSubByte(file, bytes, header);
  let png: ReturnType<typeof decodePngPixels>;
  try {
    png = decodePngPixels(bytes);
  } catch (error) {
    throw asImageInputError(file, 'PNG', error);
  }
  const { width, height } = header;
  const channels = CHANNELS_BY_COLOUR_TYPE[header.colourType] ?? 1;
  const depth = header.bitDepth;
  // Sub-byte samples come packed, each row starting on a byte.
  const samples =
    depth < 8
      ? unpackSamples(png.data as Uint8Array, width, height, depth, Math.ceil((width * depth) / 8))
      : png.data;
  if (samples.length < width * height * channels) {
    throw new ImageInputError(file, 'corrupt', 'PNG image data is shorter than its dimensions require');
  }
  let image: GrayImage;
  let colour: SourceColour;
  const notes: string[] = [];
  let hadAlpha = header.colourType === 4 || header.colourType === 6;
  if (header.colourType === 3) {
    if (png.palette === undefined)
      throw new ImageInputError(file, 'corrupt', 'palette PNG has no PLTE chunk');
    image = paletteToGray(samples as Uint8Array, width, height, paletteBytes(png.palette));
    colour = 'palette';
    hadAlpha = png.palette.some((entry) => entry.length > 3 && entry[3] !== 255);
  } else {
    // fast-png may hand back a Uint8ClampedArray; view its bytes rather than copy them.
    const data =
      samples instanceof Uint8ClampedArray
        ? new Uint8Array(samples.buffer, samples.byteOffset, samples.length)
        : samples;
    const isRgb = header.colourType === 2 || header.colourType === 6;
    // A 12-bit camera's 16-bit PNG is scaled by the bits it used (see significantMaxValue16).
    let maxValue = (1 << depth) - 1;
    if (data instanceof Uint16Array && !hadAlpha) {
      const scale = sixteenBitScale(data, channels, isRgb ? 3 : 1);
      maxValue = scale.maxValue;
      if (scale.note !== null) notes.push(scale.note);
    }
    image = interleavedToGray({
      data,
      width,
      height,
      samplesPerPixel: channels,
      colour: isRgb ? 'rgb' : 'gray',
      alpha: hadAlpha ? 'straight' : 'none',
      maxValue,
    });
    colour = isRgb ? 'rgb' : 'gray';
    if (png.transparency !== undefined && !hadAlpha) {
      applyColourKey(image, data, channels, png.transparency);
      hadAlpha = true;
    }
  }
  return {
    image,
    pageIndex: 0,
    format: 'png',
    sourceColour: colour,
    sourceBitsPerSample: depth,
    hadAlpha,
    repairs: notes,
  };
}

/** PLTE entries as 4 bytes each (alpha from tRNS, else 255), read straight from the chunks. */
function readPaletteChunks(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let rgba = new Uint8Array(0);
  for (let at = 8; at + 12 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'PLTE') {
      rgba = new Uint8Array((length / 3) * 4).fill(255);
      for (let entry = 0; entry * 3 + 2 < length; entry++)
        rgba.set(data.subarray(entry * 3, entry * 3 + 3), entry * 4);
    } else if (type === 'tRNS') {
      data.forEach((alpha, entry) => {
        if (entry * 4 + 3 < rgba.length) rgba[entry * 4 + 3] = alpha;
      });
    } else if (type === 'IEND') break;
    at += 12 + length;
  }
  return rgba;
}

/** The interlaced 1/2/4-bit case, decoded here because fast-png cannot (see decodeAdam7SubByte). */
function decodeInterlacedSubByte(file: string, bytes: Uint8Array, header: PngHeader): DecodedPage {
  const { width, height, bitDepth } = header;
  const imageData = new Uint8Array(header.imageData.reduce((sum, [start, end]) => sum + end - start, 0));
  let offset = 0;
  for (const [start, end] of header.imageData) {
    imageData.set(bytes.subarray(start, end), offset);
    offset += end - start;
  }
  const samples = decodeAdam7SubByte(file, imageData, width, height, bitDepth);
  const base = { pageIndex: 0, format: 'png' as const, sourceBitsPerSample: bitDepth, repairs: [] };
  if (header.colourType === 3) {
    const palette = readPaletteChunks(bytes);
    if (palette.length === 0) throw new ImageInputError(file, 'corrupt', 'palette PNG has no PLTE chunk');
    const hadAlpha = palette.some((value, index) => index % 4 === 3 && value !== 255);
    return {
      ...base,
      image: paletteToGray(samples, width, height, palette),
      sourceColour: 'palette',
      hadAlpha,
    };
  }
  const maxValue = (1 << bitDepth) - 1;
  const image = interleavedToGray({
    data: samples,
    width,
    height,
    samplesPerPixel: 1,
    colour: 'gray',
    alpha: 'none',
    maxValue,
  });
  return { ...base, image, sourceColour: 'gray', hadAlpha: false };
}
