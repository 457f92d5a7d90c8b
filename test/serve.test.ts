import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { parse, parseDocument } from "yaml";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type Running } from "../src/serve/server.js";
import { applyValue } from "../src/serve/yaml-edit.js";
import { readText, ROOT, run, tempDir, changedLines } from "./helpers.js";
import { hasProgram, needs } from "./ooxml.js";


/**
 * The editor's server, in-process on a free port over a copy of data/ (the repository's own
 * data/ is never touched): access control, confinement to data/, saving that keeps the file's
 * text, conflicts, diagnostics, and the documents it serves.
 */

const SEED = "proposals/terugblik-visitaties.yaml";
const TOKEN = "test-token-0123456789abcdefghij";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json: () => Record<string, unknown> & { error?: string };
}

let project: string;
let server: Running;

/** A raw HTTP request (fetch may not set Host), with the token unless told otherwise. */
function call(method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {}): Promise<Reply> {
  const headers: Record<string, string> = { host: `127.0.0.1:${server.port}`, ...opts.headers };
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token !== null) headers["x-boardpaper-token"] = token;
  const data = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  if (data !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port: server.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        done({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString("utf8")) as Record<string, unknown> });
      });
    });
    req.on("error", fail);
    if (data !== undefined) req.write(data);
    req.end();
  });
}

const file = (rel: string) => join(project, "data", rel);
const disk = (rel: string) => readFileSync(file(rel), "utf8");

interface Opened {
  text: string;
  hash: string;
  value: Record<string, unknown>;
  diagnostics: { file: string; pos: { line: number; col: number }; message: string; path?: string; text: string }[];
}
async function open(rel: string): Promise<Opened> {
  const r = await call("GET", `/api/file?path=${encodeURIComponent(rel)}`);
  expect(r.status).toBe(200);
  return r.json() as unknown as Opened;
}


const tempFiles = (dir: string) => readdirSync(dir).filter((n) => n.includes(".tmp-") || n.startsWith(".boardpaper-new-"));

beforeAll(async () => {
  project = tempDir("bp-serve-");
  cpSync(join(ROOT, "data"), join(project, "data"), { recursive: true });
  // The API tests need no built app: two stand-in pages.
  const web = join(project, "web-stub");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), "<!DOCTYPE html><title>list</title>");
  writeFileSync(join(web, "edit.html"), "<!DOCTYPE html><title>edit</title>");
  writeFileSync(join(web, "assets", "app-123.js"), "console.log(1)");
  server = await startServer({ root: project, port: 0, token: TOKEN, webDir: web, env: { PATH: process.env.PATH }, log: () => undefined });
});

afterAll(async () => {
  await server?.close();
});

describe("who may talk to the editor", () => {
  it("listens on 127.0.0.1 only, and prints an address that carries the token", () => {
    const address = server.server.address();
    expect(typeof address === "object" && address?.address).toBe("127.0.0.1");
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it("refuses pages and API calls without the token (401) or with a wrong one (403)", async () => {
    expect((await call("GET", "/", { token: null })).status).toBe(401);
    const api = await call("GET", "/api/files", { token: null });
    expect(api.status).toBe(401);
    expect(api.json().error).toMatch(/toegangssleutel/);
    expect((await call("GET", "/api/files", { token: "wrong" })).status).toBe(403);
    expect((await call("GET", "/api/files", { token: null, headers: { cookie: `boardpaper_${server.port}=wrong` } })).status).toBe(403);
    expect((await call("GET", "/?token=wrong", { token: null })).status).toBe(403);
    expect((await call("GET", "/assets/app-123.js", { token: null })).status).toBe(401);
  });

  it("trades the token in the address for an HttpOnly SameSite=Strict cookie, then accepts the cookie", async () => {
    const first = await call("GET", `/edit?file=x&token=${TOKEN}`, { token: null });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe("/edit?file=x");
    const cookie = String(first.headers["set-cookie"]);
    expect(cookie).toMatch(new RegExp(`^boardpaper_${server.port}=${TOKEN};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await call("GET", "/edit?file=x", { token: null, headers: { cookie: cookie.split(";")[0]! } });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain("<title>edit</title>");
    expect(page.headers["content-security-policy"]).toMatch(/script-src 'self'/);
  });

  it("answers in Dutch, in English when the page asks with its header, and never by the browser's Accept-Language", async () => {
    const wrong = (headers: Record<string, string>) => call("GET", "/api/file?path=proposals/bestaat-niet.yaml", { headers });
    const dutch = await wrong({});
    expect(dutch.status).toBe(404);
    expect(dutch.json().error).toBe("data/proposals/bestaat-niet.yaml: dit bestand bestaat niet");
    expect(dutch.headers["content-language"]).toBe("nl");
    // An English browser (or system) does not switch it.
    expect((await wrong({ "accept-language": "en-US,en;q=0.9" })).json().error).toBe("data/proposals/bestaat-niet.yaml: dit bestand bestaat niet");
    const english = await wrong({ "x-boardpaper-lang": "en", "accept-language": "nl-NL" });
    expect(english.json().error).toBe("data/proposals/bestaat-niet.yaml: no such file");
    expect(english.headers["content-language"]).toBe("en");
    // A language it does not speak is Dutch.
    expect((await wrong({ "x-boardpaper-lang": "de" })).json().error).toMatch(/bestaat niet$/);
    // The list's tables, and a refusal of a new document's name (said to be the name's).
    const kinds = async (headers: Record<string, string>) => ((await call("GET", "/api/files", { headers })).json().kinds as { heading: string; columns: { label: string }[] }[]).map((k) => [k.heading, ...k.columns.map((c) => c.label)]);
    expect(await kinds({})).toEqual([
      ["Voorstellen", "Documenttype", "Vergaderdatum", "Behandelwijze"],
      ["Vergaderingen", "Datum"],
    ]);
    expect(await kinds({ "x-boardpaper-lang": "en" })).toEqual([
      ["Proposals", "Type", "Meeting date", "Behandelwijze"],
      ["Meetings", "Date"],
    ]);
    const badName = await call("POST", "/api/new", { body: { folder: "proposals", name: "../x" } });
    expect(badName.status).toBe(400);
    expect(badName.json()).toMatchObject({ field: "name", error: expect.stringMatching(/^een bestandsnaam heeft hoogstens 100 letters/) });
    // Pages without the access key: their plain text too.
    expect((await call("GET", "/", { token: null })).body.toString()).toMatch(/^Deze editor heeft zijn toegangssleutel nodig/);
    expect((await call("GET", "/", { token: null, headers: { "x-boardpaper-lang": "en" } })).body.toString()).toMatch(/^This editor needs its access key/);
  });

  it("refuses other Host headers (DNS rebinding) with 403, even with the token", async () => {
    for (const host of ["evil.example", `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `192.168.1.5:${server.port}`]) {
      const r = await call("GET", "/api/files", { headers: { host } });
      expect(r.status, host).toBe(403);
    }
    expect((await call("GET", "/api/info", { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it("takes changes only as JSON from its own origin", async () => {
    const draft = { path: SEED, draft: { text: "a: 1" } };
    expect((await call("POST", "/api/check", { body: JSON.stringify(draft), headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await call("POST", "/api/check", { body: draft, headers: { origin: "http://evil.example" } })).status).toBe(403);
    expect((await call("POST", "/api/check", { body: draft, headers: { origin: `http://127.0.0.1:${server.port}` } })).status).toBe(200);
    expect((await call("DELETE", "/api/file")).status).toBe(405);
  });
});

describe("only .yaml files inside data/", () => {
  it("refuses `..`, absolute paths, other files and links out of data/", async () => {
    writeFileSync(join(project, "outside.yaml"), "geheim: ja\n");
    symlinkSync(join(project, "outside.yaml"), file("proposals/link-out.yaml"));
    const refused = ["../outside.yaml", "proposals/../../outside.yaml", "/etc/passwd", "%2Fetc%2Fpasswd", "proposals/bijlagen/begrotingswijziging-2021-flevoland.pdf", ".hidden.yaml", "proposals/link-out.yaml", "C:/x.yaml"];
    for (const p of refused) {
      const r = await call("GET", `/api/file?path=${p.startsWith("%") ? p : encodeURIComponent(p)}`);
      expect(r.status, p).toBe(403);
      expect(r.body.toString(), p).not.toContain("geheim");
    }
    expect((await call("GET", "/api/file?path=proposals/nope.yaml")).status).toBe(404);
    // Writing and creating are confined the same way.
    const save = await call("POST", "/api/save", { body: { path: "../outside.yaml", base: "x", draft: { text: "geheim: nee\n" } } });
    expect(save.status).toBe(403);
    expect(readText(join(project, "outside.yaml"))).toBe("geheim: ja\n");
    expect((await call("POST", "/api/new", { body: { folder: "..", name: "x" } })).status).toBe(403);
    expect((await call("POST", "/api/new", { body: { folder: "proposals", name: "../x" } })).status).toBe(400);
    expect((await call("GET", "/assets/..%2F..%2Fpackage.json")).status).toBe(404);
    // The list leaves the link out.
    const listed = (await call("GET", "/api/files")).json().files as { path: string }[];
    expect(listed.map((f) => f.path)).not.toContain("proposals/link-out.yaml");
  });
});

describe("saving", () => {
  it("keeps comments, order and layout: a changed beslispunt changes that one line", async () => {
    const before = disk(SEED);
    const opened = await open(SEED);
    expect(opened.text).toBe(before);
    const value = structuredClone(opened.value) as { voorstel: { beslispunten: string[] } };
    value.voorstel.beslispunten[0] = "Kennis te nemen van de rapportage; gewijzigd in de editor;";
    const inode = statSync(file(SEED)).ino;
    const r = await call("POST", "/api/save", { body: { path: SEED, base: opened.hash, draft: { baseText: opened.text, value } } });
    expect(r.status).toBe(200);
    expect(r.json().saved).toBe(true);
    const after = disk(SEED);
    expect(changedLines(before, after)).toEqual({
      removed: ['    - "Kennis te nemen van de rapportage ‘terugblik eerste ronde visitaties (2014-2019);"'],
      added: ['    - "Kennis te nemen van de rapportage; gewijzigd in de editor;"'],
    });
    // Every comment is still there, and the file is what the form said.
    const comments = (t: string) => t.split("\n").filter((l) => l.includes("#"));
    expect(comments(after)).toEqual(comments(before));
    expect(parse(after)).toEqual(value);
    // Written by rename over the old file (a new inode), never in place, and nothing left over.
    expect(statSync(file(SEED)).ino).not.toBe(inode);
    expect(tempFiles(join(project, "data", "proposals"))).toEqual([]);
  });

  it("saves the YAML view's text exactly as typed", async () => {
    const rel = "proposals/vaststelling-vergaderschema-2021-hamerstuk.yaml";
    const opened = await open(rel);
    const typed = opened.text.replace("hamerstuk: true", "hamerstuk: true   # typed in the YAML view");
    expect(typed).not.toBe(opened.text);
    const r = await call("POST", "/api/save", { body: { path: rel, base: opened.hash, draft: { text: typed } } });
    expect(r.status).toBe(200);
    expect(disk(rel)).toBe(typed);
  });

  it("refuses to overwrite a file changed on disk since it was opened, and says so", async () => {
    const rel = "proposals/vervanging-tankautospuiten.yaml";
    const opened = await open(rel);
    const external = `${opened.text}# edited elsewhere\n`;
    writeFileSync(file(rel), external);
    const value = { ...opened.value, onderwerp: "Mijn wijziging" };
    const r = await call("POST", "/api/save", { body: { path: rel, base: opened.hash, draft: { baseText: opened.text, value } } });
    expect(r.status).toBe(409);
    expect(r.json().error).toMatch(/op schijf veranderd .* sinds u het opende.*Laad het opnieuw/);
    expect(disk(rel)).toBe(external);
  });

  it("of two saves from the same opening, the second is refused", async () => {
    const rel = "gemeente/raadsvoorstel-speelruimteplan.yaml";
    const opened = await open(rel);
    const save = (onderwerp: string) => call("POST", "/api/save", { body: { path: rel, base: opened.hash, draft: { baseText: opened.text, value: { ...opened.value, onderwerp } } } });
    const [a, b] = await Promise.all([save("Eerste tab"), save("Tweede tab")]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(parse(disk(rel)).onderwerp).toBe(a.status === 200 ? "Eerste tab" : "Tweede tab");
  });

  it("refuses YAML it cannot read, with positioned diagnostics, and writes nothing", async () => {
    const rel = SEED;
    const opened = await open(rel);
    const before = readFileSync(file(rel));
    const inode = statSync(file(rel)).ino;
    const broken = opened.text.replace("behandelwijze: ter kennisname", 'behandelwijze: "ter kennisname');
    const line = broken.split("\n").findIndex((l) => l.startsWith("behandelwijze:")) + 1;
    const r = await call("POST", "/api/save", { body: { path: rel, base: opened.hash, draft: { text: broken } } });
    expect(r.status).toBe(422);
    const diags = r.json().diagnostics as Opened["diagnostics"];
    expect(diags[0]).toMatchObject({ file: "data/proposals/terugblik-visitaties.yaml", pos: { line } });
    expect(diags[0]!.message).toMatch(/^YAML: /);
    // Word for word what `boardpaper check` says about the same text.
    const dir = tempDir();
    mkdirSync(join(dir, "data", "proposals"), { recursive: true });
    writeFileSync(join(dir, "data", "proposals", "terugblik-visitaties.yaml"), broken);
    const cli = await run(["check", "data/proposals/terugblik-visitaties.yaml"], { cwd: dir });
    expect(cli.stderr.split("\n").slice(0, diags.length)).toEqual(diags.map((d) => d.text));
    expect(readFileSync(file(rel)).equals(before)).toBe(true);
    expect(statSync(file(rel)).ino).toBe(inode);
    expect(tempFiles(join(project, "data", "proposals"))).toEqual([]);
  });

  it("will not open a file that is not UTF-8 (editing would change it), and says where", async () => {
    writeFileSync(file("proposals/latin1.yaml"), Buffer.from("organisatie: Gemeente\nonderwerp: Caf\xe9\n", "latin1"));
    const r = await call("GET", "/api/file?path=proposals/latin1.yaml");
    expect(r.status).toBe(422);
    expect(r.json().error).toMatch(/^data\/proposals\/latin1\.yaml:2:15: error: byte 0xe9 is geen geldige UTF-8/);
  });

  it("rejects a malformed request without touching the file", async () => {
    const before = disk(SEED);
    expect((await call("POST", "/api/save", { body: "{not json" })).status).toBe(400);
    expect((await call("POST", "/api/save", { body: { path: SEED, draft: { text: "a: 1" } } })).status).toBe(400);
    expect((await call("POST", "/api/save", { body: { path: SEED, base: "x", draft: { value: [] } } })).status).toBe(400);
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 500; i++) at = (at.x = {}) as Record<string, unknown>;
    const tooDeep = await call("POST", "/api/save", { body: { path: SEED, base: "x", draft: { baseText: before, value: deep } } });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.json().error).toMatch(/dieper genest dan 40 niveaus/);
    expect(disk(SEED)).toBe(before);
  });
});

describe("the same diagnostics as check", () => {
  it("in the page's language, two requests in two languages at once each in their own", async () => {
    const opened = await open(SEED);
    const text = opened.text.replace("vergaderdatum: 2020-10-01", "vergaderdatum: 2020-02-30\nonderwrp: x");
    const ask = (lang?: string) => call("POST", "/api/check", { body: { path: SEED, draft: { text } }, ...(lang && { headers: { "x-boardpaper-lang": lang } }) });
    const [nl, en, nl2, en2] = await Promise.all([ask(), ask("en"), ask("nl"), ask("en")]);
    const messages = (r: Awaited<ReturnType<typeof ask>>) => (r.json() as { diagnostics: { message: string }[] }).diagnostics.map((d) => d.message).join("\n");
    expect(messages(nl)).toMatch(/is geen bestaande datum/);
    expect(messages(nl)).toMatch(/bedoelt u `onderwerp`\?/);
    expect(messages(en)).toMatch(/is not a real date/);
    expect(messages(en)).toMatch(/did you mean `onderwerp`\?/);
    expect(messages(nl2)).toBe(messages(nl));
    expect(messages(en2)).toBe(messages(en));
  });

  it("an impossible date: the message, line, column and path that `boardpaper check` prints", async () => {
    const opened = await open(SEED);
    const text = opened.text.replace("vergaderdatum: 2020-10-01", "vergaderdatum: 2020-02-30");
    const r = await call("POST", "/api/check", { body: { path: SEED, draft: { text } } });
    expect(r.status).toBe(200);
    const body = r.json() as { diagnostics: Opened["diagnostics"]; html?: string; timings: { serverMs: number } };
    expect(body.html).toBeUndefined();
    expect(body.diagnostics).toHaveLength(1);
    const line = text.split("\n").findIndex((l) => l.startsWith("vergaderdatum:")) + 1;
    expect(body.diagnostics[0]).toMatchObject({ path: "vergaderdatum", pos: { line, col: 16 } });
    expect(body.diagnostics[0]!.message).toMatch(/`2020-02-30` is geen bestaande datum \(februari 2020 heeft 29 dagen\)/);
    // The CLI on the same text says the same line.
    const dir = tempDir();
    mkdirSync(join(dir, "data", "proposals"), { recursive: true });
    writeFileSync(join(dir, "data", "proposals", "terugblik-visitaties.yaml"), text);
    const cli = await run(["check", "data/proposals/terugblik-visitaties.yaml"], { cwd: dir });
    expect(cli.code).toBe(1);
    expect(cli.stderr.split("\n")[0]).toBe(body.diagnostics[0]!.text);
  });

  it("form edits are checked as the YAML they become: an empty required field, an unknown value", async () => {
    const opened = await open(SEED);
    const value = { ...opened.value, behandelwijze: "ter besluit", onderwerp: "" };
    const r = await call("POST", "/api/check", { body: { path: SEED, draft: { baseText: opened.text, value } } });
    const body = r.json() as { text: string; diagnostics: Opened["diagnostics"] };
    expect(body.text).toContain("behandelwijze: ter besluit #");
    const byPath = Object.fromEntries(body.diagnostics.map((d) => [d.path, d.message]));
    expect(byPath.behandelwijze).toMatch(/bedoelt u `ter besluitvorming`/);
    expect(byPath.onderwerp).toBe("mag niet leeg zijn");
  });

  it("a valid draft comes back with its HTML and how long the server took", async () => {
    const opened = await open(SEED);
    const value = structuredClone(opened.value) as { voorstel: { beslispunten: string[] } };
    value.voorstel.beslispunten[0] = "Een **vet** beslispunt.";
    const r = await call("POST", "/api/check", { body: { path: SEED, draft: { baseText: opened.text, value } } });
    const body = r.json() as { html: string; timings: { serverMs: number }; diagnostics: unknown[] };
    expect(body.diagnostics).toEqual([]);
    expect(body.html).toMatch(/^<!DOCTYPE html>/);
    expect(body.html).toContain("Een <strong>vet</strong> beslispunt.");
    expect(body.timings.serverMs).toBeGreaterThan(0);
    expect(r.headers["server-timing"]).toMatch(/^check;dur=/);
  });
});

describe("the list, new proposals, meetings, downloads, changes", () => {
  it("lists proposals and meetings with title, date, behandelwijze and whether they pass check", async () => {
    writeFileSync(file("proposals/kapot.yaml"), "organisatie: x\n");
    const files = (await call("GET", "/api/files")).json().files as Record<string, unknown>[];
    const seed = files.find((f) => f.path === SEED)!;
    expect(seed).toMatchObject({ kind: "ab-voorstel", type: "ab-voorstel", title: "Terugblik eerste ronde visitaties 2014-2019", date: "2020-10-01", behandelwijze: "ter kennisname" });
    expect(typeof seed.problems).toBe("number");
    expect(files.find((f) => f.path === "meetings/ab-2020-10-01.yaml")).toMatchObject({ kind: "meeting", date: "2020-10-01" });
    const broken = files.find((f) => f.path === "proposals/kapot.yaml")!;
    expect(broken.problems).toBeGreaterThan(5);
    expect(broken.firstProblem).toMatch(/^data\/proposals\/kapot\.yaml:\d+:\d+: error: /);
    expect(files.some((f) => f.kind === "house-style")).toBe(false);
  });

  it("creates a new proposal with exactly the skeleton of `boardpaper new`, and never over another file", async () => {
    const r = await call("POST", "/api/new", { body: { folder: "proposals", name: "mijn-voorstel" } });
    expect(r.status).toBe(201);
    expect(r.json().path).toBe("proposals/mijn-voorstel.yaml");
    const other = tempDir();
    const cli = await run(["new", "--out", "data/proposals/mijn-voorstel.yaml"], { cwd: other });
    expect(cli.code).toBe(0);
    expect(disk("proposals/mijn-voorstel.yaml")).toBe(readText(join(other, "data", "proposals", "mijn-voorstel.yaml")));
    const again = await call("POST", "/api/new", { body: { folder: "proposals", name: "mijn-voorstel.yaml" } });
    expect(again.status).toBe(409);
    expect(again.json().error).toMatch(/bestaat al/);
    expect((await call("POST", "/api/new", { body: { folder: "meetings", name: "x" } })).status).toBe(400);
    expect(tempFiles(join(project, "data", "proposals"))).toEqual([]);
  });

  it("opens a meeting with its agenda as the preview", async () => {
    const m = await open("meetings/ab-2020-10-01.yaml");
    expect(m.diagnostics).toEqual([]);
    expect((m as unknown as { html: string }).html).toMatch(/Agenda/);
  });

  it("downloads the draft as .docx and HTML; a draft with problems gets its diagnostics instead", async () => {
    const opened = await open(SEED);
    const docx = await call("POST", "/api/download", { body: { path: SEED, format: "docx", draft: { text: opened.text } } });
    expect(docx.status).toBe(200);
    expect(docx.headers["content-type"]).toMatch(/wordprocessingml/);
    expect(docx.headers["content-disposition"]).toMatch(/attachment; filename="terugblik-visitaties.docx"/);
    expect(docx.body.subarray(0, 2).toString()).toBe("PK");
    const html = await call("POST", "/api/download", { body: { path: SEED, format: "html", draft: { text: opened.text } } });
    expect(html.body.toString()).toContain("Terugblik eerste ronde visitaties");
    const bad = await call("POST", "/api/download", { body: { path: SEED, format: "docx", draft: { text: "organisatie: x\n" } } });
    expect(bad.status).toBe(422);
    expect((bad.json().diagnostics as unknown[]).length).toBeGreaterThan(0);
  });

  const lo = needs("soffice", "pdftotext");
  it.skipIf(lo.skip)(`downloads a PDF made by LibreOffice when it is installed ${lo.reason}`, async () => {
    expect((await call("GET", "/api/info")).json().pdf).toBe(true);
    const opened = await open(SEED);
    const pdf = await call("POST", "/api/download", { body: { path: SEED, format: "pdf", draft: { text: opened.text } } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
    const dir = tempDir();
    writeFileSync(join(dir, "x.pdf"), pdf.body);
    expect(execFileSync("pdftotext", [join(dir, "x.pdf"), "-"], { encoding: "utf8" })).toContain("Terugblik eerste ronde visitaties 2014-2019");
  }, 120_000);

  it("changes: says so when the project is not in git", async () => {
    const opened = await open(SEED);
    const r = (await call("POST", "/api/changes", { body: { path: SEED, draft: { text: opened.text } } })).json();
    expect(r).toMatchObject({ status: "unavailable" });
    expect(String(r.message)).toMatch(/staat niet in git/);
  });

  it.skipIf(!hasProgram("git"))("changes: the word diff against HEAD, and a new file said to be new", async () => {
    const g = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.nl", ...args], { cwd: project, stdio: "pipe" });
    g("init", "-q");
    g("add", "data");
    g("commit", "-q", "-m", "data");
    const opened = await open(SEED);
    const text = opened.text.replace("Het versterken van de strategische sturing", "Het versterken van de sturing");
    const r = (await call("POST", "/api/changes", { body: { path: SEED, draft: { text } } })).json();
    expect(r).toMatchObject({ status: "ok", changes: 1, against: "HEAD:./data/proposals/terugblik-visitaties.yaml" });
    expect(String(r.html)).toMatch(/<del>strategische<\/del>|<del>strategische /);
    expect(String(r.text)).toMatch(/Het versterken van de \[-strategische ?-\] ?sturing/);
    writeFileSync(file("proposals/nieuw.yaml"), opened.text);
    const fresh = (await call("POST", "/api/changes", { body: { path: "proposals/nieuw.yaml", draft: { text: opened.text } } })).json();
    expect(fresh).toMatchObject({ status: "unavailable" });
    expect(String(fresh.message)).toMatch(/is nieuw/);
  });
});

describe("writing a value into YAML text (yaml-edit)", () => {
  const seed = readText(join(ROOT, "data", SEED));
  const edit = (text: string, change: (v: Record<string, any>) => void) => {
    const v = parse(text) as Record<string, any>;
    change(v);
    const out = applyValue(text, v);
    expect(parse(out)).toEqual(v);
    return { out, ...changedLines(text, out) };
  };

  it("changes nothing when nothing changed", () => {
    expect(applyValue(seed, parse(seed))).toBe(seed);
  });

  it("keeps a comment after a changed value, and the value's quotes", () => {
    const r = edit(seed, (v) => void (v.agendapunt = "10"));
    expect(r.added).toEqual(['agendapunt: "10" # not in the seed: plausible value']);
  });

  it("quotes text that needs it, and writes several lines as a block", () => {
    expect(edit(seed, (v) => void (v.onderwerp = "Titel: met # erin")).added[0]).toMatch(/^onderwerp: "Titel: met # erin" # not in the seed/);
    const r = edit(seed, (v) => void (v.kanttekeningen = "Eerste alinea.\n\nTweede alinea.\n"));
    expect(r.removed).toEqual(["kanttekeningen: geen"]);
    expect(r.out).toContain("\nkanttekeningen: |\n  Eerste alinea.\n\n  Tweede alinea.\n\nconsequenties: leeg\n");
  });

  it("adds a key after its neighbour in the schema's order, and fills a field `new` left commented out", () => {
    const r = edit(seed, (v) => {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = x;
        if (k === "afstemming") out.samenvatting = "Kort gezegd.";
      }
      for (const k of Object.keys(v)) delete v[k];
      Object.assign(v, out);
    });
    expect(r.out).toMatch(/standpunt: Kennisgenomen[^\n]*\n\nsamenvatting: Kort gezegd\.\n\ninleiding: \|/);
  });

  it("adds, removes and moves list items, keeping a moved item's comments", () => {
    const added = edit(seed, (v) => v.voorstel.beslispunten.push("Tweede punt.", { tekst: "Derde punt", subpunten: ["a", "b"] }));
    expect(added.removed).toEqual([]);
    expect(added.added).toEqual(["    - Tweede punt.", "    - tekst: Derde punt", "      subpunten:", "        - a", "        - b"]);
    const moved = edit(seed, (v) => v.bijlagen.reverse());
    expect(moved.out.indexOf("  # The seed says")).toBeLessThan(moved.out.indexOf("  - titel: Aandachtspunten"));
    expect(moved.out).toContain('  # The seed says "Bijgevoegde rapportage"; the report itself is attached, not printed.\n  - titel: Rapportage');
    const removed = edit(seed, (v) => void v.bijlagen[0].inhoud[0].tabel.rijen.splice(1, 1));
    expect(removed.added).toEqual([]);
    expect(removed.removed).toHaveLength(2);
  });

  it("a section that becomes `leeg`, and one that stops being `leeg`", () => {
    const r = edit(seed, (v) => void (v.consequenties = { financieel: "Geen.", personeel: "leeg", juridisch: "leeg", informatievoorziening: "leeg" }));
    expect(r.removed).toEqual(["consequenties: leeg"]);
    expect(r.added).toEqual(["consequenties:", "  financieel: Geen.", "  personeel: leeg", "  juridisch: leeg", "  informatievoorziening: leeg"]);
    expect(edit(seed, (v) => void (v.afstemming = "leeg")).added).toEqual(["afstemming: leeg"]);
  });

  it("a flow list stays a flow list", () => {
    const text = "kolommen: [Datum, Tijd]\nrijen:\n  - [a, b]\n";
    expect(edit(text, (v) => v.kolommen.push("Onderwerp")).out).toBe("kolommen: [Datum, Tijd, Onderwerp]\nrijen:\n  - [a, b]\n");
    expect(edit(text, (v) => void (v.rijen[0][1] = "b, c")).out).toBe('kolommen: [Datum, Tijd]\nrijen:\n  - [a, "b, c"]\n');
  });

  it("fills in a skeleton: placeholders lose their quotes, commented-out fields are taken in", async () => {
    const dir = tempDir();
    await run(["new", "--out", "x.yaml"], { cwd: dir });
    const sk = readText(join(dir, "x.yaml"));
    const r = edit(sk, (v) => {
      v.orgaan = "Algemeen bestuur";
      v.steller.email = "a@example.nl";
    });
    expect(r.removed).toEqual(['orgaan: "<<vul in: orgaan>>"', '  # email: "<<vul in: email>>"']);
    expect(r.added).toEqual(["orgaan: Algemeen bestuur", "  email: a@example.nl"]);
    const doc = parseDocument(r.out);
    expect(doc.errors).toEqual([]);
  });
});

describe("writing a value into YAML text: any edit gives exactly the edited value", () => {
  type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
  type Step = readonly (string | number)[];
  /** Every place in a value: scalars, lists and keys, with their paths. */
  const places = (v: Json, at: Step = []): { path: Step; value: Json }[] => [
    { path: at, value: v },
    ...(Array.isArray(v) ? v.flatMap((x, i) => places(x, [...at, i])) : v !== null && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => places(x, [...at, k])) : []),
  ];
  const parentOf = (root: Json, path: Step): Json => path.slice(0, -1).reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, root);
  const TEXTS = ["", "leeg", "a: b", "x # y", "- item", "9", "2020-02-30", "'quoted'", '"dubbel"', "regel een\nregel twee", "alinea\n\nalinea\n", " spatie voor", "{x}", "[y, z]", "€ ‘krul’ – streep", "<<vul in: iets>>"];
  const files = ["proposals/terugblik-visitaties.yaml", "proposals/vervanging-tankautospuiten.yaml", "proposals/vaststelling-vergaderschema-2021-hamerstuk.yaml", "meetings/ab-2020-10-01.yaml", "gemeente/huisstijl.yaml"].map((f) => readText(join(ROOT, "data", f)));
  const op = fc.record({ kind: fc.constantFrom("set", "delete", "insert", "swap", "object"), at: fc.nat(), text: fc.constantFrom(...TEXTS) });

  it("for random edits of the data files: set, delete, insert, move, replace by a mapping", () => {
    fc.assert(
      fc.property(fc.constantFrom(...files.keys()), fc.array(op, { minLength: 1, maxLength: 5 }), (which, ops) => {
        const text = files[which]!;
        const value = parse(text) as Json;
        for (const o of ops) {
          const all = places(value).filter((p) => p.path.length > 0);
          const { path, value: here } = all[o.at % all.length]!;
          const parent = parentOf(value, path) as Record<string | number, Json> & Json[];
          const key = path[path.length - 1]!;
          if (o.kind === "set") parent[key] = o.text;
          else if (o.kind === "object") parent[key] = { tekst: o.text, subpunten: [o.text, "b"] };
          else if (o.kind === "delete") Array.isArray(parent) ? parent.splice(key as number, 1) : delete parent[key];
          else if (o.kind === "insert" && Array.isArray(here)) here.splice(o.at % (here.length + 1), 0, o.text);
          else if (o.kind === "swap" && Array.isArray(here) && here.length > 1) {
            const i = o.at % (here.length - 1);
            [here[i], here[i + 1]] = [here[i + 1]!, here[i]!];
          }
        }
        const out = applyValue(text, value);
        expect(parseDocument(out).errors).toEqual([]);
        expect(parse(out)).toEqual(value);
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe("boardpaper serve (the command)", () => {
  it("checks its options and that there is a data/ folder", async () => {
    expect((await run(["serve", "--port", "http"])).code).toBe(2);
    const empty = tempDir();
    const r = await run(["serve", "--port", "0"], { cwd: empty });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/er is geen map data\//);
  });
});
