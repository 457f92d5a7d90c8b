#!/usr/bin/env node
import module from "node:module";
// Node 22 and later keep compiled code between runs, which makes start-up faster; Node 20 has no such cache.
module.enableCompileCache?.();
// The installed command. The TypeScript sources are compiled to dist/ by `npm ci` (the
// `prepare` script), so there is no build step for the user.
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("boardpaper: not built yet — run `npm ci` (or `npm run build`) in the boardpaper folder first.\n");
  process.exit(70);
}
const { main } = await import(entry.href);
const { nodeHost } = await import(new URL("../dist/cli/host.js", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2), nodeHost());
