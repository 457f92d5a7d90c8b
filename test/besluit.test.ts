import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readText, ROOT, run, tempDir, messagesIn } from "./helpers.js";
import { needs, VALIDATE_DOCX } from "./ooxml.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

/**
 * The formal besluit as a legal text (issue 16): aanhef from the data, overwegingen, gehoord,
 * gelet op, the dictum, and the regeling itself — hoofdstukken, paragrafen, artikelen numbered
 * when printed, leden as real numbered lists restarting per artikel, onderdelen, begrippen,
 * inwerkingtreding, citeertitel — and the ondertekening side by side.
 */

const EXAMPLE = "data/besluiten/reglement-van-orde-2021.yaml";
const built = (() => {
  let dir: Promise<string> | undefined;
  return () =>
    (dir ??= (async () => {
      const out = tempDir();
      const r = await run(["build", EXAMPLE, "--format", "docx,html,text", "--out", out]);
      if (r.code !== 0) throw new Error(r.stderr);
      return out;
    })());
})();
const file = async (ext: string) => join(await built(), `reglement-van-orde-2021.${ext}`);

describe("the besluit's structure", () => {
  it("reads as a besluit: aanhef from the data, overwegingen, gehoord, gelet op, besluit:, the regeling, ondertekening", async () => {
    const text = readText(await file("txt"));
    const order = [
      "Het algemeen bestuur van Veiligheidsregio's Flevoland en Gooi en Vechtstreek, bijeen in zijn openbare vergadering van 10 december 2020;",
      "gelezen het voorstel van het dagelijks bestuur van 19 november 2020;",
      "overwegende dat het algemeen bestuur volgens artikel 3 ten minste viermaal per jaar vergadert",
      "gehoord hebbende de colleges van burgemeester en wethouders van de deelnemende gemeenten en de ondernemingsraad;",
      "gelet op artikel 22 van de Wet gemeenschappelijke regelingen en artikel 16",
      "besluit:",
      "vast te stellen het volgende reglement:",
      "Reglement van orde algemeen bestuur 2021\n---",
      "Hoofdstuk 1. Algemene bepalingen",
      "Artikel 1. Begripsbepalingen",
      "In deze regeling wordt verstaan onder:\n\na. bestuur: het algemeen bestuur van de veiligheidsregio;",
      "Artikel 2. Reikwijdte\n\nDit reglement is van toepassing",
      "Hoofdstuk 2. Vergaderingen",
      "§ 2.1 Bijeenroeping",
      "Artikel 3. Vergaderingen\n\n1. Het bestuur vergadert ten minste viermaal per jaar.",
      "3. De uitnodiging vermeldt:\n   a. de datum, het tijdstip en de plaats van de vergadering;",
      "Artikel 4. Digitaal vergaderen\n\n1. Het bestuur kan digitaal vergaderen",
      "2. Het bepaalde in artikel 3, derde lid is van overeenkomstige toepassing;",
      "§ 2.2 Besluitvorming",
      "Artikel 6. Inwerkingtreding\n\nDeze regeling treedt in werking met ingang van de dag na die van haar bekendmaking en werkt terug tot en met 1 januari 2021.",
      "Artikel 7. Citeertitel\n\nDeze regeling wordt aangehaald als: Reglement van orde algemeen bestuur 2021.",
      "Aldus besloten in de vergadering van het algemeen bestuur te Lelystad op 10 december 2020.",
      "de secretaris, | de voorzitter,",
    ];
    let from = 0;
    for (const part of order) {
      const at = text.indexOf(part, from);
      expect(at, part).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  const xmllint = needs("xmllint", "python3", VALIDATE_DOCX);
  it("in the .docx: heading styles for hoofdstukken and artikelen, leden as list numbering that restarts per artikel, bookmarks and REF fields", async () => {
    const xml = strFromU8(unzipSync(readFileSync(await file("docx")))["word/document.xml"]!);
    const styleOf = (text: string) => new RegExp(`<w:pStyle w:val="(Heading\\d)"/>(?:(?!</w:p>).)*?${text.replace(/[.§]/g, "\\$&")}`).exec(xml)?.[1];
    expect(styleOf("Hoofdstuk 2. Vergaderingen")).toBe("Heading2");
    expect(styleOf("Bijeenroeping")).toBe("Heading3");
    // The leden of Artikel 3, 4 and 5: each artikel's list its own numbering instance, so 1, 2, 3 restart.
    const numIds = [...xml.matchAll(/<w:pStyle w:val="ListNumber"\/><w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]!);
    expect(new Set(numIds).size).toBeGreaterThanOrEqual(3);
    // [[artikel:vergaderingen]] twice: a REF field to the bookmark on Artikel 3's number.
    expect(xml).toMatch(/<w:bookmarkStart w:name="_Ref_artikel_vergaderingen" w:id="\d+"\/>(<w:r>(?:(?!<\/w:r>).)*<\/w:r>)*?<w:r>(?:(?!<\/w:r>).)*>3<\/w:t><\/w:r><w:bookmarkEnd/);
    expect(xml.match(/REF _Ref_artikel_vergaderingen \\h/g)).toHaveLength(1);
    // [[lid:uitnodiging]]: a link to the bookmark on the lid's numbered paragraph, printed "artikel 3, derde lid".
    expect(xml).toMatch(/<w:hyperlink [^>]*w:anchor="_Ref_lid_uitnodiging"[^>]*>(?:(?!<\/w:hyperlink>).)*>artikel 3, derde lid<\/w:t><\/w:r><\/w:hyperlink>/);
    expect(xml).toContain('<w:bookmarkStart w:name="_Ref_lid_uitnodiging"');
    if (!xmllint.skip) expect(spawnSync(VALIDATE_DOCX, [await file("docx")], { encoding: "utf8" }).stdout).toMatch(/^OK/);
  });

  it("in the HTML: headings, ordered lists for leden and onderdelen, links to the artikel", async () => {
    const html = readText(await file("html"));
    expect(html).toMatch(/<h3 id="[^"]+">Hoofdstuk 2\. Vergaderingen<\/h3>/);
    expect(html).toMatch(/<h4 id="[^"]+">Artikel <span id="artikel-vergaderingen">3<\/span>\. Vergaderingen<\/h4>/);
    expect(html).toMatch(/<ol type="a">\s*<li>de datum, het tijdstip/);
    expect(html.match(/<a href="#artikel-vergaderingen">3<\/a>/g)).toHaveLength(1);
    expect(html).toContain('<a href="#lid-uitnodiging">artikel 3, derde lid</a>');
    expect(html).toMatch(/<li id="lid-uitnodiging">/);
  });

  it("a regeling has artikelen or hoofdstukken, and an inwerkingtreding with a date or after publication", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    const f = join(dir, EXAMPLE);
    writeFileSync(f, readText(f).replace("    na_bekendmaking: true\n", ""));
    const r = await run(["check", EXAMPLE], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: give the inwerkingtreding a `datum` or `na_bekendmaking: true`/);
  });
});

describe("diff of two versions of a besluit", () => {
  it("shows an added lid as an insertion, and the articles after it keep their text", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    const f = join(dir, EXAMPLE);
    writeFileSync(join(dir, "oud.yaml"), readText(f));
    writeFileSync(f, readText(f).replace("                - Het bestuur vergadert ten minste viermaal per jaar.\n", "                - Het bestuur vergadert ten minste viermaal per jaar.\n                - De vergaderingen zijn openbaar, tenzij het bestuur anders besluit.\n"));
    const r = await run(["diff", "oud.yaml", EXAMPLE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\{\+De vergaderingen zijn openbaar, tenzij het bestuur anders besluit\.\+\}/);
    // The following leden are not shown as changed text.
    expect(r.stdout).not.toMatch(/\[-De voorzitter roept/);
  });
});

describe("a besluit that closes a proposal (its ontwerpbesluit)", () => {
  it("starts on a new page, under its heading, with the besluit's own parts and the meeting's date", async () => {
    const dir = tempDir();
    const r = await run(["build", "data/proposals/kadernota-2022.yaml", "--format", "docx,text", "--out", dir]);
    expect(r.code).toBe(0);
    const text = readText(join(dir, "kadernota-2022.txt"));
    const at = text.indexOf("Ontwerpbesluit\n---");
    expect(at).toBeGreaterThan(0);
    const besluit = text.slice(at);
    for (const part of ["bijeen in zijn openbare vergadering van 10 december 2020;", "overwegende dat", "gelet op artikel 34b", "besluit:", "a. de Kadernota 2022 Veiligheidsregio Flevoland;", "en deze ter kennisname toe te zenden", "te Lelystad op 10 december 2020."]) {
      expect(besluit).toContain(part);
    }
    const xml = strFromU8(unzipSync(readFileSync(join(dir, "kadernota-2022.docx")))["word/document.xml"]!);
    expect(xml).toMatch(/<w:pageBreakBefore\/><\/w:pPr><w:bookmarkStart w:name="ontwerpbesluit"[^>]*\/><w:r><w:t xml:space="preserve">Ontwerpbesluit<\/w:t>/);
  });
});
