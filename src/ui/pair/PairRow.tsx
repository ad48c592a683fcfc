import { useMemo } from 'react';
import { PROFILE_AXIS_HEIGHT, renderProfiles } from '../../charts/profile-chart';
import type { AlignmentHover, Direction } from '../../state/review-slice';
import { isChromosomeType } from '../../shared/chromosome-types';
import type { CellTypeView } from '../../worker/analysis-api';
import { useChart } from '../common/use-chart';
import { AxisPictures } from './AxisPictures';
import { CorrectionButtons } from './CorrectionButtons';
import { PairCues } from './PairCues';
import { PairFigure } from './PairFigure';
import { straighteningNotes } from './straightening-notes';

interface Props {
  readonly view: CellTypeView;
  readonly type: string;
  readonly scale: number;
  readonly maxSamples: number;
  readonly regionSamples: number;
  readonly selected: boolean;
  readonly hover: AlignmentHover | null;
  readonly direction: Direction;
  readonly onSelect: () => void;
  readonly onHover: (hover: AlignmentHover | null) => void;
}

/** Below this type-assignment confidence a chromosome is marked so the reviewer checks it first. */
const LOW_CONFIDENCE = 0.6;

/** One cell of the selected type: the pair, its bag weight α_i, its profiles, and corrections. */
/**
 * What α is, for the reviewer (its tooltip, and the legend of the pair view): the bag weight of HomNet's
 * Eq. 9, how much this cell's pair counts in the type's verdict.
 */
export const ALPHA_MEANING =
  "α, the bag weight: how much this cell's pair counts in the type's verdict (0–1, weighed by the model " +
  'pair by pair); – : the pair is left out of the verdict.';

export function PairRow(props: Props) {
  const { view, scale, maxSamples, selected } = props;
  const profileData = useMemo(
    () => ({ homologs: view.chromosomes.slice(0, 2), maxSamples }),
    [view.chromosomes, maxSamples],
  );
  const profileOptions = useMemo(() => ({ width: 120, height: maxSamples * scale }), [maxSamples, scale]);
  const profileRef = useChart(renderProfiles, profileData, profileOptions, true);
  const alpha = view.pair?.alpha ?? null;
  const [first, second] = view.chromosomes;
  const notes = straighteningNotes(view);
  return (
    <li className={`pair-row${selected ? ' selected' : ''}`} data-testid={`pair-row-${view.cell}`}>
      <div className="pair-row-head">
        <button
          type="button"
          aria-pressed={selected}
          onClick={props.onSelect}
          title="Show this pair's alignment"
        >
          {view.cell}
        </button>
        <span className="band-level">{view.bandLevel} bands</span>
        {view.chromosomes.length !== 2 ? (
          <span className="flag">{view.chromosomes.length} copies</span>
        ) : null}
        {view.chromosomes.map((c, h) =>
          c.confidence < LOW_CONFIDENCE ? (
            <span key={h} className="flag" data-testid="low-confidence">
              homolog {h + 1}: low confidence in its type ({c.confidence.toFixed(2)})
            </span>
          ) : null,
        )}
        {notes.map((note) => (
          <span
            key={`axis-${String(note.homolog)}`}
            className="flag"
            data-testid="doubtful-straightening"
            title={
              'The straightening axis cuts across a fold or a hook and leaves part of this chromosome out: ' +
              'its profile rests on part of it, and such a pair looks abnormal. While other cells have a pair without ' +
              'this doubt, the verdict rests on them and this pair is left out (α –); otherwise check the image, and ' +
              `if it is folded, "Exclude homolog ${String(note.homolog + 1)}" (under Correct).`
            }
          >
            {note.text}
          </span>
        ))}
      </div>
      <PairFigure {...props} interactive={selected} />
      <div
        className="alpha"
        aria-label={`bag weight alpha ${alpha === null ? 'none' : alpha.toFixed(2)}`}
        title={ALPHA_MEANING}
      >
        <span className="alpha-label">α</span>
        <span className="alpha-track">
          <span className="alpha-bar" data-testid="alpha-bar" style={{ width: `${(alpha ?? 0) * 100}%` }} />
        </span>
        <span className="alpha-value" data-testid="alpha-value">
          {alpha === null ? '–' : alpha.toFixed(2)}
        </span>
      </div>
      {first && second ? <PairCues homologs={[first, second]} /> : null}
      {/* Sized here as the chart will be, so that the row does not move when the queued chart is drawn. */}
      <svg
        ref={profileRef}
        width={profileOptions.width}
        height={profileOptions.height + PROFILE_AXIS_HEIGHT}
        className="profiles"
        data-testid="profile-chart"
        role="img"
        aria-label={`profiles of ${view.cell}`}
      />
      <div className="pair-row-tools">
        <CorrectionButtons view={view} type={props.type} />
        <AxisPictures
          chromosomes={view.chromosomes}
          openAtFirst={notes.length > 0}
          cell={view.cell}
          {...(isChromosomeType(props.type) ? { type: props.type } : {})}
        />
      </div>
    </li>
  );
}
