import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/main.js";
import { filesSnapshot, fixture, readText, ROOT, run, tempDir, messagesIn } from "./helpers.js";
import { docxParagraphs, docxParts, htmlText } from "./ooxml.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

const MINIMAL = readText(fixture("check", "minimal.yaml"));
const LOGO_SVG = readText(join(ROOT, "data", "logo-veiligheidsregio.svg"));

/** A project folder with one proposal and the given house style (and a logo beside it). */
function project(style: string, extra: Record<string, string> = {}): string {
  const dir = tempDir();
  mkdirSync(join(dir, "data", "proposals"), { recursive: true });
  writeFileSync(join(dir, "data", "proposals", "p.yaml"), MINIMAL);
  writeFileSync(join(dir, "data", "logo.svg"), LOGO_SVG);
  writeFileSync(join(dir, "data", "huisstijl.yaml"), style);
  for (const [p, text] of Object.entries(extra)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const STYLE = [
  "organisatie: Veiligheidsregio Testland",
  "logo: { bestand: logo.svg, alt: Logo van Testland, breedte_mm: 30 }",
  "lettertype: { familie: Georgia, reserve: [Liberation Serif, serif], grootte: { tekst: 11, titel: 20 } }",
  'accentkleur: "#7A1F5C"',
  "marges_mm: { boven: 30, rechts: 15, onder: 20, links: 35 }",
  "voettekst: Testland · vertrouwelijk",
  "datumnotatie: numeriek",
].join("\n");

describe("house style: one file drives the Word styles and the CSS", () => {
  it("fonts, sizes, colours, margins, footer text, date format and logo reach both outputs", async () => {
    const dir = project(STYLE);
    const r = await run(["build"], { cwd: dir });
    expect(r.stderr).toBe("");
    const docx = docxParts(readFileSync(join(dir, "out", "proposals", "p.docx")));
    const html = readText(join(dir, "out", "proposals", "p.html"));
    // Font family and body size (half-points) in the styles; in the CSS.
    expect(docx["word/styles.xml"]).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia"[^>]*\/><w:sz w:val="22"\/>/);
    expect(docx["word/styles.xml"]).toMatch(/w:styleId="Title".*?<w:sz w:val="40"\/>/s);
    expect(html).toMatch(/font-family: Georgia, "Liberation Serif", serif;\s*font-size: 11pt;/);
    expect(html).toContain("h1 { font-size: 20pt;");
    // Accent colour.
    expect(docx["word/styles.xml"]).toMatch(/w:styleId="Heading1".*?<w:color w:val="7A1F5C"\/>/s);
    expect(html).toMatch(/color: #7A1F5C;/);
    // Margins: 35 mm left = 1984 twips; 15 mm right = 850 twips.
    expect(docx["word/document.xml"]).toMatch(/<w:pgMar [^>]*w:right="850"[^>]*w:left="1984"/);
    expect(html).toMatch(/margin: 30mm 15mm 20mm 35mm;/);
    // Footer text, and dates as numbers.
    expect(docx["word/footer1.xml"]).toContain("Testland · vertrouwelijk · Pagina ");
    expect(html).toContain('content: "Testland · vertrouwelijk · Pagina " counter(page)');
    expect(docxParagraphs(readFileSync(join(dir, "out", "proposals", "p.docx")))).toContain("Vergaderdatum 12-03-2026");
    expect(htmlText(html)).toContain("12-03-2026");
    // The logo, with its alt text, in the Word header and in the HTML header.
    expect(Object.keys(docx)).toEqual(expect.arrayContaining(["word/media/image1.svg", "word/media/image1.png"]));
    expect(docx["word/header1.xml"]).toMatch(/<wp:docPr id="1" name="Logo" descr="Logo van Testland" title="Logo van Testland"\/>/);
    expect(html).toMatch(/<header>\n<img class="logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Logo van Testland" width="113" height="38">/);
  });

  it("a PNG logo works too", async () => {
    const dir = project(STYLE.replace("logo.svg", "logo.png"), {});
    cpSync(join(ROOT, "data", "gemeente", "logo-gemeente.png"), join(dir, "data", "logo.png"));
    const r = await run(["build"], { cwd: dir });
    expect(r.stderr).toBe("");
    const docx = docxParts(readFileSync(join(dir, "out", "proposals", "p.docx")));
    expect(Object.keys(docx).filter((p) => p.startsWith("word/media/"))).toEqual(["word/media/image1.png"]);
    expect(readText(join(dir, "out", "proposals", "p.html"))).toContain('src="data:image/png;base64,');
  });

  it("the nearest huisstijl.yaml applies: a folder can have its own", async () => {
    const out = tempDir();
    const r = await run(["build", "data", "--out", out, "--format", "html"]);
    expect(r.code).toBe(0);
    expect(readText(join(out, "gemeente", "raadsvoorstel-speelruimteplan.html"))).toContain("Gemeente Voorbeeldstad · griffie");
    expect(readText(join(out, "proposals", "terugblik-visitaties.html"))).toContain("Logo van de veiligheidsregio");
  });

  const BAD: [string, string, string, string][] = [
    ["a colour that is not #RRGGBB", 'accentkleur: "#7A1F5C"', "accentkleur: paars", "huisstijl.yaml:4:14: error: `paars`: write a colour as # and six hexadecimal digits, e.g. #1F4E79 (accentkleur)"],
    ["a logo that is not there", "bestand: logo.svg", "bestand: logo2.svg", "huisstijl.yaml:2:18: error: logo file `logo2.svg` not found (looked for data/logo2.svg) (logo.bestand)"],
    ["a logo outside the project", "bestand: logo.svg", "bestand: ../../../etc/passwd", "huisstijl.yaml:2:18: error: `../../../etc/passwd` lies outside the project folder; put the logo inside it (logo.bestand)"],
    ["a logo that is not an image", "bestand: logo.svg", "bestand: proposals/p.yaml", "huisstijl.yaml:2:18: error: proposals/p.yaml: the logo must be a PNG or an SVG file (logo.bestand)"],
    ["an unknown key", "voettekst:", "voetekst:", "huisstijl.yaml:6:1: error: unknown key `voetekst`; did you mean `voettekst`? (voetekst)"],
    ["a font size out of range", "tekst: 11", "tekst: 72", "huisstijl.yaml:3:87: error: 72 is too large; the most allowed is 20 (lettertype.grootte.tekst)"],
    ["a templates folder that is not there", "datumnotatie: numeriek", "datumnotatie: numeriek\ntemplates: mijn-templates", "huisstijl.yaml:8:12: error: templates folder `mijn-templates` not found (looked for data/mijn-templates) (templates)"],
  ];
  it.each(BAD)("%s is a positioned error, and nothing is built", async (_name, from, to, message) => {
    expect(STYLE).toContain(from);
    const dir = project(STYLE.replace(from, to));
    for (const command of ["check", "build"]) {
      const r = await run([command], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`data/${message}`);
    }
    expect(() => readFileSync(join(dir, "out", "proposals", "p.docx"))).toThrow();
  });
});

describe("templates: an organisation's own layout without TypeScript", () => {
  const SEED = join(ROOT, "data", "proposals", "terugblik-visitaties.yaml");

  it("a house style's templates folder restyles one type in a sub-folder named after it, and every type in the folder itself", async () => {
    const dir = tempDir();
    cpSync(SEED, join(dir, "p.yaml"));
    mkdirSync(join(dir, "tpl", "raadsvoorstel", "partials"), { recursive: true });
    mkdirSync(join(dir, "tpl", "partials"), { recursive: true });
    writeFileSync(join(dir, "huisstijl.yaml"), "templates: tpl\n");
    // Only for raadsvoorstellen: the voorstel (an ab-voorstel) is not touched.
    const own = readText(join(ROOT, "templates", "raadsvoorstel", "partials", "metadata.hbs"));
    writeFileSync(join(dir, "tpl", "raadsvoorstel", "partials", "metadata.hbs"), own.replace("<dl>", "<dl>\n  <dt>Raad</dt><dd>eigen huisstijl</dd>"));
    const only = await run(["build", "p.yaml", "--format", "text", "--out", "o"], { cwd: dir });
    expect(only.stderr).toBe("");
    expect(readText(join(dir, "o", "p.txt"))).not.toContain("Raad: eigen huisstijl");
    cpSync(join(ROOT, "data", "gemeente", "raadsvoorstel-speelruimteplan.yaml"), join(dir, "r.yaml"));
    const raad = await run(["build", "r.yaml", "--format", "text", "--out", "o"], { cwd: dir });
    expect(raad.code).toBe(0);
    expect(readText(join(dir, "o", "r.txt"))).toContain("Raad: eigen huisstijl");
    // For every type: the folder itself (a type's own folder still comes first: ab-voorstel has no soort-proza of its own).
    writeFileSync(join(dir, "tpl", "partials", "soort-proza.hbs"), "{{#if aanwezig}}<h2>Alle: {{label}}</h2>{{/if}}\n");
    const all = await run(["build", "p.yaml", "--format", "text", "--out", "o"], { cwd: dir });
    expect(all.stderr).toBe("");
    expect(readText(join(dir, "o", "p.txt"))).toContain("Alle: Inleiding");
  });

  it("a template that overrides a partial is used file by file, and its mistakes name file and line", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "tpl", "partials"), { recursive: true });
    writeFileSync(join(dir, "tpl", "partials", "soort-proza.hbs"), "<h2>{{label}}</h2>\n{{#unless leeg}}\n<section>{{md waarde}}</section>{{/unless}}\n");
    cpSync(SEED, join(dir, "p.yaml"));
    const r = await run(["check", "p.yaml", "--templates", "tpl"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("tpl/partials/soort-proza.hbs:3:1: error: <section> is not part of the document vocabulary");
    writeFileSync(join(dir, "tpl", "partials", "soort-proza.hbs"), "{{#if aanwezig}}<h2>Sectie: {{label}}</h2>{{/if}}\n");
    const ok = await run(["build", "p.yaml", "--templates", "tpl", "--format", "text", "--out", "o"], { cwd: dir });
    expect(ok.stderr).toBe("");
    const text = readText(join(dir, "o", "p.txt"));
    expect(text).toContain("Sectie: Inleiding");
    expect(text).toContain("Het algemeen bestuur wordt verzocht:"); // proposal.hbs is still the built-in one
  });
});

describe("every command has --help; there is --version", () => {
  it.each(COMMANDS.map((c) => c.name))("%s --help", async (name) => {
    const r = await run([name, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: boardpaper ${name}`));
    expect(r.stdout.length).toBeGreaterThan(200);
  });

  it.each(COMMANDS)("the entry for $name loads that command", async (entry) => {
    expect((await entry.load()).name).toBe(entry.name);
  });

  it("--help lists every command, --version prints the package version", async () => {
    const help = await run(["--help"]);
    for (const c of COMMANDS) expect(help.stdout).toContain(`  ${c.name}`);
    const version = await run(["--version"]);
    expect(version.stdout.trim()).toBe(JSON.parse(readText(join(ROOT, "package.json"))).version);
  });
});

describe("a template override that leaves out a required element", () => {
  it("is reported at the override, not at a built-in template the user never touched", async () => {
    const dir = tempDir();
    // The voorstel's own layout is overridden in the sub-folder named after its type.
    mkdirSync(join(dir, "tpl", "ab-voorstel"), { recursive: true });
    cpSync(join(ROOT, "data", "proposals", "terugblik-visitaties.yaml"), join(dir, "p.yaml"));
    const own = readFileSync(join(ROOT, "templates", "ab-voorstel", "proposal.hbs"), "utf8").replace(/<meta name="date"[^>]*>\n/, "");
    writeFileSync(join(dir, "tpl", "ab-voorstel", "proposal.hbs"), own);
    const before = filesSnapshot(dir);
    const r = await run(["build", "p.yaml", "--templates", "tpl", "--out", "o"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tpl\/ab-voorstel\/proposal\.hbs:1:1: error: the template must set <meta name="date" content="…">/m);
    // Not at a built-in template, and nothing written.
    expect(r.stderr).not.toMatch(/templates\/ab-voorstel/);
    expect(filesSnapshot(dir)).toEqual(before);
  });
});
