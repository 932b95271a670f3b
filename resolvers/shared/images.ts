import { intInRange } from './arguments.ts';

/** The image at the given width (the image service resizes on the `w` parameter). */
export function sizedImageUrl(baseUrl: string, width: number | null | undefined, fallback: number, min: number, max: number, argument: string): string {
  const w = intInRange(width, fallback, min, max, argument);
  const url = new URL(baseUrl);
  url.searchParams.set('w', String(w));
  return url.toString();
}
