import { useEffect, useRef } from 'react';
import { queueDraw } from './draw-queue';

/** A d3 renderer as charts/ defines them: draws into an element and returns its cleanup. */
export type ChartRenderer<D, O> = (data: D, options: O, element: SVGSVGElement) => () => void;

/**
 * Runs a chart renderer into an SVG whenever its data or options change. `queued` charts are drawn from
 * the draw queue (for charts that mount many at a time, such as one per cell); others draw at once (for
 * charts that follow the pointer, such as a hover highlight).
 */
export function useChart<D, O>(render: ChartRenderer<D, O>, data: D, options: O, queued = false) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    if (!queued) return render(data, options, element);
    let cleanup: (() => void) | null = null;
    const cancel = queueDraw(() => {
      cleanup = render(data, options, element);
    });
    return () => {
      cancel();
      cleanup?.();
    };
  }, [render, data, options, queued]);
  return ref;
}
