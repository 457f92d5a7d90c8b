import { language, t } from "./i18n/i18n.ts";

/**
 * The editor's server API (src/serve/server.ts), with the types it returns. Every request says
 * the page's language (LANG_HEADER): the server's messages come back in it.
 */

/** The header that carries the page's language (src/serve/messages.ts). */
export const LANG_HEADER = "x-boardpaper-lang";
const langHeader = (): Record<string, string> => ({ [LANG_HEADER]: language() });

export interface Diagnostic {
  file: string;
  severity: "error" | "warning";
  pos: { line: number; col: number };
  message: string;
  path?: string;
  /** The line `boardpaper check` prints. */
  text: string;
}

export interface Preview {
  text: string;
  value: unknown;
  /** The document's title (a proposal's onderwerp, a meeting's orgaan and date), when it has one. */
  title?: string;
  diagnostics: Diagnostic[];
  html?: string;
  timings?: { serverMs: number };
}

export interface OpenedFile extends Preview {
  path: string;
  label: string;
  kind: string;
  hash: string;
}

/** A document in the list: its kind's summary (title and column values), and its check result. */
export interface Listed {
  path: string;
  label: string;
  /** The document's kind: its type's name (ab-voorstel, …), or meeting. */
  kind: string;
  /** The heading of the table it is listed in (Proposals, Meetings). */
  list?: string;
  title?: string;
  problems: number;
  firstProblem?: string;
  [column: string]: unknown;
}

/** How the list shows one table of documents (the server takes it from the kinds registry). */
export interface ListedKind {
  /** The table's first kind. */
  name: string;
  /** Every kind listed in this table (all document types share the proposals' table). */
  kinds?: string[];
  heading: string;
  empty: string;
  titleHeading: string;
  columns: { label: string; key: string; nowrap?: boolean }[];
}

export interface Info {
  pdf: boolean;
  folders: string[];
  /** The folders of `folders` where a new file is read as the kind the editor creates. */
  newFolders: string[];
  /** The document types a new document can have. */
  types?: DocumentType[];
  /** The type chosen when none is. */
  defaultType?: string;
  data: string;
  /** The largest .docx `POST /api/import` takes, in bytes. */
  maxImportBytes?: number;
}

/** Something of an imported Word document that could not be taken over (see src/import/import-word.ts). */
export interface ImportNote {
  /** 1-based paragraph (or table) of the document body; 0 for the document as a whole. */
  paragraph: number;
  /** Its first words, to find it in Word. */
  words: string;
  message: string;
}

/** What `POST /api/import` answers: the new file, its type, and what was not taken over. */
export interface Imported {
  path: string;
  label: string;
  type: string;
  notes: ImportNote[];
}

/** The type a .docx is sent with. */
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface DocumentType {
  name: string;
  description: string;
}

export type Draft = { text: string } | { baseText: string; value: unknown };

export type Changes =
  | { status: "ok"; changes: number; html: string; text: string; against: string }
  | { status: "unavailable"; message: string }
  | { status: "invalid"; message: string; diagnostics: Diagnostic[] };

export interface Reply<T> {
  status: number;
  data: T & { error?: string; field?: string };
}

async function call<T>(method: "GET" | "POST", url: string, body?: unknown, signal?: AbortSignal): Promise<Reply<T>> {
  const res = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? langHeader() : { ...langHeader(), "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(signal ? { signal } : {}),
  });
  const type = res.headers.get("content-type") ?? "";
  const data = type.includes("application/json") ? ((await res.json()) as T & { error?: string }) : ({ error: await res.text() } as T & { error?: string });
  return { status: res.status, data };
}

export const api = {
  info: () => call<Info>("GET", "/api/info"),
  files: () => call<{ files: Listed[]; kinds: ListedKind[] }>("GET", "/api/files"),
  file: (path: string) => call<OpenedFile>("GET", `/api/file?path=${encodeURIComponent(path)}`),
  schema: (kind: string) => call<Record<string, unknown>>("GET", `/api/schema?kind=${encodeURIComponent(kind)}`),
  check: (path: string, draft: Draft, signal?: AbortSignal) => call<Preview>("POST", "/api/check", { path, draft }, signal),
  save: (path: string, base: string, draft: Draft) => call<Preview & { saved: boolean; hash?: string; conflict?: boolean; diagnostics?: Diagnostic[] }>("POST", "/api/save", { path, base, draft }),
  create: (folder: string, name: string, type?: string) => call<{ path: string; label: string }>("POST", "/api/new", { folder, name, ...(type ? { type } : {}) }),
  changes: (path: string, draft: Draft) => call<Changes>("POST", "/api/changes", { path, draft }),
  /** Upload a Word document: the server imports it as a new file `name` in `folder` (of `type`, else the default type). */
  async importWord(file: File, folder: string, name: string, type?: string): Promise<Reply<Imported>> {
    const query = new URLSearchParams({ folder, name, source: file.name, ...(type ? { type } : {}) });
    const res = await fetch(`/api/import?${query.toString()}`, { method: "POST", credentials: "same-origin", headers: { ...langHeader(), "content-type": DOCX_TYPE }, body: file });
    const isJson = (res.headers.get("content-type") ?? "").includes("application/json");
    const data = isJson ? ((await res.json()) as Imported & { error?: string }) : ({ error: await res.text() } as Imported & { error?: string });
    return { status: res.status, data };
  },
  /** The document as a file to save: the response body, or the problems that prevent it. */
  async download(path: string, format: string, draft: Draft): Promise<{ ok: true; blob: Blob; name: string } | { ok: false; error: string }> {
    const res = await fetch("/api/download", { method: "POST", credentials: "same-origin", headers: { ...langHeader(), "content-type": "application/json" }, body: JSON.stringify({ path, format, draft }) });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      return { ok: false, error: body.error ?? t("server.status", { status: res.status }) };
    }
    const disposition = res.headers.get("content-disposition") ?? "";
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? `document.${format}`);
    return { ok: true, blob: await res.blob(), name };
  },
};
