import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { REGISTRY } from "./registry.js";
import { describe, expect, it } from "vitest";
import { fillSkeleton, fixture, readText, ROOT, run, tempDir } from "./helpers.js";

// In the default language, Dutch; the skeleton in English: test/skeleton-language.test.ts.

describe("boardpaper new", () => {
  it("writes a skeleton that check rejects, naming each placeholder at its position", async () => {
    const dir = tempDir();
    const made = await run(["new", "--out", "p.yaml"], { cwd: dir });
    expect(made.code).toBe(0);
    const text = readText(join(dir, "p.yaml"));
    const r = await run(["check", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = text.split("\n");
    const placeholders = lines.flatMap((l, i) => (l.trimStart().startsWith("#") ? [] : [...l.matchAll(/"(<<[^"]*>>)"/g)].map((m) => ({ line: i + 1, col: m.index! + 1, text: m[1]! }))));
    expect(placeholders.length).toBeGreaterThan(15);
    for (const p of placeholders) expect(r.stderr).toContain(`p.yaml:${p.line}:${p.col}: error: nog in te vullen: ${p.text}`);
    // Only placeholders are reported: nothing else is wrong with the skeleton.
    expect(r.stderr.trim().split("\n").slice(0, -1)).toHaveLength(placeholders.length);
  });

  it("a filled-in skeleton passes check", async () => {
    const dir = tempDir();
    await run(["new", "--out", "p.yaml"], { cwd: dir });
    const filled = readText(join(dir, "p.yaml"))
      .replace(/"<<datum JJJJ-MM-DD: [^"]*>>"/g, "2026-03-12")
      .replace(/"<<kies: ([^|"]*?) \|[^"]*>>"/g, (_m, first: string) => first)
      .replace(/"<<vul in: ([^"]*)>>"/g, (_m, what: string) => `Tekst voor ${what}`);
    writeFileSync(join(dir, "p.yaml"), filled);
    const r = await run(["check", "p.yaml"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("starts with the yaml-language-server line pointing at the schema, and will not overwrite", async () => {
    const made = await run(["new", "--out", "data/proposals/zz-new.yaml"], { cwd: ROOT });
    try {
      expect(readText(join(ROOT, "data", "proposals", "zz-new.yaml")).split("\n")[0]).toBe("# yaml-language-server: $schema=../../schema/ab-voorstel.schema.json");
      const again = await run(["new", "--out", "data/proposals/zz-new.yaml"], { cwd: ROOT });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain("bestaat al");
    } finally {
      (await import("node:fs")).rmSync(join(ROOT, "data", "proposals", "zz-new.yaml"), { force: true });
    }
    expect(made.code).toBe(0);
  });
});

describe("new --type, and a document's kind from its `type:` or `$schema` line", () => {
  /** Fill every placeholder of a skeleton with something valid. */
  const fill = fillSkeleton;

  it.each(REGISTRY.kinds.map((k) => [k.types[0], k.name]))("new --type %s writes a %s skeleton that check reads as one, wherever it is", async (type, kind) => {
    const dir = tempDir();
    // Not in a meetings folder, not named huisstijl.yaml: the `type:` line says what it is.
    const made = await run(["new", "--type", type, "--out", "doc.yaml"], { cwd: dir });
    expect(made.code).toBe(0);
    const text = readText(join(dir, "doc.yaml"));
    expect(text).toContain(`\ntype: ${type}\n`);
    expect(text.split("\n")[0]).toMatch(new RegExp(`\\$schema=.*${REGISTRY.kinds.find((k) => k.name === kind)!.jsonSchema.file}$`));
    const skeleton = await run(["check", "doc.yaml"], { cwd: dir });
    // Only placeholders are left to fill in (a house style has none).
    for (const line of skeleton.stderr.trim().split("\n").slice(0, -1)) expect(line).toMatch(/error: nog in te vullen: <</);
    writeFileSync(join(dir, "doc.yaml"), fill(text));
    const filled = await run(["check", "doc.yaml"], { cwd: dir });
    expect(filled.stderr).toBe("");
    expect(filled.code).toBe(0);
    // Without the `type:` line, the `$schema` line still says what it is (a house style with
    // every field left out would be an empty file: nothing to say it of).
    const untyped = fill(text).replace(`\ntype: ${type}\n`, "\n");
    if (untyped.split("\n").some((l) => l.trim() !== "" && !l.trimStart().startsWith("#"))) {
      writeFileSync(join(dir, "doc.yaml"), untyped);
      expect((await run(["check", "doc.yaml"], { cwd: dir })).stderr).toBe("");
    }
  });

  it("a meeting outside a meetings folder without either line is read as a proposal; with `type: vergadering`, as a meeting", async () => {
    const dir = tempDir();
    await run(["new", "--type", "vergadering", "--out", "m.yaml"], { cwd: dir });
    const meeting = readText(join(dir, "m.yaml"));
    const bare = meeting.split("\n").filter((l) => !l.startsWith("# yaml-language-server") && !l.startsWith("type:")).join("\n");
    writeFileSync(join(dir, "m.yaml"), bare);
    expect((await run(["check", "m.yaml"], { cwd: dir })).stderr).toContain("verplicht veld `onderwerp` ontbreekt");
    writeFileSync(join(dir, "m.yaml"), `type: vergadering\n${bare}`);
    const r = await run(["check", "m.yaml"], { cwd: dir });
    expect(r.stderr).not.toContain("onderwerp");
    expect(r.stderr).toContain("nog in te vullen: <<vul in: orgaan>>");
  });

  it("a type that does not exist: a usage error for new, a positioned error with a hint in a file", async () => {
    const dir = tempDir();
    const r = await run(["new", "--type", "vergaderng"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("onbekend type `vergaderng`; bedoelt u `vergadering`?");
    writeFileSync(join(dir, "p.yaml"), `type: ab-voorstell\n${readText(fixture("check", "minimal.yaml"))}`);
    const checked = await run(["check", "p.yaml"], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("p.yaml:1:7: error: onbekend type `ab-voorstell`; bedoelt u `ab-voorstel`?");
    // Said once: not also as a value the default type's `type:` does not allow.
    expect(checked.stderr.match(/ab-voorstell/g)).toHaveLength(1);
  });
});

describe("boardpaper schema", () => {
  const loadSchema = async () => JSON.parse((await run(["schema"])).stdout) as object;
  const validator = async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    return ajv.compile(await loadSchema());
  };

  it.each([
    ...REGISTRY.kinds.map((k) => [k.jsonSchema.name, k.jsonSchema.file]),
  ])("the committed schema for %s is the current one", async (name, file) => {
    expect(readText(join(ROOT, "schema", file))).toBe((await run(["schema", name])).stdout);
  });

  it("the house-style schema accepts data/huisstijl.yaml and rejects a bad colour", async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse((await run(["schema", "huisstijl"])).stdout) as object);
    const style = parse(readText(join(ROOT, "data", "huisstijl.yaml")));
    expect(validate(style)).toBe(true);
    expect(validate({ ...style, accentkleur: "blue" })).toBe(false);
  });

  it("every proposal in data/ and in the fixtures is valid JSON Schema-wise", async () => {
    const validate = await validator();
    const files = [
      ...readdirSync(join(ROOT, "data", "proposals"))
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => join(ROOT, "data", "proposals", f)),
      ...readdirSync(fixture("render")).map((c) => fixture("render", c, "input.yaml")),
      fixture("check", "minimal.yaml"),
    ];
    for (const f of files) {
      const ok = validate(parse(readFileSync(f, "utf8")));
      expect(validate.errors ?? [], f).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  const minimal = readText(fixture("check", "minimal.yaml"));
  const BAD: [string, string, string][] = [
    ["unknown key", "portefeuillehouder:", "portefeuilehouder:"],
    ["wrong type", "    standpunt: Akkoord.", "    standpunt: [Akkoord.]"],
    ["number where text is expected", 'agendapunt: "4"', "agendapunt: 4"],
    ["missing required field", "beoogd_effect: Een getest plan.\n", ""],
    ["invalid enum value", "behandelwijze: ter besluitvorming", "behandelwijze: ter besluit"],
    ["impossible date", "  datum: 2026-02-20", "  datum: 2020-02-30"],
    ["date in another notation", "vergaderdatum: 2026-03-12", "vergaderdatum: 12 maart 2026"],
    ["empty section without leeg", "vervolg: leeg", "vervolg:"],
    ["empty list", "afstemming:\n  - met: Veiligheidsdirectie\n    datum: 2026-02-01\n    standpunt: Akkoord.", "afstemming: []"],
    ["bad e-mail address", "  email: a.jansen@example.nl", "  email: a.jansen"],
  ];
  it.each(BAD)("rejects what check rejects: %s", async (_name, from, to) => {
    expect(minimal).toContain(from);
    const text = minimal.replace(from, to);
    const validate = await validator();
    expect(validate(parse(text))).toBe(false);
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), text);
    expect((await run(["check", "p.yaml"], { cwd: dir })).code).toBe(1);
  });
});

describe("boardpaper types", () => {
  it("lists every type a file can name, each taken by new --type and schema", async () => {
    const r = await run(["types"]);
    expect(r.code).toBe(0);
    const names = r.stdout.trim().split("\n").map((l) => l.split(/\s+/)[0]!);
    expect(names.sort()).toEqual(REGISTRY.kinds.flatMap((k) => k.types).sort());
    for (const kind of REGISTRY.kinds) {
      expect((await run(["new", "--type", kind.types[0]])).stdout).toContain(`\ntype: ${kind.types[0]}\n`);
      expect((await run(["schema", kind.types[0]])).stdout).toBe((await run(["schema", kind.jsonSchema.name])).stdout);
    }
  });
});
