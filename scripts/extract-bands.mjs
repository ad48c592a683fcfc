#!/usr/bin/env node
/**
 * Reads the ISCN band tables shipped with the `ideogram` package (devDependency, CC0-1.0) and writes
 * the compact table src/karyotype/bands-data.ts, so the app never loads the package at run time.
 *
 * Levels: 400 ← homo-sapiens-400.json, 550 ← homo-sapiens-550.json, 700 ← homo-sapiens.json (850 bands;
 * the closest table the package has), 300 ← derived from 400 by merging sub-bands:
 *   within one arm, consecutive bands that share the main band number (the part before the dot, e.g.
 *   1p36.3, 1p36.2, 1p36.1 → 1p36) merge into one band named by that main number, unless one of them is
 *   centromeric (acen) or a stalk; those keep their 400-level name and extent, and a lone sibling left
 *   beside them keeps its name too (13p11.2 next to 13p11.1). The merged stain is the length-weighted
 *   mean of gpos densities (gneg = 0, gvar counts as 100) rounded to the nearest of 0/25/50/75/100.
 *
 * Gaps in the source tables (bands missing from the 550 table, e.g. 18p11.31 stopping at 208 while
 * 18p11.2 starts at 623) are closed: a centromeric band keeps its extent and the neighbour grows; in every
 * other case the band before the gap grows to meet the next one.
 *
 * Usage: node scripts/extract-bands.mjs [--check]
 *   --check: write nothing; exit 1 if src/karyotype/bands-data.ts differs from what would be written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'node_modules', 'ideogram');
const bandsDir = join(packageDir, 'dist', 'data', 'bands', 'native');
const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

const TYPES = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y'];
/** One-letter stain codes used in the generated table. */
const STAIN_CODE = {
  gneg: 'n',
  gpos25: '1',
  gpos50: '2',
  gpos75: '3',
  gpos100: '4',
  acen: 'a',
  gvar: 'v',
  stalk: 's',
};
const DENSITY = { gneg: 0, gpos25: 25, gpos50: 50, gpos75: 75, gpos100: 100, gvar: 100 };

function readTable(file) {
  const { chrBands } = JSON.parse(readFileSync(join(bandsDir, file), 'utf8'));
  const byType = new Map(TYPES.map((t) => [t, []]));
  for (const line of chrBands) {
    const [chr, arm, band, start, stop, , , stain, density] = line.split(' ');
    const list = byType.get(chr);
    if (list === undefined) continue; // MT and unplaced contigs
    const fullStain = stain === 'gpos' ? `gpos${density}` : stain;
    if (!(fullStain in STAIN_CODE)) throw new Error(`${file}: unknown stain ${fullStain} in "${line}"`);
    list.push({ arm, name: `${arm}${band}`, start: Number(start), stop: Number(stop), stain: fullStain });
  }
  for (const [type, list] of byType) {
    if (list.length === 0) throw new Error(`${file}: no bands for chromosome ${type}`);
    closeGaps(list);
  }
  return byType;
}

function closeGaps(bands) {
  for (let i = 1; i < bands.length; i++) {
    const prev = bands[i - 1];
    const next = bands[i];
    if (next.start < prev.stop) throw new Error(`overlapping bands ${prev.name} and ${next.name}`);
    if (next.start === prev.stop) continue;
    if (prev.stain === 'acen') next.start = prev.stop;
    else prev.stop = next.start;
  }
  if (bands[0].start !== 0) throw new Error(`first band ${bands[0].name} does not start at 0`);
}

function nearestDensityStain(meanDensity) {
  const level = Math.round(meanDensity / 25) * 25;
  return level === 0 ? 'gneg' : `gpos${level}`;
}

/** ISCN 300-level bands from 400-level ones (rule in the header comment). */
function mergeTo300(bands) {
  const out = [];
  let i = 0;
  while (i < bands.length) {
    const first = bands[i];
    const main = first.name.split('.')[0];
    let j = i + 1;
    const mergeable = (b) => b.stain !== 'acen' && b.stain !== 'stalk';
    if (mergeable(first) && first.name.includes('.')) {
      while (j < bands.length && bands[j].name.split('.')[0] === main && mergeable(bands[j])) j++;
    }
    const group = bands.slice(i, j);
    if (group.length === 1) {
      out.push({ ...first });
    } else {
      const length = group.reduce((s, b) => s + (b.stop - b.start), 0);
      const allVar = group.every((b) => b.stain === 'gvar');
      const mean = group.reduce((s, b) => s + DENSITY[b.stain] * (b.stop - b.start), 0) / length;
      out.push({
        arm: first.arm,
        name: main,
        start: first.start,
        stop: group[group.length - 1].stop,
        stain: allVar ? 'gvar' : nearestDensityStain(mean),
      });
    }
    i = j;
  }
  return out;
}

function encodeChromosome(bands) {
  return bands.map((b) => `${b.name}:${b.stop}:${STAIN_CODE[b.stain]}`).join(' ');
}

const t400 = readTable('homo-sapiens-400.json');
const tables = {
  300: new Map([...t400].map(([type, bands]) => [type, mergeTo300(bands)])),
  400: t400,
  550: readTable('homo-sapiens-550.json'),
  700: readTable('homo-sapiens.json'),
};

const lines = [
  '/*',
  ` * GENERATED by scripts/extract-bands.mjs from the npm package ideogram@${packageJson.version}`,
  ` * (license ${packageJson.license}, https://github.com/eweitz/ideogram), files`,
  ' * dist/data/bands/native/homo-sapiens-400.json, -550.json and homo-sapiens.json (850 bands, used for 700).',
  ' * The 300 level is derived from 400 by merging sub-bands; see the script. Do not edit by hand.',
  ' *',
  ' * Format: per band level and chromosome, space-separated bands "name:stop:stain" from p-ter, where stop',
  ' * is the ISCN length unit at which the band ends (each band starts where the previous one stops, the',
  ' * first at 0) and stain is n=gneg, 1..4=gpos25..gpos100, a=acen, v=gvar, s=stalk.',
  ' */',
  '',
  `/** Source of the band tables, for provenance notes in the UI and docs. */`,
  `export const BAND_DATA_SOURCE = 'ideogram@${packageJson.version} (${packageJson.license})';`,
  '',
  '/** Encoded band tables by ISCN band level and chromosome type (format in the header comment). */',
  'export const ENCODED_BANDS: Readonly<Record<300 | 400 | 550 | 700, Readonly<Record<string, string>>>> = {',
];
for (const [level, table] of Object.entries(tables)) {
  lines.push(`  ${level}: {`);
  // Quote only numeric keys, as prettier does, so the generated file passes `prettier --check`.
  for (const type of TYPES) {
    const key = /^\d+$/.test(type) ? `'${type}'` : type;
    lines.push(`    ${key}: '${encodeChromosome(table.get(type))}',`);
  }
  lines.push('  },');
}
lines.push('};', '');
const outFile = join(root, 'src', 'karyotype', 'bands-data.ts');
const content = lines.join('\n');
if (process.argv.includes('--check')) {
  const current = readFileSync(outFile, 'utf8');
  if (current !== content) {
    console.error(`${outFile} is out of date: run node scripts/extract-bands.mjs`);
    process.exit(1);
  }
  console.log(`${outFile} is up to date`);
} else {
  writeFileSync(outFile, content);
  const counts = Object.entries(tables).map(
    ([l, t]) => `${l}: ${[...t.values()].reduce((s, b) => s + b.length, 0)}`,
  );
  console.log(`wrote ${outFile} (bands per level ${counts.join(', ')})`);
}
