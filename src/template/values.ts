import Handlebars from "handlebars";
import { markdownBlocks, markdownInline, type ReferenceResolver } from "../markdown/markdown.js";
import type { Soort } from "../model/declaration.js";

/**
 * A field's value as printed on one line (a line of the gegevens block, a table cell, a list
 * item), by its kind: the markup for `{{waarde this}}`. Pure; text is escaped as Handlebars
 * escapes it, so a value prints the same whether a template or this writes it.
 */
export interface Printable {
  readonly soort: Soort;
  readonly waarde: unknown;
  readonly opmaak?: boolean;
  /** A list's elements, each printable by its own kind (see type-view.ts). */
  readonly elementen?: readonly Printable[];
}

export interface PrintContext {
  readonly date: (iso: string) => string;
  /** The number of the bijlage at `index` (5-1 in a proposal stamped for agenda item 5). */
  readonly bijlagenummer: (index: number) => string;
  /** The anchor of a target that something refers to (see src/render/references.ts), else "". */
  readonly target: (kind: string, id: unknown) => string;
  /** Cross-references in text, printed as their targets are numbered. */
  readonly refs?: ReferenceResolver;
}

const esc = (s: unknown): string => Handlebars.Utils.escapeExpression(String(s));
const obj = (x: unknown): Record<string, unknown> => (x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {});

/** 1234567.5 → "1.234.567,5": Dutch grouping and decimal comma, by hand (no locale data involved). */
export function dutchNumber(n: number, decimals?: number): string {
  const fixed = decimals === undefined ? String(Math.abs(n)) : Math.abs(n).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${n < 0 ? "-" : ""}${grouped}${fraction ? `,${fraction}` : ""}`;
}

const PRINT: Readonly<Record<Soort, (v: unknown, p: Printable, c: PrintContext) => string>> = {
  tekst: (v, p, c) => (p.opmaak ? markdownInline(String(v), c.refs) : esc(v)),
  proza: (v, _p, c) => markdownBlocks(String(v), c.refs),
  datum: (v, _p, c) => esc(c.date(String(v))),
  keuze: (v) => esc(v),
  janee: (v) => (v === true || v === "ja" ? "ja" : "nee"),
  getal: (v) => esc(typeof v === "number" ? dutchNumber(v) : v),
  bedrag: (v) => esc(typeof v === "number" ? `€ ${dutchNumber(v, Number.isInteger(v) ? undefined : 2)}` : v),
  persoon: (v) => {
    const p = obj(v);
    const parts = [p.naam, p.functie, p.afdeling].filter((x) => typeof x === "string").map(esc);
    if (typeof p.email === "string") parts.push(`<a href="mailto:${esc(p.email)}">${esc(p.email)}</a>`);
    if (typeof p.telefoon === "string") parts.push(esc(p.telefoon));
    return parts.join(", ");
  },
  bijlagen: (v, _p, c) => {
    const list = Array.isArray(v) ? v.map(obj) : [];
    if (list.length === 0) return "geen";
    // A bijlage printed only here (no content of its own) is the target of references to it.
    const numbered = (b: Record<string, unknown>, i: number) => {
      const anchor = b.inhoud ? "" : c.target("bijlage", b.id);
      return anchor ? `<target id="${esc(anchor)}">${esc(c.bijlagenummer(i))}</target>` : c.bijlagenummer(i);
    };
    return list.map((b, i) => `${numbered(b, i)}. ${esc(b.titel)}${typeof b.registratienummer === "string" ? ` (${esc(b.registratienummer)})` : ""}${b.besloten === true ? " (besloten)" : ""}`).join("<br>");
  },
  lijst: (v, p, c) => (p.elementen ? p.elementen.map((e) => printValue(e, c)) : Array.isArray(v) ? v.map((e) => (typeof e === "object" ? printObject(e) : esc(e))) : []).join("<br>"),
  groep: (v) => printObject(v),
  tabel: (v) => esc(Array.isArray(v) ? `${v.length} rijen` : ""),
  rijen: (v) => esc(Array.isArray(v) ? `${v.length} rijen` : ""),
  ondertekening: (v) => (Array.isArray(v) ? v.map((s) => printObject(s)).join("<br>") : ""),
  beslispunten: () => "",
  regeling: () => "",
  besluit: () => "",
};

/** A mapping on one line: its values in order, separated by commas (a version, an element of a list). */
function printObject(v: unknown): string {
  return Object.values(obj(v))
    .filter((x) => x !== null && x !== undefined && typeof x !== "object")
    .map(esc)
    .join(", ");
}

export function printValue(p: Printable, c: PrintContext): string {
  if (p.waarde === null || p.waarde === undefined) return "";
  return PRINT[p.soort](p.waarde, p, c);
}
