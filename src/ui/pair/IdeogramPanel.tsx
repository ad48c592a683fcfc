import { useMemo } from 'react';
import { renderIdeogram } from '../../charts/ideogram-chart';
import { getIdeogram } from '../../karyotype/ideogram';
import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import type { DifferenceRegion } from '../../pipeline/difference-region';
import { useChart } from '../common/use-chart';

interface Props {
  readonly type: ChromosomeType;
  readonly level: BandLevel;
  readonly region: DifferenceRegion | null;
}

/** The type's ISCN ideogram at the band level in use, with where the pair differs most. */
export function IdeogramPanel({ type, level, region }: Props) {
  const data = useMemo(
    () => ({
      ideogram: getIdeogram(type, level),
      region: region ? { from: region.from, to: region.to, label: region.bands } : null,
    }),
    [type, level, region],
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
            Pairs differ most in <strong>{region.bands}</strong> ({Math.round(region.from * 100)}–
            {Math.round(region.to * 100)}% of length from pter)
          </>
        ) : (
          'No region: the type was not scored.'
        )}
      </p>
    </section>
  );
}
