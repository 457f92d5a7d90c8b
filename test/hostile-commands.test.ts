import { chmodSync, cpSync, symlinkSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type Running } from "../src/serve/server.js";
import { filesSnapshot, ROOT, run, tempDir, messagesIn } from "./helpers.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

/**
 * Hostile and careless command lines and requests (issue 17): an output is never an input and
 * never silently replaces a file the user wrote; two inputs never write one output; a save keeps
 * the file's mode; a git revision is never an option; the editor answers bad requests with a
 * 4xx and no stack trace; a pseudo file system as output fails at once.
 */

const SEED = "data/proposals/terugblik-visitaties.yaml";

function project(): string {
  const dir = tempDir("bp-hostile-");
  cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
  return dir;
}

/** Every file below `dir` with the hash of its contents. */
const snapshot = filesSnapshot;

describe("1. never overwrite what the user wrote", () => {
  it("diff --out naming NEW is refused (exit 2) and NEW is untouched", async () => {
    const dir = project();
    const before = snapshot(dir);
    const r = await run(["diff", SEED, SEED, "--format", "html", "--out", SEED], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the output ${SEED} is the input ${SEED}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it("diff --out through a symbolic link to OLD is refused, with --force too", async () => {
    const dir = project();
    symlinkSync(join(dir, SEED), join(dir, "link.html"));
    const before = snapshot(dir);
    const r = await run(["diff", SEED, "data/proposals/kadernota-2022.yaml", "--format", "html", "--out", "link.html", "--force"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the output link.html is the input ${SEED}`);
    expect(snapshot(dir)).toEqual(before);
  });

  it("diff --out on an existing file needs --force; schema --out too", async () => {
    const dir = project();
    writeFileSync(join(dir, "mine.html"), "mine");
    const before = snapshot(dir);
    const d = await run(["diff", SEED, SEED, "--format", "html", "--out", "mine.html"], { cwd: dir });
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("mine.html already exists; choose another name or add --force");
    const s = await run(["schema", "--out", "mine.html"], { cwd: dir });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("mine.html already exists");
    expect(snapshot(dir)).toEqual(before);
    const forced = await run(["schema", "--out", "mine.html", "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "mine.html"), "utf8")).toContain("$schema");
  });

  it("build of an input named .html into its own folder is refused and writes nothing", async () => {
    const dir = project();
    const input = join(dir, "data", "proposals", "x.html");
    writeFileSync(input, readFileSync(join(dir, SEED)));
    const before = snapshot(dir);
    const r = await run(["build", "data/proposals/x.html", "--out", "data/proposals", "--format", "html"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("would overwrite this input");
    expect(r.stderr).toContain("Nothing was written.");
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("2. two inputs never write one output", () => {
  it("build of two files of one name into one folder: an error at each, nothing written", async () => {
    const dir = project();
    mkdirSync(join(dir, "data", "other"));
    cpSync(join(dir, SEED), join(dir, "data", "other", "terugblik-visitaties.yaml"));
    const before = snapshot(dir);
    const r = await run(["build", SEED, "data/other/terugblik-visitaties.yaml", "--format", "html"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${SEED}:1:1: error: writes the same output`);
    expect(r.stderr).toContain("data/other/terugblik-visitaties.yaml:1:1: error: writes the same output");
    expect(r.stdout).not.toContain("wrote");
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it("a meeting with two proposals of one name: an error, nothing written", async () => {
    const dir = project();
    mkdirSync(join(dir, "data", "other"));
    cpSync(join(dir, SEED), join(dir, "data", "other", "terugblik-visitaties.yaml"));
    const meeting = join(dir, "data", "meetings", "ab-2020-10-01.yaml");
    const text = readFileSync(meeting, "utf8");
    expect(text).toContain("  - voorstel: ../proposals/vervanging-tankautospuiten.yaml");
    writeFileSync(meeting, text.replace("  - voorstel: ../proposals/vervanging-tankautospuiten.yaml", "  - voorstel: ../other/terugblik-visitaties.yaml"));
    const before = snapshot(dir);
    const r = await run(["agenda", "data/meetings/ab-2020-10-01.yaml", "--format", "html"], { cwd: dir });
    const lineOf = (needle: string) => readFileSync(meeting, "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;
    const out = "out/meetings/ab-2020-10-01/terugblik-visitaties.html";
    expect(r.stderr).toContain(`data/meetings/ab-2020-10-01.yaml:${lineOf("../proposals/terugblik-visitaties.yaml")}:15: error: writes ${out}, as another document of this run does`);
    expect(r.stderr).toContain(`data/meetings/ab-2020-10-01.yaml:${lineOf("../other/terugblik-visitaties.yaml")}:15: error: writes ${out}, as another document of this run does`);
    expect(r.stderr).toContain(`two documents would both be written to ${out} (two inputs, or two agenda items' proposals, with the same file name)`);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("wrote");
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("3. an editor save keeps the file's mode", () => {
  it("a 0600 file stays 0600", async () => {
    const dir = project();
    const web = join(dir, "web-stub");
    mkdirSync(web);
    writeFileSync(join(web, "index.html"), "<!DOCTYPE html><title>list</title>");
    chmodSync(join(dir, SEED), 0o600);
    const server = await startServer({ root: dir, port: 0, token: TOKEN, webDir: web, env: { PATH: process.env.PATH }, log: () => undefined });
    const before = snapshot(dir);
    try {
      const rel = SEED.slice("data/".length);
      const opened = JSON.parse((await call(server, "GET", `/api/file?path=${encodeURIComponent(rel)}`)).body) as { text: string; hash: string };
      const r = await call(server, "POST", "/api/save", { path: rel, base: opened.hash, draft: { text: `${opened.text}# saved\n` } });
      expect(r.status).toBe(200);
      expect(readFileSync(join(dir, SEED), "utf8")).toContain("# saved");
      expect(statSync(join(dir, SEED)).mode & 0o777).toBe(0o600);
      // The saved file is the only one changed, and no temporary file is left beside it.
      const after = snapshot(dir);
      expect(after.get(join(dir, SEED))).not.toBe(before.get(join(dir, SEED)));
      after.delete(join(dir, SEED));
      before.delete(join(dir, SEED));
      expect(after).toEqual(before);
    } finally {
      await server.close();
    }
  });
});

describe("4. a git revision is never an option", () => {
  it("diff -- '--output=injected:x' FILE writes no file and exits 2", async () => {
    const dir = project();
    const before = snapshot(dir);
    const r = await run(["diff", "--", "--output=injected:x", SEED], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("a revision never starts with `-`");
    expect(existsSync(join(dir, "injected"))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});

const TOKEN = "test-token-0123456789abcdefghij";

function call(server: Running, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  // A header given as "" is left out (a request without the token).
  const all = Object.fromEntries(Object.entries({ host: `127.0.0.1:${server.port}`, "x-boardpaper-token": TOKEN, ...(data ? { "content-type": "application/json" } : {}), ...headers }).filter(([, v]) => v !== ""));
  return new Promise((done, fail) => {
    const req = request(
      { host: "127.0.0.1", port: server.port, method, path, headers: all },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
      },
    );
    req.on("error", fail);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

/** A raw request line and headers, as a client that does not follow the rules sends them. */
function raw(server: Running, text: string, end = true): Promise<string> {
  return new Promise((done) => {
    const s = connect(server.port, "127.0.0.1", () => {
      s.write(text);
      if (!end) setTimeout(() => s.destroy(), 100);
    });
    let got = "";
    s.on("data", (c) => (got += c.toString("utf8")));
    s.on("close", () => done(got));
    s.on("error", () => done(got));
  });
}

describe("5. the editor answers bad requests with 4xx, never a stack trace", () => {
  let dir: string;
  let server: Running;
  let before: Map<string, string>;
  const log: string[] = [];
  beforeAll(async () => {
    dir = project();
    const web = join(dir, "web-stub");
    mkdirSync(web);
    writeFileSync(join(web, "index.html"), "<!DOCTYPE html><title>list</title>");
    server = await startServer({ root: dir, port: 0, token: TOKEN, webDir: web, env: { PATH: process.env.PATH }, log: (l) => void log.push(l) });
    before = snapshot(dir);
  });
  afterAll(async () => {
    await server?.close();
    expect(log.filter((l) => l.includes("internal error"))).toEqual([]);
  });

  it("a malformed cookie", async () => {
    const r = await call(server, "GET", "/api/files", undefined, { "x-boardpaper-token": "", cookie: `boardpaper_${server.port}=%` });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it("a malformed request target", async () => {
    const got = await raw(server, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
    expect(got).toMatch(/^HTTP\/1\.1 4\d\d/);
  });

  it("a client that aborts mid-body", async () => {
    await raw(server, `POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nx-boardpaper-token: ${TOKEN}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"path":`, false);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(log.filter((l) => l.includes("internal error"))).toEqual([]);
  });

  it("a 400-character name in new", async () => {
    const before = snapshot(join(dir, "data"));
    const r = await call(server, "POST", "/api/new", { folder: "proposals", name: "a".repeat(400) });
    expect(r.status).toBe(400);
    expect(snapshot(join(dir, "data"))).toEqual(before);
  });

  it.each(["constructor", "__proto__", "toString"])("format %s in a download", async (format) => {
    const r = await call(server, "POST", "/api/download", { path: "proposals/terugblik-visitaties.yaml", format });
    expect(r.status).toBe(400);
    expect(r.body).toContain("het formaat is een van");
  });

  it("/.//evil.example/ does not redirect to another site", async () => {
    const r = await call(server, "GET", `/.//evil.example/?token=${TOKEN}`, undefined, { "x-boardpaper-token": "" });
    expect(r.status).toBe(303);
    expect(String(r.headers.location)).toBe("/evil.example/");
  });

  it("a draft of 100,000 keys is checked in seconds, and the server answers the next request", async () => {
    // Was minutes of the yaml package's quadratic duplicate-key check, with the server blocked.
    const text = Array.from({ length: 100_000 }, (_, i) => `k${i}: v`).join("\n") + "\n";
    const started = Date.now();
    const checked = call(server, "POST", "/api/check", { path: "proposals/terugblik-visitaties.yaml", draft: { text } });
    const files = await call(server, "GET", "/api/files");
    const r = await checked;
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(files.status).toBe(200);
    expect(r.status).toBe(200);
    // The editor answers in its page's language: Dutch unless the page asks for English.
    expect(r.body).toContain("deze groep heeft 100000 velden; de grens is 2000");
  });

  it("the refused requests above changed no file", () => {
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("6. a pseudo file system as output fails at once", () => {
  it("--out /proc/x", async () => {
    const dir = project();
    const before = snapshot(dir);
    const started = Date.now();
    const s = await run(["schema", "--out", "/proc/x"], { cwd: dir });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain("cannot write to /proc/x: /proc is a system folder");
    const b = await run(["build", SEED, "--out", "/proc/x"], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("/proc is a system folder");
    expect(snapshot(dir)).toEqual(before);
    // Through a symbolic link too.
    symlinkSync("/proc", join(dir, "p"));
    const before2 = snapshot(dir);
    const l = await run(["diff", SEED, SEED, "--format", "html", "--out", "p/x/y.html"], { cwd: dir });
    expect(l.code).toBe(2);
    expect(l.stderr).toContain("cannot write to p/x/y.html: /proc is a system folder");
    expect(snapshot(dir)).toEqual(before2);
    // It used to hang for ever.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
