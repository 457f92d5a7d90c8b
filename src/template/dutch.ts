/**
 * A board's name in running Dutch text: with its own article (de or het) and its own capitals.
 * Written by hand: no library knows the gender of Dutch nouns; the article follows the head noun
 * of the name — its first word before "van", "voor" or "en", or the last part of a compound —
 * and the few neuter nouns boards are named with are listed below; all others take "de".
 */

/** Head nouns (or the ends of compounds) that take "het". */
const NEUTER = ["bestuur", "college", "presidium", "overleg", "team", "mt", "kabinet", "parlement", "comité", "platform", "secretariaat", "bureau", "orgaan", "forum", "netwerk", "consortium", "beraad", "directorium", "ab", "db"];

/** The name as it reads inside a sentence: "Algemeen bestuur" → "algemeen bestuur"; "GGD-raad", "Algemeen Bestuur" and "Provinciale Staten" keep their capitals. */
export function boardName(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = words[0] ?? "";
  // An acronym, a name written in capitals throughout (a title-cased name), or one capital letter
  // only (a sentence start): only the last is lowered.
  const acronym = /^[A-Z0-9&-]{2,}/.test(first);
  const titleCased = words.length > 1 && words.filter((w) => /^\p{L}{3,}/u.test(w) && !/^(van|voor|en|de|het)$/.test(w)).every((w) => /^\p{Lu}/u.test(w));
  if (acronym || titleCased) return name.trim();
  return first.charAt(0).toLowerCase() + name.trim().slice(1);
}

/** "de" or "het" for a board's name. */
export function articleOf(name: string): "de" | "het" {
  const words = name.trim().toLowerCase().split(/\s+/);
  const cut = words.findIndex((w) => w === "van" || w === "voor" || w === "en");
  const head = (cut > 0 ? words[cut - 1] : words[words.length - 1]) ?? "";
  const bare = head.replace(/[^\p{L}]/gu, "");
  return NEUTER.some((n) => bare === n || bare.endsWith(n)) ? "het" : "de";
}

/** "het algemeen bestuur", "de auditcommissie", "de raad"; a name that brings its article keeps it. */
export function withArticle(name: string): string {
  const own = /^(de|het)\s+(.+)$/i.exec(name.trim());
  if (own) return `${own[1]!.toLowerCase()} ${boardName(own[2]!)}`;
  return `${articleOf(name)} ${boardName(name)}`;
}

/** At the start of a sentence: "Het algemeen bestuur", "De raad". */
export function withArticleCapitalised(name: string): string {
  const s = withArticle(name);
  return s.charAt(0).toUpperCase() + s.slice(1);
}
