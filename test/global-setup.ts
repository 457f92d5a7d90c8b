import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The end-to-end tests spawn the real bin, which runs the compiled dist/ (on Node 20 through the
 * start-up bundle): compile and bundle it first, as `npm ci` does.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  execFileSync(process.execPath, [`${root}scripts/bundle.mjs`], { cwd: root, stdio: "inherit" });
}
