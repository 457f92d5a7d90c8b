import { spawnSync } from "node:child_process";
import module from "node:module";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript beside the bin, without type declarations
import { compileBundle, loadBundle } from "../bin/bundle.js";
import { ROOT, tempDir } from "./helpers.js";

const BIN = join(ROOT, "bin", "boardpaper.js");
const BUNDLE = join(ROOT, "dist", "bundle", "boardpaper.cjs");
const SEED = join(ROOT, "data", "proposals", "terugblik-visitaties.yaml");
const node20 = !("enableCompileCache" in module);

function build(input: string, env: Record<string, string>): Map<string, Buffer> {
  const out = tempDir();
  const r = spawnSync(process.execPath, [BIN, "build", input, "--out", out], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Map(files.map((d) => [join(d.parentPath, d.name).slice(out.length + 1), readFileSync(join(d.parentPath, d.name))]));
}

describe("the start-up bundle (Node 20)", () => {
  it.skipIf(!node20)(`has a code cache this Node accepts${node20 ? "" : " (skipped: this Node caches compiled modules itself)"}`, () => {
    const script = compileBundle(BUNDLE) as { cachedDataRejected?: boolean };
    expect(script.cachedDataRejected).toBe(false);
  });

  // The seed uses the templates the bundle holds compiled ahead; data/ also other house styles
  // and the gemeente's own templates, which it compiles when they are used.
  it.each([["the seed", SEED], ["all of data/", join(ROOT, "data")]])("gives the same files as the compiled modules: %s", (_, input) => {
    const bundled = build(input, {});
    const modules = build(input, { BOARDPAPER_BUNDLE: "0" });
    expect([...bundled.keys()].sort()).toEqual([...modules.keys()].sort());
    expect(bundled.size).toBeGreaterThanOrEqual(2);
    for (const [name, bytes] of bundled) expect(bytes.equals(modules.get(name)!), name).toBe(true);
  });

  it("installs the built-in templates and the fixed parts a build uses, compiled and deflated ahead, through the seam", () => {
    const text = readFileSync(BUNDLE, "utf8");
    expect(text.match(/compiler:\[\d+,/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    const ahead = /installAhead\(\{templates:[\s\S]*?parts:(\{"word\/.*)/.exec(text)?.[1] ?? "";
    expect(ahead).toContain('"word/theme/theme1.xml":{');
  });

  it("a damaged bundle is refused when it is loaded (bin/ then runs the modules)", () => {
    const damaged = join(tempDir(), "boardpaper.cjs");
    writeFileSync(damaged, readFileSync(BUNDLE, "utf8").slice(0, 100_000));
    expect(() => loadBundle(damaged)).toThrow();
  });
});
