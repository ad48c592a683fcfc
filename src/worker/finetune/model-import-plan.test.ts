import { describe, expect, it } from 'vitest';
import type { ImportSituation } from './model-import-plan';
import { planImport } from './model-import-plan';

const SHIPPED = 'homnet-0027f4263f01';
const LAB = 'homnet-1a2b3c4d5e6f';

const situation = (fileId: string, changes: Partial<ImportSituation> = {}): ImportSituation => ({
  fileName: 'shared.homnet.json',
  fileId,
  shippedId: SHIPPED,
  labIds: [LAB],
  inUseId: SHIPPED,
  ...changes,
});

describe('planImport (what importing a model file may do to the models already here)', () => {
  it('stores a model whose id is new under that id, replacing nothing', () => {
    expect(planImport(situation('homnet-ffffffffffff'))).toEqual({
      kind: 'store',
      id: 'homnet-ffffffffffff',
      replaces: false,
    });
  });

  it.each([undefined, 'replace', 'keep-both'] as const)(
    'refuses the shipped model id whatever the choice (%s)',
    (choice) => {
      expect(planImport(situation(SHIPPED), choice)).toEqual({
        kind: 'refuse',
        reason:
          `shared.homnet.json uses the id of the model shipped with the app (${SHIPPED}); a lab model ` +
          'cannot take that name, so nothing was imported. The shipped model is already in the list.',
      });
    },
  );

  it('refuses the shipped id even when an older version stored a lab model under it', () => {
    expect(planImport(situation(SHIPPED, { labIds: [LAB, SHIPPED] }), 'replace').kind).toBe('refuse');
  });

  it('asks before anything happens to a lab model of the same id, offering both choices', () => {
    expect(planImport(situation(LAB))).toEqual({
      kind: 'ask',
      existingId: LAB,
      keepBothId: `${LAB}-2`,
      canReplace: true,
    });
  });

  it('replaces a lab model only when asked to', () => {
    expect(planImport(situation(LAB), 'replace')).toEqual({ kind: 'store', id: LAB, replaces: true });
  });

  it('never replaces the model that is analysing now: it can only be kept beside it', () => {
    const inUse = situation(LAB, { inUseId: LAB });
    expect(planImport(inUse)).toMatchObject({ kind: 'ask', canReplace: false });
    expect(planImport(inUse, 'replace')).toEqual({
      kind: 'refuse',
      reason: `${LAB} is the model in use; switch to another one before replacing it.`,
    });
    expect(planImport(inUse, 'keep-both')).toEqual({ kind: 'store', id: `${LAB}-2`, replaces: false });
  });

  it('keeps both under the first free id, never one that is taken or the shipped one', () => {
    const crowded = situation(LAB, { labIds: [LAB, `${LAB}-2`, `${LAB}-3`], shippedId: `${LAB}-4` });
    expect(planImport(crowded, 'keep-both')).toEqual({ kind: 'store', id: `${LAB}-5`, replaces: false });
  });

  it('plans for a build that ships no model as for any other id', () => {
    expect(planImport(situation(SHIPPED, { shippedId: null }))).toEqual({
      kind: 'store',
      id: SHIPPED,
      replaces: false,
    });
  });
});
