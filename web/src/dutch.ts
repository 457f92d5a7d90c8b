/**
 * Dates and numbers the Dutch way, whatever the browser's locale (and in the English editor
 * too: the documents are Dutch): a date is shown and typed as dd-mm-jjjj and kept in the YAML
 * as YYYY-MM-DD; a number is shown and typed with a decimal comma and dots between the
 * thousands (1.250,50) and kept as a number.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2020-10-01` → `01-10-2020`; anything that is not written YYYY-MM-DD is left as it is. */
export function showDate(value: string): string {
  const m = ISO.exec(value);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : value;
}

/** Every YYYY-MM-DD in a text (a meeting's title: "Algemeen bestuur, 2020-10-01") as dd-mm-jjjj. */
export const showDates = (text: string): string => text.replace(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g, "$3-$2-$1");

export type Parsed<T> = { ok: true; value: T } | { ok: false; why: "incomplete" | "invalid" | "not-real" | "dot" | "integer" };

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A typed date: dd-mm-jjjj (or d-m-jjjj, with `-`, `/`, `.` or spaces between), or YYYY-MM-DD as
 * pasted from a file; as YYYY-MM-DD. `incomplete` while it may still become a date as typing
 * goes on; `not-real` for 30-02-2021.
 */
export function parseDate(text: string): Parsed<string> {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dutch = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4})$/.exec(s);
  const parts = iso ? [iso[3], iso[2], iso[1]] : dutch ? [dutch[1], dutch[2], dutch[3]] : undefined;
  if (!parts) return { ok: false, why: /^\d{1,2}(\s*[-/. ]\s*(\d{1,2}(\s*[-/. ]\s*\d{0,3})?)?)?$/.test(s) ? "incomplete" : "invalid" };
  const [d, m, y] = parts.map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return { ok: false, why: "not-real" };
  return { ok: true, value: `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/**
 * A number the Dutch way: `12.500`, `1.250,5`; an amount (`amount`) with its cents, `1.250,50`,
 * when it has any. Never rounded: every decimal the file has is shown.
 */
export function showNumber(n: number, amount = false): string {
  const whole = Number.isInteger(n);
  return new Intl.NumberFormat("nl-NL", { useGrouping: true, minimumFractionDigits: amount && !whole ? 2 : 0, maximumFractionDigits: 20 }).format(n);
}

/**
 * A typed number: a comma before the decimals, dots (or spaces) between the thousands, a euro
 * sign allowed. A dot that is not between thousands (`12.5`) is refused rather than guessed:
 * `dot`. `incomplete` while typing (`-`, `12,`).
 */
export function parseNumber(text: string, integer = false): Parsed<number> {
  const s = text.replace(/[\s\u00a0\u202f€]/g, "").replace(/^\+/, "");
  if (s === "" || s === "-" || /^-?[\d.]*,$/.test(s)) return { ok: false, why: "incomplete" };
  const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
  if (!m) return { ok: false, why: /^-?\d[\d.]*(,\d*)?$/.test(s) ? "dot" : "invalid" };
  const value = Number(`${m[1]}${m[2]!.replace(/\./g, "")}${m[3] !== undefined ? `.${m[3]}` : ""}`);
  if (!Number.isFinite(value)) return { ok: false, why: "invalid" };
  if (integer && !Number.isInteger(value)) return { ok: false, why: "integer" };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
