import type { SizedProfile } from '../../karyotype/true-profile';
import type { Random } from '../../shared/random';
import { PROFILE_LENGTH } from '../../shared/profile';

/** How much one cell's staining and imaging differ from another's (applied to all its chromosomes). */
export interface CellLook {
  /** Multiplies darkness. */
  readonly gain: number;
  /** Added to darkness inside the chromosome. */
  readonly offset: number;
  /** Gamma on darkness (contrast curve). */
  readonly gamma: number;
}

export function drawCellLook(random: Random, strength = 1): CellLook {
  return {
    gain: 1 + strength * random.uniform(-0.15, 0.15),
    offset: strength * random.uniform(-0.05, 0.05),
    gamma: Math.exp(strength * random.uniform(-0.2, 0.2)),
  };
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * One chromosome as another picture of it might look: the cell's look, a small stretch of its length
 * (homologs condense slightly differently; `stretch` of 0.03 = ±3 %), the two halves swapped at random
 * (which side is "left" depends on how the chromosome lay), and sensor noise. Length stays meaningful:
 * the stretch is far smaller than the changes the model must find.
 */
export function augmentChromosome(
  p: SizedProfile,
  look: CellLook,
  random: Random,
  options: { stretch: number; noise: number },
): SizedProfile {
  const factor = 1 + random.uniform(-options.stretch, options.stretch);
  const length = Math.max(2, Math.min(PROFILE_LENGTH, Math.round(p.length * factor)));
  const swap = random.next() < 0.5;
  const out = new Float32Array(2 * PROFILE_LENGTH);
  for (let row = 0; row < 2; row++) {
    const source = (swap ? 1 - row : row) * PROFILE_LENGTH;
    for (let i = 0; i < length; i++) {
      // Linear resampling of the chromosome onto its new length.
      const x = ((i + 0.5) * p.length) / length - 0.5;
      const i0 = Math.max(0, Math.min(p.length - 1, Math.floor(x)));
      const i1 = Math.min(p.length - 1, i0 + 1);
      const t = Math.max(0, Math.min(1, x - i0));
      const value = (p.profile[source + i0] ?? 0) * (1 - t) + (p.profile[source + i1] ?? 0) * t;
      const styled = clamp01(look.gain * clamp01(value) ** look.gamma + look.offset);
      out[row * PROFILE_LENGTH + i] = clamp01(styled + options.noise * random.normal());
    }
  }
  return { profile: out, length };
}
