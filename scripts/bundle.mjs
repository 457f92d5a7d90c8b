// Part of the build (`npm ci`, `npm run build`): the command line as one CommonJS file with a V8
// code cache beside it, which bin/boardpaper.js runs on Node 20. Node 20 has no compile cache for
// modules, so every run parsed and compiled some forty modules (docx, zod, yaml, markdown-it,
// handlebars, …) before doing anything; from the cache a run starts with the code compiled.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "dist", "bundle", "boardpaper.cjs");

await build({
  entryPoints: [join(ROOT, "dist", "cli", "run.js")],
  outfile: OUT,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // A native addon, and the web front end's dev server (only `serve` uses it; it runs unbundled).
  external: ["@resvg/resvg-js", "vite"],
  // The sources find templates, schemas and the worker from their own place (dist/<dir>/x.js,
  // two folders below the project); the bundle sits at the same depth.
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  // A smaller file is read and scanned faster (about 15 ms a run); names are kept, so that the
  // stack trace of an internal error still says where it happened.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
});

// The cache holds what a run compiled, so make it from a real one: a build of the seed when it is
// there, else the help text (any run gives a valid cache; a fuller one starts faster).
const seed = join(ROOT, "data", "proposals", "terugblik-visitaties.yaml");
const out = mkdtempSync(join(tmpdir(), "boardpaper-warmup-"));
try {
  const args = existsSync(seed) ? ["build", seed, "--out", out] : ["--help"];
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "boardpaper.js"), ...args], { cwd: ROOT, env: { ...process.env, BOARDPAPER_CODE_CACHE: "write" }, encoding: "utf8" });
  if (r.status !== 0) {
    process.stderr.write(`bundle: the warm-up run failed (exit ${r.status}); the command works, but starts without a code cache\n${r.stderr}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
