import { profileSegmentedMetaphase } from '../../imaging/metaphase/profile-segmented-metaphase';
import { stripedBands, syntheticMetaphase } from '../../imaging/testing/synthetic-metaphase';
import type { CaseChromosome } from '../profiles/profiled-case';

/**
 * A made-up spread: six free chromosomes that set the cell's scale, one long chromosome lying along y = 200
 * from x = 40 (p-ter) to x = 200, and two pieces of one chromosome along y = 240, 6 pixels apart.
 */
export function spreadChromosomes(): CaseChromosome[] {
  const free = [0, 1, 2, 3, 4, 5].map((i) => ({
    label: 'C7',
    path: [
      { x: 30 + 45 * i, y: 30 },
      { x: 30 + 45 * i, y: 100 + 5 * i },
    ],
    bands: stripedBands(5),
  }));
  const { image } = syntheticMetaphase(320, 280, [
    ...free,
    {
      label: 'A1',
      path: [
        { x: 40, y: 200 },
        { x: 200, y: 200 },
      ],
      bands: stripedBands(9),
    },
    {
      label: 'A2',
      path: [
        { x: 40, y: 250 },
        { x: 110, y: 250 },
      ],
      bands: stripedBands(4),
    },
    {
      label: 'A2',
      path: [
        { x: 126, y: 250 },
        { x: 200, y: 250 },
      ],
      bands: stripedBands(4, 1),
    },
  ]);
  const profiles = profileSegmentedMetaphase(image);
  return profiles.chromosomes.map((c, i): CaseChromosome => {
    const object = profiles.segmentation.objects[c.object];
    if (object === undefined) throw new Error('object missing');
    return {
      type: '1',
      homolog: i,
      profile: c.profiled.profile,
      samples: c.profiled.samples,
      straightened: c.profiled.straightened,
      confidence: 1,
      axisCoverage: c.axisCoverage,
      axisPicture: c.profiled.axisPicture,
      box: object.box,
    };
  });
}
