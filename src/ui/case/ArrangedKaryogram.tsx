import { useId, useState } from 'react';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { applyCorrection } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type {
  CaseSummary,
  CellKaryogramView,
  ChromosomeRef,
  Correction,
  KaryogramChromosomeView,
} from '../../worker/analysis-api';
import { download, fileStem } from '../report/download';
import { chromosomeName } from './arranged-chromosome-text';
import { CellPicture } from './CellPicture';
import { KaryogramRows } from './KaryogramRows';
import { SelectedActions } from './SelectedActions';
import { CutEditor } from './CutEditor';
import { useCellKaryogram } from './use-cell-karyogram';

/**
 * The case's cells as arranged karyograms: every chromosome of one cell under its type, upright and p-arm
 * up, at one scale. Open at once for a metaphase whose types a classifier assigned (those assignments
 * need checking); closed otherwise, where a karyogram's own layout can still have put one wrong.
 */
export function ArrangedKaryogram({ summary }: { summary: CaseSummary }) {
  const automatic = summary.cells.find((c) => c.typesAssigned !== undefined);
  const [open, setOpen] = useState(automatic !== undefined);
  const [picked, setPicked] = useState<string | null>(null);
  const titleId = useId();
  const first = summary.cells[0];
  if (!summary.hasImages || !first) return null;
  const cell = summary.cells.find((c) => c.id === picked) ?? automatic ?? first;
  return (
    <section className="arranged-karyogram" aria-labelledby={titleId}>
      <details
        open={open}
        data-testid="arranged-karyogram"
        onToggle={(event) => {
          setOpen(event.currentTarget.open);
        }}
      >
        <summary id={titleId}>Arranged karyogram</summary>
        {open ? (
          <>
            {summary.cells.length > 1 ? (
              <label className="arranged-cell-picker">
                Cell{' '}
                <select
                  value={cell.id}
                  onChange={(event) => {
                    setPicked(event.target.value);
                  }}
                >
                  {summary.cells.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.id}
                      {c.typesAssigned ? ' (typed automatically)' : ''}
                      {c.excluded ? ' (excluded)' : ''}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <CellKaryogram key={cell.id} caseId={summary.id} caseName={summary.name} cell={cell.id} />
          </>
        ) : null}
      </details>
    </section>
  );
}

type Mode = 'pick' | 'join' | 'split';

/** One cell's arranged karyogram and what the reviewer can do to its chromosomes. */
function CellKaryogram({ caseId, caseName, cell }: { caseId: string; caseName: string; cell: string }) {
  const version = useAppStore((s) => s.resultsVersion);
  const busy = useAppStore((s) => s.job !== null);
  const { view, error } = useCellKaryogram(caseId, cell, version, true);
  const [selected, setSelected] = useState<{ type: ChromosomeType; homolog: number } | null>(null);
  const [mode, setMode] = useState<Mode>('pick');
  const [message, setMessage] = useState('');
  if (error && !view)
    return (
      <p role="alert" data-testid="arranged-karyogram-error">
        Cannot show cell {cell} as a karyogram: {error}
      </p>
    );
  if (!view) return <p role="status">Arranging cell {cell}…</p>;
  const current =
    selected === null
      ? undefined
      : view.chromosomes.find((c) => c.type === selected.type && c.homolog === selected.homolog);
  const ref = (c: { type: ChromosomeType; homolog: number }): ChromosomeRef => ({
    cell,
    type: c.type,
    homolog: c.homolog,
  });
  const correct = (correction: Correction, doing: string): void => {
    setMessage(`${doing}…`);
    void applyCorrection(correction).then((applied) => {
      setMessage(applied ? `${doing}: done.` : `${doing}: not applied (see the message above).`);
      if (applied) {
        setSelected(null);
        setMode('pick');
      }
    });
  };
  const move = (from: KaryogramChromosomeView, to: ChromosomeType): void => {
    if (from.type === to) {
      // Its own type again: a doubtful type is confirmed (the doubt goes), a sure one needs nothing.
      if (from.typeDoubt !== undefined)
        correct({ kind: 'move', chromosome: ref(from), to }, `Confirming ${chromosomeName(from)} as ${to}`);
      else setMessage(`${chromosomeName(from)} is already under ${to}.`);
      return;
    }
    correct({ kind: 'move', chromosome: ref(from), to }, `Moving ${chromosomeName(from)} to type ${to}`);
  };
  const pick = (c: KaryogramChromosomeView): void => {
    if (busy) return;
    if (mode === 'join' && current) {
      if (c === current) {
        setMessage('Pick another chromosome to join it with (Escape cancels).');
      } else if (!c.joinable) {
        setMessage(`${chromosomeName(c)} cannot be joined (it was not found in an image).`);
      } else {
        correct(
          { kind: 'join', chromosomes: [ref(current), ref(c)] },
          `Joining ${chromosomeName(current)} with ${chromosomeName(c)}`,
        );
      }
      return;
    }
    const same = current !== undefined && current === c;
    setSelected(same ? null : { type: c.type, homolog: c.homolog });
    setMode('pick');
    setMessage(same ? '' : `Selected ${chromosomeName(c)}.`);
  };
  const cancel = (): void => {
    setMode('pick');
    setMessage('');
  };
  return (
    <div className="arranged-cell" data-testid="arranged-cell" data-cell={cell}>
      <CellHeader view={view} caseName={caseName} />
      <div className="arranged-body">
        <KaryogramRows
          view={view}
          selected={current ?? null}
          joining={mode === 'join'}
          busy={busy}
          onPick={pick}
          onMove={move}
          onEscape={cancel}
        />
        <CellPicture view={view} selected={current ?? null} onPick={pick} />
      </div>
      {current && mode === 'split' && current.axisPicture ? (
        <CutEditor
          picture={current.axisPicture}
          chromosome={ref(current)}
          name={chromosomeName(current)}
          onClose={(applied) => {
            setMode('pick');
            if (applied) {
              setSelected(null);
              setMessage('Split: both parts typed again.');
            }
          }}
        />
      ) : null}
      {current && mode !== 'split' ? (
        <SelectedActions
          key={`${current.type}-${String(current.homolog)}`}
          chromosome={current}
          joining={mode === 'join'}
          busy={busy}
          onMove={(to) => {
            move(current, to);
          }}
          onReject={setMessage}
          onExclude={() => {
            correct(
              { kind: 'exclude-chromosome', chromosome: ref(current) },
              `Excluding ${chromosomeName(current)}`,
            );
          }}
          onSplit={() => {
            setMode('split');
            setMessage('');
          }}
          onJoin={() => {
            setMode('join');
            setMessage(`Pick the chromosome to join ${chromosomeName(current)} with (Escape cancels).`);
          }}
          onCancel={cancel}
          onDeselect={() => {
            setSelected(null);
            cancel();
          }}
        />
      ) : null}
      <p role="status" className="arranged-status" data-testid="arranged-status">
        {message}
      </p>
    </div>
  );
}

/** Where the cell came from, how its types were assigned, and its PNG export. */
function CellHeader({ view, caseName }: { view: CellKaryogramView; caseName: string }) {
  const assigned = view.typesAssigned;
  return (
    <div className="arranged-header">
      <p className="muted">
        Cell {view.cell} from {view.source}, {view.chromosomes.length} chromosomes, upright and p-arm up at
        one scale.{' '}
        {assigned ? (
          <span data-testid="types-assigned">
            Types assigned automatically by {assigned.classifier} (read as {assigned.sex}); the number under a
            chromosome is the classifier&apos;s confidence. Check them.
          </span>
        ) : null}{' '}
        A dashed outline marks a chromosome whose type or cut-out is in doubt. Drag a chromosome onto another
        type, or select it (click, Enter or Space) to move, exclude, split or join it.
      </p>
      <button
        type="button"
        onClick={() => {
          void import('../report/arranged-karyogram-image').then(({ arrangedKaryogramPng }) => {
            const png = arrangedKaryogramPng(view, caseName);
            download(
              `${fileStem(caseName)}-${fileStem(view.cell)}-karyogram.png`,
              new Blob([png.slice()], { type: 'image/png' }),
            );
          });
        }}
      >
        Export PNG
      </button>
    </div>
  );
}
