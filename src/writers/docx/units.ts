/** Word measures in twentieths of a point (twips) and half-points; CSS and the house style in mm and pt. */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const ptToHalfPoints = (pt: number): number => Math.round(pt * 2);
export const ptToTwips = (pt: number): number => Math.round(pt * 20);

/** Split `total` over relative widths; the last column takes the rounding remainder. */
export function distribute(total: number, relative: readonly number[]): number[] {
  const sum = relative.reduce((a, b) => a + b, 0);
  const out = relative.map((w) => Math.floor((total * w) / sum));
  const rest = total - out.reduce((a, b) => a + b, 0);
  if (out.length > 0) out[out.length - 1]! += rest;
  return out;
}
