import { useEffect, useRef } from 'react';

/** A d3 renderer as charts/ defines them: draws into an element and returns its cleanup. */
export type ChartRenderer<D, O> = (data: D, options: O, element: SVGSVGElement) => () => void;

/** Runs a chart renderer into an SVG whenever its data or options change. */
export function useChart<D, O>(render: ChartRenderer<D, O>, data: D, options: O) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    return render(data, options, element);
  }, [render, data, options]);
  return ref;
}
