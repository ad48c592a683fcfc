import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ChromosomeType } from '../../shared/chromosome-types';
import type { CellKaryogramView, KaryogramChromosomeView } from '../../worker/analysis-api';
import { GrayCanvas } from '../common/GrayCanvas';
import { chromosomeName, doubtText } from './arranged-chromosome-text';
import { byType, drawnSize, KARYOGRAM_ROWS, karyogramScale } from './arranged-karyogram-layout';

/** Height of the cell's longest chromosome on screen, CSS pixels. */
const TALLEST = 120;

/** The ISCN rows: each type a drop target holding its chromosomes side by side, its number under them. */
export function KaryogramRows({
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
