import type { Correction } from '../worker/analysis-api';

/** Homolog number as the screens show it (1-based). */
const homologName = (homolog: number): string => `homolog ${String(homolog + 1)}`;

/** A correction in the reviewer's words, for the audit trail: what was done to which chromosome of which cell. */
export function correctionText(correction: Correction): string {
  switch (correction.kind) {
    case 'move': {
      const { cell, type, homolog } = correction.chromosome;
      // Moved to its own type: the reviewer confirms a type the classifier was unsure of.
      if (correction.to === type)
        return `cell ${cell}: ${type} ${homologName(homolog)}: type ${type} confirmed`;
      return `cell ${cell}: ${type} ${homologName(homolog)} moved to type ${correction.to}`;
    }
    case 'swap':
      return `cell ${correction.cell}: homologs of ${correction.type} swapped`;
    case 'flip': {
      const { cell, type, homolog } = correction.chromosome;
      return `cell ${cell}: ${type} ${homologName(homolog)} flipped (p-ter and q-ter swapped)`;
    }
    case 'centre-line': {
      const { cell, type, homolog } = correction.chromosome;
      return (
        `cell ${cell}: ${type} ${homologName(homolog)} straightened again along a centre line drawn ` +
        `through ${String(correction.points.length)} points`
      );
    }
    case 'centre-line-undo': {
      const { cell, type, homolog } = correction.chromosome;
      return `cell ${cell}: ${type} ${homologName(homolog)}: last drawn centre line undone`;
    }
    case 'exclude-chromosome': {
      const { cell, type, homolog } = correction.chromosome;
      return `cell ${cell}: ${type} ${homologName(homolog)} excluded`;
    }
    case 'split': {
      const { cell, type, homolog } = correction.chromosome;
      return `cell ${cell}: ${type} ${homologName(homolog)} split in two along a cut of ${String(correction.cut.length)} points, both parts typed again`;
    }
    case 'join': {
      const [first, second] = correction.chromosomes;
      return `cell ${first.cell}: ${first.type} ${homologName(first.homolog)} and ${second.type} ${homologName(second.homolog)} joined into one chromosome, typed again`;
    }
    case 'exclude-cell':
      return `cell ${correction.cell} ${correction.excluded ? 'excluded' : 'included again'}`;
    case 'band-level':
      return `cell ${correction.cell}: band level set to ${String(correction.level)}`;
  }
}
