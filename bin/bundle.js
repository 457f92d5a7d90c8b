// Running the one-file bundle that the build makes (scripts/bundle.mjs) with the V8 code cache
// made beside it. Node 20 has no compile cache for modules, and compiling the ~40 modules took
// most of a short run; Node's own CommonJS loader cannot be handed a cache, so this does what it
// does (wrap, compile, call) with the cache given to V8.
import module from "node:module";
import { readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import vm from "node:vm";

/**
 * The bundle compiled, from its cache when there is one (V8 refuses a cache made by another
 * Node). A cache older than the bundle is not offered: V8 only checks a cache against the
 * length of the source, so a stale one could otherwise pass.
 */
export function compileBundle(file) {
  let cachedData;
  try {
    if (statSync(`${file}.cache`).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`;
  return new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
}

/**
 * Load the bundle: its exports (`run(argv)` and what the build's warm-up uses) and the compiled
 * script (whose createCachedData the warm-up saves). Throws when the bundle cannot be loaded
 * (a half-written file, say); bin/ then runs the modules instead.
 */
export function loadBundle(file) {
  const script = compileBundle(file);
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, module.createRequire(file), bundle, file, dirname(file));
  if (typeof bundle.exports.run !== "function") throw new Error(`${file} has no run function`);
  return { exports: bundle.exports, script };
}
