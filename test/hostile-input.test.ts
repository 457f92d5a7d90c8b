import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filesSnapshot, fixture, readText, run, runBin, tempDir, messagesIn } from "./helpers.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

/**
 * Issue 17: boardpaper reads files it did not write. Bad input gets a one-line positioned
 * error (exit 1, never a stack trace or exit 70), in about linear time. Large fixtures are
 * built here, not stored.
 */
const MINIMAL = readText(fixture("check", "minimal.yaml"));

/** Write `text` (or bytes) in a fresh folder and `check` it through the CLI, timed; `check` writes nothing. */
async function checkTimed(text: string | Uint8Array, name = "p.yaml") {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  const before = filesSnapshot(dir);
  const t0 = performance.now();
  const r = await run(["check", name], { cwd: dir });
  const ms = performance.now() - t0;
  expect(filesSnapshot(dir)).toEqual(before);
  return { ...r, ms };
}

/** The diagnostic lines (not the summary) of a run. */
const diagnosticLines = (stderr: string): string[] => stderr.split("\n").filter((l) => /: (error|warning): /.test(l));

const manyKeys = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}: v`).join("\n") + "\n";

describe("many keys are checked in about linear time", () => {
  it("100,000 keys (1.4 MB) get the entry-limit message, in linear time", async () => {
    const small = await checkTimed(manyKeys(10_000));
    const r = await checkTimed(manyKeys(100_000));
    expect(r.code).toBe(1);
    expect(diagnosticLines(r.stderr)).toEqual(["p.yaml:1:1: error: this mapping has 100000 entries; the limit is 2000. Split the document"]);
    // Was about 3 minutes (the yaml package compared each key with every earlier one: 100 times
    // the time of 10,000 keys); now about 3 s, most of it the yaml package's tokenising. The
    // bounds are loose for a loaded machine but far from quadratic.
    expect(r.ms / small.ms).toBeLessThan(30);
    expect(r.ms).toBeLessThan(30_000);
  });

  it("a duplicate among 100,000 keys is still reported at its place, fast", async () => {
    const text = manyKeys(100_000).replace("\nk60000: v\n", "\nk123: v\n");
    const r = await checkTimed(text);
    expect(r.code).toBe(1);
    expect(diagnosticLines(r.stderr)).toEqual(["p.yaml:60001:1: error: YAML: key `k123` appears twice in the same mapping; remove one of them or merge their contents"]);
    expect(r.ms).toBeLessThan(30_000);
  });

  it("duplicates in nested and flow mappings keep the yaml package's message and place", async () => {
    const text = MINIMAL.replace("  email: a.jansen@example.nl", "  email: a.jansen@example.nl\n  naam: B").replace("argumenten: leeg", "argumenten: {a: 1, b: 2, a: 3}");
    const r = await checkTimed(text);
    expect(r.code).toBe(1);
    expect(diagnosticLines(r.stderr)).toEqual([
      "p.yaml:11:3: error: YAML: key `naam` appears twice in the same mapping; remove one of them or merge their contents",
      "p.yaml:32:26: error: YAML: key `a` appears twice in the same mapping; remove one of them or merge their contents",
    ]);
  });
});

it("a file with a YAML error on every line gets the first few and a count, not 150,000 lines", async () => {
  const r = await checkTimed("a:\n\tb: 1\n".repeat(50_000));
  expect(r.code).toBe(1);
  const lines = diagnosticLines(r.stderr);
  expect(lines).toHaveLength(51);
  expect(lines[0]).toBe("p.yaml:2:1: error: YAML: a tab is used for indentation; YAML indents with spaces only — replace the tab by spaces");
  expect(lines[50]).toMatch(/^p\.yaml:\d+:\d+: error: YAML: … and \d+ more YAML problems from here on; fix the ones above first$/);
  expect(r.ms).toBeLessThan(30_000);
});

describe("deep nesting gets the nesting-limit message where the limit is crossed", () => {
  const NESTING = "error: nesting is deeper than 40 levels; check the indentation";
  it("5,000 nested flow brackets", async () => {
    // `a: ` then `[` #1 at column 4 (depth 1): `[` #41 at column 44 is the first too deep.
    for (const n of [50, 5_000]) {
      const r = await checkTimed(`a: ${"[".repeat(n)}${"]".repeat(n)}\n`);
      expect(r.code).toBe(1);
      expect(diagnosticLines(r.stderr)).toEqual([`p.yaml:1:44: ${NESTING}`]);
      expect(r.ms).toBeLessThan(2_000);
    }
  });

  it("brackets in text (a block scalar, quotes, a comment) are not nesting", async () => {
    const brackets = "[".repeat(100);
    const text = MINIMAL.replace("  Dit is de inleiding.", `  Dit is de inleiding ${brackets}.`)
      .replace("beoogd_effect: Een getest plan.", `beoogd_effect: "Een getest plan ${brackets}{{{{"`)
      .replace("vervolg: leeg", `vervolg: leeg # ${brackets}`);
    const r = await checkTimed(text);
    expect(r.stderr).toBe((await checkTimed(MINIMAL)).stderr);
    expect(r.code).toBe(0);
  });

  it("a megabyte of open brackets, and brackets the bracket count cannot see", async () => {
    const cases = [
      `a: ${"[".repeat(1_000_000)}\n`,
      `a: ${"{a: ".repeat(200_000)}\n`,
      // A `]` in quotes after each `[`: the quick count never passes the limit, the tokens do.
      `a: ${'["]", '.repeat(5_000)}\n`,
    ];
    for (const text of cases) {
      const r = await checkTimed(text);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(/Maximum call stack|RangeError|at .*\.js:\d+/);
      expect(diagnosticLines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^p\\.yaml:1:\\d+: ${NESTING}$`, "m"));
      expect(r.ms).toBeLessThan(5_000);
    }
  });

  it("deep block nesting: compact `- - -` and indentation", async () => {
    let indented = "";
    for (let i = 0; i < 1_500; i++) indented += `${" ".repeat(i)}k:\n`;
    const compact = await checkTimed(`${"- ".repeat(5_000)}x\n`);
    expect(diagnosticLines(compact.stderr)).toEqual([`p.yaml:1:83: ${NESTING}`]);
    const block = await checkTimed(indented);
    expect(diagnosticLines(block.stderr)).toEqual([`p.yaml:42:42: ${NESTING}`]);
    for (const r of [compact, block]) {
      expect(r.code).toBe(1);
      expect(r.ms).toBeLessThan(5_000);
    }
  });
});

describe("the whole process, through the installed command line: bounded time and memory, nothing written", () => {
  // Each a child process (bin/boardpaper.js) that reports its own peak memory. Bounds are loose
  // for a loaded machine: a plain `check` peaks at some 100–250 MB; what they catch is the unfixed
  // behaviour (minutes of quadratic key checks, a stack overflow with exit 70).
  it.each([
    ["100,000 keys (the key bomb)", manyKeys(100_000), "p.yaml:1:1: error: this mapping has 100000 entries; the limit is 2000. Split the document"],
    ["5,000 nested flow brackets", `a: ${"[".repeat(5_000)}${"]".repeat(5_000)}\n`, "p.yaml:1:44: error: nesting is deeper than 40 levels; check the indentation"],
  ])("%s", async (_name, text, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), text);
    const before = filesSnapshot(dir);
    const r = await runBin(["check", "p.yaml"], { cwd: dir });
    expect(diagnosticLines(r.stderr)).toEqual([message]);
    expect(r.stderr).not.toMatch(/Maximum call stack|RangeError|\n\s+at /);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(20_000);
    expect(r.peakMb).toBeLessThan(400);
    expect(filesSnapshot(dir)).toEqual(before);
  });
});

describe("encodings and line endings", () => {
  it("a file with old Mac line endings (CR only) reads as the lines it has", async () => {
    const lf = await checkTimed(MINIMAL);
    const ok = await checkTimed(MINIMAL.replaceAll("\n", "\r"));
    expect(ok.stderr).toBe(lf.stderr);
    expect(ok.code).toBe(0);
    const bad = await checkTimed(MINIMAL.replace("behandelwijze: ter besluitvorming", "behandelwijze: ter lezing").replaceAll("\n", "\r"));
    expect(bad.code).toBe(1);
    expect(diagnosticLines(bad.stderr)[0]).toMatch(/^p\.yaml:11:16: error: /);
  });

  it("UTF-32 is named UTF-32, not UTF-16", async () => {
    const le = new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0, 0x3a, 0, 0, 0]);
    const be = new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61, 0, 0, 0, 0x3a]);
    for (const bytes of [le, be]) {
      const r = await checkTimed(bytes);
      expect(r.code).toBe(1);
      expect(diagnosticLines(r.stderr)).toEqual(["p.yaml:1:1: error: file is UTF-32 text; save it as UTF-8 (in most editors: Save As → Encoding: UTF-8)"]);
    }
    const utf16 = await checkTimed(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x3a, 0]));
    expect(utf16.stderr).toContain("error: file is UTF-16 text");
  });
});

describe("terminal escapes from the input are shown, not acted on", () => {
  it("a key with OSC and CSI sequences, in message and path", async () => {
    const r = await checkTimed(`${MINIMAL}"\\e]0;pwned\\a": 1\n"\\e[2J": 2\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain("p.yaml:40:1: error: unknown key `\\u001b]0;pwned\\u0007`");
    expect(r.stderr).toContain("(\\u001b]0;pwned\\u0007)");
    expect(r.stderr).toContain("unknown key `\\u001b[2J`");
  });

  it("a file name with escapes, and a key with a line break, a bidi override and a C1 CSI", async () => {
    const r = await checkTimed(`${MINIMAL}"ter\\nbe\\u202esluit\\u009b2J": 1\n`, "p\u001b[2J.yaml");
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const lines = diagnosticLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^p\\u001b\[2J\.yaml:40:1: error: unknown key `ter\\u000abe\\u202esluit\\u009b2J/);
  });

  it("a value with escapes, in check's message and in text's output", async () => {
    const hostile = MINIMAL.replace("behandelwijze: ter besluitvorming", 'behandelwijze: "ter \\e]0;pwned\\a"').replace(/^onderwerp: .*$/m, 'onderwerp: "Een \\u009b2J titel\\r"');
    const r = await checkTimed(hostile);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain("`ter \\u001b]0;pwned\\u0007` is not allowed here");
    // A C1 control is no XML error, so `text` prints the proposal: with it escaped.
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), MINIMAL.replace(/^onderwerp: .*$/m, 'onderwerp: "Een \\u009b2J titel"'));
    const t = await run(["text", "p.yaml"], { cwd: dir });
    expect(t.stderr).toBe("");
    expect(t.code).toBe(0);
    expect(t.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(t.stdout).toContain("Een \\u009b2J titel");
  });

  it("file names with escapes in build's `wrote` lines", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "data", "proposals"), { recursive: true });
    writeFileSync(join(dir, "data", "proposals", "p\u001b]0;pwned\u0007.yaml"), MINIMAL);
    const r = await run(["build", "--format", "html"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain("wrote out/proposals/p\\u001b]0;pwned\\u0007.html\n");
    // The file itself has the name the input gave it.
    expect(readdirSync(join(dir, "out", "proposals"))).toEqual(["p\u001b]0;pwned\u0007.html"]);
  });

  it("on a terminal, only the formatter's own colour codes reach it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), `${MINIMAL}"\\e[2J": 2\n`);
    const r = await run(["check", "p.yaml"], { cwd: dir, tty: true });
    expect(r.code).toBe(1);
    // Every ESC left is the start of an SGR colour code.
    expect(r.stderr.replace(/\u001b\[[0-9;]*m/g, "")).not.toContain("\u001b");
    expect(r.stderr).toContain("\\u001b[2J");
  });
});
