import { describe, expect, it } from 'vitest';
import { AnnotationError, chromosomeTypeOfLabel, parseVocAnnotation } from './voc-annotation';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function voc(
  objects: string,
  size = '<size><width>200</width><height>100</height><depth>3</depth></size>',
): Uint8Array {
  return encode(`<annotation><folder>x</folder><filename>1.jpg</filename>${size}${objects}</annotation>`);
}

const object = (name: string, [xmin, ymin, xmax, ymax]: readonly number[]): string =>
  `<object><name>${name}</name><pose>Unspecified</pose><bndbox><xmin>${xmin}</xmin><ymin>${ymin}</ymin>` +
  `<xmax>${xmax}</xmax><ymax>${ymax}</ymax></bndbox></object>`;

describe('chromosomeTypeOfLabel', () => {
  it('reads Denver names, bare numbers, X and Y', () => {
    expect(
      ['A1', 'A3', 'B5', 'C6', 'C12', 'D13', 'E18', 'F20', 'G21', 'G22', 'X', 'y', ' 7 ', 'chr9', 'CX'].map(
        chromosomeTypeOfLabel,
      ),
    ).toEqual(['1', '3', '5', '6', '12', '13', '18', '20', '21', '22', 'X', 'Y', '7', '9', 'X']);
  });

  it('refuses a group letter that does not hold the number, and names of no chromosome', () => {
    expect(['A6', 'G1', 'C13', 'Z1', '23', '0', 'nucleus', '', 'A'].map(chromosomeTypeOfLabel)).toEqual(
      Array<null>(9).fill(null),
    );
  });
});

describe('parseVocAnnotation', () => {
  it('reads the boxes with their types, corners made exclusive', () => {
    const annotation = parseVocAnnotation(
      voc(object('A1', [10, 20, 30, 60]) + object('X', [0, 0, 199, 99])),
      {
        width: 200,
        height: 100,
      },
    );
    expect(annotation.size).toEqual({ width: 200, height: 100 });
    expect(annotation.boxes).toEqual([
      { type: '1', label: 'A1', box: { x0: 10, y0: 20, x1: 31, y1: 61 } },
      { type: 'X', label: 'X', box: { x0: 0, y0: 0, x1: 200, y1: 100 } },
    ]);
  });

  it('takes a last corner one past the image (1-based tools) as the edge', () => {
    const annotation = parseVocAnnotation(voc(object('G21', [150, 50, 200, 100])), {
      width: 200,
      height: 100,
    });
    expect(annotation.boxes[0]?.box).toEqual({ x0: 150, y0: 50, x1: 200, y1: 100 });
  });

  it.each([
    [voc(object('A6', [1, 1, 5, 5])), 'object 1 ("A6"): "A6" is not a chromosome name'],
    [voc(object('A1', [1, 1, 5, 5]) + object('nucleus', [1, 1, 5, 5])), 'object 2 ("nucleus")'],
    [
      voc(object('A1', [150, 50, 260, 90])),
      'object 1 ("A1"): the box (150, 50)–(260, 90) lies outside the 200×100 image',
    ],
    [voc(object('A1', [-4, 5, 10, 10])), 'lies outside'],
    [voc(object('A1', [200, 5, 202, 10])), 'lies outside'],
    [voc(object('A1', [30, 5, 10, 10])), 'the box (30, 5)–(10, 10) is empty'],
    [
      voc(
        '<object><name>A1</name><bndbox><xmin>1</xmin><ymin>a</ymin><xmax>3</xmax><ymax>4</ymax></bndbox></object>',
      ),
      '<ymin> is not a number ("a")',
    ],
    [voc('<object><name>A1</name></object>'), 'no <bndbox>'],
    [voc(''), 'no <object>'],
    [
      voc(object('A1', [1, 1, 5, 5]), '<size><width>400</width><height>100</height></size>'),
      'drawn on a 400×100 image, this one is 200×100',
    ],
    [encode('<annotation><object>'), 'not well-formed XML'],
    [encode('<svg></svg>'), 'not a Pascal VOC annotation (root element <svg>'],
    [new Uint8Array(0), 'the annotation file is empty'],
    [new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]), 'not UTF-8'],
  ])('refuses a broken annotation (%#)', (bytes, message) => {
    expect(() => parseVocAnnotation(bytes, { width: 200, height: 100 })).toThrow(AnnotationError);
    expect(() => parseVocAnnotation(bytes, { width: 200, height: 100 })).toThrow(message);
  });

  it('refuses more boxes than a cell could hold', () => {
    expect(() => parseVocAnnotation(voc(object('A1', [1, 1, 5, 5]).repeat(401)))).toThrow(
      '401 boxes, over 400',
    );
  });
});
