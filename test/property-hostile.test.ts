import fc from "fast-check";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocxReadError, readDocx } from "../src/readers/docx-reader.js";
import { startServer, type Running } from "../src/serve/server.js";
import { ROOT, tempDir } from "./helpers.js";

/**
 * Property tests on input we did not write (issue 17): a .docx damaged or rebuilt at random
 * gives a tree or a DocxReadError (the one-line message `text` prints), never any other error;
 * the editor's API answers any body with a status below 500 and keeps running.
 */

const SEED = readFileSync(join(ROOT, "out", "proposals", "vervanging-tankautospuiten.docx"));
const RUNS = 150;

/** What reading gives: "ok", "refused" (a DocxReadError), or the unexpected error itself. */
function outcome(bytes: Uint8Array): string {
  try {
    readDocx(bytes);
    return "ok";
  } catch (e) {
    if (e instanceof DocxReadError) return "refused";
    return `unexpected: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

describe("the .docx reader on damaged and rebuilt files", () => {
  it("bytes flipped, cut or inserted anywhere: a tree or a DocxReadError", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(SEED.length - 1), fc.integer({ min: 0, max: 255 }), fc.constantFrom("flip", "cut", "insert")), { minLength: 1, maxLength: 6 }), (edits) => {
        let bytes = Uint8Array.from(SEED);
        for (const [at, value, how] of edits) {
          const i = Math.min(at, bytes.length - 1);
          if (how === "flip") bytes[i] = value;
          else if (how === "cut") bytes = bytes.slice(0, Math.max(1, i));
          else bytes = Uint8Array.from([...bytes.slice(0, i), value, ...bytes.slice(i)]);
        }
        expect(outcome(bytes)).not.toMatch(/^unexpected/);
      }),
      { numRuns: RUNS },
    );
  });

  it("its document.xml rewritten with random text, tags and entities: a tree or a DocxReadError", () => {
    const parts = unzipSync(SEED);
    const piece = fc.oneof(fc.string(), fc.constantFrom("<w:p>", "</w:p>", "<w:r><w:t>", "</w:t></w:r>", "&#x110000;", "&amp;", "&#0;", "<w:numPr><w:ilvl w:val=\"99999\"/></w:numPr>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "]]>", "<w:tbl><w:tr><w:tc>"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), (pieces, at) => {
        const xml = new TextDecoder().decode(parts["word/document.xml"]!);
        const i = at % xml.length;
        const changed = { ...parts, "word/document.xml": strToU8(xml.slice(0, i) + pieces.join("") + xml.slice(i)) };
        expect(outcome(zipSync(changed))).not.toMatch(/^unexpected/);
      }),
      { numRuns: RUNS },
    );
  });
});

const TOKEN = "test-token-property-0123456789ab";
let server: Running;
let project: string;

function call(method: string, path: string, body?: string): Promise<number> {
  const headers: Record<string, string> = { host: `127.0.0.1:${server.port}`, "x-boardpaper-token": TOKEN };
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port: server.port, method, path, headers }, (res) => {
      res.resume();
      res.on("end", () => done(res.statusCode ?? 0));
    });
    req.on("error", fail);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe("the editor's API on any request", () => {
  beforeAll(async () => {
    project = tempDir("bp-prop-");
    cpSync(join(ROOT, "data"), join(project, "data"), { recursive: true });
    const web = join(project, "web-stub");
    mkdirSync(join(web, "assets"), { recursive: true });
    writeFileSync(join(web, "index.html"), "<!DOCTYPE html><title>list</title>");
    writeFileSync(join(web, "edit.html"), "<!DOCTYPE html><title>edit</title>");
    server = await startServer({ root: project, port: 0, token: TOKEN, webDir: web, env: { PATH: process.env.PATH }, log: () => undefined });
  });
  afterAll(async () => {
    await server?.close();
  });

  const json = fc.jsonValue({ maxDepth: 3 });
  const field = fc.oneof(fc.string(), fc.constantFrom("proposals/terugblik-visitaties.yaml", "../../etc/passwd", "__proto__", "constructor", "data/x", "%", "\u0000", "a".repeat(400)), json);
  const body = fc.oneof(
    fc.string().map((s) => s),
    fc.record({ path: field, draft: field, base: field, folder: field, name: field, type: field, format: field }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
  );

  it("answers POST /api/check, /api/save, /api/new, /api/download and /api/changes below 500, and stays up", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/api/check", "/api/save", "/api/new", "/api/download", "/api/changes"), body, async (path, b) => {
        const status = await call("POST", path, b);
        expect(status, `${path} ${b.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
    // Still answering, and the project's files unchanged by the refused requests.
    expect(await call("GET", "/api/files")).toBe(200);
    expect(readFileSync(join(project, "data", "proposals", "terugblik-visitaties.yaml"), "utf8")).toBe(readFileSync(join(ROOT, "data", "proposals", "terugblik-visitaties.yaml"), "utf8"));
  }, 120_000);

  it("answers GET with any path and query below 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/api/file?path=", "/api/schema?kind=", "/assets/", "/edit?x=", "/"), fc.string(), async (path, rest) => {
        const status = await call("GET", path + encodeURIComponent(rest));
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});
