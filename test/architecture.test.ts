import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/**
 * The folders of src/ in pipeline order, lowest first: a folder imports only from folders
 * before it (and from itself), so imports point one way and no folders import each other in a
 * circle. Folders on one line do not import each other. When this fails, the import is the
 * mistake, not the list: move the shared piece down, or pass it in.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["i18n"], // the messages, in Dutch and English: everything above speaks through them
  ["util", "diagnostics"],
  ["host"], // the effect boundary: files, environment, terminal, git
  ["emit"], // where outputs go (through the host)
  ["model"], // the zod schemas
  ["load"], // bytes → positioned YAML
  ["validate"],
  ["markdown"],
  ["tree"],
  ["template"],
  ["style"],
  ["writers"],
  ["readers", "review", "meeting", "convert"],
  ["render"],
  ["kinds"], // the registry of document kinds
  ["pipeline"], // the one per-document pipeline
  ["import"], // Word documents we did not write → YAML
  ["serve"],
  ["cli"],
];

const SRC = join(ROOT, "src");
const layerOf = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, i] as const)));

/** Every relative import in src/, as [importing file, folder it is in, folder it imports]. */
function imports(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const file = join(entry.parentPath, entry.name);
    const from = relative(SRC, file).split("/")[0]!;
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      const target = relative(SRC, normalize(join(dirname(file), m[1]!))).split("/");
      if (target.length > 1 && target[0] !== from) out.push([relative(ROOT, file), from, target[0]!]);
    }
  }
  return out;
}

describe("the shape of src/", () => {
  const all = imports();

  it("every folder has its place in the pipeline order", () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((f) => !layerOf.has(f))).toEqual([]);
    expect(all.length).toBeGreaterThan(50);
  });

  it("imports point one way: only to folders earlier in the pipeline", () => {
    const back = all.filter(([, from, to]) => layerOf.get(to)! >= layerOf.get(from)!).map(([file, , to]) => `${file} → ${to}/`);
    expect(back).toEqual([]);
  });

  it("the core imports nothing from the command line or the editor's server", () => {
    const edge = new Set(["cli", "serve"]);
    expect(all.filter(([, from, to]) => !edge.has(from) && edge.has(to)).map(([file, , to]) => `${file} → ${to}/`)).toEqual([]);
  });

  it("nothing outside src/kinds/ switches on the kind of a document", () => {
    const switches: string[] = [];
    for (const dir of [SRC, join(ROOT, "web", "src")]) {
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]) {
        const file = join(entry.parentPath, entry.name);
        if (!entry.isFile() || !entry.name.endsWith(".ts") || file.startsWith(join(SRC, "kinds"))) continue;
        for (const [i, line] of readFileSync(file, "utf8").split("\n").entries()) {
          // (A path's kind, "file" or "dir", is the host's word, not a document kind.)
          if (/kind(\.name)?\s*[!=]==?\s*["'`](?!(file|dir)["'`])|kindNamed\(\s*["'`]/.test(line)) switches.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        }
      }
    }
    expect(switches).toEqual([]);
  });
});
