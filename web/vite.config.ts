import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The editor's browser app: two pages (the list, the editor), plain TypeScript and DOM.
 * Built into dist/web/ (ignored by git, made by `npm run build` and so by `npm ci`), where
 * `boardpaper serve` serves it from.
 */
const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  base: "/",
  // No public/ folder and no favicon requests: the pages declare an empty icon.
  publicDir: false,
  build: {
    outDir: resolve(here, "../dist/web"),
    emptyOutDir: true,
    target: "es2022",
    // Under the editor's Content Security Policy every script must be a file of its own.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { index: resolve(here, "index.html"), edit: resolve(here, "edit.html") },
    },
  },
});
