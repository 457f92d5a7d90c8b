import type { HelperDelegate } from "handlebars";
import Handlebars from "handlebars";
import { markdownBlocks, markdownInline, type ReferenceResolver } from "../markdown/markdown.js";
import { EMPTY } from "../model/common.js";
import { boardName, withArticle, withArticleCapitalised } from "./dutch.js";
import { printValue, type Printable } from "./values.js";

/**
 * The only helpers templates may call: pure functions of their arguments. Dates are formatted
 * from the ISO string by hand with Dutch month names, not with Intl, so the output cannot
 * depend on the machine's ICU data, locale or time zone.
 */
const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

export function formatDate(iso: string, style: "long" | "numeric" = "long"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  return style === "numeric" ? `${d}-${mo}-${y}` : `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}`;
}

const safe = (html: string) => new Handlebars.SafeString(html);

/** The cross-reference targets of the document being rendered (`verwijzingen`, see src/render/references.ts). */
type Targets = Readonly<Record<string, { word: string; number: string; anchor: string; referenced: boolean }>>;
const indexOf = (options: unknown): Targets => (options as { data?: { root?: { verwijzingen?: Targets } } }).data?.root?.verwijzingen ?? {};
const resolverOf = (options: unknown): ReferenceResolver => {
  const index = indexOf(options);
  return (kind, id) => index[`${kind}:${id}`];
};

/** What templates see of a proposal's place on an agenda (see render-proposal.ts). */
type StampRoot = { data?: { root?: { agenda?: { nummer?: string; bijlagen?: readonly string[] } | null } } };

/** A bijlage's number: as the agenda numbers it (5-1, or A), else after the agenda item, else 1, 2, 3. */
export function stampedNumber(agenda: { nummer?: string; bijlagen?: readonly string[] } | null | undefined, index: number): string {
  return agenda?.bijlagen?.[index] ?? (agenda?.nummer ? `${agenda.nummer}-${index + 1}` : String(index + 1));
}
/** Handlebars passes an options object as the last argument; helpers take only the values before it. */
const args = (all: unknown[]): unknown[] => all.slice(0, -1);

export const HELPERS: Readonly<Record<string, HelperDelegate>> = {
  /**
   * `{{date vergaderdatum}}` → "1 oktober 2020", or "01-10-2020" when the house style says
   * `datumnotatie: numeriek`; `{{date d "numeriek"}}` or `{{date d "lang"}}` chooses explicitly.
   */
  date: (iso: unknown, ...rest: unknown[]) => {
    const options = rest[rest.length - 1] as { data?: { root?: { huisstijl?: { datumnotatie?: string } } } };
    const chosen = args(rest)[0] ?? options.data?.root?.huisstijl?.datumnotatie;
    return formatDate(String(iso), chosen === "numeriek" ? "numeric" : "long");
  },
  /** Prose field → paragraphs and lists; its cross-references printed as their targets are numbered now. */
  md: (text: unknown, options: unknown) => {
    // `{{md x koppen=koppen letters=letters onder=niveau}}`: headings and lettered lists where the type allows them.
    // `doelen=verwijzing`: its numbered items are the targets of [[<verwijzing>:id]].
    const hash = (options as { hash?: { koppen?: unknown; letters?: unknown; onder?: unknown; doelen?: unknown } }).hash ?? {};
    const index = indexOf(options);
    const items = typeof hash.doelen === "string" ? (id: string) => (index[`${String(hash.doelen)}:${id}`]?.referenced ? index[`${String(hash.doelen)}:${id}`]!.anchor : "") : undefined;
    return safe(markdownBlocks(String(text ?? ""), resolverOf(options), { ...(hash.koppen === true ? { headingsBelow: Number(hash.onder ?? 2) } : {}), letters: hash.letters === true, ...(items ? { items } : {}) }));
  },
  /** One-line prose field → inline markup. */
  mdInline: (text: unknown, options: unknown) => safe(markdownInline(String(text ?? ""), resolverOf(options))),
  /**
   * `{{doel "bijlage" id}}` → the anchor a target carries when something refers to it, else ""
   * (a target nobody names gets no bookmark).
   */
  doel: (kind: unknown, id: unknown, options: unknown) => {
    const t = indexOf(options)[`${String(kind)}:${String(id)}`];
    return t?.referenced ? t.anchor : "";
  },
  /** `{{verwijsNaar "bijlage" ids}}` → "bijlage 2 en 3" (each a cross-reference), for a beslispunt's bijlagen. */
  verwijsNaar: (kind: unknown, ids: unknown, options: unknown) => {
    const refs = resolverOf(options);
    const parts = (Array.isArray(ids) ? ids : []).map((id) => refs(String(kind), String(id))).filter((t) => t !== undefined);
    if (parts.length === 0) return "";
    const numbers = parts.map((t) => `<ref to="${Handlebars.Utils.escapeExpression(t.anchor)}">${Handlebars.Utils.escapeExpression(t.number)}</ref>`);
    const joined = numbers.length === 1 ? numbers[0]! : `${numbers.slice(0, -1).join(", ")} en ${numbers[numbers.length - 1]}`;
    return safe(`${Handlebars.Utils.escapeExpression(parts[0]!.word)} ${joined}`);
  },
  /** True for a section written as `leeg`. */
  leeg: (value: unknown) => value === EMPTY,
  /** A board in running text, with its own article: "het algemeen bestuur", "de auditcommissie", "de raad". */
  deOrgaan: (name: unknown) => withArticle(String(name ?? "")),
  /** The same at the start of a sentence: "Het algemeen bestuur", "De auditcommissie". */
  DeOrgaan: (name: unknown) => withArticleCapitalised(String(name ?? "")),
  /** A board's name inside a sentence, without article, in its own capitals: "algemeen bestuur", "Provinciale Staten". */
  orgaanNaam: (name: unknown) => boardName(String(name ?? "")),
  /** First letter in lower case: "Algemeen bestuur" → "algemeen bestuur". */
  lcfirst: (text: unknown) => {
    const s = String(text ?? "");
    return s.charAt(0).toLowerCase() + s.slice(1);
  },
  /**
   * `{{bijlagenummer @index}}` → 1, 2, 3; in a proposal stamped for a meeting, numbered after
   * its agenda item: 5-1, 5-2.
   */
  bijlagenummer: (index: unknown, options: unknown) => stampedNumber((options as StampRoot).data?.root?.agenda, Number(index)),
  /**
   * `{{waarde this}}` → a field of a document type (see `documenttype`) printed on one line by
   * its kind: a date in the house style's notation, an amount as "€ 1.250,50", a person with a
   * mail link, the bijlagen numbered.
   */
  waarde: (field: unknown, options: unknown) => {
    const root = (options as StampRoot & { data?: { root?: { huisstijl?: { datumnotatie?: string } } } }).data?.root;
    const numeric = root?.huisstijl?.datumnotatie === "numeriek";
    return safe(
      printValue(field as Printable, {
        date: (iso) => formatDate(iso, numeric ? "numeric" : "long"),
        bijlagenummer: (i) => stampedNumber(root?.agenda, i),
        target: (kind, id) => {
          const t = indexOf(options)[`${kind}:${String(id)}`];
          return t?.referenced ? t.anchor : "";
        },
        refs: resolverOf(options),
      }),
    );
  },
  /** A start time: "15:30" → "15:30 uur"; words ("na afloop van …") as they are. */
  tijd: (time: unknown) => {
    const t = String(time ?? "");
    return /^\d{1,2}[:.]\d{2}$/.test(t) ? `${t} uur` : t;
  },
  /** `{{inc @index}}` → 1-based number. */
  inc: (n: unknown) => Number(n) + 1,
  eq: (a: unknown, b: unknown) => a === b,
  /** True when a value is a list (a beslispunt with sub-points is not plain text). */
  isText: (v: unknown) => typeof v === "string",
  /** `{{#if (and a b)}}` */
  and: (...all: unknown[]) => args(all).every(Boolean),
  /** `{{#if (or a b)}}` */
  or: (...all: unknown[]) => args(all).some(Boolean),
  /** Number format of the level below: 1 → a → i → 1. */
  sublevel: (type: unknown) => ({ "1": "a", a: "i", i: "1" })[String(type)] ?? "1",
  /** Column widths for `data-widths`: the numbers given, space-separated. */
  widths: (...all: unknown[]) => args(all).join(" "),
};
