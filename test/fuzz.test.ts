import fc from "fast-check";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { fixture, readText, ROOT, run, tempDir } from "./helpers.js";

/**
 * Property tests over generated and mutated proposals: every input ends either in valid output
 * or in positioned diagnostics — never an internal error, a usage error or an exception.
 * `npm test` runs a CI-sized number of cases; `npm run fuzz` runs 10,000 (FUZZ_RUNS).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/** A seed-sized case takes up to ~100 ms (check, then build); allow for slow machines. */
const TIMEOUT = 30_000 + RUNS * 250;
const SEED = readText(join(ROOT, "data", "proposals", "terugblik-visitaties.yaml"));
const MINIMAL = readText(fixture("check", "minimal.yaml"));

/** Fragments that tend to break YAML, templates, XML or HTML. */
const NASTY = [":", ": ", "- ", "\t", "  ", "&a ", "*a", "<<: *a", "{{x}}", "{{{x}}}", "<b>", "</w:t>", "]]>", "&amp;", '"', "'", "#", "---", "[", "{", "}", "\\", "\u0001", "\u0000", "é", "€", "\u202e", "leeg", "2020-02-30", "true", "null", "~", "|", ">", "%YAML 1.1", "!!binary", "x".repeat(300)];

const line = (text: string) => fc.nat({ max: Math.max(0, text.split("\n").length - 1) });

/** One random edit of a YAML text. */
function mutation(text: string): fc.Arbitrary<string> {
  const lines = text.split("\n");
  return fc.oneof(
    line(text).map((i) => lines.filter((_, k) => k !== i).join("\n")),
    line(text).map((i) => [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)].join("\n")),
    fc.tuple(line(text), line(text)).map(([i, j]) => {
      const copy = [...lines];
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy.join("\n");
    }),
    fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(...NASTY)).map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
    fc.tuple(line(text), fc.constantFrom("", " ", "   ", "\t")).map(([i, indent]) => lines.map((l, k) => (k === i ? indent + l.trimStart() : l)).join("\n")),
    fc.nat({ max: text.length }).map((at) => text.slice(0, at)),
    fc.tuple(fc.nat({ max: text.length }), fc.string({ unit: "binary", maxLength: 12 })).map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
  );
}

async function holds(text: string): Promise<void> {
  const dir = tempDir("bp-fuzz-");
  writeFileSync(join(dir, "p.yaml"), text);
  const checked = await run(["check", "p.yaml"], { cwd: dir });
  expect([0, 1], checked.stderr).toContain(checked.code);
  if (checked.code === 1) {
    const lines = text.split("\n").length + 1;
    for (const l of checked.stderr.trim().split("\n").slice(0, -1)) {
      const m = /^p\.yaml:(\d+):(\d+): (error|warning): \S/.exec(l);
      expect(m, `not a positioned diagnostic: ${l}`).not.toBeNull();
      expect(Number(m![1])).toBeLessThanOrEqual(lines);
    }
    return;
  }
  const built = await run(["build", "p.yaml", "--out", "o", "--format", "docx,html,text"], { cwd: dir });
  expect(built.stderr).toBe("");
  expect(built.code).toBe(0);
  expect(readdirSync(join(dir, "o")).sort()).toEqual(["p.docx", "p.html", "p.txt"]);
}

describe("property: any input ends in valid output or positioned diagnostics", () => {
  it(`mutations of the seed (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(mutation(SEED), holds), { numRuns: RUNS });
  }, TIMEOUT);

  it(`stacked mutations of a small proposal (${RUNS} runs)`, async () => {
    const twice = mutation(MINIMAL).chain((once) => mutation(once));
    await fc.assert(fc.asyncProperty(twice, holds), { numRuns: RUNS });
  }, TIMEOUT);

  it(`generated proposals with arbitrary text in every field (${RUNS} runs)`, async () => {
    const anyText = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom(...NASTY), fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }));
    const proposal = fc.record({
      organisatie: anyText,
      orgaan: anyText,
      vergaderdatum: fc.constantFrom("2026-03-12", "2020-02-29", "2019-02-29", "12-03-2026"),
      onderwerp: anyText,
      portefeuillehouder: anyText,
      steller: fc.record({ naam: anyText }),
      behandelwijze: fc.constantFrom("ter besluitvorming", "ter kennisname", "ter besluit"),
      versie: fc.record({ label: anyText, datum: fc.constant("2026-02-20") }),
      voorstel: fc.record({ beslispunten: fc.array(fc.oneof(anyText, fc.record({ tekst: anyText, subpunten: fc.array(anyText, { minLength: 1, maxLength: 3 }) })), { minLength: 0, maxLength: 4 }) }),
      afstemming: fc.oneof(fc.constant("leeg"), fc.array(fc.record({ met: anyText, datum: fc.constant("2026-01-01"), standpunt: anyText }), { minLength: 1, maxLength: 3 })),
      inleiding: anyText,
      beoogd_effect: anyText,
      argumenten: anyText,
      kanttekeningen: anyText,
      consequenties: fc.constant("leeg"),
      vervolg: anyText,
      communicatie: fc.constant("leeg"),
      bijlagen: fc.array(fc.record({ titel: anyText, inhoud: fc.array(fc.oneof(anyText, fc.record({ tabel: fc.record({ kolommen: fc.array(anyText, { minLength: 1, maxLength: 3 }), rijen: fc.array(fc.array(anyText, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }) }) })), { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }),
    });
    await fc.assert(fc.asyncProperty(proposal, (p) => holds(stringify(p))), { numRuns: RUNS });
  }, TIMEOUT);
});
