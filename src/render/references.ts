import { numberedItemTargets, REFERENCE } from "../markdown/markdown.js";
import type { DocumentType } from "../model/compile-type.js";
import { alphabetic, roman } from "../util/counters.js";

/**
 * The targets a document's cross-references can name, with what a reference to each prints now:
 * its word and its current number ("bijlage" "7-2" in a proposal stamped as agenda item 7,
 * "beslispunt" "2b"), and the anchor its target carries. Pure.
 */
export interface ReferenceTarget {
  readonly word: string;
  readonly number: string;
  readonly anchor: string;
  /** Whether some reference names it: only then does the target carry its anchor (a bookmark). */
  readonly referenced: boolean;
}

/** Keyed "kind:id": "bijlage:begroting", "beslispunt:kosten". */
export type ReferenceIndex = Readonly<Record<string, ReferenceTarget>>;

/** The kinds of target a document of `type` has: the fixed ones, and the names its prose fields give their numbered items. */
export const referenceKindsOf = (type: DocumentType): string[] => [...PROPOSAL_REFERENCE_KINDS, ...type.secties.flatMap((f) => (f.verwijzing ? [f.verwijzing] : []))];

/** The kinds of target a proposal's references name. */
export const PROPOSAL_REFERENCE_KINDS = ["bijlage", "beslispunt", "artikel", "lid", "sectie"] as const;

/** "tweede lid": the ordinal words regelgeving writes a lid's number in. */
const ORDINALS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende", "elfde", "twaalfde"];
const ordinal = (n: number): string => ORDINALS[n - 1] ?? `${n}e`;

/** An id on a target, where it is in the data, and what it is. */
export interface DeclaredTarget {
  /** What it is: bijlage, beslispunt, artikel, punt (an agenda item). */
  readonly what: string;
  readonly id: string;
  readonly number: string;
  readonly path: readonly (string | number)[];
}

const obj = (x: unknown): Record<string, unknown> => (x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** Beslispunt numbers as the lists print them: 1 → a → i, written together: "2", "2b", "2b.ii". */
const LEVEL: readonly ((n: number, top: string) => string)[] = [
  (n, top) => (top === "a" ? alphabetic(n) : top === "i" ? roman(n) : String(n)),
  (n) => alphabetic(n),
  (n) => `.${roman(n)}`,
];

/**
 * The targets a document of `type` declares with an `id`: its bijlagen (numbered as `bijlage`
 * says, e.g. as the agenda numbers them) and its beslispunten at every level.
 */
export function declaredTargets(type: DocumentType, value: Record<string, unknown>, bijlageNumber: (index: number) => string): DeclaredTarget[] {
  const out: DeclaredTarget[] = [];
  // Each section by its field's name: a reference prints its heading ("zie Argumenten").
  for (const f of type.secties) out.push({ what: "sectie", id: f.key, number: f.label, path: [] });
  // The numbered items of a prose field that names them (`verwijzing: argument`): "argument 2".
  for (const f of type.secties) {
    const text = value[f.key];
    if (f.soort === "proza" && f.verwijzing && typeof text === "string") for (const t of numberedItemTargets(text)) out.push({ what: f.verwijzing, id: t.id, number: t.number, path: [f.key] });
  }
  for (const f of [...type.gegevens, ...type.secties]) {
    if (f.soort === "bijlagen") {
      list(value[f.key]).forEach((b, i) => {
        const id = obj(b).id;
        if (typeof id === "string") out.push({ what: "bijlage", id, number: bijlageNumber(i), path: [f.key, i, "id"] });
      });
    }
    if (f.soort === "regeling") {
      // Numbered through the whole regeling, as it is printed (see type-view.ts).
      const r = obj(value[f.key]);
      let n = 0;
      const artikelen = (arts: unknown, path: (string | number)[]) =>
        list(arts).forEach((a, i) => {
          n += 1;
          const id = obj(a).id;
          if (typeof id === "string") out.push({ what: "artikel", id, number: String(n), path: [...path, i, "id"] });
          // A lid by its article and place: "artikel 3, tweede lid".
          list(obj(a).leden).forEach((l, j) => {
            const lidId = obj(l).id;
            if (typeof lidId === "string") out.push({ what: "lid", id: lidId, number: `artikel ${n}, ${ordinal(j + 1)} lid`, path: [...path, i, "leden", j, "id"] });
          });
        });
      list(r.hoofdstukken).forEach((h, i) => {
        list(obj(h).paragrafen).forEach((p, j) => artikelen(obj(p).artikelen, [f.key, "hoofdstukken", i, "paragrafen", j, "artikelen"]));
        artikelen(obj(h).artikelen, [f.key, "hoofdstukken", i, "artikelen"]);
      });
      artikelen(r.artikelen, [f.key, "artikelen"]);
    }
    if (f.soort === "beslispunten") {
      const top = f.nummering ?? "1";
      const walk = (punten: unknown[], prefix: string, depth: number, path: (string | number)[]) =>
        punten.forEach((p, i) => {
          const number = `${prefix}${(LEVEL[Math.min(depth, LEVEL.length - 1)] ?? LEVEL[0]!)(i + 1, top)}`;
          const o = obj(p);
          if (typeof o.id === "string") out.push({ what: "beslispunt", id: o.id, number, path: [...path, i, "id"] });
          walk(list(o.subpunten), number, depth + 1, [...path, i, "subpunten"]);
        });
      walk(list(obj(value[f.key]).beslispunten), "", 0, [f.key, "beslispunten"]);
    }
  }
  return out;
}

/** Every reference written in the data: its kind, id, and the path of the text it is in. */
export function writtenReferences(value: unknown, path: (string | number)[] = []): { kind: string; id: string; raw: string; path: (string | number)[] }[] {
  if (typeof value === "string") return [...value.matchAll(REFERENCE)].map((m) => ({ kind: m[1]!.toLowerCase(), id: m[2]!, raw: m[0], path }));
  if (Array.isArray(value)) return value.flatMap((v, i) => writtenReferences(v, [...path, i]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => writtenReferences(v, [...path, k]));
  return [];
}

/** The word before a target's number; a section is named by its heading alone. */
const WORDS: Readonly<Record<string, string>> = { punt: "agendapunt", sectie: "", lid: "" };

/** The index templates get as `verwijzingen`. */
export function referenceIndex(targets: readonly DeclaredTarget[], value: unknown): ReferenceIndex {
  const named = new Set(writtenReferences(value).map((r) => `${r.kind}:${r.id}`));
  const index: Record<string, ReferenceTarget> = {};
  for (const t of targets) {
    const key = `${t.what}:${t.id}`;
    index[key] = { word: WORDS[t.what] ?? t.what, number: t.number, anchor: `${t.what}-${t.id}`, referenced: named.has(key) || referencedByBeslispunt(value, t) };
  }
  return index;
}

/** A beslispunt's `bijlagen` list names bijlagen too (they are printed with it). */
function referencedByBeslispunt(value: unknown, t: DeclaredTarget): boolean {
  if (t.what !== "bijlage") return false;
  const found = (v: unknown): boolean =>
    Array.isArray(v) ? v.some(found) : v !== null && typeof v === "object" ? (Array.isArray(obj(v).bijlagen) && obj(v).tekst !== undefined && list(obj(v).bijlagen).includes(t.id)) || Object.values(v).some(found) : false;
  return found(value);
}
