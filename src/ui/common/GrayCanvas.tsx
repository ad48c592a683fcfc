import { useEffect, useRef } from 'react';
import type { GrayImage } from '../../shared/gray-image';

interface Props {
  readonly image: GrayImage;
  /** Display size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Accessible name; empty for a decorative image (hidden from assistive technology). */
  readonly label: string;
  readonly className?: string;
}

/** A GrayImage (8-bit, 0 = black) on a canvas, scaled to the given display size. */
export function GrayCanvas({ image, width, height, label, className }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || image.width === 0 || image.height === 0) return;
    canvas.width = image.width;
    canvas.height = image.height;
    const rgba = context.createImageData(image.width, image.height);
    for (let i = 0; i < image.pixels.length; i++) {
      const v = image.pixels[i] ?? 255;
      rgba.data[4 * i] = v;
      rgba.data[4 * i + 1] = v;
      rgba.data[4 * i + 2] = v;
      rgba.data[4 * i + 3] = 255;
    }
    context.putImageData(rgba, 0, 0);
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
