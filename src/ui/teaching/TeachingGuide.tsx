import { useAppStore } from '../../state/store';
import type { CaseSummary } from '../../worker/analysis-api';
import { teachingChanges } from './teaching-findings';

const WHAT_TO_SEE: Readonly<Record<string, string>> = {
  del: 'one homolog is shorter: the diagonal of the heatmap breaks and shifts at the deleted bands',
  dup: 'one homolog is longer: the diagonal stalls (two rows attend to the same region) over the duplicated bands',
  inv: 'the inverted segment aligns in reverse: an anti-diagonal piece inside the diagonal',
  t: 'each derivative loses its alignment past the breakpoint, where foreign bands begin',
  ins: 'extra bands in one homolog: rows there find no partner region',
  rob: 'two acrocentrics fused: lengths and profiles no longer match',
};

/**
 * What a teaching case carries and where: for each change, the bands the karyotype names on every type
 * it alters, whether the model flagged that type (said plainly when it did not, so the guide never
 * implies the model saw a change it missed), what to look for, and buttons that open the changed types.
 */
export function TeachingGuide({ summary }: { summary: CaseSummary }) {
  const selectType = useAppStore((s) => s.selectType);
  if (!summary.karyotype) return null;
  const changes = teachingChanges(summary);
  return (
    <section className="teaching-guide" aria-label="Teaching guide" data-testid="teaching-guide">
      <h3>What {summary.karyotype} should show</h3>
      {changes.length === 0 ? <p>A normal karyotype: no type should stand out.</p> : null}
      <ul>
        {changes.map((change) => (
          <li key={change.text}>
            <strong>{change.text}</strong>
            <ul>
              {change.findings.map((finding) => (
                <li key={finding.type} data-testid="teaching-finding" data-outcome={finding.outcome}>
                  {finding.text}{' '}
                  <button
                    type="button"
                    onClick={() => {
                      selectType(finding.type);
                    }}
                  >
                    Show chromosome {finding.type}
                  </button>
                </li>
              ))}
            </ul>
            {WHAT_TO_SEE[change.kind] === undefined ? null : (
              <p>What to look for: {WHAT_TO_SEE[change.kind]}.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
