import { useMemo } from 'react';
import type { ChromosomeView } from '../../worker/analysis-api';
import { pairCues } from './pair-cues';

const LEVEL_TEXT = {
  typical: 'within 90 % of normal pairs',
  unusual: 'beyond 90 % of normal pairs',
  rare: 'beyond 99 % of normal pairs',
} as const;

/** The pair's whole-chromosome measures in words, each graded against normal pairs. */
export function PairCues({ homologs }: { readonly homologs: readonly [ChromosomeView, ChromosomeView] }) {
  const [first, second] = homologs;
  const cues = useMemo(() => pairCues(first.profile, second.profile), [first.profile, second.profile]);
  return (
    <ul className="pair-cues" data-testid="pair-cues" aria-label="pair measures">
      {cues.map((cue) => (
        <li
          key={cue.name}
          className={`cue ${cue.level}`}
          data-level={cue.level}
          title={`${cue.text}: ${LEVEL_TEXT[cue.level]} (training cases)`}
        >
          {cue.level === 'typical' ? null : <span className="cue-mark">{cue.level}:</span>} {cue.text}
        </li>
      ))}
    </ul>
  );
}
