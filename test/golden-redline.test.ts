import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, run, tempDir } from "./helpers.js";

/**
 * Redline golden fixtures: test/fixtures/redline/<case>/old.yaml and new.yaml, and what
 * `boardpaper diff OLD NEW` makes of them: the text view on stdout (expected.txt) and the HTML
 * redline written with `--format html --out FILE` (expected.html). After an intended change,
 * regenerate with `npm run test:accept` and review the
 * diff like code.
 */
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const CASES = readdirSync(fixture("redline"));

/** Paths as the CLI is given them, relative to the project folder (where `run` works). */
const rel = (name: string, file: string) => join("test", "fixtures", "redline", name, file);

function compare(name: string, file: string, actual: string): void {
  const path = fixture("redline", name, file);
  if (UPDATE) writeFileSync(path, actual);
  expect(existsSync(path), `${name}/${file} exists (run with UPDATE_GOLDEN=1 to create it)`).toBe(true);
  expect(actual, `${name}/${file}`).toBe(readFileSync(path, "utf8"));
}

describe.each(CASES)("redline golden: %s", (name) => {
  it("the text view (diff OLD NEW) is exactly expected.txt", async () => {
    const r = await run(["diff", rel(name, "old.yaml"), rel(name, "new.yaml")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // Every case has a difference to show.
    expect(r.stdout).not.toBe("No differences.\n");
    expect(r.stdout).toMatch(/\[-|\{\+/);
    compare(name, "expected.txt", r.stdout);
  });

  it("the HTML redline (--format html --out FILE) is exactly expected.html", async () => {
    const out = join(tempDir(), "redline.html");
    const r = await run(["diff", rel(name, "old.yaml"), rel(name, "new.yaml"), "--format", "html", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^geschreven: .*redline\.html \([1-9]\d* wijzigingen?\)\n$/);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/<ins>|<del>/);
    compare(name, "expected.html", html);
  });
});

describe("redline: known bugs", () => {
  // KNOWN BUG (src/review/diff-trees.ts, markRow does not count): when the only change is a
  // table row added (or removed), `diff` counts 0 changes and prints "No differences.", although
  // the redline tree marks the row. When fixed, make this a plain `it`.
  it.fails("KNOWN BUG: a table row added and nothing else is reported as a difference", async () => {
    const dir = tempDir();
    const older = readFileSync(fixture("redline", "table-cell", "old.yaml"), "utf8");
    const row = "  - met: Veiligheidsdirectie\n    datum: 2026-02-01\n    standpunt: Akkoord.\n";
    expect(older).toContain(row);
    const newer = older.replace(row, `${row}  - met: Ondernemingsraad\n    datum: 2026-02-10\n    standpunt: Geen bezwaar.\n`);
    writeFileSync(join(dir, "old.yaml"), older);
    writeFileSync(join(dir, "new.yaml"), newer);
    const r = await run(["diff", "old.yaml", "new.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("{+Ondernemingsraad+}");
  });
});
