// Part of the build (`npm ci`, `npm run build`): the start-up bundle that bin/boardpaper.js runs
// on Node 20. Node 20 has no compile cache for modules, and every run parsed and compiled some
// forty modules (docx, zod, yaml, markdown-it, handlebars, …) and then the templates before doing
// anything, and compressed a document's fixed parts with code not yet warm. So: the command line
// as one CommonJS file (esbuild) whose entry installs, through the one seam src/cli/ahead.ts, the
// built-in templates compiled ahead and the parts a warm-up build of the seed deflated; and
// beside it the V8 code cache of that warm-up.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { loadBundle } from "../bin/bundle.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(ROOT, "dist", "bundle", "boardpaper.cjs");
const CACHE = `${OUT}.cache`;
/**
 * Bundle, with `ahead` (the text of an Ahead object, see src/cli/ahead.ts) installed before the
 * command runs.
 */
async function bundle(ahead) {
  const entry = [
    'import { run } from "../cli/run.js";',
    'import { aheadSource, installAhead } from "../cli/ahead.js";',
    `installAhead(${ahead});`,
    "export { run, aheadSource };",
  ].join("\n");
  await build({
    stdin: { contents: entry, resolveDir: join(ROOT, "dist", "bundle"), sourcefile: "entry.js", loader: "js" },
    outfile: OUT,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // A native addon, and the web front end's dev server (only `serve` uses it; it runs unbundled).
    external: ["@resvg/resvg-js", "vite"],
    // The sources find templates and schemas from their own place (dist/<dir>/x.js,
    // two folders below the project); the bundle sits at the same depth.
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    // A smaller file is read and scanned faster; names are kept, so that the
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
    const code = await loaded.exports.run(args, { cwd: ROOT, stdout: quiet, stderr: quiet });
    if (code !== 0) process.stderr.write(`bundle: the warm-up build exited ${code}; the command works, but starts slower\n`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return loaded;
}

// A cache belongs to one bundle: never leave an old one beside a new bundle.
rmSync(CACHE, { force: true });
// The entry is resolved from the bundle's folder, which a fresh build has not made yet.
mkdirSync(dirname(OUT), { recursive: true });
await bundle("{ templates: {}, parts: {} }");
// First pass: the parts a build zips, and the built-in templates; they go into the bundle
// deflated and compiled.
const first = await warmUp();
await bundle(await first.exports.aheadSource(ROOT));
// Second pass: the code cache of the final bundle, holding what the warm-up compiled.
const second = await warmUp();
writeFileSync(CACHE, second.script.createCachedData());
