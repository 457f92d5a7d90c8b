import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { readText, ROOT, run, tempDir } from "./helpers.js";
import { needs, VALIDATE_DOCX } from "./ooxml.js";

/**
 * Cross-references that stay right (issue 16): `[[bijlage:id]]` and `[[beslispunt:id]]` in prose
 * print their target's current number — in the proposal, stamped on an agenda, after a reorder —
 * as a Word REF field to a bookmark and an HTML link; a reference to nothing, or an id used
 * twice, is a positioned error.
 */

const EXAMPLE = "data/proposals/vervanging-tankautospuiten.yaml";

/** A project with the example proposal (and its bijlagen and house style). */
function project(): string {
  const dir = tempDir();
  cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
  return dir;
}

describe("in the proposal", () => {
  it("prints each reference as its target is numbered, and a beslispunt's bijlagen with it", async () => {
    const text = (await run(["text", EXAMPLE])).stdout;
    expect(text).toContain("In te stemmen met het Vervangingsprogramma tankautospuiten 2021-2027 (bijlage 1), waarin");
    expect(text).toContain("van Veiligheidsregio Flevoland, conform bijlage 2;");
    expect(text).toContain("De eerste begrotingswijziging 2021 vast te stellen: (bijlage 2 en 3)");
    expect(text).toContain("De marktverkenning (bijlage 4) laat");
    expect(text).toContain("verwerkt in beslispunt 3b.");
    expect(text).not.toContain("[[");
  });

  it("follows a reorder: the numbers are the targets' new ones", async () => {
    const dir = project();
    const file = join(dir, EXAMPLE);
    const source = readText(file);
    // Swap the two begrotingswijzigingen, and move beslispunt 3 (the dekking) to the end.
    const a = "  - id: bw-flevoland\n    titel: Eerste begrotingswijziging 2021 Veiligheidsregio Flevoland\n    bestand: bijlagen/begrotingswijziging-2021-flevoland.pdf\n";
    const b = "  - id: bw-gooi\n    titel: Eerste begrotingswijziging 2021 Veiligheidsregio Gooi en Vechtstreek\n    bestand: bijlagen/begrotingswijziging-2021-gooi-en-vechtstreek.pdf\n";
    expect(source).toContain(a + b);
    writeFileSync(file, source.replace(a + b, b + a));
    const text = (await run(["text", EXAMPLE], { cwd: dir })).stdout;
    expect(text).toContain("van Veiligheidsregio Flevoland, conform bijlage 3;");
    expect(text).toContain("van Veiligheidsregio Gooi en Vechtstreek, conform bijlage 2.");
    expect(text).toContain("(bijlage 3 en 2)");
  });

  const xmllint = needs("xmllint", "python3", VALIDATE_DOCX);
  it("is a REF field to a bookmark in the .docx, with its result filled in, and a link in the HTML", async () => {
    const dir = tempDir();
    const r = await run(["build", EXAMPLE, "--format", "docx,html", "--out", dir]);
    expect(r.code).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(join(dir, "vervanging-tankautospuiten.docx")))["word/document.xml"]!);
    const bookmarks = [...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]!);
    const refs = [...xml.matchAll(/<w:instrText[^>]*>\s*REF (\S+)([^<]*)<\/w:instrText>/g)].map((m) => [m[1]!, m[2]!.trim()]);
    expect(refs.length).toBeGreaterThanOrEqual(6);
    for (const [name] of refs) expect(bookmarks).toContain(name);
    // A beslispunt is a numbered paragraph: a link to its bookmark, with its number as printed.
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="_Ref_beslispunt_structureel"[^>]*>(?:(?!<\/w:hyperlink>).)*>3b<\/w:t><\/w:r><\/w:hyperlink>/);
    expect(bookmarks).toContain("_Ref_beslispunt_structureel");
    const html = readText(join(dir, "vervanging-tankautospuiten.html"));
    const links = [...html.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].filter((m) => /^(bijlage|beslispunt)-/.test(m[1]!));
    expect(links.length).toBeGreaterThanOrEqual(6);
    for (const [, id] of links) expect(html).toMatch(new RegExp(`id="${id}"`));
    if (!xmllint.skip) expect(spawnSync(VALIDATE_DOCX, [join(dir, "vervanging-tankautospuiten.docx")], { encoding: "utf8" }).stdout).toMatch(/^OK/);
    // Read back, the .docx gives the same text as the data.
    expect((await run(["text", join(dir, "vervanging-tankautospuiten.docx")])).stdout).toBe((await run(["text", EXAMPLE])).stdout);
  });
});

describe("stamped on an agenda", () => {
  it("prints the numbers the agenda gives: bijlage 7-2", async () => {
    const dir = tempDir();
    const r = await run(["agenda", "data/meetings/ab-2020-10-01.yaml", "--format", "docx", "--out", dir]);
    expect(r.code).toBe(0);
    const text = (await run(["text", join(dir, "vervanging-tankautospuiten.docx")])).stdout;
    const item = /Agendapunt: (\S+)/.exec(text)![1]!;
    expect(text).toContain(`conform bijlage ${item}-2;`);
    expect(text).toContain(`(bijlage ${item}-2 en ${item}-3)`);
    expect(text).toContain(`(bijlage ${item}-1), waarin`);
  });
});

describe("mistakes are positioned errors", () => {
  const check = async (edit: (s: string) => string) => {
    const dir = project();
    const file = join(dir, EXAMPLE);
    writeFileSync(file, edit(readText(file)));
    return { dir, r: await run(["check", EXAMPLE], { cwd: dir }) };
  };
  const lineOf = (dir: string, needle: string) => readText(join(dir, EXAMPLE)).split("\n").findIndex((l) => l.includes(needle)) + 1;

  it("a reference to an id no target has, with the closest id", async () => {
    const { dir, r } = await check((s) => s.replace("conform [[bijlage:bw-flevoland]]", "conform [[bijlage:bw-flevolnd]]"));
    expect(r.code).toBe(1);
    const line = lineOf(dir, "bw-flevolnd");
    expect(r.stderr).toMatch(new RegExp(`${EXAMPLE.replace(/[./]/g, "\\$&")}:${line}:\\d+: error: \`\\[\\[bijlage:bw-flevolnd\\]\\]\`: geen bijlage heeft het id \`bw-flevolnd\`; bedoelt u \`bw-flevoland\`\\?`));
  });

  it("a reference of a kind there is none of", async () => {
    const { r } = await check((s) => s.replace("[[bijlage:raming]]) laat", "[[bijlag:raming]]) laat"));
    expect(r.stderr).toMatch(/error: `\[\[bijlag:raming\]\]` noemt hier geen soort verwijzing; bedoelt u `bijlage`\?/);
  });

  it("an id used twice", async () => {
    const { r } = await check((s) => s.replace("  - id: raming\n", "  - id: programma\n"));
    expect(r.stderr).toMatch(/error: id `programma` wordt twee keer gebruikt voor een bijlage \(ook bij bijlagen\[0\]\.id\)/);
  });

  it("a beslispunt naming a bijlage that does not exist", async () => {
    const { r } = await check((s) => s.replace("bijlagen: [bw-flevoland, bw-gooi]", "bijlagen: [bw-flevoland, bw-goi]"));
    expect(r.stderr).toMatch(/error: geen bijlage heeft het id `bw-goi`; bedoelt u `bw-gooi`\?/);
  });
});

describe("diff shows references as printed", () => {
  it("a reordered bijlage changes the printed number in the redline", async () => {
    const dir = project();
    const file = join(dir, EXAMPLE);
    writeFileSync(join(dir, "oud.yaml"), readText(file));
    const source = readText(file);
    writeFileSync(file, source.replace("  - id: raming\n", "  - id: raming2\n").replace(/\[\[bijlage:raming\]\]/g, "[[bijlage:programma]]"));
    const r = await run(["diff", "oud.yaml", EXAMPLE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bijlage \[-4-\]\{\+1\+\}|bijlage.*4.*1/);
  });
});

describe("a reference to a section", () => {
  it("prints its heading, linked to it; an unknown section is an error with the closest name", async () => {
    const dir = project();
    const file = join(dir, EXAMPLE);
    writeFileSync(file, readText(file).replace("De marktverkenning ([[bijlage:raming]]) laat", "De marktverkenning ([[bijlage:raming]]; zie ook [[sectie:kanttekeningen]]) laat"));
    const r = await run(["build", EXAMPLE, "--format", "html,docx,text", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(readText(join(dir, "o", "vervanging-tankautospuiten.txt"))).toContain("(bijlage 4; zie ook Kanttekeningen/risico’s) laat");
    const html = readText(join(dir, "o", "vervanging-tankautospuiten.html"));
    expect(html).toContain('<a href="#sectie-kanttekeningen">Kanttekeningen/risico’s</a>');
    expect(html).toMatch(/<h2 id="[^"]+"><span id="sectie-kanttekeningen">Kanttekeningen\/risico’s<\/span><\/h2>/);
    const xml = strFromU8(unzipSync(readFileSync(join(dir, "o", "vervanging-tankautospuiten.docx")))["word/document.xml"]!);
    expect(xml).toContain("REF _Ref_sectie_kanttekeningen \\h");
    writeFileSync(file, readText(file).replace("[[sectie:kanttekeningen]]", "[[sectie:kanttekening]]"));
    const bad = await run(["check", EXAMPLE], { cwd: dir });
    expect(bad.stderr).toMatch(/error: `\[\[sectie:kanttekening\]\]`: geen sectie heeft het id `kanttekening`; bedoelt u `kanttekeningen`\?/);
  });
});

describe("a reference to a numbered argument", () => {
  it("a numbered item marked {#id} in a field that names its items prints 'argument 2', and follows a reorder", async () => {
    const text = (await run(["text", "data/proposals/kadernota-2022.yaml"])).stdout;
    expect(text).toContain("over de indexatie zie argument 2.");
    expect(text).toContain("2. De indexatie volgt de landelijke cijfers");
    expect(text).not.toContain("{#");
    const html = readText(join(ROOT, "out", "proposals", "kadernota-2022.html"));
    expect(html).toMatch(/<li id="argument-indexatie">/);
    expect(html).toContain('<a href="#argument-indexatie">2</a>');
    // Swap the two arguments: the reference follows.
    const dir = project();
    const file = join(dir, "data", "proposals", "kadernota-2022.yaml");
    const src = readText(file);
    const first = /  1\. \{#afspraken\}[^\n]*\n[^\n]*\n/.exec(src)![0];
    const second = /  2\. \{#indexatie\}[^\n]*\n[^\n]*\n/.exec(src)![0];
    writeFileSync(file, src.replace(first + second, second.replace("2.", "1.") + first.replace("1.", "2.")));
    expect((await run(["text", "data/proposals/kadernota-2022.yaml"], { cwd: dir })).stdout).toContain("over de indexatie zie argument 1.");
    // An id no argument has: a positioned error.
    writeFileSync(file, readText(file).replace("[[argument:indexatie]]", "[[argument:indexaite]]"));
    expect((await run(["check", "data/proposals/kadernota-2022.yaml"], { cwd: dir })).stderr).toMatch(/error: `\[\[argument:indexaite\]\]`: geen argument heeft het id `indexaite`; bedoelt u `indexatie`\?/);
  });
});
