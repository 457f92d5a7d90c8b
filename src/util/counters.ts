/** Counting in letters and Roman numerals, for list markers and agenda numbers. */

/** 1 → a, 26 → z, 27 → aa. */
export function alphabetic(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

const ROMAN: readonly [number, string][] = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];

/** 4 → iv (lower case; upper-case it for agenda numbers). */
export function roman(n: number): string {
  let s = "";
  let k = n;
  for (const [v, r] of ROMAN) for (; k >= v; k -= v) s += r;
  return s;
}
