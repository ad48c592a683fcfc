import { useEffect, useState } from 'react';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { analysisWorker } from '../../state/engine-actions';
import { useAppStore } from '../../state/store';
import type { CaseSummary, OverviewImages } from '../../worker/analysis-api';
import { GrayCanvas } from '../common/GrayCanvas';
import { copyFlag, verdictKind, verdictText } from '../common/verdict';

/** ISCN karyogram rows: 1–5, 6–12, 13–18, 19–22 + X + Y. */
const ROWS: readonly (readonly ChromosomeType[])[] = [
  ['1', '2', '3', '4', '5'],
  ['6', '7', '8', '9', '10', '11', '12'],
  ['13', '14', '15', '16', '17', '18'],
  ['19', '20', '21', '22', 'X', 'Y'],
];

const THUMB_HEIGHT = 56;

/** Every type laid out like a karyogram: the pair's thumbnails, score, verdict and numerical flags. */
export function KaryogramOverview({ summary }: { summary: CaseSummary }) {
  const selected = useAppStore((s) => s.selectedType);
  const selectType = useAppStore((s) => s.selectType);
  const version = useAppStore((s) => s.resultsVersion);
  const [images, setImages] = useState<OverviewImages | null>(null);
  useEffect(() => {
    if (!summary.hasImages) return undefined;
    let live = true;
    void analysisWorker()
      .api.overview(summary.id)
      .then((next) => {
        if (live) setImages(next);
      })
      .catch((error: unknown) => {
        // The verdicts still show (they live in the review); say why the pictures cannot.
        if (live)
          useAppStore.getState().setNotice({
            kind: 'error',
            text: `${summary.name}: ${error instanceof Error ? error.message : String(error)}`,
          });
      });
    return () => {
      live = false;
    };
  }, [summary.id, summary.name, summary.hasImages, version]);
  const verdicts = new Map(summary.types.map((t) => [t.type, t]));
  const sex = {
    x: Math.max(0, ...(verdicts.get('X')?.copies ?? [0])),
    y: Math.max(0, ...(verdicts.get('Y')?.copies ?? [0])),
  };
  const tallest = Math.max(1, ...(images?.types.flatMap((t) => t.images.map((i) => i.height)) ?? [1]));
  return (
    <section className="overview" aria-label="Karyogram overview">
      {ROWS.map((row, r) => (
        <div className="overview-row" key={r}>
          {row.map((type) => {
            const verdict = verdicts.get(type);
            const kind = verdictKind(verdict);
            const flag = copyFlag(
              type,
              verdict?.copies ?? summary.cells.filter((c) => !c.excluded).map(() => 0),
              sex,
            );
            const thumbs = images?.types.find((t) => t.type === type)?.images ?? [];
            return (
              <button
                type="button"
                key={type}
                className={`type-card verdict-${kind}${flag ? ' numerical' : ''}${selected === type ? ' selected' : ''}`}
                aria-pressed={selected === type}
                data-testid={`type-card-${type}`}
                data-verdict={kind}
                data-type={type}
                data-score={verdict?.score ?? undefined}
                onClick={() => {
                  selectType(type);
                }}
              >
                <span className="thumbs">
                  {thumbs.map((image, i) => {
                    const h = (image.height / tallest) * THUMB_HEIGHT;
                    return (
                      <GrayCanvas
                        key={i}
                        image={image}
                        height={h}
                        width={(image.width / image.height) * h}
                        label=""
                      />
                    );
                  })}
                </span>
                <span className="type-name">{type}</span>
                <span className="type-score">
                  {verdict?.score === null || !verdict ? '–' : verdict.score.toFixed(2)}
                </span>
                <span className="type-verdict">{verdictText(verdict)}</span>
                {flag ? (
                  <span className="flag" title="numerical finding: copies per cell against those expected">
                    numerical: {flag}
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
      ))}
    </section>
  );
}
