import { interpolateViridis } from 'd3';

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
export const HOMOLOG_COLOURS = ['#0072B2', '#E69F00'] as const;
export const DIFFERENCE_COLOUR = '#D55E00';
export const HIGHLIGHT_COLOUR = '#CC79A7';

/** Attention weight in [0, 1] → colour on viridis (perceptually uniform, colour-blind safe). */
export const attentionColour = (value: number): string => interpolateViridis(Math.max(0, Math.min(1, value)));
