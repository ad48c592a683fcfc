import { useMemo } from 'react';
import type { RocChartData, RocChartOptions } from '../../charts/roc-chart';
import { renderRocChart } from '../../charts/roc-chart';
import { useChart } from '../common/use-chart';

const OPTIONS: RocChartOptions = { size: 240 };

/** ROC curves of the current and the fine-tuned model on the held-back cases. */
export function RocChart({ data }: { data: RocChartData }) {
  const stable = useMemo(() => data, [data]);
  const ref = useChart(renderRocChart, stable, OPTIONS);
  return <svg ref={ref} className="roc-chart" data-testid="roc-chart" />;
}
