import { distance } from "fastest-levenshtein";
import { labelOf, type Field } from "../model/compile-type.js";

/**
 * Matching what a Word document calls something ("3. Kanttekeningen/ Risico's", "DATUM :",
 * "Consequenties (Financieel, Personeel, …)") to the field a type declares ("Kanttekeningen/
 * risico’s", `vergaderdatum`): case, accents, numbering, punctuation and small spelling
 * differences do not count. A field is known by its label, its name, its `ook` names, and the
 * parts of its label before a bracket or slash.
 */

/** "3.1 Kanttekeningen/ Risico’s:" → "kanttekeningen risicos". */
export function normalise(text: string): string {
  return stripNumbering(text)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’'`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A heading's own numbering: "3.", "3.1", "II.", "B)", "a." before the words. */
export function stripNumbering(text: string): string {
  return text.replace(/^\s*(?:(?:\d+\.)*\d+\.?|[IVXLC]+\.|[A-Za-z][.)])\s+/, "").trim();
}

/** The names a field is known by, normalised. */
export function namesOf(field: Pick<Field, "key" | "label" | "ook">): string[] {
  const names = [field.label, labelOf(field.key), ...(field.ook ?? [])];
  // "Vervolg (proces en uitvoering)", "Kanttekeningen/risico’s": also the part before the bracket or slash.
  const heads = names.map((n) => n.split(/[(/]/)[0]!);
  return [...new Set([...names, ...heads].map(normalise).filter((n) => n.length > 0))];
}

/** The variants of a heading as written: whole, and before a bracket, colon, slash or dash. */
function variantsOf(text: string): string[] {
  const whole = normalise(text);
  const head = normalise(text.split(/[(:/–—]|\s-\s/)[0]!);
  return [...new Set([whole, head].filter((v) => v.length > 0))];
}

/** Small spelling differences allowed: none in a short word, one in six letters beyond that. */
const tolerance = (length: number): number => (length < 5 ? 0 : Math.floor(length / 6));

/**
 * The candidate whose names match the text best (exact before near, whole heading before its
 * head), or undefined when none is within the tolerance.
 */
export function bestMatch<T>(text: string, candidates: readonly T[], names: (c: T) => readonly string[]): T | undefined {
  let best: { c: T; score: number } | undefined;
  for (const [v, variant] of variantsOf(text).entries()) {
    for (const c of candidates) {
      for (const name of names(c)) {
        const d = distance(variant, name);
        if (d > tolerance(Math.max(variant.length, name.length))) continue;
        const score = d * 10 + v;
        if (!best || score < best.score) best = { c, score };
      }
    }
  }
  return best?.c;
}
