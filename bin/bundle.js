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

/** Run the command line from the bundle; with `saveCache`, write what the run compiled. */
export async function runBundle(file, argv, { saveCache = false } = {}) {
  const script = compileBundle(file);
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, module.createRequire(file), bundle, file, dirname(file));
  const code = await bundle.exports.run(argv);
  if (saveCache) writeFileSync(`${file}.cache`, script.createCachedData());
  return code;
}
