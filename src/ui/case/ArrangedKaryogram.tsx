import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
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
import { GrayCanvas } from '../common/GrayCanvas';
import { download, fileStem } from '../report/download';
import {
  byType,
  drawnSize,
  KARYOGRAM_ROWS,
  karyogramScale,
  typeFromInput,
} from './arranged-karyogram-layout';
import { CellPicture } from './CellPicture';
import { CutEditor } from './CutEditor';
import { useCellKaryogram } from './use-cell-karyogram';

/** Height of the cell's longest chromosome on screen, CSS pixels. */
const TALLEST = 120;

const chromosomeName = (c: { type: ChromosomeType; homolog: number }): string =>
  `${c.type} homolog ${String(c.homolog + 1)}`;

/** Why a chromosome is marked, in words, or null when nothing about it is in doubt. */
function doubtText(c: KaryogramChromosomeView): string | null {
  const reasons = [
    ...(c.typeDoubt !== undefined ? [`type doubtful: ${c.typeDoubt}`] : []),
    ...(c.cutOutDoubt !== undefined ? [`cut-out doubtful: ${c.cutOutDoubt}`] : []),
  ];
  return reasons.length > 0 ? reasons.join('; ') : null;
}

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

/** The ISCN rows: each type a drop target holding its chromosomes side by side, its number under them. */
function KaryogramRows({
  view,
  selected,
  joining,
  busy,
  onPick,
  onMove,
  onEscape,
}: {
  view: CellKaryogramView;
  selected: KaryogramChromosomeView | null;
  joining: boolean;
  busy: boolean;
  onPick: (c: KaryogramChromosomeView) => void;
  onMove: (from: KaryogramChromosomeView, to: ChromosomeType) => void;
  onEscape: () => void;
}) {
  // The chromosome being dragged: kept here, as some browsers hide dataTransfer's data until the drop.
  const dragged = useRef<KaryogramChromosomeView | null>(null);
  const [over, setOver] = useState<ChromosomeType | null>(null);
  // Choosing the chromosome to join with starts from the selected one (the button that asked is gone).
  const selectedElement = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (joining) selectedElement.current?.focus();
  }, [joining]);
  const scale = karyogramScale(view.chromosomes, TALLEST);
  const groups = byType(view.chromosomes);
  const automatic = view.typesAssigned !== undefined;
  const onKeyDown = (c: KaryogramChromosomeView) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(c);
    } else if (event.key === 'Escape' && joining) {
      event.preventDefault();
      onEscape();
    }
  };
  const dropHandlers = (type: ChromosomeType) => ({
    onDragOver: (event: DragEvent<HTMLDivElement>) => {
      const from = dragged.current;
      if (!from || from.type === type || busy) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOver(type);
    },
    onDragLeave: () => {
      setOver((o) => (o === type ? null : o));
    },
    onDrop: (event: DragEvent<HTMLDivElement>) => {
      event.preventDefault();
      const from = dragged.current;
      dragged.current = null;
      setOver(null);
      if (from && from.type !== type) onMove(from, type);
    },
  });
  return (
    <div className={`arranged-rows${joining ? ' joining' : ''}`} data-testid="arranged-rows">
      {KARYOGRAM_ROWS.map((row, r) => (
        <div className="arranged-row" key={r}>
          {row.map((type) => {
            const chromosomes = groups.get(type) ?? [];
            return (
              <div
                key={type}
                className={`arranged-type${over === type ? ' drop-over' : ''}`}
                role="group"
                aria-label={`Type ${type}: ${String(chromosomes.length)} chromosomes`}
                data-testid={`arranged-type-${type}`}
                data-type={type}
                {...dropHandlers(type)}
              >
                <div className="arranged-type-chromosomes">
                  {chromosomes.map((c) => {
                    const size = drawnSize(c, scale);
                    const doubt = doubtText(c);
                    const confidence = automatic ? `, confidence ${c.confidence.toFixed(2)}` : '';
                    const label = `${chromosomeName(c)}${confidence}${doubt ? `; ${doubt}` : ''}`;
                    const isSelected = selected === c;
                    return (
                      <div
                        key={`${c.type}-${String(c.homolog)}`}
                        ref={isSelected ? selectedElement : undefined}
                        role="button"
                        tabIndex={0}
                        draggable={!busy}
                        aria-pressed={isSelected}
                        aria-disabled={busy}
                        aria-label={label}
                        title={label}
                        className={`arranged-chromosome${isSelected ? ' selected' : ''}${doubt ? ' doubtful' : ''}`}
                        data-testid="arranged-chromosome"
                        data-type={c.type}
                        data-homolog={c.homolog}
                        data-samples={c.samples}
                        data-size={`${String(c.image.width)}x${String(c.image.height)}`}
                        data-splittable={c.splittable}
                        data-joinable={c.joinable}
                        onClick={() => {
                          onPick(c);
                        }}
                        onKeyDown={onKeyDown(c)}
                        onDragStart={(event) => {
                          dragged.current = c;
                          event.dataTransfer.effectAllowed = 'move';
                          event.dataTransfer.setData('text/plain', chromosomeName(c));
                        }}
                        onDragEnd={() => {
                          dragged.current = null;
                          setOver(null);
                        }}
                      >
                        <GrayCanvas image={c.image} width={size.width} height={size.height} label="" />
                        {automatic ? (
                          <span className="arranged-confidence" aria-hidden="true">
                            {c.confidence.toFixed(2)}
                          </span>
                        ) : null}
                      </div>
                    );
                  })}
                </div>
                <span className="arranged-type-name" aria-hidden="true">
                  {type}
                </span>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** What can be done to the selected chromosome: move it by typing a type, exclude, split or join it. */
function SelectedActions({
  chromosome,
  joining,
  busy,
  onMove,
  onReject,
  onExclude,
  onSplit,
  onJoin,
  onCancel,
  onDeselect,
}: {
  chromosome: KaryogramChromosomeView;
  joining: boolean;
  busy: boolean;
  onMove: (to: ChromosomeType) => void;
  onReject: (message: string) => void;
  onExclude: () => void;
  onSplit: () => void;
  onJoin: () => void;
  onCancel: () => void;
  onDeselect: () => void;
}) {
  const [text, setText] = useState('');
  const inputId = useId();
  const name = chromosomeName(chromosome);
  const submit = (): void => {
    const to = typeFromInput(text);
    if (to === null) {
      onReject(`"${text.trim()}" is no chromosome type: type 1 to 22, X or Y.`);
      return;
    }
    onMove(to);
  };
  if (joining)
    return (
      <div className="arranged-actions" role="group" aria-label={`Joining ${name}`}>
        <span>Joining {name}: pick the other chromosome.</span>
        <button type="button" onClick={onCancel}>
          Cancel join
        </button>
      </div>
    );
  return (
    <div
      className="arranged-actions"
      role="group"
      aria-label={`Selected: ${name}`}
      data-testid="arranged-actions"
    >
      <span>
        Selected: <strong>{name}</strong>
      </span>
      <label htmlFor={inputId}>Move to type</label>
      {/* Selecting a chromosome is mostly for typing its type: the field takes the keys at once. */}
      <input
        id={inputId}
        autoFocus
        className="arranged-move-input"
        value={text}
        size={3}
        disabled={busy}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onDeselect();
          }
        }}
      />
      <button type="button" disabled={busy || text.trim() === ''} onClick={submit}>
        Move
      </button>
      {chromosome.typeDoubt !== undefined ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            onMove(chromosome.type);
          }}
        >
          Confirm type {chromosome.type}
        </button>
      ) : null}
      <button type="button" disabled={busy} onClick={onExclude}>
        Exclude
      </button>
      {chromosome.splittable ? (
        <button type="button" disabled={busy || !chromosome.axisPicture} onClick={onSplit}>
          Split…
        </button>
      ) : null}
      {chromosome.joinable ? (
        <button type="button" disabled={busy} onClick={onJoin}>
          Join with…
        </button>
      ) : null}
      <button type="button" onClick={onDeselect}>
        Deselect
      </button>
    </div>
  );
}
