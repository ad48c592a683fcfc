import type { ModelSource } from '../model-api';

/**
 * Lab models share the model database with the cached shipped model; the prefix keeps them apart
 * (the shipped copy sits under 'shipped-model').
 */
export const LAB_MODEL_PREFIX = 'lab/';

export const labModelKey = (id: string): string => `${LAB_MODEL_PREFIX}${id}`;

/** Where the worker loads a lab model from when the page switches to it. */
export const labModelSource = (id: string): ModelSource => ({ kind: 'indexeddb', key: labModelKey(id) });
