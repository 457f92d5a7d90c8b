import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, run, tempDir } from "./helpers.js";
import { docxParts, needs } from "./ooxml.js";

/**
 * Issue 16: the numbers of list items in a tracked-changes .docx (`boardpaper diff --format
 * docx`). Word's model: a text change inside a numbered paragraph is w:ins/w:del runs only, the
 * paragraph itself (its mark, its properties, its numbering) unchanged; only a wholly inserted or
 * deleted item carries a paragraph-mark revision. LibreOffice shows the numbers in Show Changes
 * mode, and brackets an original number ("a.[b.]") where it thinks the numbering changed.
 */

const SOURCE = join(ROOT, "data", "proposals", "vervanging-tankautospuiten.yaml");
/** Beslispunt 2, sub-point a: its amount changes. */
const AMOUNT = /^(\s*- )€ 1\.680\.000( voor vier tankautospuiten)/m;
/** Beslispunt 2, sub-point b (the last): a sub-point c is inserted after it. */
const LAST = /^(\s*)- € 1\.260\.000 voor drie tankautospuiten van Veiligheidsregio Gooi en Vechtstreek\.$/m;
const INSERTED = "€ 10.000 voor een reservevoertuig.";

/** The redlines in a project folder of their own: sub-point 2a changed; sub-point 2c inserted. */
async function redlines(): Promise<{ dir: string; changed: string; inserted: string }> {
  const dir = tempDir("bp-numbering-");
  const original = readFileSync(SOURCE, "utf8");
  expect(original).toMatch(AMOUNT);
  expect(original).toMatch(LAST);
  writeFileSync(join(dir, "old.yaml"), original);
  writeFileSync(join(dir, "changed.yaml"), original.replace(AMOUNT, "$1€ 1.690.000$2"));
  writeFileSync(join(dir, "inserted.yaml"), original.replace(LAST, (line, indent: string) => `${line}\n${indent}- ${INSERTED}`));
  for (const name of ["changed", "inserted"]) {
    const r = await run(["diff", "old.yaml", `${name}.yaml`, "--format", "docx", "--out", `${name}.docx`], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  }
  return { dir, changed: join(dir, "changed.docx"), inserted: join(dir, "inserted.docx") };
}

/** The document.xml paragraph (<w:p>…</w:p>) whose text contains `text`. */
function paragraph(docx: string, text: string): string {
  const xml = docxParts(readFileSync(docx))["word/document.xml"] ?? "";
  const found = xml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g)?.filter((p) => p.includes(text)) ?? [];
  expect(found, `one paragraph with "${text}"`).toHaveLength(1);
  return found[0]!;
}

const pPr = (p: string): string => /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? "";

describe("redline numbering: the Word model of changed and inserted list items", () => {
  let files: Awaited<ReturnType<typeof redlines>>;
  beforeAll(async () => {
    files = await redlines();
  });

  it("a sub-point whose text changed: w:del/w:ins runs, its paragraph (mark, properties, numbering) unchanged", () => {
    const p = paragraph(files.changed, "1.690.000");
    expect(p).toMatch(/<w:del w:id="\d+"[^>]*><w:r><w:delText[^>]*>1\.680\.000<\/w:delText>/);
    expect(p).toMatch(/<w:ins w:id="\d+"[^>]*><w:r><w:t[^>]*>1\.690\.000<\/w:t>/);
    expect(pPr(p)).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    // Nothing marks the paragraph itself: no paragraph-mark revision, property or numbering change.
    expect(p).not.toMatch(/w:pPrChange|w:rPrChange|w:numberingChange/);
    expect(pPr(p)).not.toMatch(/<w:ins |<w:del /);
    // The next sub-point is untouched.
    expect(paragraph(files.changed, "1.260.000 voor drie")).not.toMatch(/w:ins|w:del/);
  });

  it("a wholly inserted sub-point: its text and its paragraph mark inserted, numbered like its siblings", () => {
    const p = paragraph(files.inserted, INSERTED);
    expect(pPr(p)).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(pPr(p)).toMatch(/<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:ins w:id="\d+"/);
    expect(p).toMatch(/<w:ins w:id="\d+"[^>]*><w:r><w:t[^>]*>€ 10\.000 voor een reservevoertuig\.<\/w:t>/);
    expect(paragraph(files.inserted, "1.260.000 voor drie")).not.toMatch(/w:ins|w:del/);
  });
});

/** The line of pdftotext -layout output that contains `text`, without its indent. */
function line(text: string, fragment: string): string {
  const found = text.split("\n").filter((l) => l.includes(fragment));
  expect(found, `one line with "${fragment}"`).toHaveLength(1);
  return found[0]!.trim();
}

const lo = needs("soffice", "pdftotext");
/**
 * KNOWN BUG of LibreOffice 7.4 (measured with 7.4.7, Debian 12's, which CI installs): it numbers
 * a list paragraph that contains any tracked deletion as a deleted paragraph. On loading,
 * SwTextNode::AddToList leaves a paragraph with a deletion redline anywhere in it out of its
 * "changes hidden" list, so Show Changes prints "[a.]" for it and "a.[b.]" for the next item,
 * whatever the .docx says about the paragraph (the same from .odt, and from a hand-made minimal
 * .docx). Current LibreOffice sources keep a paragraph whose deletion starts inside it in that
 * list ("partly deleted"). No markup that keeps the deletion a w:del inside the paragraph avoids
 * it on 7.4 (issue 16), so there the case below is an expected failure; elsewhere it must pass.
 */
const loVersion = lo.skip ? "" : execFileSync("soffice", [`-env:UserInstallation=file://${tempDir("bp-lo-")}`, "--version"], { encoding: "utf8" });
const LO_NUMBERS_DELETIONS_AS_DELETED = /^LibreOffice 7\.4\./.test(loVersion);

describe.skipIf(lo.skip)(`redline numbering: LibreOffice reads the numbers of changed list items ${lo.reason}`, () => {
  const pdfs: { changed?: string; inserted?: string } = {};
  beforeAll(async () => {
    const files = await redlines();
    const profile = tempDir("bp-lo-");
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", files.dir, files.changed, files.inserted], {
      stdio: "pipe",
      timeout: 120_000,
    });
    for (const name of ["changed", "inserted"] as const) pdfs[name] = execFileSync("pdftotext", ["-layout", join(files.dir, `${name}.pdf`), "-"], { encoding: "utf8" });
  });

  (LO_NUMBERS_DELETIONS_AS_DELETED ? it.fails : it)(
    `LibreOffice: a sub-point with a changed amount reads "a.", the next "b.", no bracketed numbers${LO_NUMBERS_DELETIONS_AS_DELETED ? ` (KNOWN BUG of ${loVersion.trim()})` : ""}`,
    () => {
      const text = pdfs.changed!;
      const a = line(text, "voor vier tankautospuiten van Veiligheidsregio Flevoland");
      const b = line(text, "voor drie tankautospuiten van Veiligheidsregio Gooi en Vechtstreek");
      expect(a).toContain("1.690.000");
      expect([a, b].filter((l) => l.includes("["))).toEqual([]);
      expect(a).toMatch(/^a\.\s/);
      expect(b).toMatch(/^b\.\s/);
    },
  );

  it("LibreOffice: a wholly inserted sub-point is shown, numbered c. after an unchanged a. and b.", () => {
    const text = pdfs.inserted!;
    const a = line(text, "voor vier tankautospuiten van Veiligheidsregio Flevoland");
    const b = line(text, "voor drie tankautospuiten van Veiligheidsregio Gooi en Vechtstreek");
    const c = line(text, INSERTED);
    expect([a, b, c].filter((l) => l.includes("["))).toEqual([]);
    expect(a).toMatch(/^a\.\s/);
    expect(b).toMatch(/^b\.\s/);
    expect(c).toMatch(/^c\.\s/);
  });
});
