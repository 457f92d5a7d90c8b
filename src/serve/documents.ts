import { basename, dirname, extname } from "node:path";
import type { Host } from "../cli/host.js";
import { byPlace, START, error, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Output } from "../emit/emit.js";
import { decodeUtf8 } from "../load/decode.js";
import { loadFile } from "../load/load-file.js";
import { MAX_DEPTH, parseYaml } from "../load/parse-yaml.js";
import { kindOf, type LoadedDocument, type LoadedProposal } from "../model/kinds.js";
import { Proposal } from "../model/proposal.js";
import { resolveLooks, type Look } from "../project/looks.js";
import { renderProject } from "../project/render-project.js";
import { renderProposal } from "../render/render-proposal.js";
import { changedOnly } from "../review/changed-only.js";
import { diffTrees } from "../review/diff-trees.js";
import { readFromGit } from "../review/git.js";
import { TemplateError } from "../template/template-error.js";
import { validate } from "../validate/validate.js";
import { htmlWriter } from "../writers/html/html-writer.js";
import { writeText } from "../writers/text/text-writer.js";
import type { Writer } from "../writers/writer.js";
import type { DataFile } from "./files.js";
import { applyValue } from "./yaml-edit.js";

/**
 * What the editor does with a document: check it exactly as `boardpaper check` does, render it
 * as `build` does, compare it with git HEAD as `diff` does. The same functions, so the browser
 * gets the same positioned diagnostics and the same documents as the command line.
 */

/** What the browser is editing: YAML text as typed, or a value from the form over a text. */
export type Draft = { readonly text: string } | { readonly baseText: string; readonly value: unknown };

export class DraftError extends Error {}

/** The YAML text of a draft: a form's value is written into its text, changing only what changed. */
export function draftText(draft: unknown): string {
  if (typeof draft !== "object" || draft === null) throw new DraftError("no draft sent");
  const d = draft as Record<string, unknown>;
  if (typeof d.text === "string") return d.text;
  if (typeof d.baseText === "string" && "value" in d) {
    if (typeof d.value !== "object" || d.value === null || Array.isArray(d.value)) throw new DraftError("the form's value must be a mapping");
    if (depth(d.value) > MAX_DEPTH) throw new DraftError(`the form's value is nested deeper than ${MAX_DEPTH} levels`);
    const base = parseYaml("draft", d.baseText);
    if (!base.ok) throw new DraftError("the text the form was opened on is not readable YAML; reload the file");
    return applyValue(d.baseText, d.value);
  }
  throw new DraftError("a draft is {text} or {baseText, value}");
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
 * Check a text as the file `file`: the stages of loadFile (bytes, YAML, schema), kept apart
 * so that the plain value is there for the form even when the schema check fails.
 */
export function checkText(file: DataFile, content: string | Uint8Array): Checked {
  const kind = kindOf(file.label);
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const text = typeof content === "string" ? content : new TextDecoder().decode(content);
  const decoded = decodeUtf8(file.label, bytes);
  if (!decoded.ok) return { kind: kind.name, text, value: undefined, diagnostics: [decoded.diagnostic] };
  const parsed = parseYaml(file.label, decoded.text);
  if (!parsed.ok) return { kind: kind.name, text, value: undefined, diagnostics: parsed.diagnostics };
  const checked = validate(parsed.parsed, kind.schema);
  const warnings = parsed.parsed.warnings;
  if (!checked.ok) return { kind: kind.name, text, value: parsed.parsed.value, diagnostics: [...warnings, ...checked.diagnostics] };
  const doc = { kind: kind.name, path: file.label, root: undefined, file: file.label, value: checked.value, parsed: parsed.parsed } as LoadedDocument;
  return { kind: kind.name, text, value: parsed.parsed.value, diagnostics: warnings, doc };
}

export type Rendered = { ok: true; outputs: Output[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Reading a house style, converting its logo and compiling its templates is half the time of
 * a preview; while someone types, the look of the folder is reused for a moment. A change to
 * the house style or templates shows in the preview within LOOK_TTL_MS; downloads and the
 * list always read them afresh.
 */
const LOOK_TTL_MS = 2000;
const looksSeen = new Map<string, { at: number; look: Look }>();

async function lookOf(host: Host, doc: LoadedProposal, reuse: boolean): Promise<{ ok: true; look: Look } | { ok: false; diagnostics: Diagnostic[] }> {
  const key = `${host.cwd}\0${dirname(doc.path)}`;
  const seen = looksSeen.get(key);
  if (reuse && seen && performance.now() - seen.at < LOOK_TTL_MS) return { ok: true, look: seen.look };
  const looks = await resolveLooks(host, [doc]);
  if (!looks.ok) {
    looksSeen.delete(key);
    return looks;
  }
  const look = looks.lookOf(doc);
  looksSeen.set(key, { at: performance.now(), look });
  return { ok: true, look };
}

/**
 * A valid document through `writers`: a proposal as itself, a meeting as its agenda (with the
 * cross-checks against its proposals that `check` makes). Problems in the house style,
 * templates or cross-checks come back as diagnostics, as from `check`.
 */
export async function renderDocument(host: Host, checked: Checked, writers: readonly Writer[], opts: { reuseLook?: boolean } = {}): Promise<Rendered> {
  const doc = checked.doc;
  if (!doc) return { ok: false, diagnostics: checked.diagnostics };
  if (doc.kind === "proposal") {
    const found = await lookOf(host, doc, opts.reuseLook === true);
    if (!found.ok) return { ok: false, diagnostics: found.diagnostics };
    const look = found.look;
    try {
      const tree = renderProposal(doc.value, look);
      const stem = basename(doc.file, extname(doc.file));
      const outputs: Output[] = [];
      for (const w of writers) outputs.push({ path: stem + w.extension, data: await w.write(tree, { style: look.style }) });
      return { ok: true, outputs };
    } catch (e) {
      if (e instanceof TemplateError) return { ok: false, diagnostics: [e.diagnostic] };
      throw e;
    }
  }
  if (doc.kind === "meeting") {
    const r = await renderProject(host, [doc], { outDir: "out", writers, includeBesloten: false, meetingDir: () => "" });
    if (!r.ok) return r;
    return { ok: true, outputs: r.outputs.filter((o) => basename(o.path).startsWith("agenda.")) };
  }
  return { ok: false, diagnostics: [error(doc.file, START, "a house style has no document of its own to show; open a proposal or a meeting")] };
}

/** A diagnostic as the browser gets it: the data, and the line `check` would print. */
export function wireDiagnostic(d: Diagnostic) {
  return { ...d, text: formatDiagnostic(d, { color: false }) };
}

export interface Preview {
  readonly text: string;
  readonly value: unknown;
  readonly diagnostics: ReturnType<typeof wireDiagnostic>[];
  /** The HTML document, when the draft is valid. */
  readonly html?: string;
}

export async function preview(host: Host, file: DataFile, text: string): Promise<Preview> {
  const checked = checkText(file, text);
  const rendered = checked.doc ? await renderDocument(host, checked, [htmlWriter], { reuseLook: true }) : undefined;
  const diagnostics = [...checked.diagnostics, ...(rendered && !rendered.ok ? rendered.diagnostics : [])].sort(byPlace).map(wireDiagnostic);
  const html = rendered?.ok ? String(rendered.outputs[0]?.data ?? "") : undefined;
  return { text, value: checked.value ?? null, diagnostics, ...(html !== undefined ? { html } : {}) };
}

export type Changes =
  | { status: "ok"; changes: number; html: string; text: string; against: string }
  | { status: "unavailable"; message: string }
  | { status: "invalid"; message: string; diagnostics: ReturnType<typeof wireDiagnostic>[] };

/**
 * The draft against the version in git HEAD, word by word, as `boardpaper diff HEAD FILE`
 * shows it: a redline page, and the changed sections as text.
 */
export async function changes(host: Host, file: DataFile, text: string): Promise<Changes> {
  const checked = checkText(file, text);
  if (checked.kind !== "proposal") return { status: "unavailable", message: "The changes view compares proposals; this file is a " + (checked.kind === "meeting" ? "meeting." : "house style.") };
  if (!checked.doc) return { status: "invalid", message: "The draft has problems; fix them to see the changes.", diagnostics: checked.diagnostics.map(wireDiagnostic) };
  const older = await readFromGit(host.cwd, "HEAD", file.label);
  if (!older.ok) return { status: "unavailable", message: gitMessage(older.message, file.label) };
  const old = loadFile(older.label, older.bytes, Proposal);
  if (!old.ok) return { status: "invalid", message: `The version in the last commit (${older.label}) does not pass the check, so it cannot be compared.`, diagnostics: old.diagnostics.map(wireDiagnostic) };
  const newer = checked.doc as LoadedProposal;
  const found = await lookOf(host, newer, true);
  if (!found.ok) return { status: "invalid", message: "The house style or templates have problems.", diagnostics: found.diagnostics.map(wireDiagnostic) };
  const look = found.look;
  const revisions = { author: newer.value.steller.naam, date: newer.value.versie.datum };
  const { tree, changes: n } = diffTrees(renderProposal(old.value, look), renderProposal(newer.value, look), revisions);
  return { status: "ok", changes: n, html: String(await htmlWriter.write(tree, { style: look.style })), text: n === 0 ? "" : writeText(changedOnly(tree)), against: older.label };
}

/** git's complaint in words for the editor: not a repository, a new file, no commits yet. */
function gitMessage(message: string, label: string): string {
  if (/not a git repository/i.test(message)) return "This project is not in git, so there is no committed version to compare with.";
  if (/exists on disk, but not in|does not exist in|path .* does not exist/i.test(message)) return `${label} is new: it is not in the last commit (HEAD), so everything in it is new.`;
  if (/invalid object name|unknown revision|bad revision/i.test(message)) return "The git repository has no commits yet, so there is nothing to compare with.";
  if (/git is not installed/i.test(message)) return "git is not installed, so there is no committed version to compare with.";
  return message;
}
