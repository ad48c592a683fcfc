import { readFileSync } from 'node:fs';
import { encode } from 'fast-png';
import { zipSync } from 'fflate';
import { prepareCaseInput } from '../../imaging/case-input/prepare-case-input';
import { readFolderAsVirtualFiles } from '../../imaging/case-input/read-folder.node.js';
import { virtualFile, type VirtualFile } from '../../imaging/case-input/virtual-file';
import { jpegClaimingSize, tiffSharingOneStrip } from '../../imaging/fixtures/hostile-files.node.js';
import { profileCase } from '../../pipeline/profiles/profile-case-files';

/** One crafted input of issue #26, made in memory: small on disk, heavy if read naively. */
export interface HostileInput {
  readonly name: string;
  readonly make: () => VirtualFile[];
}

function png(width: number, height: number, draw: (pixels: Uint8Array) => void): Uint8Array {
  const pixels = new Uint8Array(width * height).fill(255);
  draw(pixels);
  return encode({ width, height, data: pixels, channels: 1, depth: 8 });
}

/** Bars of `barWidth` × `length` px, dark, broken across a 2 px gap when `broken`, in rows from the top. */
function bars(width: number, height: number, count: number, broken: boolean): Uint8Array {
  return png(width, height, (pixels) => {
    const perRow = Math.floor((width - 10) / 30);
    for (let bar = 0; bar < count; bar++) {
      const x0 = 10 + (bar % perRow) * 30;
      const y0 = 5 + Math.floor(bar / perRow) * 40;
      for (let y = y0; y < Math.min(height, y0 + 30); y++) {
        if (broken && (y === y0 + 14 || y === y0 + 15)) continue;
        for (let x = x0; x < x0 + 11; x++) pixels[y * width + x] = 40 + ((y * 13) % 60);
      }
    }
  });
}

/** The crafted inputs, by name. */
export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'TIFF, 256 pages of 10,000 × 10,000 on one strip (126 KB)',
    make: () => [virtualFile('bomb.tif', tiffSharingOneStrip(256, 10_000, 10_000))],
  },
  {
    name: 'TIFF, 3 pages of 6,000 × 6,000 blank (108 Mpx: within the limits)',
    make: () => [virtualFile('blank.tif', tiffSharingOneStrip(3, 6000, 6000))],
  },
  {
    name: 'PNG, 5,000 × 4,000 16-bit RGBA (160 MB of samples: the most a page may take)',
    make: () => [
      virtualFile(
        'rgba16.png',
        encode({
          width: 5000,
          height: 4000,
          data: new Uint16Array(5000 * 4000 * 4).fill(65535),
          channels: 4,
          depth: 16,
        }),
      ),
    ],
  },
  {
    name: 'PNG, 8,000 × 5,000 8-bit RGB (the most pixels a page may hold)',
    make: () => [
      virtualFile(
        'rgb8.png',
        encode({
          width: 8000,
          height: 5000,
          data: new Uint8Array(8000 * 5000 * 3).fill(255),
          channels: 3,
          depth: 8,
        }),
      ),
    ],
  },
  {
    name: 'JPEG declaring 20,000 × 5,000 in 2 KB',
    make: () => [virtualFile('big.jpg', jpegClaimingSize(20_000, 5_000))],
  },
  {
    name: 'JPEG declaring 6,000 × 6,000 in 2 KB',
    make: () => [virtualFile('lying.jpg', jpegClaimingSize(6_000, 6_000))],
  },
  { name: 'PNG of 2,400 broken bars', make: () => [virtualFile('bars.png', bars(1810, 1610, 2400, true))] },
  { name: 'PNG, 20,000 × 200 of bars', make: () => [virtualFile('wide.png', bars(20_000, 200, 660, false))] },
  {
    name: 'zip of 2,047 entries of 1 MB each (2 MB)',
    make: () => {
      const megabyte = new Uint8Array(1024 * 1024);
      const entries: Record<string, [Uint8Array, { level: 9 }]> = {};
      for (let i = 0; i < 2047; i++) entries[`heavy/cell-${i}.png`] = [megabyte, { level: 9 }];
      return [virtualFile('heavy.zip', zipSync(entries))];
    },
  },
];

/** How one input was decided. */
export interface HostileOutcome {
  readonly name: string;
  /** Cells analysed; 0 when everything was refused. */
  readonly cells: number;
  /** The first refusal, `file: reason`, if any. */
  readonly firstError: string | null;
  readonly ms: number;
  /** Peak resident memory of the process that decided it, MB. */
  readonly peakRssMb: number;
}

/**
 * This process's peak resident memory, MB: Linux's VmHWM, which starts afresh at exec (getrusage's
 * maxRSS does not: a child started by a parent of 1 GB reports at least 1 GB), else maxRSS.
 */
function peakResidentMb(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1] !== undefined) return Math.round(Number(match[1]) / 1024);
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * Decides one input written to `folder` as `analyze` does (read the folder, plan, then every case through
 * imaging); meant to run in a process of its own, so that its peak memory is the input's.
 */
export async function decideHostileInput(name: string, folder: string): Promise<HostileOutcome> {
  const start = performance.now();
  const plan = await prepareCaseInput(await readFolderAsVirtualFiles(folder));
  let cells = 0;
  const errors = plan.rejected.map((issue) => `${issue.path}: ${issue.message}`);
  for (const planned of plan.cases) {
    const profiled = await profileCase(planned);
    cells += profiled.cells.length;
    errors.push(...profiled.errors.map((e) => `${e.file}: ${e.message}`));
  }
  return {
    name,
    cells,
    firstError: errors[0] ?? null,
    ms: Math.round(performance.now() - start),
    peakRssMb: peakResidentMb(),
  };
}
