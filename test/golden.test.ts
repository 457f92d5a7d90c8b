import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderTree } from "./golden-tree.js";
import { fixture, run, tempDir } from "./helpers.js";
import { docxParts } from "./ooxml.js";

/**
 * Golden fixtures: test/fixtures/render/<case>/input.yaml and the expected outputs beside it
 * (expected/input.html, expected/input.txt, expected/docx/<part>, and the document tree as
 * expected/tree.json). The .docx is compared part by part as XML, so a failure names the part
 * that changed. After an intended change, regenerate with `npm run test:accept` and review the
 * diff like code.
 */
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const CASES = readdirSync(fixture("render"));

/** XML on one line is unreadable in a diff: one element per line for the stored copy. */
const readable = (xml: string): string => xml.replace(/></g, ">\n<");

/** The tree as stored: 2-space JSON; bytes (a logo) as base64 rather than an object per byte. */
const treeJson = (tree: unknown): string =>
  `${JSON.stringify(tree, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v), 2)}\n`;

describe.each(CASES)("golden: %s", (name) => {
  it("renders exactly the expected .docx parts, HTML, text and document tree", async () => {
    const out = tempDir();
    const r = await run(["build", fixture("render", name, "input.yaml"), "--out", out, "--format", "docx,html,text"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const expectedDir = fixture("render", name, "expected");
    const actual: Record<string, string> = {
      "input.html": readFileSync(join(out, "input.html"), "utf8"),
      "input.txt": readFileSync(join(out, "input.txt"), "utf8"),
      "tree.json": treeJson(await renderTree(fixture("render", name, "input.yaml"))),
    };
    for (const [part, xml] of Object.entries(docxParts(readFileSync(join(out, "input.docx"))))) actual[join("docx", part)] = readable(xml);
    if (UPDATE) {
      rmSync(expectedDir, { recursive: true, force: true });
      for (const [p, text] of Object.entries(actual)) {
        mkdirSync(dirname(join(expectedDir, p)), { recursive: true });
        writeFileSync(join(expectedDir, p), text);
      }
    }
    const expectedFiles = (readdirSync(expectedDir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(expectedDir.length + 1))
      .sort();
    expect(Object.keys(actual).sort()).toEqual(expectedFiles);
    for (const p of expectedFiles) expect(actual[p], `${name}/${p}`).toBe(readFileSync(join(expectedDir, p), "utf8"));
  });
});
