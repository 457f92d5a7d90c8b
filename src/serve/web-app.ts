import { access } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The browser app's sources (a Vite project). */
export const WEB_SOURCE = fileURLToPath(new URL("../../web/", import.meta.url));

/** The pages the server needs from a build. */
const PAGES = ["index.html", "edit.html"];

/** Build the browser app into `outDir` with Vite (a development dependency). */
export async function buildWebApp(outDir: string): Promise<void> {
  const vite = await import("vite");
  await vite.build({ configFile: join(WEB_SOURCE, "vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
}

export async function webAppBuilt(dir: string): Promise<boolean> {
  try {
    await Promise.all(PAGES.map((p) => access(join(dir, p))));
    return true;
  } catch {
    return false;
  }
}

/**
 * The built app, building it first when it is missing (`npm ci` builds it; a checkout where
 * only `tsc` ran has not). Without Vite (an install without development dependencies) it says
 * what to do instead.
 */
export async function ensureWebApp(dir: string, say: (line: string) => void): Promise<{ ok: true } | { ok: false; message: string }> {
  if (await webAppBuilt(dir)) return { ok: true };
  say("The editor's web app is not built yet; building it with Vite (once)…");
  try {
    await buildWebApp(dir);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND";
    return {
      ok: false,
      message: missing
        ? "the editor's web app is not built and Vite is not installed: run `npm ci` (or `npm install && npm run build`) in the boardpaper folder"
        : `building the editor's web app failed: ${(e as Error).message}`,
    };
  }
  return (await webAppBuilt(dir)) ? { ok: true } : { ok: false, message: `the web app build did not produce ${PAGES.join(" and ")} in ${dir}` };
}
