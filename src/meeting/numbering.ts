import { LEGACY_ITEM_NUMBERING, LEGACY_SUB_NUMBERING, type Nummering } from "../model/meeting.js";
import { alphabetic, roman } from "../util/counters.js";

/**
 * How an agenda is numbered: a pattern per level (see the meeting schema), "{1}", "{01}",
 * "{deel}-{1}", "{punt}{a}", "{a})", "AGP {1}". A pattern has one counter; {punt} is the number
 * of the item above, {deel} the number of the part.
 */
export interface NumberingScheme {
  readonly delen: string;
  readonly punten: string;
  readonly subpunten: string;
  readonly subsubpunten: string;
  readonly bijlagen: string;
}

export const DEFAULT_NUMBERING: NumberingScheme = { delen: "{I}", punten: "{1}", subpunten: "{punt}{a}", subsubpunten: "{punt}.{1}", bijlagen: "{punt}-{1}" };

/** A scheme with the patterns given (the short forms of earlier versions read as patterns) over `base`. */
export function numberingOf(given: Nummering | undefined, base: NumberingScheme = DEFAULT_NUMBERING): NumberingScheme {
  if (!given) return base;
  const legacyItem = given.punten && given.punten in LEGACY_ITEM_NUMBERING ? LEGACY_ITEM_NUMBERING[given.punten as keyof typeof LEGACY_ITEM_NUMBERING] : given.punten;
  const legacySub = given.subpunten && given.subpunten in LEGACY_SUB_NUMBERING ? LEGACY_SUB_NUMBERING[given.subpunten as keyof typeof LEGACY_SUB_NUMBERING] : given.subpunten;
  return {
    delen: given.delen ?? base.delen,
    punten: legacyItem ?? base.punten,
    subpunten: legacySub ?? base.subpunten,
    subsubpunten: given.subsubpunten ?? base.subsubpunten,
    bijlagen: given.bijlagen ?? base.bijlagen,
  };
}

const COUNTERS: Readonly<Record<string, (n: number) => string>> = {
  "1": (n) => String(n),
  a: (n) => alphabetic(n),
  A: (n) => alphabetic(n).toUpperCase(),
  i: (n) => roman(n),
  I: (n) => roman(n).toUpperCase(),
};

/** The number `n` written by `pattern`, with the parent item's and the part's numbers. */
export function applyPattern(pattern: string, n: number, context: { readonly punt?: string; readonly deel?: string } = {}): string {
  return pattern.replace(/\{(0*1|a|A|i|I|punt|deel)\}/g, (_m, token: string) => {
    if (token === "punt") return context.punt ?? "";
    if (token === "deel") return context.deel ?? "";
    if (/^0+1$/.test(token)) return String(n).padStart(token.length, "0");
    return COUNTERS[token]!(n);
  });
}

/** The pattern of items at `depth` (0: items, 1: sub-items, 2 and deeper: below those). */
export const patternAt = (scheme: NumberingScheme, depth: number): string => (depth === 0 ? scheme.punten : depth === 1 ? scheme.subpunten : scheme.subsubpunten);

/** A besluitenlijst number: the session's date and the item's position, e.g. 20201001.05 or 20201001.05.1. */
export function decisionNumber(date: string, seq: readonly number[]): string {
  const [first, ...rest] = seq;
  return [date.replace(/-/g, ""), String(first).padStart(2, "0"), ...rest.map(String)].join(".");
}
