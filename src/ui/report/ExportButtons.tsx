import { useState } from 'react';
import { reviewDocument } from '../../state/report-json';
import type { CaseRecord } from '../../state/review-types';
import { useAppStore } from '../../state/store';
import { download, fileStem } from './download';

/** Exports the open case as JSON (the CLI's schema plus the review) or as a PDF report. */
export function ExportButtons({ record }: { record: CaseRecord }) {
  const [busy, setBusy] = useState(false);
  const reviewer = useAppStore((s) => s.reviewer);
  return (
    <div className="exports">
      <button
        type="button"
        onClick={() => {
          const text = `${JSON.stringify(reviewDocument(record), null, 2)}\n`;
          download(`${fileStem(record.summary.name)}.json`, new Blob([text], { type: 'application/json' }));
        }}
      >
        Export JSON
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void import('./report-pdf')
            .then(({ pdfReport }) => pdfReport(record, reviewer))
            .then((blob) => {
              download(`${fileStem(record.summary.name)}.pdf`, blob);
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        {busy ? 'Making PDF…' : 'Export PDF'}
      </button>
    </div>
  );
}
