import { byPlace, START, error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Output } from "../emit/output.js";
import { readFromGit } from "../host/git.js";
import type { Host } from "../host/host.js";
import { MAX_DEPTH, parseYaml } from "../load/parse-yaml.js";
import { compareVersions } from "../pipeline/compare.js";
import { Pipeline } from "../pipeline/pipeline.js";
import { changedOnly } from "../review/changed-only.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import { writerFor } from "../writers/registry.js";
import { writeText } from "../writers/text/text-writer.js";
import type { Writer } from "../writers/writer.js";
import type { DataFile } from "./files.js";
import { Message, type Lang } from "./messages.js";
import { applyValue } from "./yaml-edit.js";

/**
 * What the editor does with a document: check it exactly as `boardpaper check` does, render it
 * as `build` does, compare it with git HEAD as `diff` does — through the same pipeline, so the
 * browser gets the same positioned diagnostics and the same documents as the command line.
 */
/** What the browser is editing: YAML text as typed, or a value from the form over a text. */
export type Draft = { readonly text: string } | { readonly baseText: string; readonly value: unknown };

/** A draft the server cannot read; what it says is said in the request's language. */
export class DraftError extends Error {
  constructor(readonly said: Message) {
    super(said.toString());
  }
}

/** The YAML text of a draft: a form's value is written into its text, changing only what changed. */
export function draftText(draft: unknown): string {
  if (typeof draft !== "object" || draft === null) throw new DraftError(Message.of("draft.none"));
  const d = draft as Record<string, unknown>;
  if (typeof d.text === "string") return d.text;
  if (typeof d.baseText === "string" && "value" in d) {
    if (typeof d.value !== "object" || d.value === null || Array.isArray(d.value)) throw new DraftError(Message.of("draft.notMapping"));
    if (depth(d.value) > MAX_DEPTH) throw new DraftError(Message.of("draft.tooDeep", { depth: MAX_DEPTH }));
    const base = parseYaml("draft", d.baseText);
    if (!base.ok) throw new DraftError(Message.of("draft.baseUnreadable"));
    return applyValue(d.baseText, d.value);
  }
  throw new DraftError(Message.of("draft.shape"));
}

function depth(v: unknown, limit = MAX_DEPTH + 1): number {
  if (typeof v !== "object" || v === null || limit === 0) return 0;
  let most = 0;
  for (const x of Object.values(v)) most = Math.max(most, depth(x, limit - 1));
  return most + 1;
}

export interface Checked {
  readonly kind: string;
  readonly text: string;
  /** The YAML's plain value (before defaults), when the text is readable YAML: what the form shows. */
  readonly value: unknown;
  readonly diagnostics: Diagnostic[];
  /** The validated document, when the file itself has no errors. */
  readonly doc?: LoadedDocument;
}

/**
 * Reading a house style, converting its logo and compiling its templates is much of the time
 * of a preview; while someone types, one pipeline (and so its house styles) is reused for a
 * moment. A change to the house style or templates shows in the preview within REUSE_MS;
 * downloads and the list always read them afresh.
 */
const REUSE_MS = 2000;
const recent = new Map<string, { at: number; pipeline: Pipeline }>();

async function pipelineFor(host: Host, reuse: boolean): Promise<Pipeline> {
  const seen = recent.get(host.cwd);
  if (reuse && seen && performance.now() - seen.at < REUSE_MS) return seen.pipeline;
  const pipeline = await Pipeline.open(host);
  recent.set(host.cwd, { at: performance.now(), pipeline });
  return pipeline;
}

/** Check a text as the file `file`: loaded and validated as its kind. */
export async function checkText(host: Host, file: DataFile, content: string | Uint8Array, given?: Pipeline): Promise<Checked> {
  const pipeline = given ?? (await pipelineFor(host, true));
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const text = typeof content === "string" ? content : new TextDecoder().decode(content);
  const loaded = await pipeline.loadBytes({ path: file.label, label: file.label }, bytes);
  return { kind: loaded.kind.name, text, value: loaded.plain, diagnostics: loaded.diagnostics, ...(loaded.doc ? { doc: loaded.doc } : {}) };
}

/** The document the editor shows, through the writers asked for; `name` is its name in its kind (`agenda`), if any. */
export type Shown = { ok: true; outputs: Output[]; name: string } | { ok: false; diagnostics: Diagnostic[] };

/**
 * A valid document through `writers`: the one of its documents the editor shows (a proposal
 * itself, a meeting's agenda, after the cross-checks `check` makes). Problems in the house
 * style, templates or cross-checks come back as diagnostics, as from `check`.
 */
export async function renderDocument(host: Host, checked: Checked, writers: readonly Writer[], opts: { reuse?: boolean; lang?: Lang } = {}): Promise<Shown> {
  const doc = checked.doc;
  if (!doc) return { ok: false, diagnostics: checked.diagnostics };
  const pipeline = await pipelineFor(host, opts.reuse === true);
  const resolved = await pipeline.resolve(doc);
  if (!resolved.ok) return resolved;
  const rendered = pipeline.render(doc, resolved.resolved, { includeBesloten: false });
  if (!rendered.ok) return rendered;
  const kind = pipeline.kindOfDoc(doc);
  const shown = rendered.documents.find((d) => d.name === kind.preview) ?? rendered.documents[0];
  if (!shown) return { ok: false, diagnostics: [error(doc.file, START, Message.of("draft.nothingToShow").in(opts.lang ?? "nl"))] };
  const outputs = await pipeline.write(doc, [shown], "", { writers });
  return { ok: true, outputs, name: kind.preview ?? "" };
}

/** A diagnostic as the browser gets it: the data, and the line `check` would print. */
export function wireDiagnostic(d: Diagnostic) {
  return { ...d, text: formatDiagnostic(d, { color: false }) };
}

export interface Preview {
  /** The name of the kind the draft is read as (its type). */
  readonly kind: string;
  readonly text: string;
  readonly value: unknown;
  readonly diagnostics: ReturnType<typeof wireDiagnostic>[];
  /** The document's title as its kind's list shows it, when it has one. */
  readonly title?: string;
  /** The HTML document, when the draft is valid. */
  readonly html?: string;
}

export async function preview(host: Host, file: DataFile, text: string, lang: Lang = "nl"): Promise<Preview> {
  const checked = await checkText(host, file, text);
  const rendered = checked.doc ? await renderDocument(host, checked, [writerFor("html")!], { reuse: true, lang }) : undefined;
  const diagnostics = [...checked.diagnostics, ...(rendered && !rendered.ok ? rendered.diagnostics : [])].sort(byPlace).map(wireDiagnostic);
  const html = rendered?.ok ? String(rendered.outputs[0]?.data ?? "") : undefined;
  const plain = typeof checked.value === "object" && checked.value !== null ? (checked.value as Record<string, unknown>) : {};
  const title = (await pipelineFor(host, true)).registry.kindNamed(checked.kind)?.list?.summary(plain).title;
  return { kind: checked.kind, text, value: checked.value ?? null, diagnostics, ...(typeof title === "string" ? { title } : {}), ...(html !== undefined ? { html } : {}) };
}

export type Changes =
  | { status: "ok"; changes: number; html: string; text: string; against: string }
  | { status: "unavailable"; message: string }
  | { status: "invalid"; message: string; diagnostics: ReturnType<typeof wireDiagnostic>[] };

/**
 * The draft against the version in git HEAD, word by word, as `boardpaper diff HEAD FILE`
 * shows it: a redline page, and the changed sections as text.
 */
export async function changes(host: Host, file: DataFile, text: string, lang: Lang = "nl"): Promise<Changes> {
  const pipeline = await pipelineFor(host, true);
  const checked = await checkText(host, file, text, pipeline);
  const kind = pipeline.registry.kindNamed(checked.kind)!;
  const say = (m: Message) => m.in(lang);
  if (!kind.revisions) return { status: "unavailable", message: say(Message.of("changes.notProposal")) };
  if (!checked.doc) return { status: "invalid", message: say(Message.of("changes.draftProblems")), diagnostics: checked.diagnostics.map(wireDiagnostic) };
  const older = await readFromGit(host.cwd, "HEAD", file.label);
  if (!older.ok) return { status: "unavailable", message: gitMessage(older.message, file.label)?.in(lang) ?? older.message };
  const old = await pipeline.loadBytes({ path: file.label, label: older.label }, older.bytes, kind);
  if (!old.doc) return { status: "invalid", message: say(Message.of("changes.oldInvalid", { label: older.label })), diagnostics: old.diagnostics.map(wireDiagnostic) };
  const compared = await compareVersions(pipeline, old.doc, checked.doc, kind.revisions(checked.doc.value) ?? { author: "boardpaper", date: "1970-01-01" });
  if (!compared.ok) return { status: "invalid", message: say(Message.of("changes.styleProblems")), diagnostics: compared.diagnostics.map(wireDiagnostic) };
  const n = compared.changes;
  const html = await writerFor("html")!.write(compared.tree, { style: compared.sheet });
  return { status: "ok", changes: n, html: String(html), text: n === 0 ? "" : writeText(changedOnly(compared.tree)), against: older.label };
}

/** git's complaint in words for the editor: not a repository, a new file, no commits yet (else git's own words). */
function gitMessage(message: string, label: string): Message | undefined {
  if (/not a git repository/i.test(message)) return Message.of("changes.noGit");
  if (/exists on disk, but not in|does not exist in|path .* does not exist/i.test(message)) return Message.of("changes.newFile", { label });
  if (/invalid object name|unknown revision|bad revision/i.test(message)) return Message.of("changes.noCommits");
  if (/git is not installed|git is niet geïnstalleerd/i.test(message)) return Message.of("changes.gitMissing");
  return undefined;
}
