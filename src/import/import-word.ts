import { join } from "node:path";
import { Element, Text, type ChildNode } from "domhandler";
import { Document, isMap, isScalar, visit } from "yaml";
import { schemaLineOf } from "../kinds/for-editors.js";
import { DEFAULT_TYPE } from "../kinds/registry.js";
import type { DeclaredType } from "../kinds/type-declarations.js";
import { compileField, fieldOf, type Field } from "../model/compile-type.js";
import { placeholder } from "../model/skeleton.js";
import type { Pipeline } from "../pipeline/pipeline.js";
import { DocxReadError } from "../readers/docx-reader.js";
import { ZipPartsError } from "../readers/zip-parts.js";
import { readWordHtml, WordReadError } from "../readers/word-html.js";
import { suggest } from "../validate/suggest.js";
import { escapeHtml } from "../markdown/markdown.js";
import { elements } from "../readers/dom.js";
import { blocksOf, firstWords, textOf, type Block } from "./blocks.js";
import { bestMatch, namesOf, normalise } from "./labels.js";
import { FORMULA_PARTS, headedTable, SECTION, takesText } from "./sections.js";
import { segment, unwrapFormTables, type Section, type Segments } from "./segment.js";
import { hasFormula, readFormula } from "./formula.js";
import { inlineMarkdownOf, markdownOf, targetId } from "./to-markdown.js";
import { parseValue } from "./values.js";
import { t } from "../i18n/i18n.js";
import render from "dom-serializer";

/**
 * `boardpaper import`: a proposal written in Word or LibreOffice (not by us) → a YAML document
 * of a declared type, ready for `check`. The document is read as blocks (src/readers/
 * word-html.ts, blocks.ts); the part before the first section is its gegevens (a table, "Label:
 * value" or tab-separated lines, a memo header), headings — styled, or bold or capitalised lines
 * — start the sections the type declares (labels.ts), each section's blocks become its field's
 * value by the field's kind (sections.ts), "Bijlage N: …" starts an appendix. What fits nowhere
 * goes to the nearest prose section and is reported; a required value not found is a `<<…>>`
 * placeholder, which `check` lists.
 */

/** Something of the Word document that could not be mapped: where it is, and what happened. */
export interface ImportNote {
  /** 1-based number of the paragraph (a list item counts one, a table once); 0 for the document as a whole. */
  readonly paragraph: number;
  /** The first words of that paragraph, to find it in Word. */
  readonly words: string;
  readonly message: string;
}

export interface Imported {
  /** The document type written. */
  readonly type: string;
  /** The YAML document, with `<<…>>` placeholders for required values that were not found. */
  readonly yaml: string;
  readonly notes: readonly ImportNote[];
}

/** A file that cannot be imported at all (not a .docx, damaged, encrypted, hostile): one line. */
export class ImportError extends Error {}

/** A type asked for that the project does not know: the caller's mistake rather than the file's. */
export class UnknownTypeError extends ImportError {}

export interface ImportOptions {
  /** The document type to write; default: the house style's `standaardtype` where `out` lies. */
  readonly type?: string;
  /** Where the YAML will be written (for the house style and the `$schema` line). */
  readonly out?: string;
  /** The .docx's name, for the comment at the top. */
  readonly source?: string;
}

export async function importWord(pipeline: Pipeline, bytes: Uint8Array, opts: ImportOptions = {}): Promise<Imported> {
  if (opts.type !== undefined) namedType(pipeline, opts.type);
  let word;
  try {
    word = await readWordHtml(bytes);
  } catch (e) {
    if (e instanceof DocxReadError || e instanceof WordReadError || e instanceof ZipPartsError) throw new ImportError(e.message);
    // Mammoth's own refusal of a zip that is no Word document (no document part, broken XML).
    throw new ImportError(t("docx.unreadable", { why: e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e) }));
  }
  const type = await typeFor(pipeline, opts, word.keywords);
  const blocks = blocksOf(word.html);
  // The text of a text box (which mammoth leaves out) as a paragraph where the box stood.
  for (const o of word.objects) {
    if (o.what !== "tekstvak" || !o.text || word.html.includes(escapeHtml(o.text.split("\n")[0]!))) continue;
    const at = blocks.findLastIndex((b) => b.n <= o.paragraph) + 1;
    blocks.splice(at, 0, ...blocksOf(o.text.split("\n").map((l) => `<p>${escapeHtml(l)}</p>`).join("")).map((b) => ({ ...b, n: o.paragraph })));
  }
  const reading = new Reading(type, unwrapFormTables(type, blocks));
  for (const o of word.objects) reading.note(o.paragraph, t(o.what === "afbeelding" ? "import.note.image" : "import.note.textBox"));
  reading.read(word.header);
  const kind = pipeline.registry.kindOfType(type.name)!;
  const header = [schemaLineOf(kind, pipeline.host.cwd, opts.out), t("import.header", { source: opts.source ?? t("import.aWordDocument") })];
  return { type: type.name, yaml: reading.yaml(header), notes: reading.notes };
}

/**
 * The type asked for; else the one the document names in its keywords (boardpaper writes its type
 * there, so a document we made comes back as its own type); else the house style's default where
 * the document will be; else ab-voorstel.
 */
async function typeFor(pipeline: Pipeline, opts: ImportOptions, keywords: string): Promise<DeclaredType> {
  const types = pipeline.registry.types;
  if (opts.type !== undefined) return namedType(pipeline, opts.type);
  const byKeyword = types.find((t) => keywords.split(/[\s,;]+/).includes(t.name));
  if (byKeyword) return byKeyword;
  const kind = await pipeline.kindOf({ path: opts.out ?? join(pipeline.host.cwd, "data", "import.yaml") }, "");
  return types.find((t) => kind.types.includes(t.name)) ?? types.find((t) => t.name === DEFAULT_TYPE) ?? types[0]!;
}

function namedType(pipeline: Pipeline, name: string): DeclaredType {
  const types = pipeline.registry.types;
  const named = types.find((t) => t.name === name);
  if (named) return named;
  const hint = suggest(name, types.map((t) => t.name));
  throw new UnknownTypeError(t("import.unknownType", { name, hint: hint ? t("cli.didYouMean", { hint }) : "" }));
}

/** "Label: value", "Label<tab>value", "Label :<tab>value": a gegeven on a line (the value may run on over line breaks). */
const LABEL_LINE = /^([^\t:]{1,60}?)\s*(?:\t+\s*:?|\s*:)\s*(.*)$/s;

/** One import: the blocks, the type, and what is found and noted along the way. */
class Reading {
  readonly notes: ImportNote[] = [];
  private readonly values = new Map<string, unknown>();
  private readonly segments: Segments;
  /** Blocks no field took, to place in the nearest prose section. */
  private readonly stray: Block[] = [];
  /** Text no field can take (a type without prose): written as comments at the end. */
  private readonly unplaced: string[] = [];

  /** The type is a besluit whose formula's parts are its own fields: the formula reads them (see readFormula). */
  private readonly formulaType: boolean;
  /** The gegevens a label can name: the type's, then the fields of its groups ("Datum" → versie.datum). */
  private readonly gegevens: readonly Field[];

  constructor(
    private readonly type: DeclaredType,
    private readonly blocks: readonly Block[],
  ) {
    this.formulaType = [...type.gegevens, ...type.secties].filter((f) => f.key in FORMULA_PARTS && f.key !== "plaats" && f.key !== "datum").length >= 2;
    this.gegevens = [
      ...type.gegevens,
      ...type.gegevens.flatMap((g) =>
        g.soort === "groep" ? Object.entries(g.velden ?? {}).flatMap(([k, d]) => (d === "weg" ? [] : [{ ...fieldOf(k, d), key: `${g.key}.${k}` }])) : [],
      ),
    ];
    this.segments = segment(type, blocks, this.formulaType);
    for (const b of this.segments.unmatched) this.noteAt(b, t("import.note.unmatchedHeading"));
  }

  private get sections(): readonly Section[] {
    return this.segments.sections;
  }

  note(paragraph: number, message: string): void {
    const block = this.blocks.find((b) => b.n === paragraph);
    this.notes.push({ paragraph, words: block ? firstWords(block.text) : "", message });
  }

  private noteAt(block: Block, message: string): void {
    this.notes.push({ paragraph: block.n, words: firstWords(block.text), message });
  }

  read(pageHeader: readonly string[]): void {
    this.readFront(pageHeader);
    this.readFormula();
    this.readSections();
    this.readAppendices();
    this.placeStray();
  }


  /** Set a gegeven; `group.field` within its group. */
  private set(key: string, value: unknown): void {
    const [group, sub] = key.split(".");
    if (sub === undefined) this.values.set(key, value);
    else {
      const own = this.values.get(group!);
      this.values.set(group!, { ...(own && typeof own === "object" ? own : {}), [sub]: value });
    }
  }

  private has(key: string): boolean {
    const [group, sub] = key.split(".");
    const own = this.values.get(group!);
    return sub === undefined ? own !== undefined : own !== null && typeof own === "object" && sub in own;
  }

  /** The gegevens: label/value pairs in tables, lines and memo headers before the first section. */
  private readFront(pageHeader: readonly string[]): void {
    let pending: Field | undefined;
    let title = this.segments.title;
    for (const b of this.segments.front) {
      if (b.type === "table") {
        const taken = b.rows.map((cells) => this.readRow(cells));
        if (!taken.some(Boolean)) this.stray.push(b);
        // Rows that name no gegeven stay as text ("Label<tab>value"), placed like any stray text.
        else for (const [i, row] of b.rows.entries()) if (!taken[i]) this.stray.push(...blocksOf(`<p>${row.map((c) => render(c.children)).join("\t")}</p>`).map((x) => ({ ...x, n: b.n })));
        continue;
      }
      if (pending && b.type === "paragraph") {
        this.setValue(pending, b.text, b);
        pending = undefined;
        continue;
      }
      if (b.type === "paragraph" || b.type === "heading") {
        // "Onderwerp" alone on a line (a heading or bold), its value in the next paragraph.
        const alone = bestMatch(b.text, this.gegevens, namesOf);
        if (alone && (b.type === "heading" || b.emphasised) && !this.has(alone.key)) {
          pending = alone;
          continue;
        }
        if (b.type === "paragraph" && this.readLines(b)) continue;
        if (b.type === "heading" && title === undefined) {
          title = b.text;
          continue;
        }
      }
      this.stray.push(b);
    }
    for (const line of pageHeader) {
      if (this.readLine(line, undefined)) continue;
      // An unlabelled line of the page header names the body, where the type has a field for it.
      const organisatie = this.gegevens.find((f) => f.key === "organisatie");
      // A running header often strings several things together ("Gemeente X · Raad · 1 oktober 2020"): the first is the body.
      const first = line.split(/\s+[·|•]\s+|\t/)[0]!.trim();
      if (organisatie && !this.values.has("organisatie") && first) this.values.set("organisatie", first);
    }
    const titel = this.gegevens.find((f) => f.key === this.type.titel);
    if (titel && !this.values.has(titel.key) && title) {
      // "Raadsvoorstel: Speelruimteplan": the kind of document before the colon is the form's, not the title's.
      const kind = /^([^:]{2,40}):\s+(.+)$/.exec(title);
      const named = kind && [this.type.name.replace(/-/g, " "), this.type.description.split(/\s+(?:van|aan|met)\s+/)[0]!].some((n) => normalise(n) === normalise(kind[1]!));
      this.values.set(titel.key, named ? kind[2]! : title);
    }
  }

  /** A row of a kop-tabel: label | value (or label | value | label | value). */
  private readRow(cells: readonly Element[]): boolean {
    let any = false;
    for (let i = 0; i + 1 < cells.length; i += 2) {
      const field = bestMatch(textOf(cells[i]!).replace(/:\s*$/, ""), this.gegevens, namesOf);
      if (field) {
        this.setValueFromNodes(field, cells[i + 1]!.children);
        any = true;
      }
    }
    return any;
  }

  /** A paragraph of "Label: value" or "Label<tab>value" lines; a line without a label continues the value before it. */
  private readLines(b: Block & { type: "paragraph" }): boolean {
    const lines = splitLines(b.el.children);
    let current: { field: Field; nodes: ChildNode[] } | undefined;
    const done: { field: Field; nodes: ChildNode[] }[] = [];
    let choices = false;
    for (const nodes of lines) {
      const text = nodes.map(textOf).join("");
      const m = LABEL_LINE.exec(text);
      const field = m ? bestMatch(m[1]!, this.gegevens, namesOf) : undefined;
      if (field) {
        current = { field, nodes: dropLabel(nodes, text.length - m![2]!.length) };
        done.push(current);
      } else if (m && this.readChoices(m[2]!)) {
        current = undefined;
        choices = true;
      }
      else if (current) current.nodes.push(new Element("br", {}), ...nodes);
      else return false;
    }
    for (const d of done) this.setValueFromNodes(d.field, d.nodes, b);
    return done.length > 0 || choices;
  }

  /**
   * "Voorstel: ter besluitvorming; openbaar": a line whose label names no field, but whose every
   * part is a value of a choice (behandelwijze, openbaarheid): those fields, set.
   */
  private readChoices(value: string): boolean {
    const parts = value.split(/\s*[;,]\s*/).filter((p) => p.trim());
    const choices = this.type.gegevens.filter((f) => f.soort === "keuze");
    const found = parts.map((p) => choices.find((f) => (f.waarden ?? []).some((w) => normalise(w) === normalise(p))));
    if (!parts.length || found.some((f) => f === undefined)) return false;
    found.forEach((f, i) => this.set(f!.key, (f!.waarden ?? []).find((w) => normalise(w) === normalise(parts[i]!))));
    return true;
  }

  private readLine(line: string, b: Block | undefined): boolean {
    const m = LABEL_LINE.exec(line);
    const field = m ? bestMatch(m[1]!, this.gegevens, namesOf) : undefined;
    if (!field || this.has(field.key)) return false;
    this.setValue(field, m![2]!, b);
    return true;
  }

  private setValueFromNodes(field: Field, nodes: readonly ChildNode[], b?: Block): void {
    if (field.soort === "bijlagen") {
      // A line per bijlage; a bookmark in it (a cross-reference target in our own files) is its id.
      const list = splitLines(nodes)
        .map((line) => ({ text: line.map(textOf).join("").trim(), id: targetId(line, "bijlage") }))
        .filter((l) => l.text && normalise(l.text) !== "geen");
      const parsed = parseValue(list.map((l) => l.text).join("\n"), field);
      const values = (parsed?.value as Record<string, unknown>[] | undefined) ?? [];
      this.set(field.key, values.map((v, i) => (list[i]?.id ? { id: list[i]!.id, ...v } : v)));
      return;
    }
    const text = field.soort === "tekst" && field.opmaak ? inlineMarkdownOf(nodes) : nodes.map(textOf).join("").replace(/\n/g, field.soort === "lijst" ? "\n" : " ").trim();
    this.setValue(field, text, b);
  }

  private setValue(field: Field, text: string, b: Block | undefined): void {
    if (!text.trim()) return;
    const parsed = parseValue(text, field);
    if (!parsed) {
      if (b) this.noteAt(b, t("import.note.notAValue", { text: text.slice(0, 60), soort: field.soort, label: field.label }));
      this.set(field.key, text.trim());
      return;
    }
    this.set(field.key, parsed.value);
    // "ter vaststelling (hamerstuk)": what follows a choice may name a yes/no field.
    for (const word of (parsed.rest ?? "").match(/[^(),;]+/g) ?? []) {
      const flag = bestMatch(word, this.gegevens.filter((f) => f.soort === "janee"), namesOf);
      if (flag) this.set(flag.key, true);
      else if (word.trim() && b) this.noteAt(b, t("import.note.afterChoice", { word: word.trim(), label: field.label }));
    }
  }

  /**
   * A besluit whose parts are the type's own fields (aanhef, overwegingen, gelet_op, besluit,
   * plaats, datum, ondertekening): read by its formula from the text no heading claimed.
   */
  private readFormula(): void {
    const fields = [...this.type.gegevens, ...this.type.secties].filter((f) => f.key in FORMULA_PARTS && !this.values.has(f.key));
    if (!this.formulaType || !hasFormula(this.stray)) return;
    const organisatie = this.values.get("organisatie");
    const orgaan = this.values.get("orgaan");
    const cx = { ...(typeof orgaan === "string" && { orgaan }), ...(typeof organisatie === "string" && { organisatie }) };
    const formula = readFormula(this.stray, cx.organisatie);
    for (const f of fields) {
      const part = FORMULA_PARTS[f.key]!(formula, cx);
      if (part !== undefined) this.values.set(f.key, part);
    }
    this.stray.splice(0, this.stray.length, ...formula.rest);
  }

  private readSections(): void {
    const orgaan = this.values.get("orgaan");
    const organisatie = this.values.get("organisatie");
    const cx = { ...(typeof orgaan === "string" && { orgaan }), ...(typeof organisatie === "string" && { organisatie }) };
    for (const s of this.sections) {
      const placed = SECTION[s.field.soort](s.blocks, s.field, cx);
      if (placed.value !== undefined) this.values.set(s.field.key, placed.value);
      for (const n of placed.notes) this.noteAt(n.block, n.message);
      this.stray.push(...placed.rest);
    }
  }

  /** "Bijlage 1: titel" sections: content printed in the document, joined to the list of bijlagen by number or title. */
  private readAppendices(): void {
    const field = this.gegevens.find((f) => f.soort === "bijlagen");
    if (!field) {
      for (const a of this.segments.appendices) this.stray.push(a.at, ...a.blocks);
      return;
    }
    const list = [...((this.values.get(field.key) as Record<string, unknown>[] | undefined) ?? [])];
    for (const a of this.segments.appendices) {
      const inhoud = a.blocks.flatMap((b, i): unknown[] => {
        if (b.type === "table") {
          const { kolommen, rijen } = headedTable(b);
          // Its caption: the paragraph before it, unless that is the bijlage's title (the template's default caption).
          const before = a.blocks[i - 1];
          const caption = before?.type === "paragraph" && before.caption && normalise(before.text) !== normalise(a.titel) ? before.text : undefined;
          return rijen.length ? [{ tabel: { ...(caption && { bijschrift: caption }), kolommen, rijen } }] : [];
        }
        if (b.type === "paragraph" && b.caption && a.blocks[i + 1]?.type === "table") return [];
        const md = b.type === "heading" ? `**${b.text}**` : markdownOf([b.el]);
        return md ? [md] : [];
      });
      const index = a.number && /^\d+$/.test(a.number) ? Number(a.number) - 1 : -1;
      const existing = list[index]?.titel !== undefined && normalise(String(list[index]!.titel)) === normalise(a.titel) ? index : list.findIndex((x) => normalise(String(x.titel)) === normalise(a.titel));
      const entry = { ...(existing >= 0 ? list[existing] : {}), ...(a.id && { id: a.id }), titel: existing >= 0 ? list[existing]!.titel : a.titel, ...(inhoud.length && { inhoud }) };
      if (existing >= 0) list[existing] = entry;
      else list.push(entry);
    }
    if (list.length || this.values.has(field.key)) this.values.set(field.key, list);
  }

  /** Text no field took: to the prose section nearest before it (else after it), reported. */
  private placeStray(): void {
    const prose = this.type.secties.filter((f) => takesText(f.soort));
    for (const b of this.stray.sort((x, y) => x.n - y.n)) {
      const found = this.sections.filter((s) => takesText(s.field.soort));
      const before = found.filter((s) => s.at <= b.n).pop();
      const target = before?.field ?? found[0]?.field ?? prose[0];
      if (!target) {
        // A type without prose: the text is kept as a comment at the end of the file, not lost.
        this.unplaced.push(`${t("import.comment.paragraph", { n: b.n })} ${b.text.replace(/\s+/g, " ").trim()}`);
        this.noteAt(b, t("import.note.asComment"));
        continue;
      }
      const text = SECTION.proza([b], target, {}).value;
      const own = this.values.get(target.key);
      this.values.set(target.key, [typeof own === "string" && own !== "leeg" ? own : "", String(text ?? "")].filter(Boolean).join("\n\n"));
      this.noteAt(b, t("import.note.stray", { label: target.label }));
    }
  }

  /** A group found in part (a memo's "Datum" of a version): its other required fields as placeholders, in declared order. */
  private completed(f: Field, value: unknown): unknown {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const own = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, d] of Object.entries(f.velden ?? {})) {
      if (d === "weg") continue;
      const sub = fieldOf(k, d);
      if (own[k] !== undefined) out[k] = own[k];
      else if (sub.verplicht !== false && sub.standaard === undefined && sub.soort !== "janee") {
        out[k] = placeholderOf(sub);
        this.notes.push({ paragraph: 0, words: "", message: t("import.note.missingInGroup", { group: f.label, label: sub.label }) });
      }
    }
    return out;
  }

  /** The document as YAML in the type's order, with placeholders for what is required and missing. */
  yaml(header: readonly string[]): string {
    const out: Record<string, unknown> = { type: this.type.name };
    for (const f of [...this.type.gegevens, ...this.type.secties]) {
      const value = this.values.get(f.key);
      if (value !== undefined) out[f.key] = f.soort === "groep" ? this.completed(f, value) : value;
      else if (f.verplicht !== false && f.standaard === undefined && f.soort !== "janee") {
        out[f.key] = placeholderOf(f);
        this.notes.push({ paragraph: 0, words: "", message: t("import.note.missing", { label: f.label }) });
      }
    }
    const doc = new Document(out);
    doc.commentBefore = header.map((h) => ` ${h}`).join("\n");
    // Multi-line text as a block (|), as people write it; one line stays on its line.
    visit(doc, {
      Pair: (_, pair) => {
        if (isScalar(pair.value) && typeof pair.value.value === "string" && pair.value.value.includes("\n")) pair.value.type = "BLOCK_LITERAL";
        if (isMap(pair.value)) pair.value.flow = false;
      },
      // A row of a table, a short list of words: on one line.
      Seq: (_, seq) => {
        if (seq.items.every((i) => isScalar(i) && !String(i.value).includes("\n"))) seq.flow = true;
      },
    });
    if (this.unplaced.length) doc.comment = [` ${t("import.comment.unplaced")}`, ...this.unplaced.map((l) => ` ${l}`)].join("\n");
    return doc.toString({ lineWidth: 0 });
  }
}

/** The placeholder `new` writes for a field of this kind (a mapping with one for its required parts). */
function placeholderOf(f: Field): unknown {
  switch (f.soort) {
    case "beslispunten":
      return { beslispunten: [`<<vul in: beslispunt>>`] };
    case "persoon":
      return { naam: `<<vul in: ${f.label}>>` };
    default:
      return placeholder(compileField(f), f.label);
  }
}

/** Inline nodes split at line breaks: a line each. */
function splitLines(nodes: readonly ChildNode[]): ChildNode[][] {
  const lines: ChildNode[][] = [[]];
  const walk = (ns: readonly ChildNode[]) => {
    for (const n of ns) {
      if (n.type === "tag" && n.name === "br") lines.push([]);
      else if (n.type === "tag" && (n.name === "p" || n.name === "li") && elements(n.children).some((c) => c.name === "br")) {
        walk(n.children);
        lines.push([]);
      } else if (n.type === "tag" && n.name === "p") {
        lines[lines.length - 1]!.push(...n.children);
        lines.push([]);
      } else lines[lines.length - 1]!.push(n);
    }
  };
  walk(nodes);
  return lines.filter((l) => l.map(textOf).join("").trim() || l.some((n) => n.type === "tag"));
}

/** A line's nodes without its first `length` characters (the label and separator). */
function dropLabel(nodes: readonly ChildNode[], length: number): ChildNode[] {
  let left = length;
  const out: ChildNode[] = [];
  for (const n of nodes) {
    const text = textOf(n);
    if (left <= 0) out.push(n);
    else if (text.length <= left) left -= text.length;
    else {
      // Cut inside this node: its text from there on (formatting of a half-taken node is lost).
      out.push(new Text(text.slice(left)));
      left = 0;
    }
  }
  return out;
}
