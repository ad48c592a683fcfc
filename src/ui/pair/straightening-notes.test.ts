import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import type { CellTypeView, ChromosomeView } from '../../worker/analysis-api';
import { straighteningNotes } from './straightening-notes';

const chromosome = (homolog: number, axisCoverage?: number): ChromosomeView => ({
  homolog,
  image: createGrayImage(4, 4, 255),
  profile: new Float32Array(1024),
  samples: 4,
  confidence: 1,
  centreLineEditable: false,
  ...(axisCoverage !== undefined ? { axisCoverage } : {}),
});

const view = (chromosomes: ChromosomeView[], leftOut: boolean): CellTypeView => ({
  cell: 'cell01',
  bandLevel: 400,
  chromosomes,
  pair: null,
  leftOut,
});

describe('straighteningNotes', () => {
  it('names the folded homolog with its coverage, and says when the verdict left the pair out', () => {
    expect(straighteningNotes(view([chromosome(0, 1), chromosome(1, 0.58)], true))).toEqual([
      {
        homolog: 1,
        text: 'homolog 2: folded or bent, straightened over about 58 % of its length; this pair is left out of the verdict',
      },
    ]);
    expect(straighteningNotes(view([chromosome(0, 0.6), chromosome(1, 1)], false))[0]?.text).toBe(
      'homolog 1: folded or bent, straightened over about 60 % of its length',
    );
  });

  it("names a homolog whose chromatids disagree, with how much more than its cell's typical one", () => {
    const split = { ...chromosome(0, 1), chromatidDisagreement: 4.26 };
    expect(straighteningNotes(view([split, chromosome(1, 1)], false))[0]?.text).toBe(
      "homolog 1: its two chromatids' profiles disagree 4.3 times as much as the cell's typical " +
        "chromosome's (the centre line left its middle)",
    );
    expect(
      straighteningNotes(
        view([{ ...chromosome(0, 1), chromatidDisagreement: 3.9 }, chromosome(1, 1)], false),
      ),
    ).toEqual([]);
  });

  it('says nothing of well straightened or unmeasured homologs, nor of a third copy', () => {
    expect(straighteningNotes(view([chromosome(0, 0.9), chromosome(1)], false))).toEqual([]);
    expect(straighteningNotes(view([chromosome(0, 1), chromosome(1, 1), chromosome(2, 0.3)], false))).toEqual(
      [],
    );
  });
});
