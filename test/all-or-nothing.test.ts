import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readText, ROOT, run, tempDir, messagesIn } from "./helpers.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

/** All files under a folder, relative path → bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]) {
    if (d.isFile()) out.set(join(d.parentPath, d.name).slice(dir.length + 1), readFileSync(join(d.parentPath, d.name)));
  }
  return out;
}

describe("a build is all or nothing, streaming each output as it is made", () => {
  it("writes exactly what the committed out/ holds, and --check agrees", async () => {
    const out = tempDir();
    const r = await run(["build", "--out", out]);
    expect(r.stderr).toBe("");
    const a = files(join(ROOT, "out"));
    expect(r.stdout).toMatch(new RegExp(`\\d+ documents rendered: ${a.size} files written, 0 unchanged\\.\\n$`));
    const b = files(out);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(Buffer.compare(bytes, b.get(name)!), name).toBe(0);
    expect((await run(["build", "--out", out, "--check"])).code).toBe(0);
    // A second build finds every file already right and writes nothing.
    expect((await run(["build", "--out", out])).stdout).toMatch(new RegExp(` ${a.size} unchanged\\.\\n$`));
  });

  it("shows a proposal's warnings, and still writes", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    cpSync(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
    const odd = join(dir, "data", "proposals", "vervanging-tankautospuiten.yaml");
    writeFileSync(odd, readText(odd).replace(/^onderwerp: /m, "onderwerp: !onbekend "));
    const r = await run(["build"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^data\/proposals\/vervanging-tankautospuiten\.yaml:\d+:\d+: warning: YAML: Unresolved tag: !onbekend/m);
    expect(existsSync(join(dir, "out", "proposals", "vervanging-tankautospuiten.docx"))).toBe(true);
  });

  it("a file-system refusal is reported as one, and nothing is left written", async () => {
    const dir = tempDir();
    const minimal = readText(join(ROOT, "test", "fixtures", "check", "minimal.yaml"));
    for (const sub of ["a", "b"]) {
      mkdirSync(join(dir, "data", sub), { recursive: true });
      writeFileSync(join(dir, "data", sub, `${sub}.yaml`), minimal);
    }
    // The second proposal has a file where its output folder should be.
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "b"), "not a folder");
    const r = await run(["build"], { cwd: dir });
    expect(r.stderr).toMatch(/^boardpaper build: cannot mkdir \S*out\/b: a file is in the way where a folder is needed\n$/);
    expect(r.code).toBe(1);
    expect(readdirSync(join(dir, "out"))).toEqual(["b"]);
  });

  it("all or nothing, wherever the bad proposals are: every one reported, no file written", async () => {
    const minimal = readText(join(ROOT, "test", "fixtures", "check", "minimal.yaml"));
    const bad = minimal.replace("behandelwijze: ter besluitvorming", "behandelwijze: ter besluit");
    expect(bad).not.toBe(minimal);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }), async (broken) => {
        const dir = tempDir();
        mkdirSync(join(dir, "data"), { recursive: true });
        for (let k = 0; k < 8; k++) writeFileSync(join(dir, "data", `p${k}.yaml`), broken.includes(k) ? bad : minimal);
        const r = await run(["build"], { cwd: dir });
        if (broken.length === 0) {
          expect(r.code).toBe(0);
          expect(readdirSync(join(dir, "out")).length).toBe(16);
        } else {
          expect(r.code).toBe(1);
          for (const k of broken) expect(r.stderr).toMatch(new RegExp(`^data/p${k}\\.yaml:\\d+:\\d+: error: \`ter besluit\``, "m"));
          expect(existsSync(join(dir, "out"))).toBe(false);
        }
      }),
      { numRuns: 6 },
    );
  });

  it("an invalid proposal: its diagnostics, and nothing written", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    cpSync(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
    const bad = join(dir, "data", "proposals", "vervanging-tankautospuiten.yaml");
    writeFileSync(bad, readText(bad).replace("behandelwijze: ter besluitvorming", "behandelwijze: ter besluit"));
    const r = await run(["build"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/proposals\/vervanging-tankautospuiten\.yaml:\d+:16: error: `ter besluit` is not allowed here/);
    expect(r.stderr).toContain("Nothing was written.");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("--check lists what is out of date", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    cpSync(join(ROOT, "templates"), join(dir, "templates"), { recursive: true });
    expect((await run(["build"], { cwd: dir })).code).toBe(0);
    const seed = join(dir, "data", "proposals", "terugblik-visitaties.yaml");
    writeFileSync(seed, readText(seed).replace("Het versterken van de strategische sturing", "Het versterken van de sturing"));
    const r = await run(["build", "--check"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("out/proposals/terugblik-visitaties.docx: out of date");
    expect(r.stderr).toContain("out/proposals/terugblik-visitaties.html: out of date");
  });
});
