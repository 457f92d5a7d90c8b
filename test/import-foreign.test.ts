import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { findSoffice } from "../src/convert/soffice.js";
import { fixture, readText, ROOT, run, tempDir, type RunResult } from "./helpers.js";
import { docxParts, needs } from "./ooxml.js";

/**
 * `boardpaper import` on documents that boardpaper did NOT write (issue 18): the seed's text set
 * as a steller sets it in Word, converted to .docx here at test time by the tools real people's
 * documents come from, then imported and checked against what the seed says
 * (data/proposals/terugblik-visitaties.yaml is the same seed as data).
 *
 * - seed-styles.md, by pandoc: headings in Heading styles, a metadata table, Word list numbering;
 * - seed-bold.html, by LibreOffice: headings as bold one-line paragraphs (some in capitals, some
 *   numbered by hand), "Label :<tab>value" lines, beslispunten numbered by hand;
 * - seed-memo.html, by LibreOffice: a memo header ("Aan:", "Van:", "Datum:"), headings as plain
 *   capitalised paragraphs, "Gevraagd besluit" with an automatic numbered list.
 *
 * test/fixtures/import/expected.json says, per source, what the import must find; its $comment
 * explains each entry.
 */

const FIX = fixture("import");
const TYPE = "ab-voorstel";

interface Beslispunt {
  readonly begint: string;
  readonly subpunten: readonly string[];
}
interface Expected {
  readonly converter: "pandoc" | "soffice";
  readonly docx: {
    readonly headings: Partial<Record<"style" | "bold" | "capitals", readonly string[]>>;
    readonly beslispunten: "word" | "typed";
  };
  readonly metadata: Readonly<Record<string, string>>;
  readonly placeholders: readonly string[];
  readonly sections: Readonly<Record<string, readonly string[]>>;
  readonly formatting: Readonly<
    Record<string, { bold: string; italic: string; link: { text: string; href: string }; bullets: readonly string[] }>
  >;
  readonly beslispunten: readonly Beslispunt[];
  readonly afstemming: readonly { met: string; datum: string; standpunt: string }[];
  readonly bijlageTabel: {
    readonly bijlageTitel: string;
    readonly kolommen: readonly string[];
    readonly rijen: number;
    readonly eersteCel: readonly string[];
    readonly tweedeCel: readonly string[];
  };
  readonly unmapped: readonly ({ kind: "heading"; words: string; text: string } | { kind: "image" })[];
}

const EXPECTED = (JSON.parse(readText(join(FIX, "expected.json"))) as { sources: Record<string, Expected> }).sources;

const tools = { pandoc: needs("pandoc"), soffice: needs("soffice") };

/** Set a source as a .docx in `dir`, as its converter does: pandoc, or LibreOffice headless. */
async function convert(source: string, converter: Expected["converter"], dir: string): Promise<string> {
  const docx = join(dir, `${basename(source, extname(source))}.docx`);
  if (converter === "pandoc") {
    // Without `smart`, the text stays as typed: the seed's curly quotes (‘20) are not re-paired.
    execFileSync("pandoc", ["-f", "markdown-smart", "-t", "docx", "-o", docx, source], { cwd: FIX, stdio: "pipe" });
    return docx;
  }
  // A fresh profile, as src/convert/soffice.ts does: a profile in use makes soffice hand its work
  // to another instance or fail silently. The HTML filter of Writer (not Writer/Web) reads the page.
  const soffice = await findSoffice(process.env);
  const profile = tempDir("bp-lo-profile-");
  try {
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--norestore",
        "--infilter=HTML (StarWriter)",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        dir,
        join(FIX, source),
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (!existsSync(docx)) throw new Error(`LibreOffice made no ${basename(docx)} (status ${r.status ?? r.signal}): ${r.stderr}${r.stdout}`);
    return docx;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A paragraph of document.xml: its style, whether Word numbers it, its text, whether all its text is bold. */
interface Para {
  readonly style: string;
  readonly numbered: boolean;
  readonly text: string;
  readonly bold: boolean;
}

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

function paragraphs(docx: string): Para[] {
  const xml = docxParts(readFileSync(docx))["word/document.xml"] ?? "";
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => {
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? "";
    const runs = [...p.matchAll(/<w:r[ >][\s\S]*?<\/w:r>/g)].map(([r]) => r).filter((r) => /<w:t[ >]/.test(r));
    const text = runs
      .map((r) => [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((m) => (m[1] !== undefined ? unescapeXml(m[1]) : m[0] === "<w:tab/>" ? "\t" : "\n")).join(""))
      .join("");
    const bold = runs.length > 0 && runs.every((r) => /<w:b\/>|<w:b w:val="(?:true|1|on)"\/>/.test(/<w:rPr>[\s\S]*?<\/w:rPr>/.exec(r)?.[0] ?? ""));
    return { style: /<w:pStyle w:val="([^"]*)"/.exec(pPr)?.[1] ?? "", numbered: /<w:numPr>/.test(pPr), text, bold };
  });
}

const HEADING_STYLE = /^(Heading|Kop)\s?\d$/i;
/** A marker typed by hand before a list item: "1.", "a.", "2)". */
const TYPED_MARKER = /^\s*(\d+|[a-z])[.)]\s/;

/** The value at a dotted path ("consequenties.financieel", "steller.naam"). */
function at(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const k of path.split(".")) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Every string in a parsed YAML value. */
function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v !== null && typeof v === "object") return Object.values(v).flatMap(strings);
  return [];
}

/** The text of Markdown without its marks: escapes, emphasis, link targets go; white space collapses. */
const plain = (md: string): string =>
  md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/[*_]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** A beslispunt as text and subpunten, whether written as a string or as { tekst, subpunten }. */
function beslispunt(v: unknown): { tekst: string; subpunten: string[] } {
  if (typeof v === "string") return { tekst: plain(v), subpunten: [] };
  const o = (v ?? {}) as { tekst?: unknown; subpunten?: unknown };
  const subs = Array.isArray(o.subpunten) ? o.subpunten : [];
  return { tekst: plain(String(o.tekst ?? "")), subpunten: subs.map((s) => beslispunt(s).tekst) };
}

interface Tabel {
  kolommen?: unknown[];
  rijen?: unknown[][];
}

for (const [source, want] of Object.entries(EXPECTED)) {
  const tool = tools[want.converter];
  describe.skipIf(tool.skip)(`import of ${source}, set as .docx by ${want.converter} ${tool.reason}`, () => {
    let dir = "";
    let docx = "";
    let yamlPath = "";
    let imported: RunResult = { code: -1, stdout: "", stderr: "" };
    let doc: unknown;

    beforeAll(async () => {
      dir = tempDir("bp-import-foreign-");
      docx = await convert(source, want.converter, dir);
      yamlPath = join(dir, `${basename(source, extname(source))}.yaml`);
      imported = await run(["import", docx, "--type", TYPE, "--out", yamlPath], { cwd: ROOT });
      if (existsSync(yamlPath)) doc = parse(readText(yamlPath));
    }, 180_000);

    /** The imported document; fails with the import's own output when there is none. */
    const yaml = (): Record<string, unknown> => {
      expect(existsSync(yamlPath), `no YAML written; import said (exit ${imported.code}):\n${imported.stderr}${imported.stdout}`).toBe(true);
      expect(doc, "the YAML is a mapping").toBeTypeOf("object");
      return doc as Record<string, unknown>;
    };

    // The conversion itself: the .docx is the kind of document the source stands for.
    it(`the .docx has its headings as ${Object.keys(want.docx.headings).join(" and ")} paragraphs and beslispunten numbered by ${want.docx.beslispunten === "word" ? "Word's list numbering" : "hand"}`, () => {
      const paras = paragraphs(docx);
      const find = (text: string) => paras.find((p) => p.text.trim() === text);
      for (const [kind, texts] of Object.entries(want.docx.headings)) {
        for (const text of texts) {
          const p = find(text);
          expect(p, `heading paragraph "${text}"`).toBeDefined();
          if (kind === "style") expect(p!.style, text).toMatch(HEADING_STYLE);
          else expect(p!.style, text).not.toMatch(HEADING_STYLE);
          if (kind === "bold") expect(p!.bold, `"${text}" is bold`).toBe(true);
          if (kind === "capitals") {
            expect(p!.bold, `"${text}" is not bold`).toBe(false);
            expect(text).toBe(text.toLocaleUpperCase("nl"));
          }
        }
      }
      if (!("style" in want.docx.headings)) expect(paras.filter((p) => HEADING_STYLE.test(p.style)).map((p) => p.text)).toEqual([]);

      const items = want.beslispunten.flatMap((b) => [b.begint, ...b.subpunten]);
      for (const start of items) {
        const p = paras.find((q) => q.text.replace(TYPED_MARKER, "").trimStart().startsWith(start));
        expect(p, `beslispunt paragraph "${start}"`).toBeDefined();
        if (want.docx.beslispunten === "word") {
          expect(p!.numbered, `"${start}" has list numbering`).toBe(true);
          expect(p!.text).not.toMatch(TYPED_MARKER);
        } else {
          expect(p!.numbered, `"${start}" has no list numbering`).toBe(false);
          expect(p!.text, "the number is typed").toMatch(TYPED_MARKER);
        }
      }

      const media = Object.keys(docxParts(readFileSync(docx))).filter((k) => k.startsWith("word/media/"));
      expect(media.length > 0).toBe(want.unmapped.some((u) => u.kind === "image"));
    });

    it("import writes a YAML document of the type", () => {
      expect(imported.code, imported.stderr).toBe(0);
      expect(yaml().type).toBe(TYPE);
    });

    it("the metadata from the header block, dates as ISO dates", () => {
      const d = yaml();
      for (const [paths, value] of Object.entries(want.metadata)) {
        // "a|b": the value is at one of the paths.
        const found = paths.split("|").map((path) => String(at(d, path)));
        expect(found.includes(value) ? value : found.join(" | "), paths).toBe(value);
      }
    });

    it(`every section: ${Object.keys(want.sections).join(", ")}`, () => {
      const d = yaml();
      for (const [path, texts] of Object.entries(want.sections)) {
        const v = at(d, path);
        expect(typeof v, `${path} is text`).toBe("string");
        expect(v as string, path).not.toContain("<<");
        for (const t of texts) expect(plain(v as string), path).toContain(t);
      }
    });

    it("bold, italic, a link and a bullet list kept as Markdown", () => {
      const d = yaml();
      for (const [path, f] of Object.entries(want.formatting)) {
        const md = String(at(d, path));
        const lit = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        expect(md, `${path}: bold`).toMatch(new RegExp(`(\\*\\*|__)${lit(f.bold)}\\s*(\\*\\*|__)`));
        expect(md, `${path}: italic`).toMatch(new RegExp(`(?<![*_\\w])[*_]${lit(f.italic)}[*_](?![*_\\w])`));
        expect(md, `${path}: link`).toContain(`[${f.link.text}](${f.link.href})`);
        for (const b of f.bullets) expect(md, `${path}: bullet`).toMatch(new RegExp(`^\\s*[-*+]\\s+${lit(b)}\\s*$`, "m"));
      }
    });

    it(`${want.beslispunten.length} beslispunten, nesting kept`, () => {
      const punten = at(yaml(), "voorstel.beslispunten");
      expect(Array.isArray(punten), "voorstel.beslispunten is a list").toBe(true);
      const got = (punten as unknown[]).map(beslispunt);
      expect(got.map((b) => b.subpunten.length)).toEqual(want.beslispunten.map((b) => b.subpunten.length));
      for (const [i, b] of want.beslispunten.entries()) {
        expect(got[i]!.tekst.startsWith(b.begint), `beslispunt ${i + 1}: "${got[i]!.tekst}"`).toBe(true);
        for (const [j, s] of b.subpunten.entries()) expect(got[i]!.subpunten[j]!.startsWith(s), `beslispunt ${i + 1}, subpunt ${j + 1}: "${got[i]!.subpunten[j]}"`).toBe(true);
      }
    });

    it(`the afstemming table: ${want.afstemming.length} row(s) under its header row`, () => {
      const rows = at(yaml(), "afstemming");
      expect(Array.isArray(rows), "afstemming is a list of rows").toBe(true);
      const got = (rows as Record<string, unknown>[]).map((r) => ({ met: plain(String(r.met)), datum: String(r.datum), standpunt: plain(String(r.standpunt)) }));
      expect(got).toEqual(want.afstemming);
    });

    it(`every row of the appendix table (${want.bijlageTabel.rijen}), its header row as the columns`, () => {
      const bijlagen = at(yaml(), "bijlagen");
      expect(Array.isArray(bijlagen), "bijlagen is a list").toBe(true);
      const withTable = (bijlagen as { titel?: unknown; inhoud?: unknown }[]).filter((b) => Array.isArray(b.inhoud) && b.inhoud.some((i) => i !== null && typeof i === "object" && "tabel" in i));
      expect(withTable.length, "one bijlage holds the table").toBe(1);
      const b = withTable[0]!;
      expect(String(b.titel).toLocaleLowerCase("nl")).toContain(want.bijlageTabel.bijlageTitel.toLocaleLowerCase("nl"));
      const tabel = ((b.inhoud as { tabel?: Tabel }[]).find((i) => i !== null && typeof i === "object" && "tabel" in i)!.tabel ?? {}) as Tabel;
      // Column headings are plain text (a table's `kolommen` is no Markdown): a bold header row gives no `**`.
      expect((tabel.kolommen ?? []).map((k) => String(k).replace(/\s+/g, " ").trim())).toEqual(want.bijlageTabel.kolommen);
      const rijen = tabel.rijen ?? [];
      expect(rijen.length).toBe(want.bijlageTabel.rijen);
      for (const [i, rij] of rijen.entries()) {
        expect(rij.length, `row ${i + 1}: two cells`).toBe(2);
        const [first, second] = rij.map((c) => String(c));
        expect(first!.startsWith(`**${want.bijlageTabel.eersteCel[i]}`), `row ${i + 1} starts with its bold lead phrase: ${first}`).toBe(true);
        expect(plain(second!).startsWith(want.bijlageTabel.tweedeCel[i]!), `row ${i + 1}, second cell: ${second}`).toBe(true);
      }
    });

    it(`what is not in the source is a placeholder (${want.placeholders.join(", ")}), and check reports nothing else`, async () => {
      const d = yaml();
      for (const key of want.placeholders) expect(JSON.stringify(at(d, key)) ?? "", `${key} is a <<…>> placeholder`).toContain("<<");
      const r = await run(["check", yamlPath], { cwd: ROOT });
      expect([0, 1]).toContain(r.code);
      const errors = `${r.stdout}\n${r.stderr}`.split("\n").filter((l) => l.includes(": error:"));
      expect(errors.filter((l) => !l.includes("<<"))).toEqual([]);
      for (const key of want.placeholders) expect(errors.some((l) => l.includes(`(${key}`)), `check lists ${key}`).toBe(true);
    });

    for (const u of want.unmapped) {
      const what = u.kind === "image" ? "an image" : `the heading "${u.words}", which fits no section`;
      it(`the report names ${what} with its paragraph number${u.kind === "heading" ? "; its text is kept" : ""}`, () => {
        const d = yaml();
        // The paragraph number: a number on the report's line, not counting the file's path.
        const numbered = (l: string) => /\d/.test(l.split(dir).join("").split(basename(docx)).join(""));
        const lines = imported.stderr.split("\n");
        if (u.kind === "image") {
          expect(
            lines.some((l) => /image|picture|drawing|afbeelding|figuur|plaatje/i.test(l) && numbered(l)),
            `stderr names the image with a paragraph number:\n${imported.stderr}`,
          ).toBe(true);
          return;
        }
        const mentions = lines.filter((l) => l.toLocaleLowerCase("nl").includes(u.words.toLocaleLowerCase("nl")));
        expect(
          mentions.some((l) => numbered(l.split(u.words).join(""))),
          `stderr names "${u.words}" with a paragraph number:\n${imported.stderr}`,
        ).toBe(true);
        const texts = strings(d).map(plain);
        expect(texts.some((t) => t.includes(u.text)), `"${u.text}" is in some field`).toBe(true);
        expect(texts.some((t) => t.toLocaleLowerCase("nl").includes(u.words.toLocaleLowerCase("nl"))), `"${u.words}" is in some field`).toBe(true);
      });
    }
  });
}

it("every source in test/fixtures/import/ has its expectations", () => {
  const sources = readdirSync(FIX).filter((f) => f !== "expected.json" && !f.startsWith("."));
  expect(sources.sort()).toEqual(Object.keys(EXPECTED).sort());
});
