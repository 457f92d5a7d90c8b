import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readText, ROOT, run, tempDir, messagesIn } from "./helpers.js";
import { docxParts, hasProgram, needs, resolveChanges, VALIDATE_DOCX, xmlParagraphs } from "./ooxml.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

const ORIGINAL = readText(join(ROOT, "data", "proposals", "vervanging-tankautospuiten.yaml"));

/** The old and new version in a project folder: changed metadata, a table cell, a row, prose. */
function versions(): { dir: string; older: string; newer: string } {
  const dir = tempDir();
  cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
  const edits: [string, string][] = [
    ['agendapunt: "6"', 'agendapunt: "7"'],
    ['  label: "1.2"', '  label: "1.3"'],
    ["  datum: 2020-09-18", "  datum: 2020-09-21"],
    ["    standpunt: Positief advies,", "    standpunt: Negatief advies,"],
    ["  - met: Dagelijks bestuur", "  - met: Ondernemingsraad\n    datum: 2020-09-16\n    standpunt: Geen bezwaar.\n  - met: Dagelijks bestuur"],
    ["Twintig tankautospuiten", "Eenentwintig tankautospuiten"],
  ];
  let newer = ORIGINAL;
  for (const [from, to] of edits) {
    expect(newer).toContain(from);
    newer = newer.replace(from, to);
  }
  writeFileSync(join(dir, "old.yaml"), ORIGINAL);
  writeFileSync(join(dir, "data", "proposals", "new.yaml"), newer);
  return { dir, older: "old.yaml", newer: "data/proposals/new.yaml" };
}

describe("diff: the text view", () => {
  it("shows metadata, table and prose changes per section, word by word, with plain markers", async () => {
    const { dir, older, newer } = versions();
    const r = await run(["diff", older, newer], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Agendapunt: [-6-]{+7+}");
    expect(r.stdout).toContain("Versie: [-1.2-]{+1.3+} van [-18-]{+21+} september 2020");
    expect(r.stdout).toContain("| [-Positief-]{+Negatief+} advies, met het verzoek");
    expect(r.stdout).toContain("{+Ondernemingsraad+} | {+16 september 2020+} | {+Geen bezwaar.+}");
    expect(r.stdout).toMatch(/Samenvatting\n-+\n\n\[-Twintig-\]\{\+Eenentwintig\+\} tankautospuiten/);
    // Only what changed: an untouched section is not shown.
    expect(r.stdout).not.toContain("Beoogd effect");
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("colours on a terminal, never with NO_COLOR", async () => {
    const { dir, older, newer } = versions();
    const tty = await run(["diff", older, newer], { cwd: dir, tty: true });
    expect(tty.stdout).toContain("Agendapunt: \u001b[31;9m6\u001b[0m\u001b[32;4m7\u001b[0m");
    const plain = await run(["diff", older, newer], { cwd: dir, tty: true, env: { NO_COLOR: "1" } });
    expect(plain.stdout).toContain("Agendapunt: [-6-]{+7+}");
  });

  it("says so when nothing changed, and exits 0", async () => {
    const { dir, older } = versions();
    const r = await run(["diff", older, older], { cwd: dir });
    expect(r.stdout).toBe("No differences.\n");
    expect(r.code).toBe(0);
  });

  it("invalid input gets positioned diagnostics and exit 1", async () => {
    const { dir, newer } = versions();
    writeFileSync(join(dir, "bad.yaml"), ORIGINAL.replace("behandelwijze: ter besluitvorming", "behandelwijze: besluit"));
    const r = await run(["diff", "bad.yaml", newer], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^bad\.yaml:\d+:16: error: `besluit` is not allowed here/m);
  });
});

describe("diff: the HTML redline", () => {
  it("marks changes with <ins> and <del>, explains them, and is valid", async () => {
    const { dir, older, newer } = versions();
    const r = await run(["diff", older, newer, "--format", "html", "--out", "red.html"], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readText(join(dir, "red.html"));
    expect(html).toContain("<dt>Agendapunt</dt><dd><del>6</del><ins>7</ins></dd>");
    expect(html).toContain("<tr><td><ins>Ondernemingsraad</ins></td>");
    expect(html).toMatch(/<p class="legend">Wijzigingen van L\. Mulder, 2020-09-21: /);
    // Not by colour alone: underlined, struck through, and named for screen readers.
    expect(html).toContain("ins { text-decoration: underline;");
    expect(html).toContain("del { text-decoration: line-through;");
    expect(html).toContain('ins::before { content: "[ingevoegd: "; }');
    const { HtmlValidate, StaticConfigLoader } = await import("html-validate");
    const report = await new HtmlValidate(
      new StaticConfigLoader({ extends: ["html-validate:recommended", "html-validate:a11y", "html-validate:document"], rules: { "long-title": "off" } }),
    ).validateString(html, "red.html");
    expect(report.results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.message}`))).toEqual([]);
  });
});

describe("diff: Word tracked changes", () => {
  async function redline() {
    const { dir, older, newer } = versions();
    const r = await run(["diff", older, newer, "--format", "docx", "--out", "red.docx", "--author", "Griffie", "--date", "2020-09-22"], { cwd: dir });
    expect(r.code).toBe(0);
    const both = await run(["build", older, newer, "--format", "docx", "--out", "plain"], { cwd: dir });
    expect(both.code).toBe(0);
    return { dir, doc: (p: string) => docxParts(readFileSync(join(dir, p)))["word/document.xml"]! };
  }

  it("differences are w:ins and w:del with the author and date", async () => {
    const { doc } = await redline();
    const xml = doc("red.docx");
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Griffie" w:date="2020-09-22T00:00:00Z"><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">7<\/w:t><\/w:r><\/w:ins>/);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Griffie" w:date="2020-09-22T00:00:00Z"><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:delText xml:space="preserve">6<\/w:delText><\/w:r><\/w:del>/);
    // The added afstemming row is an inserted table row.
    expect(xml).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins w:id="\d+" w:author="Griffie"/s);
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("accepting all changes gives exactly NEW's text; rejecting all gives exactly OLD's", async () => {
    const { doc } = await redline();
    const red = doc("red.docx");
    expect(xmlParagraphs(resolveChanges(red, "accept"))).toEqual(xmlParagraphs(doc("plain/new.docx")));
    expect(xmlParagraphs(resolveChanges(red, "reject"))).toEqual(xmlParagraphs(doc("plain/old.docx")));
  });

  const schema = needs("xmllint", "python3", VALIDATE_DOCX);
  it.skipIf(schema.skip)(`the redline passes the ECMA-376 schema check ${schema.reason}`, async () => {
    const { dir } = await redline();
    const r = spawnSync(VALIDATE_DOCX, [join(dir, "red.docx")], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toMatch(/^OK/);
  });

  const lo = needs("soffice", "pdftotext");
  it.skipIf(lo.skip)(`LibreOffice opens the redline and shows the changes ${lo.reason}`, async () => {
    const { dir } = await redline();
    const profile = tempDir("bp-lo-");
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, join(dir, "red.docx")], { stdio: "pipe", timeout: 120_000 });
    const text = execFileSync("pdftotext", ["-raw", join(dir, "red.pdf"), "-"], { encoding: "utf8" });
    // LibreOffice shows tracked changes in its output: both sides of a change are there.
    expect(text).toContain("Eenentwintig");
    expect(text).toContain("Twintig");
    expect(text).toContain("Ondernemingsraad");
  });
});

describe("diff against git", () => {
  const git = needs("git");
  it.skipIf(git.skip)(`OLD may be a git revision: REV, or REV:path ${git.reason}`, async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    const g = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.nl", ...args], { cwd: dir, stdio: "pipe" });
    g("init", "-q");
    g("add", ".");
    g("commit", "-qm", "one");
    const file = "data/proposals/vervanging-tankautospuiten.yaml";
    writeFileSync(join(dir, file), ORIGINAL.replace('agendapunt: "6"', 'agendapunt: "8"'));
    g("commit", "-qam", "two");
    for (const old of ["HEAD~1", `HEAD~1:${file}`]) {
      const r = await run(["diff", old, file], { cwd: dir });
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("Agendapunt: [-6-]{+8+}");
    }
    const bad = await run(["diff", "nosuchrev", file], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("cannot read `nosuchrev:./data/proposals/vervanging-tankautospuiten.yaml` from git");
  });
});

describe("boardpaper text", () => {
  it("prints the same canonical text for a .docx we wrote and for its .yaml", async () => {
    const pairs = [
      ["out/proposals/terugblik-visitaties.docx", "data/proposals/terugblik-visitaties.yaml"],
      ["out/proposals/vervanging-tankautospuiten.docx", "data/proposals/vervanging-tankautospuiten.yaml"],
      ["out/gemeente/raadsvoorstel-speelruimteplan.docx", "data/gemeente/raadsvoorstel-speelruimteplan.yaml"],
    ];
    for (const [docx, yaml] of pairs) {
      const a = await run(["text", docx!]);
      const b = await run(["text", yaml!]);
      expect(a.code).toBe(0);
      expect(a.stdout.length).toBeGreaterThan(500);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it("a file that is not a .docx is a clear error", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "x.docx"), "not a zip");
    const r = await run(["text", "x.docx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("x.docx: error: this is not a .docx file (not a zip archive)\n");
  });

  it.skipIf(!hasProgram("git"))("with the repository's .gitattributes and textconv, git diff of a .docx is readable", async () => {
    expect(readText(join(ROOT, ".gitattributes"))).toMatch(/^\*\.docx diff=boardpaper$/m);
    const dir = tempDir();
    cpSync(join(ROOT, ".gitattributes"), join(dir, ".gitattributes"));
    const g = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.nl", ...args], { cwd: dir, encoding: "utf8" });
    g("init", "-q");
    g("config", "diff.boardpaper.textconv", `${process.execPath} ${join(ROOT, "bin", "boardpaper.js")} text`);
    cpSync(join(ROOT, "out", "proposals", "terugblik-visitaties.docx"), join(dir, "p.docx"));
    g("add", ".");
    g("commit", "-qm", "one");
    await run(["build", join(ROOT, "data", "proposals", "vervanging-tankautospuiten.yaml"), "--format", "docx", "--out", dir]);
    cpSync(join(dir, "vervanging-tankautospuiten.docx"), join(dir, "p.docx"));
    const out = g("diff", "p.docx");
    expect(out).toContain("-Terugblik eerste ronde visitaties 2014-2019");
    expect(out).toContain("+Vervangingsprogramma tankautospuiten 2021-2027 en eerste begrotingswijziging 2021");
  });
});
