import { describe, expect, it } from "vitest";
import { changedOnly } from "../src/review/changed-only.js";
import { diffTrees } from "../src/review/diff-trees.js";
import { diffInlines, wholly } from "../src/review/inline-diff.js";
import type { Block, DocumentNode, Inline, List, ListItem, MetadataEntry, Paragraph, Table, TableRow } from "../src/tree/types.js";

/**
 * The redline: src/review/diff-trees.ts (block and section alignment) and
 * src/review/inline-diff.ts (words), on small document trees built by hand.
 */

// ---- building trees --------------------------------------------------------------------------

const t = (value: string): Inline => ({ type: "text", value });
const ins = (...children: Inline[]): Inline => ({ type: "insertion", children });
const del = (...children: Inline[]): Inline => ({ type: "deletion", children });
const strong = (...children: Inline[]): Inline => ({ type: "strong", children });
const em = (...children: Inline[]): Inline => ({ type: "emphasis", children });
const link = (url: string, ...children: Inline[]): Inline => ({ type: "link", url, children });
const br: Inline = { type: "break" };

const p = (...children: (Inline | string)[]): Paragraph => ({ type: "paragraph", children: children.map((c) => (typeof c === "string" ? t(c) : c)) });
const h = (text: string, depth: 1 | 2 | 3 = 1): Block => ({ type: "heading", depth, id: text.toLowerCase().replace(/\W+/g, "-"), children: [t(text)] });
const title = (text: string): Block => ({ type: "title", children: [t(text)] });
const li = (...children: (Paragraph | List | string)[]): ListItem => ({ type: "listItem", children: children.map((c) => (typeof c === "string" ? p(c) : c)) });
const ul = (...children: ListItem[]): List => ({ type: "list", style: "bullet", start: 1, children });
const ol = (...children: ListItem[]): List => ({ type: "list", style: "decimal", start: 1, children });
const row = (...cells: string[]): TableRow => ({ type: "tableRow", cells: cells.map((c) => ({ type: "tableCell", children: c ? [t(c)] : [] })) });
const table = (caption: string, head: TableRow, ...rows: TableRow[]): Table => ({ type: "table", caption: [t(caption)], widths: head.cells.map(() => 1), head, rows });
const entry = (label: string, value: string): MetadataEntry => ({ type: "metadataEntry", label: [t(label)], value: [t(value)] });
const meta = (...entries: MetadataEntry[]): Block => ({ type: "metadata", entries });

const doc = (...children: Block[]): DocumentNode => ({
  type: "document",
  properties: { title: "Testplan", language: "nl-NL", date: "2026-02-20" },
  header: [t("Testland")],
  footer: [t("Pagina "), { type: "pageNumber" }],
  children,
});

const REVISIONS = { author: "Griffie", date: "2026-03-01" };
const diff = (older: DocumentNode, newer: DocumentNode) => diffTrees(older, newer, REVISIONS);

/** A proposal-like document: title, metadata, sections with prose, a list and a table. */
const BASE = (): DocumentNode =>
  doc(
    title("Vaststelling van het testplan"),
    meta(entry("Aan", "Algemeen bestuur"), entry("Agendapunt", "6"), entry("Versie", "1.2 van 18 september 2020")),
    h("Voorstel"),
    p("Het algemeen bestuur wordt verzocht:"),
    ol(li("Het testplan vast te stellen."), li(p("De directeur opdracht te geven"), { ...ol(li("het plan uit te voeren;"), li("in 2027 te rapporteren.")), style: "lower-alpha" })),
    h("Afstemming"),
    table("Afgestemd met", row("Met", "Datum", "Standpunt"), row("Veiligheidsdirectie", "1 februari 2026", "Positief advies, met het verzoek te rapporteren"), row("Dagelijks bestuur", "5 februari 2026", "Akkoord.")),
    h("Inleiding"),
    p("Twintig tankautospuiten zijn aan vervanging toe."),
    p("De ", strong(t("kosten")), " staan in de ", link("https://example.nl/begroting", t("begroting")), "."),
    ul(li("eerste punt"), li("tweede punt"), li("derde punt")),
    h("Consequenties"),
    h("Financieel", 2),
    p("Binnen de begroting."),
  );

/** BASE with one block (by index) replaced or removed, or blocks inserted. */
function edit(change: (blocks: Block[]) => void): DocumentNode {
  const d = BASE();
  const blocks = [...d.children];
  change(blocks);
  return { ...d, children: blocks };
}
const indexOf = (d: DocumentNode, pred: (b: Block) => boolean): number => d.children.findIndex(pred);
const isText = (text: string) => (b: Block) => b.type === "paragraph" && b.children.some((c) => c.type === "text" && c.value.startsWith(text));

/** Every insertion/deletion in a redline, as `+text` and `-text`, in reading order. */
function marks(node: unknown): string[] {
  const out: string[] = [];
  const flat = (n: Inline): string => (n.type === "text" ? n.value : n.type === "break" ? "\n" : "children" in n ? n.children.map(flat).join("") : "");
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (x === null || typeof x !== "object") return;
    const n = x as { type?: string; children?: Inline[] };
    if (n.type === "insertion" || n.type === "deletion") {
      out.push(`${n.type === "insertion" ? "+" : "-"}${n.children!.map(flat).join("")}`);
      return;
    }
    for (const v of Object.values(x)) walk(v);
  };
  walk(node);
  return out;
}

/** The blocks (and nested items, rows, entries) that carry a revision, as `type:revision`. */
function revisions(node: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (x === null || typeof x !== "object") return;
    const n = x as { type?: string; revision?: string };
    if (n.revision) out.push(`${n.type}:${n.revision}`);
    for (const v of Object.values(x)) walk(v);
  };
  walk(node);
  return out;
}

// ---- inline-diff -----------------------------------------------------------------------------

describe("inline diff: word by word, keeping formatting", () => {
  it("no change: the same inline content, not changed", () => {
    const nodes = [t("De "), strong(t("kosten")), t(" staan "), link("https://x.nl", t("hier")), br, t("klaar")];
    const d = diffInlines(nodes, nodes);
    expect(d.changed).toBe(false);
    expect(d.children).toEqual(nodes);
  });

  it("a replaced word is a deletion then an insertion, between the unchanged words", () => {
    const d = diffInlines([t("een twee drie")], [t("een vier drie")]);
    expect(d.changed).toBe(true);
    expect(d.children).toEqual([t("een "), del(t("twee")), ins(t("vier")), t(" drie")]);
  });

  it("words added at the end and removed in the middle", () => {
    expect(diffInlines([t("Akkoord.")], [t("Akkoord. Met een voorbehoud.")]).children).toEqual([t("Akkoord."), ins(t(" Met een voorbehoud."))]);
    expect(diffInlines([t("een twee drie vier")], [t("een vier")]).children).toEqual([t("een "), del(t("twee drie ")), t("vier")]);
    expect(diffInlines([], [t("nieuw")]).children).toEqual([ins(t("nieuw"))]);
    expect(diffInlines([t("oud")], []).children).toEqual([del(t("oud"))]);
  });

  it("formatting is kept around changes inside bold, italic and links", () => {
    const d = diffInlines([t("De "), strong(t("hoge kosten")), t(" zijn bekend")], [t("De "), strong(t("lage kosten")), t(" zijn bekend")]);
    expect(d.children).toEqual([t("De "), del(strong(t("hoge"))), ins(strong(t("lage"))), strong(t(" kosten")), t(" zijn bekend")]);
    const nested = diffInlines([em(strong(t("a b")))], [em(strong(t("a c")))]);
    expect(nested.children).toEqual([em(strong(t("a "))), del(em(strong(t("b")))), ins(em(strong(t("c"))))]);
  });

  it("a formatting change alone is a change: the word deleted plain and inserted bold", () => {
    const d = diffInlines([t("zeer belangrijk")], [t("zeer "), strong(t("belangrijk"))]);
    expect(d.changed).toBe(true);
    expect(d.children).toEqual([t("zeer "), del(t("belangrijk")), ins(strong(t("belangrijk")))]);
  });

  it("a link's new target is a change, though its text is the same", () => {
    const d = diffInlines([link("https://a.nl", t("site"))], [link("https://b.nl", t("site"))]);
    expect(d.changed).toBe(true);
    expect(d.children).toEqual([del(link("https://a.nl", t("site"))), ins(link("https://b.nl", t("site")))]);
  });

  it("line breaks are tokens of their own", () => {
    expect(diffInlines([t("a"), br, t("b")], [t("a"), br, t("b")]).changed).toBe(false);
    expect(diffInlines([t("a b")], [t("a"), br, t("b")]).children).toEqual([t("a"), del(t(" ")), ins(br), t("b")]);
  });

  it("a redline compared again: its marks are dropped, its text kept", () => {
    const d = diffInlines([t("een "), ins(t("twee")), t(" "), del(strong(t("drie")))], [t("een twee "), strong(t("drie"))]);
    expect(d.changed).toBe(false);
    expect(d.children).toEqual([t("een twee "), strong(t("drie"))]);
  });

  it("wholly: everything inserted or deleted, nothing for empty content", () => {
    expect(wholly("insertion", [t("a"), strong(t("b"))])).toEqual([ins(t("a"), strong(t("b")))]);
    expect(wholly("deletion", [t("a")])).toEqual([del(t("a"))]);
    expect(wholly("insertion", [])).toEqual([]);
  });
});

// ---- diff-trees ------------------------------------------------------------------------------

describe("diffTrees: unchanged", () => {
  it("identical trees: no changes, no marks, the newer tree with the revision info", () => {
    const r = diff(BASE(), BASE());
    expect(r.changes).toBe(0);
    expect(r.tree.children).toEqual(BASE().children);
    expect(marks(r.tree)).toEqual([]);
    expect(revisions(r.tree)).toEqual([]);
    expect(r.tree.revisions).toEqual(REVISIONS);
    expect(r.tree.type).toBe("document");
  });

  it("properties, header and footer come from the newer version and are not compared", () => {
    const newer = { ...BASE(), properties: { ...BASE().properties, date: "2026-03-01", title: "Anders" }, header: [t("Ander kopje")] };
    const r = diff(BASE(), newer);
    expect(r.changes).toBe(0);
    expect(r.tree.properties).toEqual(newer.properties);
    expect(r.tree.header).toEqual([t("Ander kopje")]);
    expect(r.tree.footer).toEqual(BASE().footer);
  });

  it("changedOnly of an unchanged redline is empty", () => {
    expect(changedOnly(diff(BASE(), BASE()).tree).children).toEqual([]);
  });
});

describe("diffTrees: paragraphs", () => {
  it("word-level change inside a paragraph: one change, the paragraph kept in place", () => {
    const i = indexOf(BASE(), isText("Twintig"));
    const newer = edit((b) => (b[i] = p("Eenentwintig tankautospuiten zijn aan vervanging toe.")));
    const r = diff(BASE(), newer);
    expect(r.changes).toBe(1);
    expect(r.tree.children[i]).toEqual(p(del(t("Twintig")), ins(t("Eenentwintig")), t(" tankautospuiten zijn aan vervanging toe.")));
    expect(r.tree.children).toHaveLength(BASE().children.length);
    expect(revisions(r.tree)).toEqual([]);
  });

  it("several edits in one paragraph count as one changed paragraph", () => {
    const i = indexOf(BASE(), isText("Twintig"));
    const r = diff(BASE(), edit((b) => (b[i] = p("Twintig oude tankautospuiten zijn nu aan vervanging toe."))));
    expect(r.changes).toBe(1);
    expect(marks(r.tree)).toEqual(["+oude ", "+nu "]);
  });

  it("an added paragraph is inserted whole, in its place", () => {
    const i = indexOf(BASE(), isText("Twintig"));
    const r = diff(BASE(), edit((b) => b.splice(i + 1, 0, p("Een nieuwe alinea."))));
    expect(r.changes).toBe(1);
    expect(r.tree.children[i + 1]).toEqual({ type: "paragraph", revision: "inserted", children: [ins(t("Een nieuwe alinea."))] });
    expect(r.tree.children[i]).toEqual(BASE().children[i]);
    expect(r.tree.children[i + 2]).toEqual(BASE().children[i + 1]);
  });

  it("a removed paragraph stays in the redline as deleted, where it was", () => {
    const i = indexOf(BASE(), isText("Twintig"));
    const r = diff(BASE(), edit((b) => b.splice(i, 1)));
    expect(r.changes).toBe(1);
    expect(r.tree.children).toHaveLength(BASE().children.length);
    expect(r.tree.children[i]).toEqual({ type: "paragraph", revision: "deleted", children: [del(t("Twintig tankautospuiten zijn aan vervanging toe."))] });
  });

  it("a rewritten paragraph (few words in common) is one deleted and one inserted, not a word salad", () => {
    const i = indexOf(BASE(), isText("Twintig"));
    const r = diff(BASE(), edit((b) => (b[i] = p("Geheel andere zin over brandweerauto's."))));
    expect(r.changes).toBe(2);
    expect(revisions(r.tree.children.slice(i, i + 2))).toEqual(["paragraph:deleted", "paragraph:inserted"]);
    expect(marks(r.tree)).toEqual(["-Twintig tankautospuiten zijn aan vervanging toe.", "+Geheel andere zin over brandweerauto's."]);
  });

  it("an edited paragraph next to an inserted one is paired with its most alike successor", () => {
    const i = indexOf(BASE(), isText("Twintig"));
    const r = diff(BASE(), edit((b) => b.splice(i, 1, p("Iets heel anders vooraf."), p("Twintig tankautospuiten zijn nu aan vervanging toe."))));
    expect(r.changes).toBe(2);
    expect(r.tree.children[i]).toMatchObject({ revision: "inserted" });
    expect(r.tree.children[i + 1]).toEqual(p(t("Twintig tankautospuiten zijn "), ins(t("nu ")), t("aan vervanging toe.")));
  });

  it("bold and links inside a changed paragraph keep their formatting", () => {
    const i = indexOf(BASE(), isText("De "));
    const r = diff(BASE(), edit((b) => (b[i] = p("De ", strong(t("totale kosten")), " staan in de ", link("https://example.nl/begroting", t("begroting")), "."))));
    expect(r.changes).toBe(1);
    expect(r.tree.children[i]).toEqual(p(t("De "), ins(strong(t("totale "))), strong(t("kosten")), t(" staan in de "), link("https://example.nl/begroting", t("begroting")), t(".")));
  });
});

describe("diffTrees: lists", () => {
  const listAt = (d: DocumentNode) => indexOf(d, (b) => b.type === "list" && b.style === "bullet");

  it("an added list item is inserted, the others untouched", () => {
    const i = listAt(BASE());
    const r = diff(BASE(), edit((b) => (b[i] = ul(li("eerste punt"), li("tweede punt"), li("nieuw punt"), li("derde punt")))));
    expect(r.changes).toBe(1);
    const list = r.tree.children[i] as List;
    expect(list.children.map((x) => x.revision ?? "")).toEqual(["", "", "inserted", ""]);
    expect(list.children[2]).toEqual({ type: "listItem", revision: "inserted", children: [{ type: "paragraph", revision: "inserted", children: [ins(t("nieuw punt"))] }] });
  });

  it("a removed list item stays as deleted", () => {
    const i = listAt(BASE());
    const r = diff(BASE(), edit((b) => (b[i] = ul(li("eerste punt"), li("derde punt")))));
    expect(r.changes).toBe(1);
    expect((r.tree.children[i] as List).children.map((x) => x.revision ?? "")).toEqual(["", "deleted", ""]);
    expect(marks(r.tree)).toEqual(["-tweede punt"]);
  });

  it("a changed word in a list item is marked inside the item", () => {
    const i = listAt(BASE());
    const r = diff(BASE(), edit((b) => (b[i] = ul(li("eerste punt"), li("tweede belangrijk punt"), li("derde punt")))));
    expect(r.changes).toBe(1);
    expect((r.tree.children[i] as List).children[1]).toEqual(li(p(t("tweede "), ins(t("belangrijk ")), t("punt"))));
    expect(revisions(r.tree)).toEqual([]);
  });

  it("a change in a nested list (a beslispunt's sub-point) is marked at its depth", () => {
    const i = indexOf(BASE(), (b) => b.type === "list" && b.style === "decimal");
    const newer = edit(
      (b) => (b[i] = ol(li("Het testplan vast te stellen."), li(p("De directeur opdracht te geven"), { ...ol(li("het plan uit te voeren;"), li("in 2028 te rapporteren."), li("de raad te informeren.")), style: "lower-alpha" }))),
    );
    const r = diff(BASE(), newer);
    expect(r.changes).toBe(2);
    const sub = ((r.tree.children[i] as List).children[1]!.children[1] as List).children;
    expect(sub[1]).toEqual(li(p(t("in "), del(t("2027")), ins(t("2028")), t(" te rapporteren."))));
    expect(sub[2]).toMatchObject({ revision: "inserted" });
    expect((r.tree.children[i] as List).style).toBe("decimal");
    expect(marks(r.tree)).toEqual(["-2027", "+2028", "+de raad te informeren."]);
  });

  it("a list added or removed whole: each item marked", () => {
    const pos = indexOf(BASE(), (b) => b.type === "heading" && b.depth === 2);
    const added = diff(BASE(), edit((b) => b.splice(pos + 1, 0, ul(li("een"), li("twee")))));
    expect(revisions(added.tree)).toEqual(["listItem:inserted", "paragraph:inserted", "listItem:inserted", "paragraph:inserted"]);
    expect(marks(added.tree)).toEqual(["+een", "+twee"]);
    const removed = diff(BASE(), edit((b) => b.splice(listAt(BASE()), 1)));
    expect(marks(removed.tree)).toEqual(["-eerste punt", "-tweede punt", "-derde punt"]);
    expect(removed.changes).toBeGreaterThan(0);
  });
});

describe("diffTrees: tables", () => {
  const tableAt = (d: DocumentNode) => indexOf(d, (b) => b.type === "table");
  const HEAD = row("Met", "Datum", "Standpunt");

  it("a changed cell is marked word by word; the other cells and rows are untouched", () => {
    const i = tableAt(BASE());
    const newer = edit((b) => (b[i] = table("Afgestemd met", HEAD, row("Veiligheidsdirectie", "1 februari 2026", "Negatief advies, met het verzoek te rapporteren"), row("Dagelijks bestuur", "5 februari 2026", "Akkoord."))));
    const r = diff(BASE(), newer);
    expect(r.changes).toBe(1);
    const tb = r.tree.children[i] as Table;
    expect(tb.rows[0]!.cells[2]!.children).toEqual([del(t("Positief")), ins(t("Negatief")), t(" advies, met het verzoek te rapporteren")]);
    expect(tb.rows[0]!.cells[0]!.children).toEqual([t("Veiligheidsdirectie")]);
    expect(tb.rows[1]).toEqual(row("Dagelijks bestuur", "5 februari 2026", "Akkoord."));
    expect(revisions(tb)).toEqual([]);
  });

  it("an added row is marked inserted with all its cells; a removed one deleted", () => {
    const i = tableAt(BASE());
    const old = BASE().children[i] as Table;
    const added = diff(BASE(), edit((b) => (b[i] = { ...old, rows: [old.rows[0]!, row("Ondernemingsraad", "16 september 2020", "Geen bezwaar."), old.rows[1]!] })));
    expect((added.tree.children[i] as Table).rows.map((r) => r.revision ?? "")).toEqual(["", "inserted", ""]);
    expect((added.tree.children[i] as Table).rows[1]!.cells.map((c) => c.children)).toEqual([[ins(t("Ondernemingsraad"))], [ins(t("16 september 2020"))], [ins(t("Geen bezwaar."))]]);
    const removed = diff(BASE(), edit((b) => (b[i] = { ...old, rows: [old.rows[1]!] })));
    expect((removed.tree.children[i] as Table).rows.map((r) => r.revision ?? "")).toEqual(["deleted", ""]);
    expect(marks(removed.tree)).toEqual(["-Veiligheidsdirectie", "-1 februari 2026", "-Positief advies, met het verzoek te rapporteren"]);
  });

  // KNOWN BUG (src/review/diff-trees.ts): markRow() never increments the counter, so a row
  // added to or removed from a table that is otherwise kept counts as no change; `boardpaper
  // diff` then prints "No differences." (see test/golden-redline.test.ts). When fixed, make this
  // a plain `it`.
  it.fails("KNOWN BUG: an added or removed table row counts as a change", () => {
    const i = tableAt(BASE());
    const old = BASE().children[i] as Table;
    expect(diff(BASE(), edit((b) => (b[i] = { ...old, rows: [...old.rows, row("OR", "1 maart 2026", "Akkoord.")] }))).changes).toBe(1);
    expect(diff(BASE(), edit((b) => (b[i] = { ...old, rows: [old.rows[0]!] }))).changes).toBe(1);
  });

  it("caption and header cells are compared too", () => {
    const i = tableAt(BASE());
    const old = BASE().children[i] as Table;
    const r = diff(BASE(), edit((b) => (b[i] = { ...old, caption: [t("Afgestemd met en advies van")], head: row("Met", "Datum", "Advies") })));
    expect(r.changes).toBe(2);
    expect(marks(r.tree)).toEqual(["+ en advies van", "-Standpunt", "+Advies"]);
  });

  it("a table with another number of columns is replaced: deleted whole, inserted whole", () => {
    const i = tableAt(BASE());
    const r = diff(BASE(), edit((b) => (b[i] = table("Afgestemd met", row("Met", "Standpunt"), row("Veiligheidsdirectie", "Positief advies, met het verzoek te rapporteren")))));
    expect(revisions(r.tree).filter((x) => x.startsWith("table:"))).toEqual(["table:deleted", "table:inserted"]);
    const [gone, added] = r.tree.children.filter((b): b is Table => b.type === "table");
    expect(gone!.caption).toEqual([del(t("Afgestemd met"))]);
    expect(gone!.head.revision).toBe("deleted");
    expect(added!.rows.every((x) => x.revision === "inserted")).toBe(true);
    expect(added!.widths).toEqual([1, 1]);
  });
});

describe("diffTrees: headings, sections, title and metadata", () => {
  it("a changed sub-heading is marked word by word", () => {
    const i = indexOf(BASE(), (b) => b.type === "heading" && b.depth === 2);
    const r = diff(BASE(), edit((b) => (b[i] = h("Financieel kader", 2))));
    expect(r.changes).toBe(1);
    expect(r.tree.children[i]).toMatchObject({ type: "heading", depth: 2, id: "financieel-kader", children: [t("Financieel"), ins(t(" kader"))] });
  });

  it("a renamed section heading: old heading deleted, new one inserted, the section's text kept", () => {
    const i = indexOf(BASE(), (b) => b.type === "heading" && plainHeading(b) === "Inleiding");
    const r = diff(BASE(), edit((b) => (b[i] = h("Aanleiding"))));
    expect(r.changes).toBe(2);
    expect(r.tree.children[i]).toEqual({ type: "heading", depth: 1, id: "inleiding", revision: "deleted", children: [del(t("Inleiding"))] });
    expect(r.tree.children[i + 1]).toEqual({ type: "heading", depth: 1, id: "aanleiding", revision: "inserted", children: [ins(t("Aanleiding"))] });
    expect(r.tree.children[i + 2]).toEqual(BASE().children[i + 1]);
  });

  it("an added section is inserted whole, heading and content; a removed one deleted whole", () => {
    const at = indexOf(BASE(), (b) => b.type === "heading" && plainHeading(b) === "Consequenties");
    const added = diff(BASE(), edit((b) => b.splice(at, 0, h("Alternatieven"), p("Niet vervangen."))));
    expect(added.changes).toBe(2);
    expect(revisions(added.tree)).toEqual(["heading:inserted", "paragraph:inserted"]);
    expect(added.tree.children[at]).toMatchObject({ type: "heading", revision: "inserted" });
    const removed = diff(BASE(), edit((b) => b.splice(at, 3)));
    expect(revisions(removed.tree)).toEqual(["heading:deleted", "heading:deleted", "paragraph:deleted"]);
    expect(removed.changes).toBe(3);
    expect(removed.tree.children).toHaveLength(BASE().children.length);
  });

  it("sections are matched by heading: a change in one does not disturb the next", () => {
    const r = diff(
      BASE(),
      edit((b) => {
        b[indexOf(BASE(), isText("Het algemeen"))] = p("Het dagelijks bestuur wordt verzocht:");
        b[indexOf(BASE(), isText("Binnen"))] = p("Binnen de begroting 2027.");
      }),
    );
    expect(r.changes).toBe(2);
    expect(marks(r.tree).join(" ")).toBe("-algemeen +dagelijks -begroting. +begroting 2027.");
  });

  it("a changed title is marked word by word", () => {
    const r = diff(BASE(), edit((b) => (b[0] = title("Vaststelling van het nieuwe testplan"))));
    expect(r.changes).toBe(1);
    expect(r.tree.children[0]).toEqual({ type: "title", children: [t("Vaststelling van het "), ins(t("nieuwe ")), t("testplan")] });
  });

  it("metadata entries are matched by label: a changed value, an added and a removed entry", () => {
    const i = indexOf(BASE(), (b) => b.type === "metadata");
    const r = diff(BASE(), edit((b) => (b[i] = meta(entry("Aan", "Algemeen bestuur"), entry("Agendapunt", "7"), entry("Registratienummer", "2026-01")))));
    expect(r.changes).toBe(3);
    const entries = (r.tree.children[i] as Extract<Block, { type: "metadata" }>).entries;
    expect(entries[0]).toEqual(entry("Aan", "Algemeen bestuur"));
    expect(entries[1]).toEqual({ type: "metadataEntry", label: [t("Agendapunt")], value: [del(t("6")), ins(t("7"))] });
    expect(entries.slice(2).map((e) => [e.revision, marks(e.label), marks(e.value)])).toEqual([
      ["deleted", ["-Versie"], ["-1.2 van 18 september 2020"]],
      ["inserted", ["+Registratienummer"], ["+2026-01"]],
    ]);
  });

  it("a page break is never a change", () => {
    const r = diff(BASE(), edit((b) => b.push({ type: "pageBreak" })));
    expect(changedOnly(r.tree).children).toEqual([]);
  });
});

describe("diffTrees: the redline as a whole", () => {
  it("counts every changed paragraph, entry, cell and block, and only marks with insertion/deletion", () => {
    const newer = edit((b) => {
      b[indexOf(BASE(), (x) => x.type === "metadata")] = meta(entry("Aan", "Algemeen bestuur"), entry("Agendapunt", "7"), entry("Versie", "1.3 van 21 september 2020"));
      b[indexOf(BASE(), isText("Twintig"))] = p("Eenentwintig tankautospuiten zijn aan vervanging toe.");
      b.push(p("Slotzin."));
    });
    const r = diff(BASE(), newer);
    expect(r.changes).toBe(4);
    const types = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(walk);
      if (x && typeof x === "object") {
        const ty = (x as { type?: string }).type;
        if (ty) types.add(ty);
        Object.values(x).forEach(walk);
      }
    };
    walk(r.tree.children);
    expect([...types].filter((x) => x === "insertion" || x === "deletion").sort()).toEqual(["deletion", "insertion"]);
  });

  it("changedOnly keeps the changed blocks with the heading of their section", () => {
    const r = diff(
      BASE(),
      edit((b) => {
        b[indexOf(BASE(), isText("Binnen"))] = p("Buiten de begroting.");
      }),
    );
    const shown = changedOnly(r.tree).children;
    expect(shown.map((b) => b.type)).toEqual(["heading", "paragraph"]);
    expect(shown[0]).toMatchObject({ type: "heading", depth: 1, children: [t("Consequenties")] });
    expect(marks(shown)).toEqual(["-Binnen", "+Buiten"]);
  });
});

function plainHeading(b: Block): string {
  return b.type === "heading" ? b.children.map((c) => (c.type === "text" ? c.value : "")).join("") : "";
}
