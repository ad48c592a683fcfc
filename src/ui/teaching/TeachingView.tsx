import { useId, useState } from 'react';
import type { BandLevel } from '../../shared/chromosome-types';
import { BAND_LEVELS } from '../../shared/chromosome-types';
import { analyseSynthetic } from '../../state/case-actions';

const EXAMPLES = [
  '46,XX,inv(9)(p12q13)',
  '46,XY,del(5)(p14)',
  '46,XX,t(11;22)(q23;q11.2)',
  '46,XY,dup(1)(q21q32)',
];

/** Teaching mode: an ISCN karyotype becomes synthetic cells, analysed like a real case. */
export function TeachingView() {
  const [karyotype, setKaryotype] = useState(EXAMPLES[0] ?? '');
  const [cells, setCells] = useState(4);
  const [level, setLevel] = useState<BandLevel>(400);
  const ids = { karyotype: useId(), cells: useId(), level: useId() };
  return (
    <section className="teaching" aria-labelledby="teaching-title">
      <h2 id="teaching-title">Teaching mode</h2>
      <p>
        Type an ISCN karyotype. The app draws synthetic metaphases that carry it, analyses them like a dropped
        case, and opens the flagged type. Then walk through it:
      </p>
      <ol>
        <li>
          The teaching guide names the bands each change alters and says whether the model flagged the changed
          type; a flagged type is coloured and named as suspected abnormal in the karyogram overview. The
          model can miss a change: the guide then says so and shows where the change is.
        </li>
        <li>In its pair view, the α bars show which cells the model trusts most for the verdict.</li>
        <li>
          The heatmap aligns regions of homolog 1 (rows) with homolog 2 (columns): a normal pair gives a
          bright diagonal; an inversion bends it into an anti-diagonal over the inverted segment, a deletion
          shifts it. Hover a cell to see which two regions are linked.
        </li>
        <li>The orange strips and the ideogram show where the pair differs, named in ISCN bands.</li>
      </ol>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void analyseSynthetic({
            name: `Teaching ${karyotype}`,
            origin: 'teaching',
            karyotype,
            cells,
            level,
            seed: Math.floor(Math.random() * 2 ** 31),
          });
        }}
      >
        <label htmlFor={ids.karyotype}>Karyotype</label>
        <input
          id={ids.karyotype}
          list="karyotype-examples"
          value={karyotype}
          onChange={(e) => {
            setKaryotype(e.target.value);
          }}
        />
        <datalist id="karyotype-examples">
          {EXAMPLES.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
        <label htmlFor={ids.cells}>Cells</label>
        <input
          id={ids.cells}
          type="number"
          min={1}
          max={10}
          value={cells}
          onChange={(e) => {
            setCells(Math.max(1, Math.min(10, Number(e.target.value) || 1)));
          }}
        />
        <label htmlFor={ids.level}>Band level</label>
        <select
          id={ids.level}
          value={level}
          onChange={(e) => {
            setLevel(BAND_LEVELS.find((l) => l === Number(e.target.value)) ?? 400);
          }}
        >
          {BAND_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <button type="submit">Generate and analyse</button>
      </form>
    </section>
  );
}
