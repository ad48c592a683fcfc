import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/read-fixture.node.js';
import { prepareCaseInput } from './prepare-case-input';
import { virtualFile } from './virtual-file';
import { buildZip } from './zip-builder.node.js';
import { openZipArchive } from './zip-input';

const tiff = readFixture('tiff-gray8-lzw.tif');
const bmp = readFixture('bmp-rgb24.bmp');
const zeros = (bytes: number): Uint8Array => new Uint8Array(bytes);

describe('openZipArchive', () => {
  it('mounts entries under the archive name, lazily inflated to the original bytes', async () => {
    const zip = zipSync({ 'cell1/1_0.tif': tiff, 'cell1/1_1.tif': [tiff, { level: 0 }], 'k.bmp': bmp });
    const opened = await openZipArchive(virtualFile('uploads/case-3.zip', zip));
    expect(opened.rejected).toEqual([]);
    expect(opened.files.map((file) => file.path)).toEqual([
      'uploads/case-3/cell1/1_0.tif',
      'uploads/case-3/cell1/1_1.tif',
      'uploads/case-3/k.bmp',
    ]);
    expect(await opened.files[0]?.bytes()).toEqual(tiff);
    expect(await opened.files[1]?.bytes()).toEqual(tiff);
    expect(await opened.files[2]?.bytes()).toEqual(bmp);
  });

  it('does not nest an archive whose entries already sit in a folder of its name, and normalises names', async () => {
    const zip = buildZip([
      { name: 'case-3/k.bmp', data: bmp },
      { name: 'case-3/../../evil/x.bmp', data: bmp },
      { name: 'case-3\\win\\y.bmp', data: bmp },
    ]);
    const opened = await openZipArchive(virtualFile('case-3.zip', zip));
    expect(opened.files.map((file) => file.path)).toEqual([
      'case-3/k.bmp',
      'case-3/evil/x.bmp',
      'case-3/win/y.bmp',
    ]);
  });

  it('refuses archives over the entry-count or total-size limits, before inflating', async () => {
    const many = buildZip(Array.from({ length: 6 }, (_, index) => ({ name: `${index}.bmp`, data: bmp })));
    await expect(openZipArchive(virtualFile('many.zip', many), { maxEntries: 5 })).rejects.toThrow(
      /^many\.zip: zip lists 6 entries, more than the limit of 5$/,
    );
    await expect(openZipArchive(virtualFile('big.zip', many), { maxTotalBytes: 1000 })).rejects.toThrow(
      /zip declares 2004 bytes in all, above the limit of 1000/,
    );
  });

  it('refuses entries that compress too well, are too big, encrypted or use other methods', async () => {
    const zip = buildZip([
      { name: 'bomb.tif', data: zeros(4 * 1024 * 1024) },
      { name: 'ok.tif', data: tiff },
      { name: 'secret.tif', data: tiff, encrypted: true },
    ]);
    const opened = await openZipArchive(virtualFile('in.zip', zip), { maxEntryBytes: 8 * 1024 * 1024 });
    expect(opened.files.map((file) => file.path)).toEqual(['in/ok.tif']);
    expect(opened.rejected).toEqual([
      {
        path: 'in/bomb.tif',
        message: expect.stringMatching(/^entry compresses \d+ : 1, above the limit of 300 : 1$/) as unknown,
      },
      { path: 'in/secret.tif', message: 'entry is encrypted' },
    ]);
    const tight = await openZipArchive(virtualFile('in.zip', zip), {
      maxEntryBytes: 1024 * 1024,
      maxCompressionRatio: 10_000,
    });
    expect(tight.rejected[0]?.message).toMatch(/declares 4194304 bytes, above the limit of 1048576/);
  });

  it('stops inflating an entry at its declared size when the header lies', async () => {
    const zip = buildZip([{ name: 'liar.tif', data: zeros(2 * 1024 * 1024), declaredSize: 1000 }]);
    const opened = await openZipArchive(virtualFile('l.zip', zip));
    expect(() => opened.files[0]?.bytes()).toThrow(
      /l\/liar\.tif: zip entry inflates past its declared 1000 bytes/,
    );
    const short = buildZip([{ name: 'short.tif', data: tiff, declaredSize: tiff.length + 10 }]);
    const openedShort = await openZipArchive(virtualFile('s.zip', short));
    expect(() => openedShort.files[0]?.bytes()).toThrow(/corrupt \(shorter than declared\)/);
  });

  it('refuses archives whose entries share compressed data (non-recursive zip bomb)', async () => {
    const zip = buildZip([
      { name: 'a.tif', data: zeros(100_000) },
      { name: 'b.tif', data: zeros(100_000), shareDataOf: 0 },
    ]);
    await expect(openZipArchive(virtualFile('overlap.zip', zip))).rejects.toThrow(
      /share data \(a zip bomb\)/,
    );
  });

  it('refuses what is not a zip', async () => {
    await expect(openZipArchive(virtualFile('fake.zip', bmp))).rejects.toThrow(
      /^fake\.zip: not a zip archive/,
    );
  });
});

describe('prepareCaseInput', () => {
  it('expands zips, plans their content and reports refused archives without stopping', async () => {
    const cells = zipSync({
      'cell1/1_0.tif': tiff,
      'cell1/1_1.tif': tiff,
      'cell2/X_0.tif': tiff,
      'README.txt': new Uint8Array(3),
    });
    const plan = await prepareCaseInput([
      virtualFile('batch/case-A.zip', cells),
      virtualFile('batch/case-B/k.bmp', bmp),
      virtualFile('batch/broken.zip', bmp),
    ]);
    expect(plan.cases.map((planned) => [planned.id, planned.cells.map((cell) => cell.id)])).toEqual([
      ['case-A', ['cell1', 'cell2']],
      ['case-B', ['k']],
    ]);
    expect(plan.rejected).toEqual([
      { path: 'batch/broken.zip', message: 'not a zip archive (no end-of-central-directory record)' },
    ]);
    expect(plan.warnings.map((warning) => warning.path)).toEqual(['batch/case-A/README.txt']);
  });
});
