import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { zipSync } from "fflate";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DOCX, startServer, type Running } from "../src/serve/server.js";
import { ROOT, tempDir } from "./helpers.js";

/**
 * The editor's import (issue 18, "In the editor"): `POST /api/import` takes a .docx as the body
 * and writes what `boardpaper import` makes of it as a new file in data/, by the rules of "new".
 * Over a copy of data/, in-process, as test/serve.test.ts does: the same access rules as every
 * other request, a size limit, one-line refusals of what is not a Word document, nothing written
 * when refused. The Word documents are the seeds as boardpaper itself writes them (the download
 * route), so the test needs no files made beforehand.
 */

const TOKEN = "test-token-import-0123456789abcd";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json: () => Record<string, unknown> & { error?: string };
}

let project: string;
let server: Running;
/** The seed proposal (ab-voorstel) and a raadsvoorstel, as .docx written by boardpaper. */
let seedDocx: Buffer;
let raadsvoorstelDocx: Buffer;

type Opts = { body?: Buffer | string; headers?: Record<string, string>; token?: string | null; chunked?: boolean };

/** A raw HTTP request (fetch may not set Host), with the token and the .docx type unless told otherwise. */
function call(method: string, path: string, opts: Opts = {}): Promise<Reply> {
  const headers: Record<string, string> = { host: `127.0.0.1:${server.port}`, ...opts.headers };
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token !== null) headers["x-boardpaper-token"] = token;
  if (opts.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = DOCX;
  if (opts.body !== undefined && !opts.chunked) headers["content-length"] = String(Buffer.byteLength(opts.body));
  return new Promise((done, fail) => {
    let answered = false;
    const req = request({ host: "127.0.0.1", port: server.port, method, path, headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        done({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString("utf8")) as Record<string, unknown> });
      });
    });
    // A server that answers before the whole body is sent may close the connection under the rest.
    req.on("error", (e) => {
      if (!answered) fail(e);
    });
    if (opts.body !== undefined) {
      if (opts.chunked) {
        // In pieces, without a Content-Length: the limit must hold while reading.
        const data = Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
        const piece = 1024 * 1024;
        const next = (at: number): void => {
          if (answered || req.destroyed) return;
          if (at >= data.length) return void req.end();
          if (req.write(data.subarray(at, at + piece))) setImmediate(() => next(at + piece));
          else req.once("drain", () => next(at + piece));
        };
        next(0);
        return;
      }
      req.write(opts.body);
    }
    req.end();
  });
}

const importUrl = (q: Record<string, string>) => `/api/import?${new URLSearchParams(q).toString()}`;

/** Every file below data/, relative: to see that a refused request wrote nothing. */
function dataFiles(): string[] {
  return (readdirSync(join(project, "data"), { recursive: true }) as string[]).map((p) => p.split("\\").join("/")).sort();
}

async function downloadDocx(rel: string): Promise<Buffer> {
  const text = readFileSync(join(project, "data", rel), "utf8");
  const r = await call("POST", "/api/download", { body: JSON.stringify({ path: rel, format: "docx", draft: { text } }), headers: { "content-type": "application/json" } });
  expect(r.status, r.body.toString()).toBe(200);
  expect(r.body.subarray(0, 2).toString()).toBe("PK");
  return r.body;
}

beforeAll(async () => {
  project = tempDir("bp-serve-import-");
  cpSync(join(ROOT, "data"), join(project, "data"), { recursive: true });
  const web = join(project, "web-stub");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), "<!DOCTYPE html><title>list</title>");
  writeFileSync(join(web, "edit.html"), "<!DOCTYPE html><title>edit</title>");
  server = await startServer({ root: project, port: 0, token: TOKEN, webDir: web, env: { PATH: process.env.PATH }, log: () => undefined });
  seedDocx = await downloadDocx("proposals/terugblik-visitaties.yaml");
  raadsvoorstelDocx = await downloadDocx("gemeente/raadsvoorstel-speelruimteplan.yaml");
});

afterAll(async () => {
  await server?.close();
});

describe("who may import", () => {
  it("refuses an upload without the token (401), with a wrong one (403), from another site or Host (403), and writes nothing", async () => {
    const before = dataFiles();
    const url = importUrl({ name: "van-buiten" });
    const none = await call("POST", url, { body: seedDocx, token: null });
    expect(none.status).toBe(401);
    expect(none.json().error).toMatch(/toegangssleutel/);
    expect((await call("POST", url, { body: seedDocx, token: "wrong" })).status).toBe(403);
    expect((await call("POST", url, { body: seedDocx, token: null, headers: { cookie: `boardpaper_${server.port}=wrong` } })).status).toBe(403);
    const foreign = await call("POST", url, { body: seedDocx, headers: { origin: "http://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(foreign.json().error).toMatch(/andere sites/);
    for (const host of ["evil.example", `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      expect((await call("POST", url, { body: seedDocx, headers: { host } })).status, host).toBe(403);
    }
    expect(dataFiles()).toEqual(before);
  });

  it("takes the .docx only with a type no form on another site can send (415 for form, text and JSON types), and only by POST", async () => {
    const before = dataFiles();
    const url = importUrl({ name: "vorm" });
    for (const type of ["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", "application/json"]) {
      const r = await call("POST", url, { body: seedDocx, headers: { "content-type": type } });
      expect(r.status, type).toBe(415);
      expect(r.json().error).toMatch(/\.docx/);
    }
    expect((await call("PUT", url, { body: seedDocx })).status).toBe(405);
    expect((await call("GET", url)).status).toBe(404);
    expect(dataFiles()).toEqual(before);
  });
});

describe("what is refused, with one line and nothing written", () => {
  it(`refuses a body over ${MAX_DOCX / 1024 / 1024} MB with 413, whether its length is declared or not`, async () => {
    const before = dataFiles();
    const big = Buffer.alloc(MAX_DOCX + 1, 0x41);
    big.set(seedDocx);
    const declared = await call("POST", importUrl({ name: "te-groot" }), { body: big });
    expect(declared.status).toBe(413);
    expect(declared.json().error).toMatch(/te groot: hoogstens 20 MB/);
    const streamed = await call("POST", importUrl({ name: "te-groot-2" }), { body: big, chunked: true });
    expect(streamed.status).toBe(413);
    expect(streamed.json().error).toMatch(/te groot/);
    expect(dataFiles()).toEqual(before);
    // The server is still there for the next request.
    expect((await call("GET", "/api/info")).status).toBe(200);
  });

  it("refuses what is not a Word document with 422 and a one-line message, never a 500 or a stack trace", async () => {
    const before = dataFiles();
    const bodies: [string, Buffer][] = [
      ["text", Buffer.from("Dit is geen Word-document.\n")],
      ["a PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")],
      ["a zip without a document", Buffer.from(zipSync({ "readme.txt": new TextEncoder().encode("hallo") }))],
      ["half a .docx", seedDocx.subarray(0, Math.floor(seedDocx.length / 2))],
      // What a password-protected Word file is: an OLE compound file, not a zip.
      ["an OLE compound file", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])],
    ];
    for (const [what, body] of bodies) {
      const r = await call("POST", importUrl({ name: "geen-word" }), { body });
      expect(r.status, what).toBe(422);
      const error = r.json().error!;
      expect(error, what).toMatch(/\S/);
      expect(error, what).not.toMatch(/\n|\bat .*\.(ts|js):\d+/);
    }
    const empty = await call("POST", importUrl({ name: "leeg" }), { body: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
    expect(empty.json().error).toMatch(/leeg/);
    expect(dataFiles()).toEqual(before);
  });

  it("names the new file by the rules of “new”: no other names, folders or types, and never over a file", async () => {
    const before = dataFiles();
    // Each refusal in Dutch; those of the name or folder say so (`field: "name"`), for the page to put them there.
    const refused: [Record<string, string>, number, RegExp, string | undefined][] = [
      [{}, 400, /bestandsnaam/, "name"],
      [{ name: "../buiten" }, 400, /bestandsnaam/, "name"],
      [{ name: ".verborgen" }, 400, /bestandsnaam/, "name"],
      [{ name: "x".repeat(101) }, 400, /hoogstens 100/, "name"],
      [{ name: "ok", folder: ".." }, 403, /\.\./, "name"],
      [{ name: "ok", folder: "bestaat-niet" }, 404, /bestaat niet/, "name"],
      [{ name: "ok", folder: "meetings" }, 400, /zou niet als document gelezen worden/, "name"],
      [{ name: "ok", type: "bestaat-niet" }, 400, /onbekend documenttype `bestaat-niet`/, undefined],
      [{ name: "terugblik-visitaties" }, 409, /bestaat al/, "name"],
    ];
    for (const [query, status, message, field] of refused) {
      const r = await call("POST", importUrl(query), { body: seedDocx });
      expect(r.status, JSON.stringify(query)).toBe(status);
      expect(r.json().error, JSON.stringify(query)).toMatch(message);
      expect(r.json().field, JSON.stringify(query)).toBe(field);
    }
    // And in English when the page asks for it.
    const english = await call("POST", importUrl({ name: "terugblik-visitaties" }), { body: seedDocx, headers: { "x-boardpaper-lang": "en" } });
    expect(english.json().error).toMatch(/already exists/);
    expect(dataFiles()).toEqual(before);
    expect(existsSync(join(project, "buiten.yaml"))).toBe(false);
  });
});

/** With the import itself (src/import/import-word.ts): what the editor gets back, and the file it writes. */
describe("importing a Word document", () => {
  interface Answer {
    path: string;
    label: string;
    type: string;
    notes: { paragraph: number; words: string; message: string }[];
  }

  it("writes a new document of the default type, answers its path, type and report, and the editor opens it", async () => {
    const r = await call("POST", importUrl({ name: "uit-word", source: "Terugblik visitaties.docx" }), { body: seedDocx });
    expect(r.status, r.body.toString()).toBe(201);
    const answer = r.json() as unknown as Answer;
    expect(answer).toMatchObject({ path: "proposals/uit-word.yaml", label: "data/proposals/uit-word.yaml", type: "ab-voorstel" });
    expect(Array.isArray(answer.notes)).toBe(true);
    for (const n of answer.notes) {
      expect(typeof n.paragraph).toBe("number");
      expect(typeof n.words).toBe("string");
      expect(typeof n.message).toBe("string");
    }
    const text = readFileSync(join(project, "data", "proposals", "uit-word.yaml"), "utf8");
    expect(text).toMatch(/^type: ab-voorstel$/m);
    expect((parse(text) as { type?: string }).type).toBe("ab-voorstel");
    expect(text).toContain("Terugblik eerste ronde visitaties");
    // The Word file's name is in the comment at the top.
    expect(text).toContain("Terugblik visitaties.docx");
    const opened = await call("GET", `/api/file?path=${encodeURIComponent(answer.path)}`);
    expect(opened.status).toBe(200);
    expect(opened.json().kind).toBe("ab-voorstel");
    // Once there, never overwritten.
    const again = await call("POST", importUrl({ name: "uit-word.yaml" }), { body: seedDocx });
    expect(again.status).toBe(409);
    expect(readFileSync(join(project, "data", "proposals", "uit-word.yaml"), "utf8")).toBe(text);
    // And the list shows it.
    const files = (await call("GET", "/api/files")).json().files as { path: string }[];
    expect(files.map((f) => f.path)).toContain("proposals/uit-word.yaml");
  });

  it("reports what does not fit the type asked for: paragraph, first words, message", async () => {
    const r = await call("POST", importUrl({ name: "terugblik-als-brief", type: "raadsinformatiebrief" }), { body: seedDocx });
    expect(r.status, r.body.toString()).toBe(201);
    const answer = r.json() as unknown as Answer;
    expect(answer.type).toBe("raadsinformatiebrief");
    expect(answer.notes.length).toBeGreaterThan(0);
    expect(answer.notes.some((n) => n.paragraph > 0 && n.words !== "" && n.message !== "")).toBe(true);
    expect(readFileSync(join(project, "data", "proposals", "terugblik-als-brief.yaml"), "utf8")).toMatch(/^type: raadsinformatiebrief$/m);
  });

  it("writes the type asked for, in the folder asked for, and takes application/octet-stream too", async () => {
    // The Word file's name as the browser sends it is only a name: no path, no line of its own.
    const source = "../../speelruimte\nonderwerp: ingevoegd\u2028x.docx";
    const r = await call("POST", importUrl({ name: "speelruimte-uit-word", folder: "gemeente", type: "raadsvoorstel", source }), { body: raadsvoorstelDocx, headers: { "content-type": "application/octet-stream" } });
    expect(r.status, r.body.toString()).toBe(201);
    expect(r.json()).toMatchObject({ path: "gemeente/speelruimte-uit-word.yaml", type: "raadsvoorstel" });
    const text = readFileSync(join(project, "data", "gemeente", "speelruimte-uit-word.yaml"), "utf8");
    expect(text).toMatch(/^type: raadsvoorstel$/m);
    expect(text).not.toMatch(/^onderwerp: ingevoegd/m);
    expect(text).not.toContain("../");
  });
});
