import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encode } from 'fast-png';
import type { GrayImage } from '../../shared/gray-image';

/** Writes an 8-bit gray PNG, creating parent folders. */
export function writeGrayPng(path: string, image: GrayImage): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    encode({ width: image.width, height: image.height, data: image.pixels, channels: 1, depth: 8 }),
  );
}
