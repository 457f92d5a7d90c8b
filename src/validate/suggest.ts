import { closest, distance } from "fastest-levenshtein";

/** The closest allowed word, if it is close enough to be a likely typo. */
export function suggest(word: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const lower = word.toLowerCase();
  const prefix = allowed.find((a) => a.toLowerCase().startsWith(lower) || lower.startsWith(a.toLowerCase()));
  if (prefix && lower.length >= 3) return prefix;
  const best = closest(lower, allowed.map((a) => a.toLowerCase()));
  const idx = allowed.findIndex((a) => a.toLowerCase() === best);
  return distance(lower, best) <= Math.max(2, Math.floor(best.length / 3)) ? allowed[idx] : undefined;
}
