import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, readText, ROOT, run, tempDir } from "./helpers.js";
import { docxParagraphs, docxParts, htmlText, needs, VALIDATE_DOCX, words } from "./ooxml.js";

const BIN = join(ROOT, "bin", "boardpaper.js");
/** Every proposal in data/, as a path below data/ (house styles are not proposals). */
const ALL_PROPOSALS = (readdirSync(join(ROOT, "data"), { recursive: true }) as string[])
  .filter((f) => f.endsWith(".yaml") && !f.endsWith("huisstijl.yaml") && !f.startsWith("meetings/"))
  .sort();
const PROPOSALS = readdirSync(join(ROOT, "data", "proposals")).filter((f) => f.endsWith(".yaml"));
const MEETING_FILES = ["agenda.docx", "agenda.html", "besluitenlijst.docx", "besluitenlijst.html", "bundle.html"];
const SEED = join(ROOT, "data", "proposals", "terugblik-visitaties.yaml");

/** Build into a fresh folder, in-process; returns the folder. */
async function buildTo(args: string[]): Promise<string> {
  const out = tempDir();
  const r = await run(["build", ...args, "--out", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return out;
}

function filesUnder(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]) {
    if (d.isFile()) out[join(d.parentPath, d.name).slice(dir.length + 1)] = readFileSync(join(d.parentPath, d.name));
  }
  return out;
}

describe("build: where outputs go", () => {
  it("a file named on the command line lands directly in --out, one file per format", async () => {
    const out = await buildTo([SEED]);
    expect(Object.keys(filesUnder(out)).sort()).toEqual(["terugblik-visitaties.docx", "terugblik-visitaties.html"]);
  });

  it("a folder's tree is mirrored under --out", async () => {
    const out = await buildTo(["data", "--format", "docx"]);
    expect(ALL_PROPOSALS.length).toBeGreaterThan(PROPOSALS.length);
    const files = Object.keys(filesUnder(out)).sort();
    expect(files.filter((f) => !f.startsWith("meetings/"))).toEqual(ALL_PROPOSALS.map((p) => p.replace(".yaml", ".docx")));
    // A meeting becomes a folder of its own.
    expect(files).toEqual(expect.arrayContaining(["meetings/ab-2020-10-01/agenda.docx", "meetings/ab-2020-10-01/terugblik-visitaties.docx"]));
  });

  it("an unknown format is a usage error", async () => {
    const r = await run(["build", SEED, "--format", "docx,odt", "--out", tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("onbekend formaat `odt`; kies uit docx, html, text");
  });
});

describe("build: nothing is written when anything is wrong", () => {
  it("invalid input: the diagnostics of check, exit 1, and no file written or changed", async () => {
    const input = tempDir();
    cpSync(join(ROOT, "data"), input, { recursive: true });
    const bad = join(input, "proposals", "zz-bad.yaml");
    writeFileSync(bad, readText(fixture("check", "minimal.yaml")).replace("vergaderdatum: 2026-03-12", "vergaderdatum: 2026-02-30"));
    const out = tempDir();
    writeFileSync(join(out, "keep.txt"), "previous output");
    const before = statSync(join(out, "keep.txt")).mtimeMs;
    const r = await run(["build", input, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zz-bad\.yaml:4:16: error: `2026-02-30` is geen bestaande datum/);
    expect(r.stderr).toContain("Er is niets geschreven.");
    expect(readdirSync(out)).toEqual(["keep.txt"]);
    expect(statSync(join(out, "keep.txt")).mtimeMs).toBe(before);
  });

  it("leaves no temporary files behind", async () => {
    const out = await buildTo(["data"]);
    expect(Object.keys(filesUnder(out)).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});

describe("build: deterministic bytes", () => {
  it("the same input gives byte-identical output in any time zone, locale and time", () => {
    const outputs = ["Pacific/Kiritimati", "America/Los_Angeles", "UTC"].map((tz, i) => {
      const out = tempDir();
      const env: NodeJS.ProcessEnv = { ...process.env, TZ: tz, LC_ALL: ["nl_NL.UTF-8", "C", "en_US.UTF-8"][i]!, LANG: "C" };
      delete env.SOURCE_DATE_EPOCH;
      const r = spawnSync(process.execPath, [BIN, "build", "data", "--out", out], { cwd: ROOT, env, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      return filesUnder(out);
    });
    expect(Object.keys(outputs[0]!).length).toBeGreaterThan(ALL_PROPOSALS.length * 2 + MEETING_FILES.length);
    for (const other of outputs.slice(1)) {
      expect(Object.keys(other).sort()).toEqual(Object.keys(outputs[0]!).sort());
      for (const [name, bytes] of Object.entries(outputs[0]!)) expect(Buffer.compare(bytes, other[name]!), name).toBe(0);
    }
  });

  it("a document's bytes do not depend on what else the same run rendered", async () => {
    const batch = filesUnder(await buildTo(["data"]));
    const alone = filesUnder(await buildTo([join(ROOT, "data", "proposals", PROPOSALS[PROPOSALS.length - 1]!)]));
    const [name, bytes] = Object.entries(alone).find(([n]) => n.endsWith(".docx"))!;
    expect(Buffer.compare(bytes, batch[`proposals/${name}`]!)).toBe(0);
  });

  it("the zip entries and core properties carry the document's date, or SOURCE_DATE_EPOCH", async () => {
    const out = await buildTo([SEED, "--format", "docx"]);
    const core = docxParts(readFileSync(join(out, "terugblik-visitaties.docx")))["docProps/core.xml"]!;
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2020-09-17T00:00:00Z</dcterms:created>');
    const stamped = tempDir();
    const r = await run(["build", SEED, "--format", "docx", "--out", stamped], { env: { SOURCE_DATE_EPOCH: "1767225600" } });
    expect(r.code).toBe(0);
    const core2 = docxParts(readFileSync(join(stamped, "terugblik-visitaties.docx")))["docProps/core.xml"]!;
    expect(core2).toContain("2026-01-01T00:00:00Z");
    const list = execFileSync("unzip", ["-Z", "-T", join(stamped, "terugblik-visitaties.docx")], { encoding: "utf8" });
    expect(list).toMatch(/20260101\.120000 word\/document\.xml/);
  });
});

describe("build --check (out/ is reviewable)", () => {
  it("the committed out/ is what the current code and data produce", async () => {
    const r = await run(["build", "--check"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("lists stale, missing and orphaned files and exits 1", async () => {
    const out = await buildTo(["data"]);
    writeFileSync(join(out, "proposals", PROPOSALS[0]!.replace(".yaml", ".html")), "<p>old</p>");
    const gone = join(out, "proposals", PROPOSALS[1]!.replace(".yaml", ".docx"));
    execFileSync("rm", [gone]);
    writeFileSync(join(out, "proposals", "deleted-proposal.docx"), "x");
    const r = await run(["build", "data", "--out", out, "--check"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`proposals/${PROPOSALS[0]!.replace(".yaml", ".html")}: verouderd`);
    expect(r.stderr).toContain(`proposals/${PROPOSALS[1]!.replace(".yaml", ".docx")}: ontbreekt`);
    expect(r.stderr).toContain("proposals/deleted-proposal.docx: door geen enkele invoer gemaakt");
    expect(existsSync(gone)).toBe(false);
  });
});

describe("the .docx and the HTML carry the same text in the same order", () => {
  it.each(ALL_PROPOSALS)("%s", async (file) => {
    const out = await buildTo([join(ROOT, "data", file)]);
    const stem = file.replace(".yaml", "").split("/").pop()!;
    const docx = words(docxParagraphs(readFileSync(join(out, `${stem}.docx`))).join(" "));
    const html = words(htmlText(readFileSync(join(out, `${stem}.html`), "utf8")));
    expect(docx.length).toBeGreaterThan(50);
    expect(html).toEqual(docx);
  });
});

describe("the seed, rendered", () => {
  const seed = readText(join(ROOT, "seeds", "000_5a9ebb66a1787e57.txt"));
  // Whitespace is removed before comparing, which also undoes the PDF extraction's split words.
  const squash = (s: string) => s.replace(/\s+/g, "");
  /**
   * Seed lines that are not text of the proposal: labels the template sets in its own words,
   * and the list number and date the writers format. Each maps to what must appear instead.
   */
  const NOT_VERBATIM: Record<string, string[]> = {
    "1. Kennis te nemen van de rapportage ‘terugblik eerste ronde visitaties (2014-2019);": ["Kennis te nemen van de rapportage ‘terugblik eerste ronde visitaties (2014-2019);"],
    "Afgestemd met: Datum: Standpunt/advies:": ["Afgestemd met", "Datum", "Standpunt/advies"],
    "Veiligheidsdirectie 9 september ‘20 Kennisgenomen van de rapportage en ter": ["Veiligheidsdirectie", "9 september 2020", "Kennisgenomen van de rapportage en ter"],
    "Consequenties (Financieel, Personeel, Juridisch, Informatievoorziening)": ["Consequenties"],
    "Vervolg (Proces en Uitvoering)": ["Vervolg (proces en uitvoering)"],
    "Communicatie (Intern, Extern)": ["Communicatie"],
    "Kanttekeningen/ Risico’s": ["Kanttekeningen/risico’s"],
    // The lone "." after Inleiding is extraction debris, not a sentence.
    ".": [],
  };
  const expectations = seed
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .flatMap((l) => NOT_VERBATIM[l] ?? [l]);

  it("every line of the seed is in both the .docx and the HTML", async () => {
    const out = await buildTo([SEED]);
    const docx = squash(docxParagraphs(readFileSync(join(out, "terugblik-visitaties.docx"))).join(""));
    const html = squash(htmlText(readFileSync(join(out, "terugblik-visitaties.html"), "utf8")));
    expect(expectations.length).toBeGreaterThan(100);
    const missing = (text: string) => expectations.filter((e) => !text.includes(squash(e)));
    expect(missing(docx)).toEqual([]);
    expect(missing(html)).toEqual([]);
  });

  const soffice = needs("soffice", "pdftotext");
  it.skipIf(soffice.skip)(`LibreOffice opens the seed's .docx and its PDF has the seed's text ${soffice.reason}`, async () => {
    const out = await buildTo([SEED, "--format", "docx"]);
    const profile = tempDir("bp-lo-");
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, join(out, "terugblik-visitaties.docx")], {
      stdio: "pipe",
      timeout: 120_000,
    });
    const pdf = join(out, "terugblik-visitaties.pdf");
    const text = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" });
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Terugblik eerste ronde visitaties 2014-2019/);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(text).toContain("Pagina 1 van");
    expect(text).toContain("Het algemeen bestuur wordt verzocht:");
    // Page-level text (columns, hyphenation) differs from ours, so compare without whitespace.
    // Leave out the running header and footer, which interrupt text that crosses a page.
    const body = text
      .split("\n")
      .filter((l) => !/Pagina \d+ van \d+|Algemeen bestuur · 1 oktober 2020/.test(l))
      .join("\n");
    const pdfText = squash(body);
    const long = expectations.filter((x) => x.length > 25);
    expect(long.length).toBeGreaterThan(80);
    expect(long.filter((e) => !pdfText.includes(squash(e)))).toEqual([]);
  });
});

describe("the .docx is a document a secretariat would send out", () => {
  const parts = async () => docxParts(readFileSync(join(await buildTo([SEED, "--format", "docx"]), "terugblik-visitaties.docx")));

  it("uses named styles: Title, Heading 1/2, List Number, a table style, and one font set in the styles", async () => {
    const p = await parts();
    const styles = p["word/styles.xml"]!;
    for (const [id, name] of [["Title", "Title"], ["Heading1", "heading 1"], ["Heading2", "heading 2"], ["ListNumber", "List Number"], ["BoardpaperTable", "Boardpaper Table"]]) {
      expect(styles).toMatch(new RegExp(`w:styleId="${id}"[^>]*>\\s*<w:name w:val="${name}"`, "i"));
    }
    expect(styles).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial"[^>]*\/>.*<w:lang w:val="nl-NL"\/>/);
    const doc = p["word/document.xml"]!;
    expect(doc).toContain('<w:pStyle w:val="Title"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).not.toMatch(/<w:rFonts /); // no direct font formatting in the body
  });

  it("tables have explicit widths and a repeating header row", async () => {
    const doc = (await parts())["word/document.xml"]!;
    // A4 is 210 mm; the default margins leave 165 mm = 9354 twips of text width.
    expect(doc).toMatch(/<w:tblW w:type="dxa" w:w="9354"\/>/);
    for (const grid of doc.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)) {
      const cols = [...grid[1]!.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
      expect(cols.reduce((a, b) => a + b, 0)).toBe(9354);
    }
    expect(doc).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    expect(doc).toMatch(/<w:gridCol w:w="\d+"\/>/);
    expect(doc).toContain("<w:tblHeader/>");
    expect(doc).toContain('<w:tblStyle w:val="BoardpaperTable"/>');
  });

  it("A4 with margins, header with organisation, orgaan, date and agendapunt, footer 'Pagina X van Y'", async () => {
    const p = await parts();
    expect(p["word/document.xml"]).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(p["word/header1.xml"]).toContain("Veiligheidsregio&apos;s Flevoland en Gooi en Vechtstreek · Algemeen bestuur · 1 oktober 2020 · agendapunt 9");
    const footer = p["word/footer1.xml"]!;
    expect(footer).toMatch(/Pagina <\/w:t>/);
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it("each numbered list restarts: every list has its own numbering instance", async () => {
    const out = await buildTo([join(ROOT, "data", "proposals", "vervanging-tankautospuiten.yaml"), "--format", "docx"]);
    const p = docxParts(readFileSync(join(out, "vervanging-tankautospuiten.docx")));
    const numIds = [...p["word/document.xml"]!.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    const nums = [...p["word/numbering.xml"]!.matchAll(/<w:num w:numId="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(numIds).size).toBeGreaterThan(3);
    for (const id of numIds) expect(nums).toContain(id);
    expect(p["word/numbering.xml"]).toMatch(/<w:lvlOverride w:ilvl="\d"><w:startOverride w:val="1"\/>/);
  });

  it("document properties: title, subject, author, language", async () => {
    const core = (await parts())["docProps/core.xml"]!;
    expect(core).toContain("<dc:title>Terugblik eerste ronde visitaties 2014-2019</dc:title>");
    expect(core).toContain("<dc:subject>Voorstel aan het algemeen bestuur</dc:subject>");
    expect(core).toContain("<dc:creator>J. Bakker</dc:creator>");
    expect(core).toContain("<dc:language>nl-NL</dc:language>");
  });

  const xmllint = needs("xmllint", "python3", VALIDATE_DOCX);
  it.skipIf(xmllint.skip)(`every .docx in out/ passes the ECMA-376 schema check ${xmllint.reason}`, () => {
    const docs = (readdirSync(join(ROOT, "out"), { recursive: true }) as string[]).filter((f) => f.endsWith(".docx"));
    expect(docs.length).toBeGreaterThan(0);
    for (const f of docs) {
      const r = spawnSync(VALIDATE_DOCX, [join(ROOT, "out", f)], { encoding: "utf8" });
      expect(r.stdout + r.stderr, f).toMatch(/^OK/);
      expect(r.status).toBe(0);
    }
  });
});

describe("templates: mistakes name the template file and line", () => {
  async function withTemplate(partial: string, content: string) {
    const dir = tempDir();
    mkdirSync(join(dir, "partials"), { recursive: true });
    writeFileSync(join(dir, "partials", partial), content);
    const { loadTemplateSet } = await import("../src/template/template-set.js");
    const { hostTemplateFiles } = await import("../src/template/host-files.js");
    const { nodeHost } = await import("../src/host/host.js");
    const { renderProposal } = await import("../src/render/render-proposal.js");
    const { validateFile } = await import("../src/validate/validate-file.js");
    const { AB_VOORSTEL, AB_TYPE } = await import("./registry.js");
    const { DEFAULT_STYLE_SHEET } = await import("../src/style/style-sheet.js");
    const loaded = validateFile("seed.yaml", readFileSync(SEED), AB_VOORSTEL.schema).valid;
    if (!loaded) throw new Error("seed invalid");
    try {
      const templates = await loadTemplateSet(hostTemplateFiles(nodeHost(process, { cwd: dir })), [dir, ...AB_TYPE.dirs]);
      renderProposal(loaded.value, { style: { templates, templateDirs: [dir], sheet: DEFAULT_STYLE_SHEET, texts: { organisatie: null, voettekst: null, datumnotatie: "lang" } }, type: AB_TYPE });
    } catch (e) {
      return (e as { diagnostic: { file: string; pos: { line: number; col: number }; message: string } }).diagnostic;
    }
    throw new Error("expected a template error");
  }

  it("an element outside the vocabulary", async () => {
    const d = await withTemplate("soort-proza.hbs", "{{!-- a comment <div> is fine --}}\n<h2>{{label}}</h2>\n  <div>{{md waarde}}</div>\n");
    expect(d.file).toMatch(/partials\/soort-proza\.hbs$/);
    expect(d.pos).toEqual({ line: 3, col: 3 });
    expect(d.message).toMatch(/^<div> hoort niet bij de elementen van een document/);
  });

  it("a field the data does not have (strict mode)", async () => {
    const d = await withTemplate("soort-proza.hbs", "<h2>{{label}}</h2>\n<p>{{tittel}}</p>\n");
    expect(d.file).toMatch(/partials\/soort-proza\.hbs$/);
    expect(d.pos.line).toBe(2);
    expect(d.message).toContain('"tittel" not defined');
  });

  it("a block in the wrong place", async () => {
    const d = await withTemplate("soort-proza.hbs", "<h2>{{label}}</h2>\n<p>\n<strong><table></table></strong></p>\n");
    expect(d.file).toMatch(/partials\/soort-proza\.hbs$/);
    expect(d.pos.line).toBe(3);
    expect(d.message).toMatch(/<table> kan niet in een regel tekst staan/);
  });

  it("a Handlebars syntax error", async () => {
    const d = await withTemplate("soort-proza.hbs", "<h2>{{label}}</h2>\n{{#if waarde}}\n<p>x</p>\n");
    expect(d.file).toMatch(/partials\/soort-proza\.hbs$/);
    expect(d.message).toMatch(/^sjabloonsyntaxis:/);
  });
});

describe("the HTML is one accessible, self-contained, valid file", () => {
  const pages = (readdirSync(join(ROOT, "out"), { recursive: true }) as string[]).filter((f) => f.endsWith(".html"));

  it.each(pages)("%s passes html-validate (recommended, a11y and document rules)", async (page) => {
    const { HtmlValidate, StaticConfigLoader } = await import("html-validate");
    const validator = new HtmlValidate(
      new StaticConfigLoader({
        extends: ["html-validate:recommended", "html-validate:a11y", "html-validate:document"],
        // A board paper's <title> is its full subject; cutting it to 70 characters for search engines loses meaning.
        rules: { "long-title": "off" },
      }),
    );
    const report = await validator.validateString(readFileSync(join(ROOT, "out", page), "utf8"), page);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });

  it.each(pages)("%s: lang, captions, scoped header cells, no scripts, no external requests", (page) => {
    const html = readFileSync(join(ROOT, "out", page), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl-NL">/);
    const tables = html.match(/<table\b/g)?.length ?? 0;
    expect(html.match(/<caption>/g)?.length ?? 0).toBe(tables);
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)/);
    expect(html).not.toMatch(/<script|<link |<img(?![^>]*src="data:)|<iframe|@import|url\(/i);
    expect(html).toMatch(/@page \{\s*size: A4;/);
    expect(html).toMatch(/content: "[^"]*pagina " counter\(page\) " van " counter\(pages\);/i);
  });
});
