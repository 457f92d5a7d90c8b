// Part of the build (`npm ci`, `npm run build`): the start-up bundle that bin/boardpaper.js runs
// on Node 20. Node 20 has no compile cache for modules, and every run parsed and compiled some
// forty modules (docx, zod, yaml, markdown-it, handlebars, …) and then the templates before doing
// anything, and compressed a document's fixed parts with code not yet warm. So: the command line
// as one CommonJS file (esbuild), holding the templates and the parts a warm-up build of the
// seed used, compiled and deflated ahead, and beside it the V8 code cache of that warm-up.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { loadBundle } from "../bin/bundle.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "dist", "bundle", "boardpaper.cjs");
const CACHE = `${OUT}.cache`;
/** Modules whose contents the bundle takes from the warm-up (empty in dist/). */
const AHEAD = { templates: join(ROOT, "dist", "template", "precompiled.js"), deflated: join(ROOT, "dist", "writers", "docx", "deflated-ahead.js") };

/**
 * Bundle, with `ahead.templates` as the templates compiled ahead and `ahead.deflated` as the
 * parts deflated ahead (each the text of an object literal).
 */
async function bundle(ahead) {
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
    plugins: [
      {
        name: "ahead-of-time",
        setup(b) {
          b.onLoad({ filter: /(precompiled|deflated-ahead)\.js$/ }, (args) => {
            if (args.path === AHEAD.templates) return { contents: `export const PRECOMPILED = ${ahead.templates};\n`, loader: "js" };
            if (args.path === AHEAD.deflated) return { contents: `export const DEFLATED_AHEAD = ${ahead.deflated};\n`, loader: "js" };
            return undefined;
          });
        },
      },
    ],
    // A smaller file is read and scanned faster (about 15 ms a run); names are kept, so that the
    // stack trace of an internal error still says where it happened.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
  });
}

/**
 * A build of the seed (or, without it, the help text) through the bundle, in this process and
 * quietly; returns the loaded bundle. What a warm-up touches is what a real run finds ready.
 */
async function warmUp() {
  const loaded = loadBundle(OUT);
  const seed = join(ROOT, "data", "proposals", "terugblik-visitaties.yaml");
  const out = mkdtempSync(join(tmpdir(), "boardpaper-warmup-"));
  const quiet = { write: () => {}, isTTY: false };
  try {
    const args = existsSync(seed) ? ["build", seed, "--out", out] : ["--help"];
    loaded.exports.recordTemplates();
    const code = await loaded.exports.run(args, { cwd: ROOT, stdout: quiet, stderr: quiet });
    if (code !== 0) process.stderr.write(`bundle: the warm-up build exited ${code}; the command works, but starts slower\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return loaded;
}

// A cache belongs to one bundle: never leave an old one beside a new bundle.
rmSync(CACHE, { force: true });
await bundle({ templates: "{}", deflated: "{}" });
// First pass: which templates a build compiles and which parts it zips; they go into the
// bundle compiled and deflated.
const first = await warmUp();
await bundle({ templates: first.exports.recordedTemplates(), deflated: first.exports.recordedDeflated() });
// Second pass: the code cache of the final bundle, holding what the warm-up compiled.
const second = await warmUp();
writeFileSync(CACHE, second.script.createCachedData());
