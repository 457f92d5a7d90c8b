import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { bestMatch, namesOf, normalise } from "../src/import/labels.js";
import { parseDutchDate, parseDutchNumber, parseValue } from "../src/import/values.js";
import { fieldOf } from "../src/model/compile-type.js";
import { changedLines, ROOT, run, tempDir } from "./helpers.js";

/**
 * `boardpaper import` on the documents boardpaper writes: every document in data/ goes
 * data → build (.docx) → import → YAML, and the YAML prints the same text as the data it came
 * from. The documents of others (set by pandoc and LibreOffice) are in import-foreign.test.ts.
 */

describe("Dutch dates, numbers and values as documents write them", () => {
  it.each([
    ["1 oktober 2020", "2020-10-01"],
    ["donderdag 1 oktober 2020", "2020-10-01"],
    ["1 okt. 2020", "2020-10-01"],
    ["9 september ‘20", "2020-09-09"],
    ["01-10-2020", "2020-10-01"],
    ["1-10-'20", "2020-10-01"],
    ["1.10.2020", "2020-10-01"],
    ["1/10/2020", "2020-10-01"],
    ["2020-10-01", "2020-10-01"],
  ])("%s → %s", (text, iso) => {
    expect(parseDutchDate(text)?.iso).toBe(iso);
  });

  it("an impossible date, or text that is no date, is none", () => {
    expect(parseDutchDate("31 februari 2021")).toBeUndefined();
    expect(parseDutchDate("30-13-2021")).toBeUndefined();
    expect(parseDutchDate("1 brumaire 2020")).toBeUndefined();
    expect(parseDutchDate("versie 1.2")).toBeUndefined();
  });

  it("numbers and amounts with Dutch grouping and a decimal comma", () => {
    expect(parseDutchNumber("1.250.000,50")).toBe(1250000.5);
    expect(parseDutchNumber("1.250")).toBe(1250);
    expect(parseDutchNumber("12,5")).toBe(12.5);
    expect(parseValue("€ 437.500,-", fieldOf("kosten", { soort: "bedrag" }))?.value).toBe(437500);
  });

  it("a person as printed: name, function, department, e-mail, telephone", () => {
    expect(parseValue("L. Mulder, adviseur, l.mulder@vr.example, (036) 000 00 00", fieldOf("steller", { soort: "persoon" }))?.value).toEqual({
      naam: "L. Mulder",
      functie: "adviseur",
      email: "l.mulder@vr.example",
      telefoon: "(036) 000 00 00",
    });
  });

  it("a choice with what follows it: the rest is handed back (a hamerstuk flag)", () => {
    const f = fieldOf("behandelwijze", { soort: "keuze", waarden: ["ter besluitvorming", "ter vaststelling"] });
    expect(parseValue("Ter vaststelling (hamerstuk)", f)).toEqual({ value: "ter vaststelling", rest: "(hamerstuk)" });
  });
});

describe("headings matched to the type's labels", () => {
  const fields = [
    fieldOf("kanttekeningen", { label: "Kanttekeningen/risico’s" }),
    fieldOf("vervolg", { label: "Vervolg (proces en uitvoering)" }),
    fieldOf("voorstel", { ook: ["Gevraagd besluit"] }),
    fieldOf("beoogd_effect", {}),
  ];
  const match = (text: string) => bestMatch(text, fields, namesOf)?.key;

  it.each([
    ["3. Kanttekeningen/ Risico's", "kanttekeningen"],
    ["KANTTEKENINGEN", "kanttekeningen"],
    ["Vervolg (Proces en Uitvoering)", "vervolg"],
    ["4.2 Vervolg:", "vervolg"],
    ["GEVRAAGD BESLUIT", "voorstel"],
    ["Beoogd efect", "beoogd_effect"],
  ])("%s → %s", (text, key) => {
    expect(match(text)).toBe(key);
  });

  it("a different word is no match, however short", () => {
    expect(match("Bijzonderheden")).toBeUndefined();
    expect(match("Voorstel")).toBe("voorstel");
    expect(match("Voorstellen aan de raad")).toBeUndefined();
    expect(normalise("2.1 Één, twéé!")).toBe("een twee");
  });
});

/** The documents of data/ that are not house styles: proposals of every built-in type, and besluiten. */
const DOCUMENTS = ["proposals", "gemeente", "besluiten"].flatMap((dir) =>
  readdirSync(join(ROOT, "data", dir))
    .filter((f) => f.endsWith(".yaml") && f !== "huisstijl.yaml")
    .map((f) => `data/${dir}/${f}`),
);

/**
 * Where the import cannot give back the same text yet, the exact lines that differ, and why.
 * Every other document must come back line for line.
 */
const KNOWN: Readonly<Record<string, { readonly why: string; readonly removed: string[]; readonly added: string[]; readonly missing: string[] }>> = {
  "data/gemeente/raadsvoorstel-speelruimteplan.yaml": {
    why: "a yes/no section printed as a sentence of the type's own template (begrotingswijziging) is not read back; the sentence stays in the text",
    removed: [],
    added: ["Dit voorstel vraagt niet om een wijziging van de begroting.", ""],
    missing: ["begrotingswijziging"],
  },
};

describe("round trip: every document in data/ → .docx → import gives back the same text", () => {
  let project: string;
  beforeAll(async () => {
    project = tempDir("bp-import-");
    cpSync(join(ROOT, "data"), join(project, "data"), { recursive: true });
    cpSync(join(ROOT, "schema"), join(project, "schema"), { recursive: true });
    const built = await run(["build", "data", "--out", "out", "--format", "docx"], { cwd: project });
    expect(built.stderr).toBe("");
  }, 120_000);

  const roundTrip = async (file: string) => {
    const docx = join(project, file.replace(/^data/, "out").replace(/\.yaml$/, ".docx"));
    const imported = join(project, file.replace(/\.yaml$/, ".imported.yaml"));
    const result = await run(["import", docx, "--out", imported, "--force"], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const original = await run(["text", file], { cwd: project });
    const back = await run(["text", imported], { cwd: project });
    expect(back.stderr).toBe("");
    return { original: original.stdout, back: back.stdout, notes: result.stderr, yaml: readFileSync(imported, "utf8") };
  };

  for (const file of DOCUMENTS) {
    it(`${basename(file)}${KNOWN[file] ? ` (known: ${KNOWN[file]!.why})` : ""}`, async () => {
      const { original, back, notes, yaml } = await roundTrip(file);
      const known = KNOWN[file];
      if (known) expect(changedLines(original, back)).toEqual({ removed: known.removed, added: known.added });
      else {
        expect(back).toBe(original);
        expect(notes).toBe("");
      }
      // The same type, and every field the data gives that is printed comes back.
      const data = parse(readFileSync(join(ROOT, file), "utf8")) as Record<string, unknown>;
      const again = parse(yaml) as Record<string, unknown>;
      expect(again.type ?? "ab-voorstel").toBe(data.type ?? "ab-voorstel");
      const printedDefaults = (k: string, v: unknown) => v === false || v === "openbaar" || (Array.isArray(v) && v.length === 0) || k === "besluit_college";
      for (const [key, value] of Object.entries(data)) {
        if (!printedDefaults(key, value) && !known?.missing.includes(key)) expect(Object.keys(again), key).toContain(key);
      }
    });
  }

  it("a regeling comes back article by article: chapters, paragraphs, leden with onderdelen, begrippen, ids, inwerkingtreding, citeertitel", async () => {
    const { yaml } = await roundTrip("data/besluiten/reglement-van-orde-2021.yaml");
    const source = readFileSync(join(ROOT, "data/besluiten/reglement-van-orde-2021.yaml"), "utf8");
    // An id that nothing refers to is not in the .docx (only a referenced target gets a bookmark).
    const referenced = (id: string) => new RegExp(`\\[\\[\\w+:${id}\\]\\]`).test(source);
    const withoutUnused = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(withoutUnused) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k, x]) => k !== "id" || referenced(String(x))).map(([k, x]) => [k, withoutUnused(x)])) : v;
    const data = parse(source) as { regeling: unknown };
    expect((parse(yaml) as { regeling: unknown }).regeling).toEqual(withoutUnused(data.regeling));
  });

  it("the proposal's beslispunten, ids and nesting come back as data, not only as text", async () => {
    const { yaml } = await roundTrip("data/proposals/vervanging-tankautospuiten.yaml");
    const again = parse(yaml) as { voorstel: { beslispunten: unknown[] }; bijlagen: { id?: string }[] };
    const data = parse(readFileSync(join(ROOT, "data/proposals/vervanging-tankautospuiten.yaml"), "utf8")) as typeof again;
    expect(again.voorstel.beslispunten.length).toBe(data.voorstel.beslispunten.length);
    expect(again.bijlagen.map((b) => b.id)).toEqual(data.bijlagen.map((b) => b.id));
    // The cross-reference in the afstemming comes back as a reference, not as "beslispunt 3b".
    expect(yaml).toContain("[[beslispunt:structureel]]");
  });

  it("diff of the .docx against its data finds nothing; a changed word in a Word version is found", async () => {
    const file = "data/proposals/vaststelling-vergaderschema-2021-hamerstuk.yaml";
    const docx = join(project, "out/proposals/vaststelling-vergaderschema-2021-hamerstuk.docx");
    expect((await run(["diff", docx, file], { cwd: project })).stdout).toBe("Geen verschillen.\n");
    const changed = join(project, "data/proposals/gewijzigd.yaml");
    writeFileSync(changed, readFileSync(join(project, file), "utf8").replace("telkens van 16.00 tot 18.00 uur", "telkens van 15.00 tot 17.00 uur"));
    await run(["build", changed, "--out", join(project, "gewijzigd"), "--format", "docx"], { cwd: project });
    const both = await run(["diff", docx, join(project, "gewijzigd/gewijzigd.docx")], { cwd: project });
    expect(both.code).toBe(0);
    expect(both.stdout).toContain("[-16.00-]{+15.00+}");
    const redline = join(project, "redline.docx");
    const asDocx = await run(["diff", docx, join(project, "gewijzigd/gewijzigd.docx"), "--format", "docx", "--out", redline], { cwd: project });
    expect(asDocx.code, asDocx.stderr).toBe(0);
    expect(existsSync(redline)).toBe(true);
  });
});

describe("what Word has and YAML has not", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
  const p = (t: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
  const drawing = (inner: string) => `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="x"/><a:graphic><a:graphicData>${inner}</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>`;

  it("a text box's text is kept where the box stood, and an image is reported, each with its paragraph number", async () => {
    const body = [
      p("Onderwerp: Proef met een tekstvak"),
      p("Inleiding", "Heading1"),
      p("Eerste alinea."),
      drawing(`<wps:wsp><wps:txbx><w:txbxContent>${p("Let op: besloten bijlage")}</w:txbxContent></wps:txbx></wps:wsp>`),
      p("Laatste alinea."),
      drawing("<pic:pic/>"),
    ].join("");
    const dir = tempDir("bp-import-box-");
    const file = join(dir, "tekstvak.docx");
    writeFileSync(file, zipSync({ "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) }));
    const r = await run(["import", file], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('tekstvak.docx: alinea 4 ("Let op: besloten bijlage"): een tekstvak');
    expect(r.stderr).toMatch(/tekstvak\.docx: alinea 6 \(""\): een afbeelding: niet overgenomen/);
    const data = parse(r.stdout) as Record<string, unknown>;
    expect(data.onderwerp).toBe("Proef met een tekstvak");
    // The report, and the comment at the top of the YAML, in English on request.
    const en = await run(["import", file, "--lang", "en"], { cwd: dir });
    expect(en.stderr).toContain('tekstvak.docx: paragraph 4 ("Let op: besloten bijlage"): a text box: its text is taken over as ordinary text where the box stood');
    expect(en.stdout).toContain("# Imported from tekstvak.docx by boardpaper import");
    expect(r.stdout).toContain("# Geïmporteerd uit tekstvak.docx door boardpaper import");
    expect(data.inleiding).toBe("Eerste alinea.\n\nLet op: besloten bijlage\n\nLaatste alinea.");
  });
});

describe("headings as plain lines (typed, or text taken from a PDF)", () => {
  it("a short line that names a section starts it; a longer one that happens to start with the word does not", async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
    const body = [
      p("Inleiding"),
      p("De hoogwerker is twintig jaar oud."),
      p("Inleiding van de nieuwe hoogwerker gebeurt in 2022, zegt de leverancier."),
      p("Beoogd effect"),
      p("Een veilige hoogwerker."),
      p("Consequenties (Financieel, Personeel)"),
      p("Financieel"),
      p("Binnen de begroting."),
      p("Personeel"),
      p("geen"),
    ].join("");
    const dir = tempDir("bp-import-plain-");
    const file = join(dir, "plat.docx");
    writeFileSync(file, zipSync({ "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) }));
    const r = await run(["import", file], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const data = parse(r.stdout) as Record<string, unknown>;
    expect(data.inleiding).toBe("De hoogwerker is twintig jaar oud.\n\nInleiding van de nieuwe hoogwerker gebeurt in 2022, zegt de leverancier.");
    expect(data.beoogd_effect).toBe("Een veilige hoogwerker.");
    expect(data.consequenties).toMatchObject({ financieel: "Binnen de begroting.", personeel: "geen" });
  });
});

describe("a form that is one big table", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
  const row = (label: string, ...cell: string[]) => `<w:tr><w:tc>${p(label)}</w:tc><w:tc>${cell.map(p).join("")}</w:tc></w:tr>`;
  const table = [
    row("Onderwerp", "Aanschaf hoogwerker"),
    row("Vergaderdatum", "12-11-2021"),
    row("Portefeuillehouder", "R. Smit"),
    row("Voorstel", "Het algemeen bestuur wordt verzocht:", "1. in te stemmen met de aanschaf;", "2. het krediet beschikbaar te stellen."),
    row("Inleiding", "De hoogwerker is twintig jaar oud.", "Hij valt vaak uit."),
    row("Argumenten", "Vervanging is goedkoper dan reparatie."),
  ].join("");

  it("labels in the left column: gegevens and sections, read as the headings and text they stand for", async () => {
    const dir = tempDir("bp-import-form-");
    const file = join(dir, "formulier.docx");
    writeFileSync(file, zipSync({ "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:tbl>${table}</w:tbl></w:body></w:document>`) }));
    const r = await run(["import", file], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const data = parse(r.stdout) as Record<string, unknown>;
    expect(data.onderwerp).toBe("Aanschaf hoogwerker");
    expect(data.vergaderdatum).toBe("2021-11-12");
    expect(data.portefeuillehouder).toBe("R. Smit");
    expect(data.voorstel).toEqual({ aanhef: "Het algemeen bestuur wordt verzocht:", beslispunten: ["in te stemmen met de aanschaf;", "het krediet beschikbaar te stellen."] });
    expect(data.inleiding).toBe("De hoogwerker is twintig jaar oud.\n\nHij valt vaak uit.");
    expect(data.argumenten).toBe("Vervanging is goedkoper dan reparatie.");
  });
});

describe("a besluit as another body writes it", () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const p = (t: string, bold = false) => `<w:p><w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
  const body = [
    p("Onderwerp: Regeling vergoedingen vrijwilligers 2021"),
    p("Datum: 3 december 2020"),
    p("Het dagelijks bestuur van de Veiligheidsregio Voorbeeld;"),
    p("overwegende dat vrijwilligers een vergoeding krijgen;"),
    p("gelet op artikel 13 van de Gemeenschappelijke regeling en de Wet veiligheidsregio's;"),
    p("BESLUIT:", true),
    p("vast te stellen de volgende regeling:"),
    p("Artikel 1. Begripsbepalingen", true),
    p("In deze regeling wordt verstaan onder:"),
    p("a. vrijwilliger: wie onbezoldigd werkt;"),
    p("Artikel 2. Vergoeding", true),
    p("De vergoeding is € 12,50 per uur."),
    p("Artikel 3. Inwerkingtreding", true),
    p("Dit besluit treedt in werking met ingang van 1 januari 2021."),
    p("Artikel 4. Citeertitel", true),
    p("Dit besluit wordt aangehaald als: Regeling vergoedingen vrijwilligers 2021."),
    p("Aldus vastgesteld in de vergadering van het dagelijks bestuur te Zwolle op 3 december 2020."),
    p("De secretaris,"),
    p("mr. A. de Vries"),
    p("De voorzitter,"),
    p("B. Jansen"),
  ].join("");

  it("formula, articles, closing articles and signatures one under the other become the besluit type's fields", async () => {
    const dir = tempDir("bp-import-besluit-");
    const file = join(dir, "besluit.docx");
    writeFileSync(file, zipSync({ "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`) }));
    const r = await run(["import", file, "--type", "besluit"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const data = parse(r.stdout) as Record<string, unknown>;
    expect(data.aanhef).toBe("Het dagelijks bestuur van de Veiligheidsregio Voorbeeld");
    expect(data.overwegingen).toEqual(["vrijwilligers een vergoeding krijgen"]);
    // Without commas "en" may be inside a name ("burgemeester en wethouders"): one grondslag, printed the same.
    expect(data.gelet_op).toEqual(["artikel 13 van de Gemeenschappelijke regeling en de Wet veiligheidsregio's"]);
    expect(data.besluit).toEqual({ aanhef: "BESLUIT:", beslispunten: ["vast te stellen de volgende regeling:"] });
    expect(data.regeling).toEqual({
      artikelen: [
        { titel: "Begripsbepalingen", begrippen: [{ begrip: "vrijwilliger", betekenis: "wie onbezoldigd werkt" }] },
        { titel: "Vergoeding", tekst: "De vergoeding is € 12,50 per uur." },
      ],
      inwerkingtreding: { datum: "2021-01-01" },
      citeertitel: "Regeling vergoedingen vrijwilligers 2021",
    });
    expect(data.plaats).toBe("Zwolle");
    expect(data.datum).toBe("2020-12-03");
    expect(data.ondertekening).toEqual([
      { functie: "secretaris", naam: "mr. A. de Vries" },
      { functie: "voorzitter", naam: "B. Jansen" },
    ]);
  });
});

describe("bad input: one line, exit 1, nothing written", () => {
  const project = tempDir("bp-import-bad-");
  const out = join(project, "x.yaml");
  const attempt = async (bytes: Uint8Array) => {
    const file = join(project, "in.docx");
    writeFileSync(file, bytes);
    const result = await run(["import", file, "--out", out], { cwd: project });
    expect(existsSync(out)).toBe(false);
    return result;
  };

  it("a file that is not a .docx", async () => {
    const r = await attempt(strToU8("Dit is geen Word-document.\n"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^in\.docx: error: dit is geen \.docx-bestand \(geen zip-archief\)\n$/);
  });

  it("a password-protected document", async () => {
    const r = await attempt(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/een document met een wachtwoord/);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("a zip without a document, and a damaged one", async () => {
    const empty = await attempt(zipSync({ "x.txt": strToU8("x") }));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/er is geen word\/document\.xml/);
    const good = zipSync({ "word/document.xml": strToU8('<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Hallo</w:t></w:r></w:p></w:body></w:document>') });
    const cut = await attempt(good.slice(0, good.length - 30));
    expect(cut.code).toBe(1);
    expect(cut.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("deep nesting is refused under the reader's limits, not a stack overflow", async () => {
    const deep = `<w:document xmlns:w="x"><w:body>${"<w:p>".repeat(100_000)}${"</w:p>".repeat(100_000)}</w:body></w:document>`;
    const r = await attempt(zipSync({ "word/document.xml": strToU8(deep) }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/te diep genest/);
  });

  it("an unknown type is a usage error with a suggestion; an existing --out is not replaced", async () => {
    const docx = join(ROOT, "test/fixtures/import");
    expect(existsSync(docx)).toBe(true);
    const file = join(project, "in.docx");
    const r = await run(["import", file, "--type", "ab-voorstell"], { cwd: project });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ab-voorstel/);
    writeFileSync(out, "mijn eigen tekst\n");
    const again = await run(["import", file, "--out", out], { cwd: project });
    expect(again.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("mijn eigen tekst\n");
  });
});
