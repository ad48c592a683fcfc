import { useMemo } from 'react';
import { renderIdeogram } from '../../charts/ideogram-chart';
import { bandRangeLabel } from '../../karyotype/band-names';
import { getIdeogram } from '../../karyotype/ideogram';
import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import type { DifferenceRegion } from '../../pipeline/verdict/difference-region';
import { useChart } from '../common/use-chart';

interface Props {
  readonly type: ChromosomeType;
  /** Band level of the selected cell: the ideogram and the band names are drawn at it. */
  readonly level: BandLevel;
  /** The case's region (fractions of length from p-ter; its `bands` named at the case's level). */
  readonly region: DifferenceRegion | null;
}

/** The type's ISCN ideogram at the selected cell's band level, with where the pairs differ most. */
export function IdeogramPanel({ type, level, region }: Props) {
  const label = region ? bandRangeLabel(type, level, region.from, region.to) : '';
  const data = useMemo(
    () => ({
      ideogram: getIdeogram(type, level),
      region: region ? { from: region.from, to: region.to, label } : null,
    }),
    [type, level, region, label],
  );
  const options = useMemo(() => ({ width: 190, height: 300 }), []);
  const ref = useChart(renderIdeogram, data, options);
  return (
    <section className="ideogram" aria-label="Suspected region">
      <h3>
        Ideogram {type} at {level} bands
      </h3>
      <svg ref={ref} data-testid="ideogram" role="img" aria-label={`ideogram of chromosome ${type}`} />
      <p data-testid="iscn-region">
        {region ? (
          <>
            Pairs differ most in <strong>{label}</strong> ({Math.round(region.from * 100)}–
            {Math.round(region.to * 100)}% of length from pter)
          </>
        ) : (
          'No region: the type was not scored.'
        )}
      </p>
    </section>
  );
}
