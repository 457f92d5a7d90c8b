import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "htmlparser2";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixture, readText, ROOT, run, tempDir, messagesIn } from "./helpers.js";
import { docxParagraphs, docxParts, needs, VALIDATE_DOCX } from "./ooxml.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

const MINIMAL = readText(fixture("check", "minimal.yaml"));
const BIN = join(ROOT, "bin", "boardpaper.js");

async function checkText(text: string | Buffer) {
  const dir = tempDir();
  writeFileSync(join(dir, "p.yaml"), text);
  return run(["check", "p.yaml"], { cwd: dir });
}

describe("every string that reaches the output is escaped", () => {
  const HOSTILE = ["<script>alert(1)</script>", "{{onderwerp}}", "{{{x}}}", "]]>", "a & b", '"quoted"', "'single'", "<w:t>x</w:t>", "&lt;already&gt;"];
  const FIELDS: [string, string][] = [
    ["onderwerp: Vaststelling van het testplan", "onderwerp"],
    ["portefeuillehouder: J. de Vries", "portefeuillehouder"],
    ["  naam: A. Jansen", "  naam"],
    ["    - Het testplan vast te stellen.", "    -"],
    ["    standpunt: Akkoord.", "    standpunt"],
    ["beoogd_effect: Een getest plan.", "beoogd_effect"],
    ["kanttekeningen: geen", "kanttekeningen"],
    ["  label: \"1.0\"", "  label"],
  ];
  it("markup in any field appears as text in the .docx and the HTML", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), fc.constantFrom(...HOSTILE), async ([line, key], hostile) => {
        const value = `Voor ${hostile} na`;
        const text = MINIMAL.replace(line, `${key}${key.endsWith("-") ? " " : ": "}${JSON.stringify(value)}`);
        const dir = tempDir();
        writeFileSync(join(dir, "p.yaml"), text);
        const r = await run(["build", "p.yaml", "--out", "o"], { cwd: dir });
        expect(r.stderr).toBe("");
        const html = readText(join(dir, "o", "p.html"));
        const dom = parseDocument(html);
        const textOf = (n: { children?: unknown[]; data?: string; type: string }): string => (n.type === "text" ? n.data! : (n.children ?? []).map((c) => textOf(c as never)).join(""));
        expect(textOf(dom as never)).toContain(value);
        expect(html).not.toMatch(/<script/i);
        expect(docxParagraphs(readFileSync(join(dir, "o", "p.docx"))).join("\n")).toContain(value);
      }),
      { numRuns: 40 },
    );
  });

  const schema = needs("xmllint", "python3", VALIDATE_DOCX);
  it.skipIf(schema.skip)(`and the .docx with all of them at once is still valid OOXML ${schema.reason}`, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL.replace("onderwerp: Vaststelling van het testplan", `onderwerp: ${JSON.stringify(HOSTILE.join(" "))}`).replace("beoogd_effect: Een getest plan.", `beoogd_effect: ${JSON.stringify(HOSTILE.join(" "))}`));
    expect((await run(["build", "p.yaml", "--out", "o", "--format", "docx"], { cwd: dir })).code).toBe(0);
    const r = spawnSync(VALIDATE_DOCX, [join(dir, "o", "p.docx")], { encoding: "utf8" });
    expect(r.stdout).toMatch(/^OK/);
  });
});

describe("characters XML forbids, and limits", () => {
  it("a control character is a positioned error", async () => {
    const text = MINIMAL.replace("onderwerp: Vaststelling van het testplan", 'onderwerp: "Vaststelling\\u0007 van het testplan"');
    const r = await checkText(text);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("p.yaml:6:12: error: this text contains the character U+0007 (at character 13 of the value), which a document cannot hold; remove it (onderwerp)");
  });

  it("an input file over the size limit", async () => {
    const r = await checkText(MINIMAL + `# ${"x".repeat(2 * 1024 * 1024)}\n`);
    expect(r.stderr).toMatch(/^p\.yaml:1:1: error: file is \d+ bytes; the limit for an input file is 2097152 bytes/m);
  });

  it("nesting deeper than the limit", async () => {
    let deep = "x";
    for (let i = 0; i < 60; i++) deep = `[${deep}]`;
    const r = await checkText(`${MINIMAL}alternatieven: ${deep}\n`);
    expect(r.stderr).toMatch(/p\.yaml:\d+:\d+: error: nesting is deeper than 40 levels/);
  });

  it("a list longer than the limit", async () => {
    const items = Array.from({ length: 2001 }, (_, i) => `    - Punt ${i}.`).join("\n");
    const r = await checkText(MINIMAL.replace("    - Het testplan vast te stellen.", items));
    expect(r.stderr).toMatch(/p\.yaml:17:5: error: this list has 2002 entries; the limit is 2000/);
  });
});

describe("dates a zip cannot stamp", () => {
  const xmllint = needs("xmllint", "python3", VALIDATE_DOCX);
  // Zip entry times (DOS format) only reach 1980–2099; the date itself must still reach core.xml.
  it.skipIf(xmllint.skip)(`a proposal dated before 1980 or after 2099 still gives a valid .docx with its own date${xmllint.reason}`, async () => {
    for (const year of ["1975", "2150"]) {
      const dir = tempDir();
      writeFileSync(join(dir, "p.yaml"), MINIMAL.replaceAll("2026-02-20", `${year}-02-20`));
      const r = await run(["build", "p.yaml", "--out", "o"], { cwd: dir });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const docx = readFileSync(join(dir, "o", "p.docx"));
      expect(docxParts(docx)["docProps/core.xml"]).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${year}-02-20T00:00:00Z</dcterms:created>`);
      expect(spawnSync(VALIDATE_DOCX, [join(dir, "o", "p.docx")], { encoding: "utf8" }).status).toBe(0);
    }
  });
});

describe("interrupted and concurrent builds", () => {
  /** Two versions of a small project; the outputs of each, built once in a reference folder. */
  function setup() {
    const dir = tempDir();
    mkdirSync(join(dir, "data", "proposals"), { recursive: true });
    const variants = [MINIMAL, MINIMAL.replace("Een getest plan.", "Een ander plan, getest.")];
    const reference = variants.map((v, i) => {
      const ref = tempDir();
      mkdirSync(join(ref, "data", "proposals"), { recursive: true });
      for (let k = 0; k < 12; k++) writeFileSync(join(ref, "data", "proposals", `p${k}.yaml`), v);
      expect(spawnSync(process.execPath, [BIN, "build"], { cwd: ref }).status, `reference ${i}`).toBe(0);
      return ref;
    });
    return { dir, variants, reference };
  }

  const outputs = (dir: string) => (readdirSync(join(dir, "out", "proposals")) as string[]).sort();

  it("a build killed at any moment leaves each output the old complete file or the new complete one", async () => {
    const env = { ...process.env };
    const { dir, variants, reference } = setup();
    const write = (v: string) => {
      for (let k = 0; k < 12; k++) writeFileSync(join(dir, "data", "proposals", `p${k}.yaml`), v);
    };
    write(variants[0]!);
    expect(spawnSync(process.execPath, [BIN, "build"], { cwd: dir, env }).status).toBe(0);
    for (let round = 0; round < 12; round++) {
      write(variants[(round + 1) % 2]!);
      const child = spawn(process.execPath, [BIN, "build"], { cwd: dir, env, stdio: "ignore" });
      // Listen from the start: a build may finish before the kill comes.
      const exited = new Promise((r) => child.on("exit", r));
      await new Promise((r) => setTimeout(r, 30 + ((round * 37) % 300)));
      child.kill("SIGKILL");
      await exited;
      for (const name of outputs(dir).filter((n) => !n.startsWith("."))) {
        const bytes = readFileSync(join(dir, "out", "proposals", name));
        const matches = reference.filter((ref) => existsSync(join(ref, "out", "proposals", name)) && Buffer.compare(bytes, readFileSync(join(ref, "out", "proposals", name))) === 0);
        expect(matches.length, `${name} after kill ${round} is neither version`).toBeGreaterThan(0);
      }
    }
    // The next complete build removes what the killed ones left behind, and is right.
    expect(spawnSync(process.execPath, [BIN, "build"], { cwd: dir, env }).status).toBe(0);
    expect(outputs(dir).filter((n) => n.startsWith("."))).toEqual([]);
    expect(spawnSync(process.execPath, [BIN, "build", "--check"], { cwd: dir, env }).status).toBe(0);
  });

  it("two builds at once into one folder do not corrupt it", async () => {
    const { dir, variants, reference } = setup();
    for (let k = 0; k < 12; k++) writeFileSync(join(dir, "data", "proposals", `p${k}.yaml`), variants[1]!);
    const both = [0, 1].map(() => spawn(process.execPath, [BIN, "build"], { cwd: dir, env: process.env, stdio: "ignore" }));
    const codes = await Promise.all(both.map((c) => new Promise<number | null>((r) => c.on("exit", r))));
    expect(codes).toEqual([0, 0]);
    expect(outputs(dir)).toEqual(outputs(reference[1]!));
    for (const name of outputs(dir)) expect(Buffer.compare(readFileSync(join(dir, "out", "proposals", name)), readFileSync(join(reference[1]!, "out", "proposals", name)))).toBe(0);
  });
});

describe("paths in the data stay inside the project and never overwrite inputs", () => {
  it("a meeting cannot reach a proposal or attachment outside the project folder", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    const meeting = join(dir, "data", "meetings", "ab-2020-10-01.yaml");
    writeFileSync(meeting, readText(meeting).replace("../proposals/terugblik-visitaties.yaml", "../../../etc/x.yaml").replace("stukken/verslag-ab-2020-07-02.pdf", "/etc/passwd"));
    const r = await run(["check"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: `../../../etc/x.yaml` lies outside the project folder");
    expect(r.stderr).toContain("error: attachment `/etc/passwd` lies outside the project folder");
  });

  it("a house style cannot take templates from outside the project folder", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    writeFileSync(join(dir, "data", "huisstijl.yaml"), `${readText(join(ROOT, "data", "huisstijl.yaml"))}templates: /tmp\n`);
    const r = await run(["check"], { cwd: dir });
    expect(r.stderr).toMatch(/data\/huisstijl\.yaml:\d+:12: error: `\/tmp` lies outside the project folder \(templates\)/);
  });

  it("an --out that is a file (an input, say) is refused without touching it", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in", "p.yaml"), MINIMAL);
    const r = await run(["build", "in/p.yaml", "--out", "in/p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^boardpaper build: cannot (mkdir|open) .*in\/p\.yaml.*: a file is in the way where a folder is needed\n$/);
    expect(readText(join(dir, "in", "p.yaml"))).toBe(MINIMAL);
  });
});
