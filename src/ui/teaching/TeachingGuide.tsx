import { parseKaryotypeClones } from '../../karyotype/karyotype-clones';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { useAppStore } from '../../state/store';
import type { CaseSummary } from '../../worker/analysis-api';

const WHAT_TO_SEE: Readonly<Record<string, string>> = {
  del: 'one homolog is shorter: the diagonal of the heatmap breaks and shifts at the deleted bands',
  dup: 'one homolog is longer: the diagonal stalls (two rows attend to the same region) over the duplicated bands',
  inv: 'the inverted segment aligns in reverse: an anti-diagonal piece inside the diagonal',
  t: 'each derivative loses its alignment past the breakpoint, where foreign bands begin',
  ins: 'extra bands in one homolog: rows there find no partner region',
  rob: 'two acrocentrics fused: lengths and profiles no longer match',
};

/** What a teaching case carries and where to look for it, with buttons that open the changed types. */
export function TeachingGuide({ summary }: { summary: CaseSummary }) {
  const selectType = useAppStore((s) => s.selectType);
  if (!summary.karyotype) return null;
  let changes: { text: string; types: readonly ChromosomeType[]; kind: string }[] = [];
  try {
    changes = parseKaryotypeClones(summary.karyotype).flatMap((clone) =>
      clone.karyotype.changes.map((c) =>
        'types' in c
          ? { text: c.text, types: c.types, kind: c.kind }
          : { text: `${c.kind} of ${c.type}`, types: [c.type], kind: c.kind },
      ),
    );
  } catch {
    changes = [];
  }
  return (
    <section className="teaching-guide" aria-label="Teaching guide" data-testid="teaching-guide">
      <h3>What {summary.karyotype} should show</h3>
      {changes.length === 0 ? <p>A normal karyotype: no type should stand out.</p> : null}
      <ul>
        {changes.map((change) => (
          <li key={change.text}>
            <strong>{change.text}</strong>: {WHAT_TO_SEE[change.kind] ?? 'the copy number differs from 2'}.{' '}
            {change.types.map((type) => (
              <button
                key={type}
                type="button"
                onClick={() => {
                  selectType(type);
                }}
              >
                Show chromosome {type}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
