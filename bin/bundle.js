// Running the one-file bundle that the build makes (scripts/bundle.mjs) with the V8 code cache
// made beside it. Node 20 has no compile cache for modules, and compiling the ~40 modules took
// most of a short run; Node's own CommonJS loader cannot be handed a cache, so this does what it
// does (wrap, compile, call) with the cache given to V8.
import module from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import vm from "node:vm";

/** The bundle compiled, from its cache when there is one V8 accepts (else compiled anew). */
export function compileBundle(file) {
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`;
  return new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
}

/**
 * Load the bundle: its `run(argv)`, which with `saveCache` also writes what the run compiled.
 * Throws when the bundle cannot be loaded (a half-written file, say); the caller then runs the
 * modules instead.
 */
export function loadBundle(file, { saveCache = false } = {}) {
  const script = compileBundle(file);
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, module.createRequire(file), bundle, file, dirname(file));
  const { run } = bundle.exports;
  if (typeof run !== "function") throw new Error(`${file} has no run function`);
  return async (argv) => {
    const code = await run(argv);
    if (saveCache) writeFileSync(`${file}.cache`, script.createCachedData());
    return code;
  };
}
