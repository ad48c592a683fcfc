import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { classifyCaseInput } from '../../imaging/case-input/classify-case-input';
import { virtualFile } from '../../imaging/case-input/virtual-file';
import { stripedBands, syntheticMetaphase } from '../../imaging/testing/synthetic-metaphase';
import { profileCase } from './profile-case-files';

/** A metaphase of two free pairs (1 and 3) as the PNG and XML files a lab would hand over. */
function metaphaseFiles(stem: string, xmlOf: (xml: string) => string = (xml) => xml) {
  const { image, xml } = syntheticMetaphase(240, 200, [
    {
      label: 'A1',
      path: [
        { x: 20, y: 20 },
        { x: 20, y: 110 },
      ],
      bands: stripedBands(6),
    },
    {
      label: 'A1',
      path: [
        { x: 60, y: 30 },
        { x: 140, y: 70 },
      ],
      bands: stripedBands(6),
    },
    {
      label: 'A3',
      path: [
        { x: 100, y: 120 },
        { x: 160, y: 170 },
      ],
      bands: stripedBands(4),
    },
    {
      label: 'A3',
      path: [
        { x: 170, y: 20 },
        { x: 225, y: 20 },
      ],
      bands: stripedBands(4),
    },
  ]);
  const png = encode({ width: image.width, height: image.height, data: image.pixels, channels: 1, depth: 8 });
  return [
    virtualFile(`case/${stem}.png`, png),
    virtualFile(`case/${stem}.xml`, new TextEncoder().encode(xmlOf(xml))),
  ];
}

describe('profileCase with annotated metaphases', () => {
  it('profiles each annotated cell, and names the annotation of a cell it cannot read', async () => {
    const plan = classifyCaseInput([
      ...metaphaseFiles('cell1'),
      ...metaphaseFiles('cell2', (xml) => xml.replace('</annotation>', '')),
      ...metaphaseFiles('cell3', (xml) => xml.replace('<name>A3</name>', '<name>A9</name>')),
      ...metaphaseFiles('cell4', (xml) => xml.replace(/<xmax>\d+<\/xmax>/, '<xmax>900</xmax>')),
      virtualFile('case/cell5.png', new Uint8Array([1, 2, 3])),
      virtualFile('case/cell5.xml', new TextEncoder().encode('<annotation/>')),
    ]);
    const planned = plan.cases[0];
    if (planned === undefined) throw new Error('no case planned');
    expect(planned.cells.map((c) => c.kind)).toEqual(Array<string>(5).fill('metaphase'));
    const profiled = await profileCase(planned);
    expect(profiled.cells.map((c) => c.id)).toEqual(['cell1']);
    const [cell] = profiled.cells;
    expect(cell?.source).toBe('case/cell1.png');
    expect(cell?.chromosomes.map((c) => `${c.type}/${c.homolog}/${c.confidence}`)).toEqual([
      '1/0/1',
      '1/1/1',
      '3/0/1',
      '3/1/1',
    ]);
    expect(cell?.chromosomes.every((c) => c.cutOutDoubt === undefined && c.axisPicture !== undefined)).toBe(
      true,
    );
    expect(profiled.errors.map((e) => e.file)).toEqual([
      'case/cell2.xml',
      'case/cell3.xml',
      'case/cell4.xml',
      'case/cell5.png',
    ]);
    const messages = profiled.errors.map((e) => e.message);
    expect(messages[0]).toContain('not well-formed XML');
    expect(messages[1]).toContain('"A9" is not a chromosome name');
    expect(messages[2]).toContain('lies outside the 240×200 image');
  });
});
