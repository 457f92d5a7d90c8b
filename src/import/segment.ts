import type { DeclaredType } from "../kinds/type-declarations.js";
import type { Field } from "../model/compile-type.js";
import render from "dom-serializer";
import { Element } from "domhandler";
import { escapeHtml } from "../markdown/markdown.js";
import { blocksOf, headingLike, nameLike, textOf, type Block, type TableBlock } from "./blocks.js";
import { bestMatch, namesOf, normalise } from "./labels.js";
import { FORMULA_PARTS } from "./sections.js";
import { targetId } from "./to-markdown.js";

/**
 * The document's blocks, divided: the front matter (title and gegevens, before the first
 * section), the sections of the type (by their headings, and by what stands in them: a table
 * with a field's columns, a signature, the lead sentence of the beslispunten), and the
 * appendices ("Bijlage 1: …"). Each way a block can be claimed is one rule below; the first
 * rule that claims a block decides where it goes, else it stays where the reading is.
 */
export interface Section {
  readonly field: Field;
  /** The paragraph number where it starts (for placing stray text nearest to it). */
  readonly at: number;
  readonly blocks: Block[];
}

export interface Appendix {
  readonly at: Block;
  readonly number?: string;
  readonly titel: string;
  readonly id?: string;
  readonly blocks: Block[];
}

export interface Segments {
  readonly title?: string;
  readonly front: Block[];
  readonly sections: Section[];
  readonly appendices: Appendix[];
  /** Headings that fit no section: reported, their text stays with the section before them. */
  readonly unmatched: Block[];
}

/** The state of the reading: where the next block goes unless a rule claims it. */
interface Reading {
  readonly type: DeclaredType;
  readonly blocks: readonly Block[];
  readonly out: Segments & { title?: string };
  /** The type is a besluit whose fields are the formula's parts: the formula claims its blocks, not these rules. */
  readonly formulaType: boolean;
  section?: Section;
  appendix?: Appendix;
  /** The heading level the sections' headings have in this document. */
  sectionLevel: number;
}

/** `i`: the block's place in the document (for looking at the block after it). */
type Rule = (b: Block, r: Reading, i: number) => boolean;

const BIJLAGE = /^bijlage\s*(\d+|[A-Z])?\s*(?:[:.\-–—]\s*|\s+)(.*)$/i;
/** The sentence that introduces the points when there is no heading for them. */
const LEAD = /(?:wordt|worden) (?:verzocht|voorgesteld)|stel(?:t|len|le)? .*voor .*te besluiten|voorgesteld (?:besluit|wordt)|gevraagd besluit|besluit\w*\s*:\s*$/i;
const GREETING = /^met (?:vriendelijke|hoogachtende) groet/i;

const sectionFor = (r: Reading, field: Field, at: number): Section => {
  let section = r.out.sections.find((s) => s.field === field);
  if (!section) r.out.sections.push((section = { field, at, blocks: [] }));
  return section;
};

/** The fields of a group, as names a sub-heading can match. */
const groupFields = (f: Field | undefined) =>
  f?.soort === "groep" ? Object.entries(f.velden ?? {}).flatMap(([key, d]) => (d === "weg" ? [] : [{ key, label: d.label ?? key, ook: d.ook }])) : [];

/** Inside a besluit a bold line is part of its formula ("besluit:"), not a section of the proposal. */
const inFormula = (r: Reading): boolean => {
  const f = r.section?.field;
  return f !== undefined && (f.soort === "besluit" || (f.soort === "groep" && Object.keys(f.velden ?? {}).some((k) => k in FORMULA_PARTS)));
};

/** The first row of the table names at least two of the field's columns, and half of its cells do. */
function columnsMatch(t: TableBlock, f: Field): boolean {
  const columns = typeof f.kolommen === "object" && !Array.isArray(f.kolommen) ? Object.entries(f.kolommen).map(([key, d]) => ({ key, label: d.label ?? key, ook: d.ook })) : [];
  const first = t.rows[0] ?? [];
  const named = first.filter((c) => bestMatch(textOf(c), columns, namesOf) !== undefined).length;
  return named >= 2 && named * 2 >= first.length;
}

const RULES: readonly Rule[] = [
  // The Title style: the document's title.
  function title(b, r) {
    if (b.type !== "heading" || b.level !== 0) return false;
    r.out.title ??= b.text;
    return true;
  },
  // A sub-heading of the group being read (consequenties: Financieel) stays in it.
  function groupHeading(b, r) {
    if (!r.section || !nameLike(b) || !bestMatch(b.text, groupFields(r.section.field), namesOf)) return false;
    r.section.blocks.push(b);
    return true;
  },
  // "Bijlage 2: Titel" starts an appendix.
  function appendixHeading(b, r) {
    const m = headingLike(b) ? BIJLAGE.exec(b.text) : null;
    if (!m || (b.type !== "heading" && !m[2])) return false;
    const id = targetId([b.el], "bijlage");
    r.section = undefined;
    r.appendix = { at: b, ...(m[1] && { number: m[1] }), titel: m[2]?.trim() || b.text, ...(id && { id }), blocks: [] };
    r.out.appendices.push(r.appendix);
    return true;
  },
  // A heading that names a section of the type starts (or continues) that section.
  function sectionHeading(b, r) {
    if (!nameLike(b) || (inFormula(r) && b.type !== "heading")) return false;
    // "besluit:" in bold is the formula's lead to the dictum, not a heading.
    if (b.type === "paragraph" && /^besl\w*\s*:$/i.test(b.text.trim())) return false;
    const field = bestMatch(b.text, r.type.secties, namesOf);
    if (!field) return false;
    r.appendix = undefined;
    r.section = sectionFor(r, field, b.n);
    if (b.type === "heading") r.sectionLevel = b.level;
    return true;
  },
  // A heading that fits no section is reported; it stays, as text, where it stands.
  function unmatchedHeading(b, r) {
    if (!headingLike(b) || !(r.section || r.appendix)) return false;
    const looksLikeHeading =
      b.type === "heading" ? b.level <= r.sectionLevel : /^(?:\d+(?:\.\d+)*\.?\s|[^a-z]*$)/.test(b.text) && b.text.split(/\s+/).length <= 8 && !/[.;]$/.test(b.text);
    if (looksLikeHeading) r.out.unmatched.push(b);
    return false;
  },
  // A table whose header names another field's columns (afstemming under the beslispunten) is that field's, with its caption.
  function tableByColumns(b, r, i) {
    const next = r.blocks[i + 1];
    const table = b.type === "table" ? b : b.type === "paragraph" && b.caption && next?.type === "table" ? next : undefined;
    if (!table || r.appendix) return false;
    const owner = r.type.secties.find((f) => f !== r.section?.field && f.soort === "rijen" && columnsMatch(table, f));
    if (!owner) return false;
    sectionFor(r, owner, b.n).blocks.push(b);
    return true;
  },
  // A signature starts at its greeting or formula ("Met vriendelijke groet,", "Burgemeester en wethouders van …,") or its caption.
  function signature(b, r) {
    if (b.type !== "paragraph" || r.formulaType || r.appendix) return false;
    const field = r.type.secties.find(
      (f) => f.soort === "ondertekening" && (GREETING.test(b.text) || (/,\s*$/.test(b.text) && normalise(b.text).startsWith(normalise(f.label))) || (b.caption && bestMatch(b.text, [f], namesOf))),
    );
    if (!field) return false;
    r.section = sectionFor(r, field, b.n);
    r.section.blocks.push(b);
    return true;
  },
  // The beslispunten's own sentence ("… wordt verzocht:") starts them where no heading did.
  function leadSentence(b, r) {
    if (b.type !== "paragraph" || r.appendix || r.formulaType || !LEAD.test(b.text) || !/:\s*$/.test(b.text)) return false;
    const points = r.type.secties.find((f) => f.soort === "beslispunten");
    if (!points || r.out.sections.some((s) => s.field === points)) return false;
    r.section = sectionFor(r, points, b.n);
    return false;
  },
];

/**
 * Many forms are one big table: a label in the left column ("Onderwerp", "Voorstel",
 * "Argumenten"), the text in the right. Such a table (one whose left column names sections of the
 * type) is read as the headings and paragraphs it stands for; its rows of gegevens as lines
 * "Label<tab>value".
 */
export function unwrapFormTables(type: DeclaredType, blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) => {
    if (b.type !== "table" || !b.rows.every((r) => r.length === 2)) return [b];
    const labels = b.rows.map((r) => textOf(r[0]!).trim().replace(/:$/, ""));
    if (!labels.some((l) => bestMatch(l, type.secties, namesOf))) return [b];
    return b.rows.flatMap(([label, cell], i): Block[] => {
      if (bestMatch(labels[i]!, type.secties, namesOf) || BIJLAGE.test(labels[i]!)) {
        const heading = blocksOf(`<h1>${escapeHtml(labels[i]!)}</h1>`)[0]!;
        return [heading, ...blocksOf(render(cell!.children))].map((x) => ({ ...x, n: b.n }));
      }
      const line = blocksOf(`<p>${escapeHtml(labels[i]!)}\t${render(cell!.children.flatMap((c) => (c.type === "tag" && c.name === "p" ? [...c.children, new Element("br", {})] : [c])))}</p>`);
      return line.map((x) => ({ ...x, n: b.n }));
    });
  });
}

export function segment(type: DeclaredType, blocks: readonly Block[], formulaType: boolean): Segments {
  const r: Reading = { type, blocks, formulaType, out: { front: [], sections: [], appendices: [], unmatched: [] }, sectionLevel: 1 };
  for (const [i, b] of blocks.entries()) {
    if (RULES.some((rule) => rule(b, r, i))) continue;
    (r.appendix?.blocks ?? r.section?.blocks ?? r.out.front).push(b);
  }
  return r.out;
}
