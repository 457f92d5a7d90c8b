import { createHash } from "node:crypto";
import { dirname, join, relative, sep } from "node:path";
import type { Host } from "../host/host.js";
import { inside } from "../host/paths.js";
import { Message } from "./messages.js";

/**
 * The editor reads and writes only YAML files inside the project's data/ folder. Every path
 * from the browser passes `dataFile` first: a relative path of plain segments ending in .yaml,
 * whose real location (symbolic links followed) is inside data/.
 */
export const DATA = "data";

/** A path or file the editor refuses; what it says is said in the request's language (messages.ts). */
export class FileError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly said: Message,
  ) {
    super(said.toString());
  }
}

export interface DataFile {
  /** As the browser names it: relative to data/, with `/`. */
  readonly rel: string;
  /** As messages show it, relative to the project folder: `data/proposals/x.yaml`. */
  readonly label: string;
  /** Where it is on disk (symbolic links resolved, for an existing file). */
  readonly abs: string;
}

const YAML = /\.ya?ml$/i;
/** How deep below data/ the editor looks for files and folders. */
const MAX_DEPTH = 32;

/** Check a path from the browser; `exists` false for a file about to be created. */
export async function dataFile(host: Host, rel: unknown, exists = true): Promise<DataFile> {
  if (typeof rel !== "string" || rel === "") throw new FileError(400, Message.of("file.none"));
  if (rel.length > 500 || /[\u0000-\u001f\\]/.test(rel)) throw new FileError(400, Message.of("file.badName"));
  if (rel.startsWith("/") || /^[a-zA-Z]:/.test(rel)) throw new FileError(403, Message.of("file.absolute"));
  const segments = rel.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) throw new FileError(403, Message.of("file.dots"));
  if (segments.some((s) => s.startsWith("."))) throw new FileError(403, Message.of("file.hidden"));
  if (!YAML.test(rel)) throw new FileError(403, Message.of("file.notYaml"));
  const dataDir = join(host.cwd, DATA);
  const abs = join(dataDir, ...segments);
  if (!inside(dataDir, abs)) throw new FileError(403, Message.of("file.outside"));
  const realData = await host.realPath(dataDir);
  if (realData === undefined) throw new FileError(404, Message.of("file.noData"));
  const label = `${DATA}/${segments.join("/")}`;
  if (exists) {
    const real = await host.realPath(abs);
    if (real === undefined) throw new FileError(404, Message.of("file.missing", { label }));
    if (!inside(realData, real)) throw new FileError(403, Message.of("file.linkOut", { label }));
    if ((await host.kind(real)) !== "file") throw new FileError(404, Message.of("file.notFile", { label }));
    return { rel: segments.join("/"), label, abs: real };
  }
  const parent = await host.realPath(dirname(abs));
  if (parent === undefined) throw new FileError(404, Message.of("file.noFolder", { label }));
  if (!inside(realData, parent)) throw new FileError(403, Message.of("file.folderOutside", { label }));
  if ((await host.kind(abs)) !== undefined) throw new FileError(409, Message.of("file.exists", { label }));
  return { rel: segments.join("/"), label, abs: join(parent, segments[segments.length - 1]!) };
}

/** The content hash the browser gets with a file and returns on save. */
export const hashOf = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

export interface Listed {
  readonly rel: string;
  readonly label: string;
}

/**
 * Every .yaml file below data/ (hidden entries skipped, links out of data/ left out), sorted.
 * Each real folder is walked once (a link back to a folder already walked, a loop, is left
 * out), to a bounded depth.
 */
export async function listData(host: Host): Promise<Listed[]> {
  const dataDir = join(host.cwd, DATA);
  const realData = await host.realPath(dataDir);
  if (!realData) return [];
  const out: Listed[] = [];
  const visited = new Set<string>([realData]);
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    for (const name of (await host.list(dir)).sort((a, b) => (a < b ? -1 : 1))) {
      if (name.startsWith(".")) continue;
      const p = join(dir, name);
      const real = await host.realPath(p);
      if (!real || !inside(realData, real)) continue;
      const kind = await host.kind(real);
      if (kind === "dir") {
        if (visited.has(real)) continue;
        visited.add(real);
        await walk(p, depth + 1);
      } else if (kind === "file" && YAML.test(name)) {
        const rel = relative(dataDir, p).split(sep).join("/");
        out.push({ rel, label: `${DATA}/${rel}` });
      }
    }
  };
  await walk(dataDir, 0);
  return out;
}

/** The folders of data/ (relative, with `/`; "" is data/ itself) where a new proposal may go. */
export async function dataFolders(host: Host): Promise<string[]> {
  const dataDir = join(host.cwd, DATA);
  const realData = await host.realPath(dataDir);
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string, rel: string, depth: number): Promise<void> => {
    out.push(rel);
    if (depth >= MAX_DEPTH) return;
    const names = await host.list(dir).catch(() => []);
    for (const name of names.sort((a, b) => (a < b ? -1 : 1))) {
      const p = join(dir, name);
      const real = await host.realPath(p);
      // A link that leads out of data/, or to a folder already listed (a loop), is left out.
      if (name.startsWith(".") || !real || !realData || !inside(realData, real) || seen.has(real) || real === realData) continue;
      seen.add(real);
      if ((await host.kind(p)) === "dir") await walk(p, rel === "" ? name : `${rel}/${name}`, depth + 1);
    }
  };
  await walk(dataDir, "", 0);
  return out;
}

/**
 * Saves of one file, one at a time, so that of two tabs saving at once the second sees the
 * first's result (and is refused) rather than both passing the check before either writes.
 */
const queues = new Map<string, Promise<unknown>>();
function serially<T>(key: string, job: () => Promise<T>): Promise<T> {
  const prev = queues.get(key) ?? Promise.resolve();
  const next = prev.then(job, job);
  queues.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

export type SaveResult = { ok: true; hash: string } | { ok: false; conflict: Message };

/**
 * Write `text` over the file, atomically (the Host's temporary file and rename), unless the file
 * on disk is no longer the one the editor opened (its hash differs from `base`).
 */
export function saveFile(host: Host, file: DataFile, text: string, base: string): Promise<SaveResult> {
  return serially(file.abs, async () => {
    const current = await host.readFile(file.abs).catch(() => undefined);
    if (!current) return { ok: false as const, conflict: Message.of("file.gone", { label: file.label }) };
    if (hashOf(current) !== base) return { ok: false as const, conflict: Message.of("file.changed", { label: file.label }) };
    await host.writeFileAtomic(file.abs, text);
    return { ok: true as const, hash: hashOf(text) };
  });
}

/** Create a new file with its whole content, or fail if it exists (see Host.create). */
export async function createFile(host: Host, file: DataFile, text: string): Promise<void> {
  await host.create(file.abs, text).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EEXIST") throw new FileError(409, Message.of("file.exists", { label: file.label }));
    throw e;
  });
}
