import { useEffect, useRef } from 'react';
import type { GrayImage } from '../../shared/gray-image';
import { queueDraw } from './draw-queue';
import { grayToRgba } from './gray-rgba';

interface Props {
  readonly image: GrayImage;
  /** Display size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Accessible name; empty for a decorative image (hidden from assistive technology). */
  readonly label: string;
  readonly className?: string;
}

/**
 * A GrayImage (8-bit, 0 = black) on a canvas, scaled to the given display size. The canvas has its
 * display size from the start; its pixels are drawn from the draw queue, so that a view with many
 * images never draws them all in one main-thread task.
 */
export function GrayCanvas({ image, width, height, label, className }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (image.width === 0 || image.height === 0) return undefined;
    return queueDraw(() => {
      const canvas = ref.current;
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return;
      canvas.width = image.width;
      canvas.height = image.height;
      const rgba = context.createImageData(image.width, image.height);
      grayToRgba(image.pixels, rgba.data);
      context.putImageData(rgba, 0, 0);
    });
  }, [image]);
  return (
    <canvas
      ref={ref}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
      className={className}
      style={{ width: `${width}px`, height: `${height}px` }}
    />
  );
}
