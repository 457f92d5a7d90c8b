import { Text, type Element } from "domhandler";
import { fieldOf, type Field } from "../model/compile-type.js";
import type { Soort } from "../model/declaration.js";
import { defaultAanhef } from "../render/type-view.js";
import { elements } from "../readers/dom.js";
import { nameLike, textOf, type Block, type TableBlock } from "./blocks.js";
import { bestMatch, namesOf, normalise } from "./labels.js";
import { inlineMarkdownOf, markdownOf, targetId } from "./to-markdown.js";
import { parseValue } from "./values.js";
import { hasFormula, readFormula, type Formula } from "./formula.js";
import { t } from "../i18n/i18n.js";

/**
 * A section's blocks (what stands under its heading) → the value of its field, by the field's
 * kind: one handler per kind. What a handler cannot place is handed back as `rest`, and the
 * caller puts it in the nearest section that takes text: nothing is dropped.
 */
export interface Placed {
  /** Undefined when the section holds nothing. */
  readonly value?: unknown;
  readonly rest: readonly Block[];
  readonly notes: readonly { readonly block: Block; readonly message: string }[];
}

export interface SectionContext {
  /** The document's orgaan, for the standard aanhef of beslispunten. */
  readonly orgaan?: string;
  /** The document's organisatie: a besluit's aanhef that names it is the template's. */
  readonly organisatie?: string;
}

type Handler = (blocks: readonly Block[], field: Field, cx: SectionContext) => Placed;

const nothing = (blocks: readonly Block[]): Placed => ({ rest: blocks, notes: [] });
const empty = (field: Field): unknown => (field.leeg ? "leeg" : undefined);

/** Prose: paragraphs and lists as Markdown; a sub-heading as `#` where the field takes headings, else bold. */
const proza: Handler = (blocks, field) => {
  const notes: Placed["notes"][number][] = [];
  const parts: string[] = [];
  for (const b of blocks) {
    if (b.type === "heading") parts.push(field.koppen ? `# ${b.text}` : `**${b.text}**`);
    else if (b.type === "table") {
      // Prose has no tables: each row a line, cells separated by a bar.
      parts.push(b.rows.map((r) => r.map((c) => inlineMarkdownOf(c.children)).join(" | ")).join("\\\n"));
      notes.push({ block: b, message: t("import.note.tableInProse", { label: field.label }) });
    } else parts.push(markdownOf([b.el], field.verwijzing));
  }
  const text = parts.filter((p) => p.length > 0).join("\n\n");
  return { value: text || empty(field), rest: [], notes };
};

/** A one-line value (a date, a choice…) given as a section: its text, parsed by its kind. */
const waarde: Handler = (blocks, field) => {
  const text = blocks.map((b) => b.text).join("\n").trim();
  if (!text) return { value: empty(field), rest: [], notes: [] };
  const parsed = parseValue(text, field);
  if (parsed) return { value: parsed.value, rest: [], notes: [] };
  return { rest: blocks, notes: [{ block: blocks[0]!, message: t("import.note.notOfKind", { text: text.slice(0, 60), soort: field.soort, label: field.label }) }] };
};

/** "1.", "2)", "a.", "b)", "i.", "ii)": a number typed by hand, and the level its kind means. */
const TYPED = /^\s*(?:(\d{1,2})|([a-z])|(i{1,3}|iv|v|vi{0,3}|ix|x)|([IVX]{1,4}))\\?[.)]\s+/;
const typedLevel = (text: string): number | undefined => {
  const m = TYPED.exec(text);
  if (!m) return undefined;
  // "I. … II. …" (a dictum's points) and "1. …" are the top level; letters below them, then i, ii.
  return m[1] || m[4] ? 1 : m[3] && !/^[a-h]$/.test(m[3]) ? 3 : 2;
};

interface Point {
  id?: string;
  tekst: string;
  subpunten?: Point[];
  slottekst?: string;
}

/** A list item → a beslispunt: its text, its id (a bookmark), its sub-list, text after the sub-list. */
function pointOf(li: Element): Point {
  const kids = li.children;
  const sub = elements(kids).findIndex((e) => e.name === "ol" || e.name === "ul");
  const own = sub < 0 ? kids : kids.slice(0, kids.indexOf(elements(kids)[sub]!));
  const after = sub < 0 ? [] : kids.slice(kids.indexOf(elements(kids)[sub]!) + 1);
  const id = targetId(own, "beslispunt");
  const point: Point = { ...(id && { id }), tekst: inlineMarkdownOf(own) };
  const list = sub < 0 ? undefined : elements(kids)[sub]!;
  if (list) point.subpunten = elements(list.children).filter((e) => e.name === "li").map(pointOf);
  const closing = inlineMarkdownOf(after);
  if (closing) point.slottekst = closing;
  return point;
}

const simplest = (p: Point): unknown => (Object.keys(p).length === 1 ? p.tekst : { ...p, ...(p.subpunten && { subpunten: p.subpunten.map(simplest) }) });

/**
 * Beslispunten: the lead sentence, then the points, from Word's list numbering or typed by hand
 * ("1.", "a.", "i."), nested either way.
 */
const beslispunten: Handler = (blocks, field, cx) => {
  const points: Point[] = [];
  const lead: Block[] = [];
  const rest: Block[] = [];
  // The points typed by hand that are open, by level: stack[0] a number, stack[1] a letter, …
  let stack: Point[] = [];
  for (const b of blocks) {
    const level = b.type === "paragraph" ? typedLevel(b.text) : undefined;
    if (b.type === "list") {
      const items = elements(b.el.children).filter((e) => e.name === "li").map(pointOf);
      const parent = stack[stack.length - 1];
      // Word's list right after a typed point that ends in a colon ("… te weten:") is its sub-list.
      if (parent && /:\s*$/.test(parent.tekst)) (parent.subpunten ??= []).push(...items);
      else {
        points.push(...items);
        stack = [];
      }
    } else if (level !== undefined && b.type === "paragraph") {
      const point: Point = { tekst: inlineMarkdownOf(b.el.children).replace(TYPED, "") };
      // A letter with no number above it is a point of its own (a list lettered a, b, c).
      const parent = level > 1 ? stack[Math.min(level, stack.length) - 2] ?? stack[stack.length - 1] : undefined;
      if (parent && parent !== point) (parent.subpunten ??= []).push(point);
      else points.push(point);
      stack = parent ? [...stack.slice(0, stack.indexOf(parent) + 1), point] : [point];
    } else if (points.length === 0 && b.type === "paragraph") lead.push(b);
    else if (b.type === "paragraph" && !stack.length && rest.length === 0 && points[points.length - 1]?.subpunten && !points[points.length - 1]!.slottekst) {
      // A sentence right after a point's sub-list closes that point ("een en ander …").
      points[points.length - 1]!.slottekst = inlineMarkdownOf(b.el.children);
    }
    else if (b.type === "paragraph" && stack[0]?.subpunten && rest.length === 0 && !stack[0].slottekst) {
      // A sentence right after typed sub-points closes the point they belong to.
      stack[0].slottekst = inlineMarkdownOf(b.el.children);
    } else rest.push(b);
  }
  if (points.length === 0) return { value: empty(field), rest: blocks, notes: [] };
  // The sentence before the points is the aanhef (the last one, ending in a colon); earlier text is prose.
  const aanhefBlock = lead.length ? lead[lead.length - 1] : undefined;
  const aanhef = aanhefBlock ? inlineMarkdownOf(aanhefBlock.el.children) : undefined;
  const standard = defaultAanhef(field, cx.orgaan);
  const value = { ...(aanhef && aanhef !== standard && { aanhef }), beslispunten: points.map(simplest) };
  return { value, rest: [...lead.slice(0, -1), ...rest], notes: [] };
};

/** The first row of a table is its header when its cells name the columns (or Word marks it). */
function headerOf(t: TableBlock, columns: readonly string[][]): boolean {
  const first = t.rows[0] ?? [];
  if (t.head) return true;
  const named = first.filter((c) => columns.some((names) => bestMatch(textOf(c), [names], (n) => n) !== undefined)).length;
  return named > 0 && named >= Math.ceil(first.length / 2);
}

const cellText = (c: Element, f: Field): string => (f.opmaak ? inlineMarkdownOf(c.children) : textOf(c).trim().replace(/\n+/g, " "));

/** Rows with typed columns (afstemming: met, datum, standpunt): cells by the header's column names. */
const rijen: Handler = (blocks, field) => {
  const columns = Object.entries(typeof field.kolommen === "object" && !Array.isArray(field.kolommen) ? field.kolommen : {}).map(([k, d]) => fieldOf(k, d));
  const table = blocks.find((b): b is TableBlock => b.type === "table");
  const notes: Placed["notes"][number][] = [];
  const rest = blocks.filter((b) => b !== table && !isOwnCaption(b, field));
  if (!table) return rowsFromParagraphs(rest, field, columns);
  const hasHeader = headerOf(table, columns.map((c) => namesOf(c)));
  const header = hasHeader ? table.rows[0]!.map((c) => bestMatch(textOf(c), columns, namesOf)) : columns;
  const rows = table.rows.slice(hasHeader ? 1 : 0).map((cells) => {
    const row: Record<string, unknown> = {};
    cells.forEach((c, i) => {
      const col = header[i];
      const text = cellText(c, col ?? field);
      if (!col) {
        if (text) notes.push({ block: table, message: t("import.note.extraColumn", { label: field.label, text: text.slice(0, 40) }) });
        const last = columns[columns.length - 1]!;
        row[last.key] = [row[last.key], text].filter(Boolean).join(" ");
        return;
      }
      if (!text) return;
      const parsed = parseValue(text, col);
      if (!parsed) notes.push({ block: table, message: t("import.note.cellNotOfKind", { text: text.slice(0, 40), soort: col.soort, column: col.label }) });
      row[col.key] = parsed && col.soort !== "tekst" ? parsed.value : text;
    });
    return row;
  });
  return { value: rows.length ? rows : empty(field), rest, notes };
};

/**
 * Rows printed as text rather than a table (arguments: "**1.1 Het plan sluit aan …**" and their
 * explanation below): each bold line a row, its number (when a column takes one) and its text in
 * the first text columns, the paragraphs under it in the row's prose column.
 */
function rowsFromParagraphs(blocks: readonly Block[], field: Field, columns: readonly Field[]): Placed {
  const lines = columns.filter((c) => c.soort === "tekst");
  const prose = columns.find((c) => c.soort === "proza");
  const rows: Record<string, unknown>[] = [];
  const rest: Block[] = [];
  for (const b of blocks) {
    if (b.type === "paragraph" && b.emphasised && lines.length) {
      const row: Record<string, unknown> = {};
      const text = inlineMarkdownOf(b.el.children).replace(/^\*\*([\s\S]*)\*\*$/, "$1");
      const number = lines.length > 1 ? /^(\d+(?:\.\d+)*\.?)\s+([\s\S]+)$/.exec(text) : null;
      if (number) {
        row[lines[0]!.key] = number[1]!.replace(/\.$/, "");
        row[lines[1]!.key] = number[2]!;
      } else row[lines[lines.length > 1 ? 1 : 0]!.key] = text;
      rows.push(row);
    } else if (rows.length && prose && b.type !== "table" && b.type !== "heading") {
      const row = rows[rows.length - 1]!;
      row[prose.key] = [row[prose.key], markdownOf([b.el])].filter(Boolean).join("\n\n");
    } else rest.push(b);
  }
  // Every row must have what the columns require, else this was no list of rows.
  const complete = rows.length > 0 && rows.every((r) => columns.every((c) => c.verplicht === false || r[c.key] !== undefined));
  if (!complete) return { value: empty(field), rest: blocks, notes: blocks.length ? [{ block: blocks[0]!, message: t("import.note.noTable", { label: field.label }) }] : [] };
  return { value: rows, rest, notes: [] };
}

const isOwnCaption = (b: Block, field: Field): boolean =>
  b.type === "paragraph" && b.caption && ((field.bijschrift !== undefined && normalise(field.bijschrift) === normalise(b.text)) || bestMatch(b.text, [field], namesOf) !== undefined);

/** A table: fixed columns (rows of cells), or its own header row and rows. */
const tabel: Handler = (blocks, field) => {
  const table = blocks.find((b): b is TableBlock => b.type === "table");
  const rest = blocks.filter((b) => b !== table && !isOwnCaption(b, field));
  if (!table) return { value: empty(field), rest, notes: [] };
  const cells = table.rows.map((r) => r.map((c) => inlineMarkdownOf(c.children)));
  if (Array.isArray(field.kolommen)) {
    const fixed = field.kolommen.map((k) => [normalise(k)]);
    return { value: cells.slice(headerOf(table, fixed) ? 1 : 0), rest, notes: [] };
  }
  return { value: headedTable(table), rest, notes: [] };
};

/**
 * A table with its own header row: the headings as plain text (a table's `kolommen` are no
 * Markdown, and a header row is often bold throughout), the rows' cells as inline Markdown.
 */
export function headedTable(t: TableBlock): { kolommen: string[]; rijen: string[][] } {
  const [head = [], ...rows] = t.rows;
  return { kolommen: head.map((c) => textOf(c).replace(/\s+/g, " ").trim()), rijen: rows.map((r) => r.map((c) => inlineMarkdownOf(c.children))) };
}

/** A list: its items (a Word list, or a line each), each a value of the list's element kind. */
const lijst: Handler = (blocks, field) => {
  const element = fieldOf("element", field.van ?? {});
  const lines = blocks.flatMap((b) => (b.type === "list" ? elements(b.el.children).filter((e) => e.name === "li").map((li) => textOf(li).trim()) : b.type === "paragraph" ? [b.text] : []));
  const values = lines.map((l) => parseValue(l, element)?.value);
  if (values.some((v) => v === undefined)) return { rest: blocks, notes: [{ block: blocks[0]!, message: t("import.note.listLines", { label: field.label, soort: element.soort }) }] };
  return { value: values.length ? values : empty(field), rest: blocks.filter((b) => b.type !== "list" && b.type !== "paragraph"), notes: [] };
};

/**
 * A group (consequenties: financieel, personeel, …): its fields by sub-headings, bold lines or
 * "Financieel: …" or "Datum<tab>…" at the start of a paragraph; each part by its own kind.
 */
const groep: Handler = (blocks, field, cx) => {
  const fields = Object.entries(field.velden ?? {}).flatMap(([k, d]) => (d === "weg" ? [] : [fieldOf(k, d)]));
  const parts = new Map<Field, Block[]>();
  const rest: Block[] = [];
  const notes: Placed["notes"][number][] = [];
  // A draft besluit as a group of its parts (overwegingen, gelet_op, besluit): read by the formula.
  if (hasFormula(blocks) && fields.some((f) => f.key in FORMULA_PARTS)) {
    const formula = readFormula(blocks, cx.organisatie);
    const value: Record<string, unknown> = {};
    for (const f of fields) {
      const part = FORMULA_PARTS[f.key]?.(formula, cx);
      if (part !== undefined) value[f.key] = part;
    }
    return { value, rest: formula.rest, notes };
  }
  let current: Field | undefined;
  for (const b of blocks) {
    const asHeading = nameLike(b) ? bestMatch(b.text, fields, namesOf) : undefined;
    if (asHeading) {
      current = asHeading;
      parts.set(current, parts.get(current) ?? []);
      continue;
    }
    const inline = b.type === "paragraph" ? /^([^:\t\n]{2,40})(?::\s+|\s*\t\s*)(\S[\s\S]*)$/.exec(b.text) : null;
    const labelled = inline ? bestMatch(inline[1]!, fields, namesOf) : undefined;
    if (labelled && b.type === "paragraph") {
      current = labelled;
      const el = withoutLabel(b.el);
      parts.set(current, [...(parts.get(current) ?? []), { ...b, el, text: inline![2]! }]);
      continue;
    }
    if (current) parts.get(current)!.push(b);
    else rest.push(b);
  }
  if (parts.size === 0) return { value: empty(field), rest, notes };
  const value: Record<string, unknown> = {};
  for (const f of fields) {
    const own = parts.get(f);
    if (!own) continue;
    const placed = SECTION[f.soort](own, f, cx);
    if (placed.value !== undefined) value[f.key] = placed.value;
    else if (f.leeg) value[f.key] = "leeg";
    rest.push(...placed.rest);
    notes.push(...placed.notes);
  }
  return { value, rest, notes };
};

/** A paragraph without its "Label:" at the start (the label is the field's). */
function withoutLabel(p: Element): Element {
  const copy = p.cloneNode(true);
  const texts: Text[] = [];
  const collect = (el: Element): void => {
    for (const c of el.children) {
      if (c instanceof Text) texts.push(c);
      else if (c.type === "tag") collect(c);
    }
  };
  collect(copy);
  // Up to and with the colon or tab after the label.
  let left = texts.map((t) => t.data).join("").search(/[:\t]/) + 1;
  for (const t of texts) {
    const cut = Math.min(left, t.data.length);
    left -= cut;
    t.data = t.data.slice(cut);
    if (left > 0) continue;
    t.data = t.data.replace(/^\s+/, "");
    if (t.data) break;
  }
  return copy;
}

/** The dictum's points: numbered (Word's or typed), or one paragraph printed without a number. */
function dictumOf(f: Formula, cx: SectionContext): { aanhef?: string; beslispunten: unknown[] } | undefined {
  // One point without a number, with its sub-points and closing text ("vast te stellen …: a. …, b. …, zoals …").
  const [first, second, third] = f.dictum;
  if (first?.type === "paragraph" && typedLevel(first.text) === undefined && second?.type === "list") {
    const point: Point = { tekst: inlineMarkdownOf(first.el.children), subpunten: elements(second.el.children).filter((e) => e.name === "li").map(pointOf) };
    const closing = third?.type === "paragraph" ? inlineMarkdownOf(third.el.children) : "";
    if (closing) point.slottekst = closing;
    f.rest.push(...f.dictum.slice(closing ? 3 : 2));
    return { ...(f.dictumAanhef && { aanhef: f.dictumAanhef }), beslispunten: [simplest(point)] };
  }
  const placed = beslispunten(f.dictum, fieldOf("besluit", { soort: "beslispunten", aanhef: "besluit:" }), cx);
  const points = (placed.value as { beslispunten?: unknown[] } | undefined)?.beslispunten;
  const firstParagraph = f.dictum.find((b) => b.type === "paragraph");
  f.rest.push(...(points ? placed.rest : f.dictum.filter((b) => b !== firstParagraph)));
  const own = points ?? (firstParagraph ? [inlineMarkdownOf(firstParagraph.el.children)] : []);
  return own.length ? { ...(f.dictumAanhef && { aanhef: f.dictumAanhef }), beslispunten: own } : undefined;
}

/** The parts of the formula, by the names the besluit schema (and a group declaring them) gives them. */
export const FORMULA_PARTS: Readonly<Record<string, (f: Formula, cx: SectionContext) => unknown>> = {
  aanhef: (f) => f.aanhef,
  gelezen: (f) => f.gelezen,
  overwegingen: (f) => (f.overwegingen.length ? f.overwegingen : undefined),
  gehoord: (f) => (f.gehoord.length ? f.gehoord : undefined),
  gelet_op: (f) => (f.gelet_op.length ? f.gelet_op : undefined),
  besluit: (f, cx) => dictumOf(f, cx),
  regeling: (f) => f.regeling,
  plaats: (f) => f.plaats,
  datum: (f) => f.datum,
  ondertekening: (f) => (f.ondertekening.length ? f.ondertekening : undefined),
};

/** A besluit (an ontwerpbesluit, the besluit type's text) by its formula, with the regeling it sets. */
const besluit: Handler = (blocks, field, cx) => {
  if (!hasFormula(blocks)) return notMapped(blocks, field, cx);
  const formula = readFormula(blocks, cx.organisatie);
  const value: Record<string, unknown> = {};
  // The besluit's own parts (its date is the document's, not the formula's).
  for (const [key, part] of Object.entries(FORMULA_PARTS).filter(([k]) => k !== "datum")) {
    const v = part(formula, cx);
    if (v !== undefined) value[key] = v;
  }
  return { value, rest: formula.rest, notes: [] };
};

/** Kinds that are not read field by field: their text goes to the nearest prose, and the report says so. */
const notMapped: Handler = (blocks, field) => ({
  rest: blocks,
  notes: blocks.length ? [{ block: blocks[0]!, message: t("import.note.notMapped", { label: field.label, soort: field.soort }) }] : [],
});

/**
 * Signatures (ondertekening, parafen): a table of functie | naam (| eenheid | datum) by its header,
 * or side by side as a letter is signed: "de secretaris," over "drs. M. Koster" in the next row.
 * The formula before it ("Met vriendelijke groet,", "Burgemeester en wethouders van …,") is the
 * template's, not text of the document.
 */
const SIGNER = [
  { key: "functie", label: "Functie", soort: "tekst" },
  { key: "naam", label: "Naam", soort: "tekst" },
  { key: "eenheid", label: "Eenheid", soort: "tekst", ook: ["Afdeling"] },
  { key: "datum", label: "Datum", soort: "datum" },
] as const satisfies readonly Field[];

const ondertekening: Handler = (blocks, field) => {
  const table = blocks.find((b): b is TableBlock => b.type === "table");
  const formula = (b: Block) => b.type === "paragraph" && (/^met (vriendelijke|hoogachtende) groet/i.test(b.text) || normalise(b.text).startsWith(normalise(field.label)));
  const rest = blocks.filter((b) => b !== table && !isOwnCaption(b, field) && !formula(b));
  if (!table) return { value: empty(field), rest, notes: [] };
  const cells = table.rows.map((r) => r.map((c) => textOf(c).trim().replace(/\s+/g, " ")));
  const columns = (cells[0] ?? []).map((c) => bestMatch(c, SIGNER, namesOf));
  let signers: Record<string, unknown>[];
  if (columns.some((c) => c?.key === "naam")) {
    signers = cells.slice(1).map((row) => Object.fromEntries(row.flatMap((text, i) => {
      const col = columns[i];
      if (!col || !text) return [];
      return [[col.key, col.soort === "datum" ? (parseValue(text, col)?.value ?? text) : text]];
    })));
  } else {
    // Side by side: functions in the first row ("de secretaris,"), names in the second.
    const [functies = [], namen = []] = cells;
    signers = functies.map((f, i) => ({ functie: f.replace(/^(de|het)\s+/i, "").replace(/,\s*$/, ""), naam: namen[i] ?? "" }));
  }
  return { value: signers.length ? signers : empty(field), rest, notes: [] };
};

export const SECTION: Readonly<Record<Soort, Handler>> = {
  proza,
  tekst: waarde,
  datum: waarde,
  keuze: waarde,
  janee: waarde,
  getal: waarde,
  bedrag: waarde,
  persoon: waarde,
  bijlagen: nothing,
  lijst,
  tabel,
  rijen,
  groep,
  beslispunten,
  ondertekening,
  regeling: notMapped,
  besluit,
};

/** Whether a field of this kind takes text that fits nowhere else. */
export const takesText = (soort: Soort): boolean => soort === "proza";
