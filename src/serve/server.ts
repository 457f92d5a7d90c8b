import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDF, withPdfs } from "../convert/pdf.js";
import { ConversionError, findSoffice } from "../convert/soffice.js";
import { byPlace, type Diagnostic } from "../diagnostics/diagnostic.js";
import { nodeHost, type Host } from "../host/host.js";
import { ImportError, importWord, type Imported } from "../import/import-word.js";
import { jsonSchemaOf, skeletonOf } from "../kinds/for-editors.js";
import { loadRegistry, type Registry } from "../kinds/registry.js";
import { decodeUtf8 } from "../load/decode.js";
import { Pipeline, type Loaded } from "../pipeline/pipeline.js";
import { runProject } from "../pipeline/project.js";
import { writerFor } from "../writers/registry.js";
import { changes, checkText, draftText, DraftError, preview, renderDocument, wireDiagnostic } from "./documents.js";
import { createFile, DATA, dataFile, dataFolders, FileError, hashOf, listData, saveFile } from "./files.js";
import { langOf, Message, say, type Lang, type ServeKey } from "./messages.js";
import { inLanguage } from "../i18n/i18n.js";
import { BASE_HEADERS, hostAllowed, newToken, originAllowed, PAGE_CSP, sameToken, setTokenCookie, tokenOf } from "./security.js";

/**
 * The local web editor's server: Node's own http module, because the editor needs a dozen
 * routes and full control over what every request must carry (host, token, origin, JSON),
 * which is easier to see in one place than in a framework's middleware. The browser app is
 * static files built by Vite (web/ → dist/web/); everything else is the JSON API below, over
 * the same functions the command line uses.
 */

/** Where `npm run build` puts the browser app. */
export const WEB_DIR = fileURLToPath(new URL("../../dist/web/", import.meta.url));

/** Largest request body: a draft is a proposal (2 MB at most, see MAX_INPUT_BYTES) sent twice. */
const MAX_BODY = 5 * 1024 * 1024;

/**
 * Largest Word document the editor imports: proposals with a few pictures are well under this;
 * what is inside is limited again when the zip is read (the hostile-input limits).
 */
export const MAX_DOCX = 20 * 1024 * 1024;

/** The bodies `POST /api/import` takes: the .docx itself, as a browser or program sends a file. */
const DOCX_BODY = /^application\/(vnd\.openxmlformats-officedocument\.wordprocessingml\.document|octet-stream)\s*(;|$)/i;

export interface ServeOptions {
  /** The project folder: the one holding data/. */
  readonly root: string;
  /** 0 for any free port. */
  readonly port: number;
  /** Default: a new random token. */
  readonly token?: string;
  /** The built browser app; default WEB_DIR. */
  readonly webDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where internal errors are reported; default standard error. */
  readonly log?: (line: string) => void;
}

export interface Running {
  readonly port: number;
  readonly token: string;
  /** The address to open: it carries the token once, then a cookie does. */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<Running> {
  const token = opts.token ?? newToken();
  const webDir = opts.webDir ?? WEB_DIR;
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((l: string) => void process.stderr.write(`${l}\n`));
  const silent = { write: () => undefined, isTTY: false };
  const host = nodeHost(process, { cwd: opts.root, env: { ...env }, stdout: silent, stderr: silent });
  let port = opts.port;
  const app = new App(host, opts.root, webDir, token, () => port, log);
  const server = createServer((req, res) => void app.handle(req, res));
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    // 127.0.0.1 only: the editor is for the person at this machine.
    server.listen(opts.port, "127.0.0.1", () => {
      server.off("error", fail);
      ok();
    });
  });
  const address = server.address();
  port = typeof address === "object" && address ? address.port : opts.port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

type Json = Record<string, unknown>;

/**
 * How the editor's list shows each kind that it lists (see ListSpec): one table per heading, so
 * the documents of every declared type share the proposals' table; named after its first kind.
 */
const listed = (registry: Registry) => {
  const byHeading = new Map<string, { name: string; kinds: string[]; heading: string; empty: string; titleHeading: string; columns: readonly { label: string; key: string; nowrap?: boolean }[] }>();
  for (const k of registry.kinds) {
    if (!k.list) continue;
    const seen = byHeading.get(k.list.heading);
    if (seen) seen.kinds.push(k.name);
    else {
      const { heading, empty, titleHeading, columns } = k.list;
      byHeading.set(heading, { name: k.name, kinds: [k.name], heading, empty, titleHeading, columns });
    }
  }
  return [...byHeading.values()];
};

/** A refusal or error to answer with: its status, what it says (in the request's language), and more of the body. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly said: Message,
    readonly body: Json = {},
  ) {
    super(said.toString());
  }
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
};

const FORMATS = {
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: ".docx" },
  html: { type: "text/html; charset=utf-8", ext: ".html" },
  pdf: { type: "application/pdf", ext: ".pdf" },
} as const;

class App {
  private soffice: Promise<string | undefined> | undefined;

  constructor(
    private readonly host: Host,
    private readonly root: string,
    private readonly webDir: string,
    private readonly token: string,
    private readonly port: () => number,
    private readonly log: (line: string) => void,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(BASE_HEADERS)) res.setHeader(k, v);
    // The language the page asked for (never the browser's Accept-Language): the messages' language.
    const lang = langOf(req);
    res.setHeader("content-language", lang);
    try {
      // check's problems and the import's report in the page's language too.
      await inLanguage(lang, () => this.route(req, res, lang));
    } catch (e) {
      if (e instanceof HttpError) return json(res, e.status, { error: e.said.in(lang), ...e.body });
      if (e instanceof FileError) return json(res, e.status, { error: e.said.in(lang) });
      if (e instanceof DraftError) return json(res, 400, { error: e.said.in(lang) });
      this.log(`boardpaper serve: internal error on ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) json(res, 500, { error: say(lang, "internal") });
      else res.end();
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse, lang: Lang): Promise<void> {
    const port = this.port();
    if (!hostAllowed(req, port)) {
      // A page on another name that resolves to 127.0.0.1 (DNS rebinding) is not this editor.
      return plain(res, 403, say(lang, "access.host", { port: String(port) }));
    }
    let url: URL;
    try {
      url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    } catch {
      return plain(res, 400, say(lang, "access.badAddress"));
    }
    const isApi = url.pathname.startsWith("/api/");
    const fromQuery = url.searchParams.get("token");
    if (fromQuery !== null && !isApi && req.method === "GET") {
      if (!sameToken(fromQuery, this.token)) return plain(res, 403, say(lang, "access.wrongTokenInAddress"));
      // Trade the token in the address for a cookie, and take it out of the address bar.
      url.searchParams.delete("token");
      res.setHeader("set-cookie", setTokenCookie(port, this.token));
      // One leading slash: `/.//evil.example/` has the path `//evil.example/`, which a browser
      // would read as another site.
      res.setHeader("location", `/${url.pathname.replace(/^[/\\]+/, "")}${url.search}`);
      res.statusCode = 303;
      return void res.end();
    }
    const given = tokenOf(req, port);
    if (given === undefined) {
      if (isApi) return json(res, 401, { error: say(lang, "access.noTokenApi") });
      return plain(res, 401, say(lang, "access.noTokenPage"));
    }
    if (!sameToken(given, this.token)) return isApi ? json(res, 403, { error: say(lang, "access.wrongTokenApi") }) : plain(res, 403, say(lang, "access.wrongTokenPage"));

    if (req.method === "POST") {
      // JSON bodies and a same-origin Origin: a form on another site cannot post here.
      if (!originAllowed(req, port)) return json(res, 403, { error: say(lang, "access.otherSite") });
      // The one binary body, a Word document to import, has a type no form can send either.
      if (url.pathname === "/api/import") {
        if (!DOCX_BODY.test(req.headers["content-type"] ?? "")) return json(res, 415, { error: say(lang, "request.sendDocx", { type: FORMATS.docx.type }) });
      } else if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) return json(res, 415, { error: say(lang, "request.sendJson") });
    } else if (req.method !== "GET") {
      res.setHeader("allow", "GET, POST");
      return json(res, 405, { error: say(lang, "request.method", { method: String(req.method) }) });
    }

    const key = `${req.method} ${url.pathname}`;
    switch (key) {
      case "GET /":
      case "GET /index.html":
        return this.page(res, "index.html");
      case "GET /edit":
      case "GET /edit.html":
        return this.page(res, "edit.html");
      case "GET /api/info": {
        const folders = await dataFolders(this.host);
        const registry = await loadRegistry(this.host);
        const newFolders = folders.filter((f) => registry.recognise(`${DATA}/${f === "" ? "" : `${f}/`}new.yaml`) === undefined);
        const types = registry.kinds.filter((k) => k.proposal).map((k) => ({ name: k.name, description: k.description }));
        return json(res, 200, { pdf: (await this.findSoffice()) !== undefined, folders, newFolders, types, defaultType: registry.defaultKind.name, data: DATA, maxImportBytes: MAX_DOCX });
      }
      case "GET /api/files":
        return json(res, 200, { files: await this.files(), kinds: listed(await loadRegistry(this.host)) });
      case "GET /api/file":
        return this.open(res, url.searchParams.get("path"), lang);
      case "GET /api/schema": {
        const registry = await loadRegistry(this.host);
        const name = url.searchParams.get("kind") ?? registry.defaultKind.name;
        const kind = registry.kindNamed(name);
        if (!kind) throw new HttpError(404, Message.of("schema.none", { kind: name }));
        return send(res, 200, "application/json", jsonSchemaOf(kind));
      }
      case "POST /api/check":
        return this.check(res, await body(req, res), lang);
      case "POST /api/save":
        return this.save(res, await body(req, res), lang);
      case "POST /api/new":
        return this.create(res, await body(req, res));
      case "POST /api/import":
        return this.import(req, res, url.searchParams);
      case "POST /api/download":
        return this.download(res, await body(req, res), lang);
      case "POST /api/changes": {
        const b = await body(req, res);
        const file = await dataFile(this.host, b.path);
        return json(res, 200, await changes(this.host, file, draftText(b.draft), lang));
      }
    }
    if (req.method === "GET" && url.pathname.startsWith("/assets/")) return this.asset(res, url.pathname.slice("/assets/".length));
    return json(res, 404, { error: say(lang, "request.notFound", { path: url.pathname }) });
  }

  private async page(res: ServerResponse, name: string): Promise<void> {
    const html = await readFile(join(this.webDir, name)).catch(() => undefined);
    if (!html) return plain(res, 500, say("nl", "notBuilt"));
    // The page says its own language (nl, or en when switched): not the header's.
    res.removeHeader("content-language");
    res.setHeader("content-security-policy", PAGE_CSP);
    res.setHeader("x-frame-options", "DENY");
    return send(res, 200, CONTENT_TYPES[".html"]!, html);
  }

  private async asset(res: ServerResponse, name: string): Promise<void> {
    // Vite names its files `name-hash.ext` in one folder: anything else is not ours.
    if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) throw new HttpError(404, Message.of("request.noAsset"));
    const data = await readFile(join(this.webDir, "assets", name)).catch(() => undefined);
    if (!data) throw new HttpError(404, Message.of("request.noAsset"));
    const ext = name.slice(name.lastIndexOf("."));
    // Hashed names never change content: they may be cached.
    res.setHeader("cache-control", "private, max-age=31536000, immutable");
    return send(res, 200, CONTENT_TYPES[ext] ?? "application/octet-stream", data);
  }

  private findSoffice(): Promise<string | undefined> {
    this.soffice ??= findSoffice(this.host.env, this.root).catch((e: unknown) => {
      if (e instanceof ConversionError) return undefined;
      throw e;
    });
    return this.soffice;
  }

  /** Every document in data/, checked as `boardpaper check` checks data/, with what the list shows of it. */
  private async files() {
    const listed = await listData(this.host);
    const loaded = new Map<string, Loaded>();
    const r = await runProject(
      await Pipeline.open(this.host),
      listed.map((l) => ({ path: l.label, label: l.label })),
      { resolveAll: true, onLoaded: (found, l) => loaded.set(found.label!, l) },
    );
    const problemsOf = new Map<string, Diagnostic[]>();
    for (const d of r.diagnostics) if (d.severity === "error") problemsOf.set(d.file, [...(problemsOf.get(d.file) ?? []), d]);
    return listed.flatMap((file) => {
      const l = loaded.get(file.label);
      const list = l?.kind.list;
      if (!l || !list) return [];
      const plain = (typeof l.plain === "object" && l.plain !== null ? l.plain : {}) as Record<string, unknown>;
      const problems = (problemsOf.get(file.label) ?? []).sort(byPlace);
      return [
        {
          path: file.rel,
          label: file.label,
          kind: l.kind.name,
          // The heading of its table, as `listed` says it.
          list: l.kind.list.heading,
          ...list.summary(plain),
          problems: problems.length,
          firstProblem: problems[0] ? wireDiagnostic(problems[0]).text : undefined,
        },
      ];
    });
  }

  private async open(res: ServerResponse, path: string | null, lang: Lang): Promise<void> {
    const file = await dataFile(this.host, path);
    const bytes = await this.host.readFile(file.abs);
    // Text that is not UTF-8 would be changed by being edited: it is fixed outside first.
    const decoded = decodeUtf8(file.label, bytes);
    if (!decoded.ok) {
      const d = wireDiagnostic(decoded.diagnostic);
      return json(res, 422, { error: d.text, diagnostics: [d] });
    }
    const p = await preview(this.host, file, decoded.text, lang);
    return json(res, 200, { path: file.rel, label: file.label, hash: hashOf(bytes), ...p });
  }

  private async check(res: ServerResponse, b: Json, lang: Lang): Promise<void> {
    const start = performance.now();
    const file = await dataFile(this.host, b.path);
    const p = await preview(this.host, file, draftText(b.draft), lang);
    const ms = performance.now() - start;
    res.setHeader("server-timing", `check;dur=${ms.toFixed(1)}`);
    return json(res, 200, { ...p, timings: { serverMs: Math.round(ms * 10) / 10 } });
  }

  private async save(res: ServerResponse, b: Json, lang: Lang): Promise<void> {
    const file = await dataFile(this.host, b.path);
    if (typeof b.base !== "string") throw new HttpError(400, Message.of("save.needsBase"));
    const text = draftText(b.draft);
    const checked = await checkText(this.host, file, text);
    // Work in progress with problems left may be saved; text that is not YAML may not.
    if (checked.value === undefined) {
      return json(res, 422, { saved: false, error: say(lang, "save.unreadable"), diagnostics: checked.diagnostics.map(wireDiagnostic) });
    }
    const r = await saveFile(this.host, file, text, b.base);
    if (!r.ok) return json(res, 409, { saved: false, conflict: true, error: say(lang, "save.conflict", { why: r.conflict.in(lang) }) });
    const p = await preview(this.host, file, text, lang);
    return json(res, 200, { saved: true, hash: r.hash, ...p });
  }

  /**
   * A new document's file and type, by the rules of "new": a plain name, a folder where it is
   * read as a document, a declared type. A refusal of the name or folder says so (`field: "name"`),
   * for the page to put it at that field.
   */
  private async newDocument(folderGiven: unknown, nameGiven: unknown, type: unknown) {
    const folder = typeof folderGiven === "string" ? folderGiven.replace(/^\/+|\/+$/g, "") : "proposals";
    const raw = typeof nameGiven === "string" ? nameGiven.trim() : "";
    const atName = { field: "name" };
    if (raw.length > MAX_NAME || !/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(raw)) {
      throw new HttpError(400, Message.of("new.badName", { max: MAX_NAME }), atName);
    }
    const name = /\.ya?ml$/i.test(raw) ? raw : `${raw}.yaml`;
    const rel = folder === "" ? name : `${folder}/${name}`;
    const file = await dataFile(this.host, rel, false).catch((e: unknown) => {
      throw e instanceof FileError ? new HttpError(e.status, e.said, atName) : e;
    });
    const registry = await loadRegistry(this.host);
    const kind = typeof type === "string" ? registry.kindOfType(type) : registry.defaultKind;
    if (!kind?.proposal) throw new HttpError(400, Message.of("new.unknownType", { type: String(type), types: registry.kinds.filter((k) => k.proposal).map((k) => k.name).join(", ") }));
    if (registry.recognise(file.label) !== undefined) throw new HttpError(400, Message.of("new.notADocument", { label: file.label }), atName);
    return { file, kind };
  }

  private async create(res: ServerResponse, b: Json): Promise<void> {
    const { file, kind } = await this.newDocument(b.folder, b.name, b.type);
    // Exactly what `boardpaper new --type TYPE --out FILE` writes.
    await createFile(this.host, file, skeletonOf(kind, this.root, file.label));
    return json(res, 201, { path: file.rel, label: file.label });
  }

  /**
   * `POST /api/import?name=…&type=…&folder=…&source=…` with a .docx as the body: what `boardpaper import`
   * makes of it, written as a new file by the rules of "new" (never over another), and the
   * report of what could not be taken over.
   */
  private async import(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    // Name, folder and type are checked before the upload is read: a refusal costs nothing.
    const type = query.get("type") || undefined;
    const { file } = await this.newDocument(query.get("folder") ?? undefined, query.get("name"), type);
    const bytes = await readBody(req, res, MAX_DOCX);
    if (bytes.length === 0) throw new HttpError(400, Message.of("import.empty"));
    // The Word file's own name, for the comment at the top: a name, never a path or a new line.
    const source = (query.get("source") ?? "").split(/[/\\]/).pop()!.replace(/[\p{C}\p{Zl}\p{Zp}]+/gu, " ").trim().slice(0, 200);
    let imported: Imported;
    try {
      // As `boardpaper import --out data/…` does it: without a type, the house style's default there.
      imported = await importWord(await Pipeline.open(this.host), bytes, { ...(type !== undefined && { type }), out: file.label, ...(source !== "" && { source }) });
    } catch (e) {
      // A RangeError is the file exhausting a resource past the reader's limits: its fault, one line.
      if (e instanceof RangeError) throw new HttpError(422, Message.of("import.unreadable"));
      // The import's own message (src/import/), in the language it speaks.
      if (e instanceof ImportError) return json(res, 422, { error: e.message.split("\n")[0]! });
      throw e;
    }
    await createFile(this.host, file, imported.yaml).catch((e: unknown) => {
      throw e instanceof FileError ? new HttpError(e.status, e.said, { field: "name" }) : e;
    });
    const notes = imported.notes.map((n) => ({ paragraph: n.paragraph, words: n.words, message: n.message }));
    return json(res, 201, { path: file.rel, label: file.label, type: imported.type, notes });
  }

  private async download(res: ServerResponse, b: Json, lang: Lang): Promise<void> {
    const file = await dataFile(this.host, b.path);
    // Own keys only: `constructor`, `__proto__` or `toString` are not formats.
    const format = typeof b.format === "string" && Object.hasOwn(FORMATS, b.format) ? (b.format as keyof typeof FORMATS) : undefined;
    if (!format) throw new HttpError(400, Message.of("download.format", { formats: Object.keys(FORMATS).join(", ") }));
    const checked = await checkText(this.host, file, draftText(b.draft));
    const rendered = await renderDocument(this.host, checked, [writerFor(format === "pdf" ? "docx" : format)!], { lang });
    if (!rendered.ok) return json(res, 422, { error: say(lang, "download.problems"), diagnostics: rendered.diagnostics.map(wireDiagnostic) });
    let outputs = rendered.outputs;
    if (format === "pdf") {
      const soffice = await this.findSoffice();
      if (!soffice) throw new HttpError(501, Message.of("download.noPdf"));
      try {
        outputs = (await withPdfs(outputs, { writers: [], pdf: true }, { soffice, pdfa: false, env: this.host.env })).outputs;
      } catch (e) {
        // LibreOffice's complaint, in the words the conversion gives it (src/convert/).
        if (e instanceof ConversionError) return json(res, 502, { error: e.message });
        throw e;
      }
    }
    const out = outputs.find((o) => o.path.endsWith(format === "pdf" ? PDF.extension : FORMATS[format].ext));
    if (!out) throw new Error(`no ${format} output`);
    const stem = file.rel.split("/").pop()!.replace(/\.ya?ml$/i, "");
    const name = `${rendered.name ? `${stem}-${rendered.name}` : stem}${FORMATS[format].ext}`;
    res.setHeader("content-disposition", `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return send(res, 200, FORMATS[format].type, out.data);
  }
}

function send(res: ServerResponse, status: number, type: string, data: string | Uint8Array): void {
  res.statusCode = status;
  res.setHeader("content-type", type);
  res.end(data);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(body));
}

function plain(res: ServerResponse, status: number, message: string): void {
  send(res, status, "text/plain; charset=utf-8", `${message}\n`);
}

/** Longest file name "new" takes (file systems take 255 bytes; a name may be non-ASCII). */
const MAX_NAME = 100;

/**
 * A binary request body of at most `max` bytes. Over that, 413: at once when Content-Length says
 * so (the rest is discarded unread), else as soon as the count passes it (nothing more is kept,
 * and the connection is closed after the answer).
 */
/**
 * A request's body, at most `max` bytes: a declared length over it is refused at once; a body
 * that grows past it is refused as it arrives, the rest drained and the connection closed, so
 * that the 413 reaches the client. `tooLarge` says it in the route's words.
 */
async function readBody(req: IncomingMessage, res: ServerResponse, max: number, tooLarge = () => new HttpError(413, Message.of("import.tooLarge", { mb: max / (1024 * 1024) }))): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  return new Promise<Buffer>((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      req.off("data", onData);
      req.on("data", () => undefined);
      res.setHeader("connection", "close");
      fail(tooLarge());
    };
    req.on("data", onData);
    req.once("end", () => done(Buffer.concat(chunks)));
    // The client went away half-way (aborted, reset): not a bug in boardpaper.
    req.once("error", () => fail(new HttpError(400, Message.of("request.cutOff"))));
    req.once("aborted", () => fail(new HttpError(400, Message.of("request.cutOff"))));
  });
}

async function body(req: IncomingMessage, res: ServerResponse): Promise<Json> {
  const bytes = await readBody(req, res, MAX_BODY, () => new HttpError(413, Message.of("request.tooLarge", { bytes: MAX_BODY })));
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new HttpError(400, Message.of("request.notJson"));
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new HttpError(400, Message.of("request.notObject"));
  return parsed as Json;
}
