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

function build(env: Record<string, string>): Map<string, Buffer> {
  const out = tempDir();
  const r = spawnSync(process.execPath, [BIN, "build", SEED, "--out", out], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
}

describe("the start-up bundle (Node 20)", () => {
  it.skipIf(!node20)(`has a code cache this Node accepts${node20 ? "" : " (skipped: this Node caches compiled modules itself)"}`, () => {
    const script = compileBundle(BUNDLE) as { cachedDataRejected?: boolean };
    expect(script.cachedDataRejected).toBe(false);
  });

  it("gives the same files as the compiled modules", () => {
    const bundled = build({});
    const modules = build({ BOARDPAPER_BUNDLE: "0" });
    expect([...bundled.keys()].sort()).toEqual(["terugblik-visitaties.docx", "terugblik-visitaties.html"]);
    for (const [name, bytes] of bundled) expect(bytes.equals(modules.get(name)!), name).toBe(true);
  });

  it("a damaged bundle is refused when it is loaded (bin/ then runs the modules)", () => {
    const damaged = join(tempDir(), "boardpaper.cjs");
    writeFileSync(damaged, readFileSync(BUNDLE, "utf8").slice(0, 100_000));
    expect(() => loadBundle(damaged)).toThrow();
  });
});
