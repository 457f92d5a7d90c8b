import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeHost } from "../src/host/host.js";
import { insideReal } from "../src/host/paths.js";
import { dataFolders, listData } from "../src/serve/files.js";
import { startServer } from "../src/serve/server.js";
import { filesSnapshot, readText, ROOT, run, tempDir, messagesIn } from "./helpers.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

/**
 * Symbolic links in a project folder that lead out of it, or round in a loop: boardpaper reads
 * nothing outside the project through them (a positioned error instead), and a loop neither
 * crashes `check` nor makes the editor's file list spin.
 */

const SECRET = "GEHEIM-MARKER-7f3a9c";

/** A copy of data/ in `proj/`, and beside it (outside the project) `outside/` with secret files. */
function setup(): { dir: string; proj: string; outside: string } {
  const dir = tempDir("bp-links-");
  const proj = join(dir, "proj");
  const outside = join(dir, "outside");
  mkdirSync(outside);
  cpSync(join(ROOT, "data"), join(proj, "data"), { recursive: true });
  writeFileSync(join(outside, "secret.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>${SECRET}</title></svg>\n`);
  writeFileSync(join(outside, "secret.pdf"), `%PDF-1.4\n% ${SECRET}\n`);
  writeFileSync(join(outside, "secret.hbs"), `${SECRET}\n`);
  const proposal = readText(join(ROOT, "data", "proposals", "terugblik-visitaties.yaml"));
  writeFileSync(join(outside, "secret.yaml"), proposal.replace(/^titel: .*$/m, `titel: ${SECRET}`));
  return { dir, proj, outside };
}

/** Replace a file of the project with a symbolic link to `target`. */
function link(target: string, at: string): void {
  rmSync(at, { force: true, recursive: true });
  symlinkSync(target, at);
}

/** Every file below `dir` (none when it does not exist), with its text. */
function filesBelow(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesBelow(join(dir, n)) : [readFileSync(join(dir, n), "latin1")]));
}

async function expectRefused(proj: string, message: RegExp): Promise<void> {
  // The project and the folder beside it, outside: a refused build writes nothing in either.
  const before = filesSnapshot(dirname(proj));
  for (const command of ["check", "build"]) {
    const started = Date.now();
    const r = await run([command], { cwd: proj });
    expect(r.stderr, command).toMatch(message);
    expect(r.code, `${command}: ${r.stderr}`).toBe(1);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(Date.now() - started).toBeLessThan(20_000);
  }
  expect(filesSnapshot(dirname(proj))).toEqual(before);
  for (const text of filesBelow(join(proj, "out"))) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(Buffer.from(SECRET).toString("base64").slice(0, 12));
  }
}

describe("a link that leads out of the project folder is outside it", () => {
  it("a logo", async () => {
    const { proj, outside } = setup();
    link(join(outside, "secret.svg"), join(proj, "data", "logo-veiligheidsregio.svg"));
    await expectRefused(proj, /data\/huisstijl\.yaml:\d+:\d+: error: `logo-veiligheidsregio\.svg` lies outside the project folder; put the logo inside it \(logo\.bestand\)/);
  });

  it("a templates folder", async () => {
    const { proj, outside } = setup();
    mkdirSync(join(outside, "tpl"));
    cpSync(join(outside, "secret.hbs"), join(outside, "tpl", "proposal.hbs"));
    symlinkSync(join(outside, "tpl"), join(proj, "data", "tpl"));
    writeFileSync(join(proj, "data", "huisstijl.yaml"), `${readText(join(proj, "data", "huisstijl.yaml"))}templates: tpl\n`);
    await expectRefused(proj, /data\/huisstijl\.yaml:\d+:\d+: error: `tpl` lies outside the project folder \(templates\)/);
  });

  it("a template file in a templates folder inside the project", async () => {
    const { proj, outside } = setup();
    mkdirSync(join(proj, "data", "tpl"));
    symlinkSync(join(outside, "secret.hbs"), join(proj, "data", "tpl", "proposal.hbs"));
    writeFileSync(join(proj, "data", "huisstijl.yaml"), `${readText(join(proj, "data", "huisstijl.yaml"))}templates: tpl\n`);
    await expectRefused(proj, /data\/tpl\/proposal\.hbs:1:1: error: the template file is a link to a file outside the project folder/);
  });

  it("a house style file", async () => {
    const { proj, outside } = setup();
    writeFileSync(join(outside, "huisstijl.yaml"), `organisatie: ${SECRET}\n${SECRET}: 1\n`);
    link(join(outside, "huisstijl.yaml"), join(proj, "data", "huisstijl.yaml"));
    await expectRefused(proj, /data\/huisstijl\.yaml:1:1: error: the house style file is a link to a file outside the project folder/);
  });

  it("a meeting's proposal", async () => {
    const { proj, outside } = setup();
    link(join(outside, "secret.yaml"), join(proj, "data", "proposals", "terugblik-visitaties.yaml"));
    await expectRefused(proj, /data\/meetings\/ab-2020-10-01\.yaml:\d+:\d+: error: `\.\.\/proposals\/terugblik-visitaties\.yaml` lies outside the project folder/);
  });

  it("a meeting's bijlage", async () => {
    const { proj, outside } = setup();
    link(join(outside, "secret.pdf"), join(proj, "data", "meetings", "stukken", "verslag-ab-2020-07-02.pdf"));
    await expectRefused(proj, /data\/meetings\/ab-2020-10-01\.yaml:\d+:\d+: error: attachment `stukken\/verslag-ab-2020-07-02\.pdf` lies outside the project folder/);
  });

  it("a proposal's bijlage, and one in a linked folder", async () => {
    const { proj, outside } = setup();
    link(join(outside, "secret.pdf"), join(proj, "data", "proposals", "bijlagen", "kostenraming-aanbesteding-tankautospuiten.pdf"));
    await expectRefused(proj, /data\/proposals\/vervanging-tankautospuiten\.yaml:\d+:\d+: error: attachment `bijlagen\/kostenraming-aanbesteding-tankautospuiten\.pdf` lies outside the project folder/);
    const { proj: other, outside: out2 } = setup();
    cpSync(join(other, "data", "proposals", "bijlagen"), join(out2, "bijlagen"), { recursive: true });
    link(join(out2, "bijlagen"), join(other, "data", "proposals", "bijlagen"));
    await expectRefused(other, /data\/proposals\/vervanging-tankautospuiten\.yaml:\d+:\d+: error: attachment `bijlagen\/vervangingsprogramma-tankautospuiten-2021-2027\.pdf` lies outside the project folder/);
  });

  it("insideReal: links followed on both sides; a missing file or dangling link is judged by its folder", async () => {
    const { dir, proj, outside } = setup();
    const host = nodeHost(process, { cwd: proj });
    symlinkSync(join(outside, "nothing"), join(proj, "dangling"));
    symlinkSync(outside, join(proj, "out-dir"));
    symlinkSync(proj, join(dir, "proj-link"));
    expect(await insideReal(host, proj, "data/huisstijl.yaml")).toBe(true);
    expect(await insideReal(host, proj, "data/missing.pdf")).toBe(true);
    expect(await insideReal(host, proj, "dangling")).toBe(true);
    expect(await insideReal(host, proj, "out-dir/secret.pdf")).toBe(false);
    expect(await insideReal(host, proj, "out-dir/missing.pdf")).toBe(false);
    expect(await insideReal(host, proj, "../outside/secret.pdf")).toBe(false);
    expect(await insideReal(nodeHost(process, { cwd: join(dir, "proj-link") }), ".", "data/huisstijl.yaml")).toBe(true);
  });
});

describe("link loops", () => {
  const loopy = () => {
    const { proj, outside } = setup();
    symlinkSync(join(proj, "data"), join(proj, "data", "proposals", "terug"));
    symlinkSync("..", join(proj, "data", "meetings", "omhoog"));
    symlinkSync(".", join(proj, "data", "proposals", "bijlagen", "hier"));
    symlinkSync(outside, join(proj, "data", "buiten"));
    return proj;
  };

  it("`check` finishes fast, without crashing, and reads nothing outside", async () => {
    const proj = loopy();
    const before = filesSnapshot(dirname(proj));
    const started = Date.now();
    const r = await run(["check"], { cwd: proj });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(filesSnapshot(dirname(proj))).toEqual(before);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    const plain = await run(["check"], { cwd: setup().proj });
    expect(r.code).toBe(plain.code);
  });

  it("the editor's file list and folders finish fast, each file once", async () => {
    const proj = loopy();
    const host = nodeHost(process, { cwd: proj });
    const started = Date.now();
    const files = await listData(host);
    const folders = await dataFolders(host);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(files.map((f) => f.rel)).toContain("proposals/terugblik-visitaties.yaml");
    expect(files.some((f) => f.rel.startsWith("buiten/"))).toBe(false);
    const plain = nodeHost(process, { cwd: setup().proj });
    expect(files).toEqual(await listData(plain));
    expect(folders).toEqual(await dataFolders(plain));
    expect(folders.some((f) => f.startsWith("buiten"))).toBe(false);
  });
});

describe("the editor", () => {
  const TOKEN = "test-token-0123456789abcdefghij";
  const post = (port: number, path: string, body: unknown): Promise<{ status: number; text: string }> =>
    new Promise((done, fail) => {
      const data = JSON.stringify(body);
      const req = request(
        { host: "127.0.0.1", port, method: "POST", path, headers: { host: `127.0.0.1:${port}`, "x-boardpaper-token": TOKEN, "content-type": "application/json" } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        },
      );
      req.on("error", fail);
      req.end(data);
    });
  const get = (port: number, path: string): Promise<{ status: number; text: string }> =>
    new Promise((done, fail) => {
      const req = request({ host: "127.0.0.1", port, method: "GET", path, headers: { host: `127.0.0.1:${port}`, "x-boardpaper-token": TOKEN } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      });
      req.on("error", fail);
      req.end();
    });

  it("the file list of a project with link loops answers at once, and the server then stops", async () => {
    // Was: the list spun for ever at full CPU, and the server ignored SIGTERM (which closes it).
    const { dir, proj, outside } = setup();
    symlinkSync(join(proj, "data"), join(proj, "data", "proposals", "terug"));
    symlinkSync("..", join(proj, "data", "meetings", "omhoog"));
    symlinkSync(outside, join(proj, "data", "buiten"));
    const web = join(dir, "web");
    mkdirSync(web);
    writeFileSync(join(web, "index.html"), "<!DOCTYPE html><title>list</title>");
    const server = await startServer({ root: proj, port: 0, token: TOKEN, webDir: web, env: { PATH: process.env.PATH }, log: () => undefined });
    const before = filesSnapshot(dir);
    const started = Date.now();
    try {
      const r = await get(server.port, "/api/files");
      expect(r.status).toBe(200);
      expect(r.text).toContain("proposals/terugblik-visitaties.yaml");
      expect(r.text).not.toContain("buiten/");
      expect(r.text).not.toContain("terug/");
    } finally {
      await server.close();
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(filesSnapshot(dir)).toEqual(before);
  });

  it("a meeting draft that names a linked proposal gets the error, not the proposal's text", async () => {
    const { dir, proj, outside } = setup();
    link(join(outside, "secret.yaml"), join(proj, "data", "proposals", "terugblik-visitaties.yaml"));
    const web = join(dir, "web");
    mkdirSync(web);
    writeFileSync(join(web, "index.html"), "<!DOCTYPE html><title>list</title>");
    writeFileSync(join(web, "edit.html"), "<!DOCTYPE html><title>edit</title>");
    const server = await startServer({ root: proj, port: 0, token: TOKEN, webDir: web, env: { PATH: process.env.PATH }, log: () => undefined });
    const before = filesSnapshot(dir);
    try {
      const path = "meetings/ab-2020-10-01.yaml";
      const text = readText(join(proj, "data", path));
      const r = await post(server.port, "/api/check", { path, draft: { text } });
      expect(r.status).toBe(200);
      // The editor answers in its page's language: Dutch unless the page asks for English.
      expect(r.text).toMatch(/`..\/proposals\/terugblik-visitaties.yaml` ligt buiten de projectmap/);
      expect(r.text).not.toContain(SECRET);
      expect(filesSnapshot(dir)).toEqual(before);
    } finally {
      await server.close();
    }
  });
});
