export { parseKaryogram } from './parse-karyogram';
export type { KaryogramLayout, LocatedChromosome, SlotMethod } from './karyogram-layout';
export { KaryogramRejectedError } from './karyogram-rejected-error';
export type { KaryogramRejection } from './karyogram-rejected-error';
export { ISCN_ROWS, RELATIVE_LENGTH } from './relative-length';
// Synthetic karyograms: our own drawings, free to ship as fixtures and demos (unlike ../shared/data).
export { syntheticKaryogram, syntheticMetaphase, bandPatternFor } from './synthetic-karyogram';
export type { SyntheticChromosome, SyntheticKaryogramOptions } from './synthetic-karyogram';
export { drawChromosome } from './draw-chromosome';
export type { BandPattern } from './draw-chromosome';
