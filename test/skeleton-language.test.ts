import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fillSkeleton, readText, run, tempDir } from "./helpers.js";

/**
 * Issue 19: the skeleton `new` writes speaks Dutch by default and English with --lang en (or
 * BOARDPAPER_LANG=en): its header and the notes of skeleton.ts. The <<…>> placeholders keep
 * their one form in both languages (check finds them by it), and either skeleton, filled in,
 * passes check. The fields' own descriptions are the schema's and the document type's: Dutch.
 */
const TYPES = ["ab-voorstel", "raadsvoorstel", "besluit", "vergadering", "huisstijl", "documenttype"] as const;

const make = async (type: string, argv: readonly string[] = [], env: Record<string, string> = {}): Promise<{ dir: string; text: string }> => {
  const dir = tempDir();
  const r = await run(["new", "--type", type, "--out", "doc.yaml", ...argv], { cwd: dir, env });
  expect(r.code, r.stderr).toBe(0);
  return { dir, text: readText(join(dir, "doc.yaml")) };
};

/** The comment lines of a skeleton (its header and the notes above the fields). */
const comments = (text: string): string => text.split("\n").filter((l) => /^\s*# (?!- |[\w-]+:)/.test(l)).join("\n");

describe("the skeleton of `new`, in the language of the run", () => {
  it("a proposal: Dutch by default, English with --lang en", async () => {
    const nl = await make("ab-voorstel");
    expect(nl.text).toContain("# Vul elke <<…>> in; `boardpaper check` zegt wat er nog openstaat.\n");
    expect(nl.text).toContain("# Een sectie zonder inhoud: schrijf `leeg`. Datums: JJJJ-MM-DD. Lopende tekst: Markdown.\n");
    expect(nl.text).toMatch(/\(optioneel\)\n/);
    expect(nl.text).not.toMatch(/\(optional\)|Fill in every/);

    const en = await make("ab-voorstel", ["--lang", "en"]);
    expect(en.text).toContain("# Fill in every <<…>>; `boardpaper check` lists what is left.\n");
    expect(en.text).toContain("# A section with nothing to say: write `leeg`. Dates: YYYY-MM-DD. Running text: Markdown.\n");
    expect(en.text).toMatch(/\(optional\)\n/);
    expect(en.text).not.toMatch(/\(optioneel\)|Vul elke/);
  });

  it("a meeting, a house style and a document type: their headers in both languages", async () => {
    expect((await make("vergadering")).text).toContain("# Een vergadering: haar agendapunten in de volgorde waarin ze behandeld worden.");
    expect((await make("vergadering", ["--lang", "en"])).text).toContain("# A meeting (vergadering): its agenda items in the order they are treated.");
    expect((await make("huisstijl")).text).toContain("# Elk veld is optioneel: wat wegblijft, houdt de standaard van boardpaper.\n");
    expect((await make("huisstijl", [], { BOARDPAPER_LANG: "en" })).text).toContain("# Every field is optional: what is left out keeps boardpaper's default.\n");
    expect((await make("documenttype")).text).toContain("# Een documenttype: zet dit bestand in templates/<typenaam>/type.yaml.");
    expect((await make("documenttype", ["--lang", "en"])).text).toContain("# A document type: put this file in templates/<type name>/type.yaml.");
  });

  it("a recursive shape says so in the language of the run", async () => {
    expect((await make("vergadering")).text).toMatch(/# - … \(dezelfde velden als hierboven\)/);
    expect((await make("vergadering", ["--lang", "en"])).text).toMatch(/# - … \(the same fields as above\)/);
  });

  it("the built-in schemas describe the fields in Dutch (no English left in a meeting's or house style's notes)", async () => {
    for (const type of ["vergadering", "huisstijl"]) {
      const c = comments((await make(type)).text);
      expect(c).not.toMatch(/\b(the|when|where|e\.g\.|default|optional|points|millimetres|which)\b/);
    }
    const meeting = (await make("vergadering")).text;
    expect(meeting).toContain("# Datum van de vergadering (JJJJ-MM-DD)\n");
    expect(meeting).toContain("# Aanvang: UU:MM, of in woorden\n");
  });

  it.each(TYPES)("%s: the placeholders are the same in both languages, and each skeleton, filled in, passes check", async (type) => {
    const nl = await make(type);
    const en = await make(type, ["--lang", "en"]);
    const placeholders = (text: string) => [...text.matchAll(/<<[^>]*>>/g)].map((m) => m[0]).filter((p) => p !== "<<…>>");
    expect(placeholders(en.text)).toEqual(placeholders(nl.text));
    for (const p of placeholders(nl.text)) expect(p).toMatch(/^<<(vul in: |datum JJJJ-MM-DD: |kies: |getal: )/);
    for (const [lang, { dir, text }] of [["nl", nl], ["en", en]] as const) {
      writeFileSync(join(dir, "doc.yaml"), fillSkeleton(text));
      const r = await run(["check", "doc.yaml", "--lang", lang], { cwd: dir });
      expect(r.stderr, `${lang}: ${r.stderr}`).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(lang === "nl" ? "1 bestand gecontroleerd, geen problemen gevonden.\n" : "1 file checked, no problems found.\n");
    }
  });

  it("an unfilled skeleton: check names each placeholder in the language of the run", async () => {
    const { dir } = await make("ab-voorstel");
    const nl = await run(["check", "doc.yaml"], { cwd: dir });
    expect(nl.code).toBe(1);
    expect(nl.stderr).toMatch(/^doc\.yaml:\d+:\d+: error: nog in te vullen: <<vul in: organisatie>> — vervang het door de echte waarde \(organisatie\)$/m);
    const en = await run(["check", "doc.yaml", "--lang", "en"], { cwd: dir });
    expect(en.stderr).toMatch(/^doc\.yaml:\d+:\d+: error: still to be filled in: <<vul in: organisatie>> — replace it with the real value \(organisatie\)$/m);
  });
});
