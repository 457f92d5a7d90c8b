#!/usr/bin/env node
// The installed command. The TypeScript sources are compiled to dist/ by `npm ci` (the
// `prepare` script), so there is no build step for the user.
import module from "node:module";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

// Node 22 and later keep compiled code between runs themselves.
module.enableCompileCache?.();

const entry = new URL("../dist/cli/run.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("boardpaper: not built yet — run `npm ci` (or `npm run build`) in the boardpaper folder first.\n");
  process.exit(70);
}
const argv = process.argv.slice(2);
const bundle = fileURLToPath(new URL("../dist/bundle/boardpaper.cjs", import.meta.url));
const run = (useBundle() && (await fromBundle())) || (await import(entry.href)).run;
process.exitCode = await run(argv);

async function fromBundle() {
  const { loadBundle } = await import("./bundle.js");
  try {
    return loadBundle(bundle).exports.run;
  } catch {
    return undefined; // unreadable or damaged: the modules do the same, only start slower
  }
}

/**
 * The start-up bundle (bin/bundle.js) is for Node 20, which has no compile cache of its own. Not
 * for `serve` (it may load vite, which code run that way cannot import), not when it is older
 * than dist/ (a stale bundle), and not with BOARDPAPER_BUNDLE=0.
 */
function useBundle() {
  if (module.enableCompileCache || argv[0] === "serve" || process.env.BOARDPAPER_BUNDLE === "0") return false;
  try {
    return statSync(bundle).mtimeMs >= statSync(entry).mtimeMs;
  } catch {
    return false;
  }
}
