import "./style.css";
import { api, type Diagnostic, type Draft, type OpenedFile, type Preview } from "./api.ts";
import { h, tabs } from "./dom.ts";
import { showDates } from "./dutch.ts";
import { SchemaForm } from "./form.ts";
import { locale, onLanguageChange, startLanguage, t } from "./i18n/i18n.ts";
import { showReport, takeReport, type ImportReport } from "./import-report.ts";
import { isObj } from "./paths.ts";
import type { JsonSchema } from "./schema.ts";

/**
 * The editor page: a form generated from the schema, or the YAML itself, beside a live
 * preview of the document. The server does all checking, rendering and writing; this page
 * keeps the draft and sends it (debounced) as you type.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Wait this long after the last keystroke before asking for a preview (the aim: ~200 ms in all). */
const DEBOUNCE_MS = 120;

interface State {
  readonly path: string;
  file: OpenedFile;
  /** The hash of the file as opened or last saved: a save is refused if the disk differs. */
  base: string;
  /** The text as last saved (or opened): whether there are unsaved changes. */
  saved: string;
  /** The current draft as YAML text, as the server last returned it. */
  text: string;
  /** The text the form's edits are written into: the form changes only what differs from it. */
  formBase: string;
  /** The plain value of `text` (null when it is not readable YAML). */
  value: unknown;
  mode: "form" | "yaml";
  diagnostics: Diagnostic[];
  form?: SchemaForm;
  schema: JsonSchema;
  /** The document's title as the server last gave it. */
  title?: string;
}

let state: State;
let timer: ReturnType<typeof setTimeout> | undefined;
let inflight: AbortController | undefined;
let sequence = 0;
let pending: Promise<void> | undefined;

const status = (text: string) => {
  $("status").textContent = text;
};

async function main(): Promise<void> {
  startLanguage();
  document.title = t("edit.pageTitle");
  const path = new URLSearchParams(location.search).get("file");
  if (!path) {
    status(t("edit.noFile"));
    return;
  }
  const [info, opened] = await Promise.all([api.info(), api.file(path)]);
  if (opened.status !== 200) {
    $("title").textContent = t("edit.cannotOpen");
    status(opened.data.error ?? t("server.status", { status: opened.status }));
    return;
  }
  const file = opened.data;
  const schema = (await api.schema(file.kind)).data as JsonSchema;
  state = { path, file, base: file.hash, saved: file.text, text: file.text, formBase: file.text, value: file.value, mode: "form", diagnostics: file.diagnostics, schema };
  $("file-label").textContent = file.label;
  setTitle(file);
  document.querySelector<HTMLElement>('[data-format="pdf"]')!.hidden = !info.data.pdf;
  const editTabs = setupTabs();
  setupYaml();
  setupActions();
  showForm();
  applyPreview(file, 0);
  // A file that is not readable YAML can only be mended in the YAML view.
  if (!isObj(file.value)) await editTabs.select($("tab-yaml"));
  window.addEventListener("beforeunload", (e) => {
    if (dirty()) e.preventDefault();
  });
  // Just imported from Word on the list page: what was not taken over, once.
  const imported = takeReport(path);
  if (imported) {
    report = imported;
    status(showReport($("import-report"), imported));
    $("import-report").focus();
  }
  onLanguageChange(relabel);
}

/** The import report shown, to say again in another language. */
let report: ImportReport | undefined;

/** After the language changed: everything the page wrote, in the new language. */
function relabel(): void {
  setTitle({ title: state.title });
  // What was said in the other language is not said again; the report is.
  status("");
  $("conflict").hidden = true;
  if (report && !$("import-report").hidden) showReport($("import-report"), report);
  state.form?.render();
  showDiagnostics();
  showPreviewStatus();
  // The server's words (its problems, the changes view) come again in the new language.
  void refresh();
}

function setTitle(p: { title?: string }): void {
  state.title = p.title;
  // Dates the Dutch way (a meeting's title has its date).
  const title = typeof p.title === "string" && p.title.trim() !== "" && !/<<.*>>/.test(p.title) ? showDates(p.title) : state.file.label;
  $("title").textContent = title;
  document.title = t("edit.titled", { title });
}

const dirty = () => draftChanged() || state.text !== state.saved;
/** Whether the form or YAML view holds edits the server has not seen yet. */
const draftChanged = () => timer !== undefined || pending !== undefined;

function markDirty(): void {
  $("dirty").hidden = !dirty();
}

// ——— the draft and the preview ———

function draft(): Draft {
  if (state.mode === "yaml") return { text: $<HTMLTextAreaElement>("yaml").value };
  // No form when the text is not readable YAML: the text is the draft then.
  if (!state.form) return { text: state.text };
  return { baseText: state.formBase, value: state.form.value };
}

/** When the last edit was made: the preview's latency is measured from there. */
let lastEdit = 0;

/** Ask for a preview a little after the last change. */
function schedule(): void {
  lastEdit = performance.now();
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    void refresh();
  }, DEBOUNCE_MS);
  $("dirty").hidden = false;
}

/** Send the draft now; the answer to the latest request wins. */
function refresh(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  inflight?.abort();
  const controller = new AbortController();
  inflight = controller;
  const mine = ++sequence;
  const start = performance.now();
  const job = (async () => {
    try {
      const r = await api.check(state.path, draft(), controller.signal);
      if (mine !== sequence) return;
      if (r.status !== 200) {
        status(r.data.error ?? t("server.status", { status: r.status }));
        return;
      }
      applyPreview(r.data, performance.now() - start);
    } catch (e) {
      if ((e as Error).name !== "AbortError") status(t("server.gone", { message: (e as Error).message }));
    } finally {
      if (mine === sequence) pending = undefined;
      markDirty();
    }
  })();
  pending = job;
  return job;
}

/** Make sure the server has seen the latest edits (before switching views or saving). */
async function flush(): Promise<void> {
  if (timer !== undefined) await refresh();
  else if (pending) await pending;
}

function applyPreview(p: Preview, roundTripMs: number): void {
  state.text = p.text;
  state.value = p.value;
  state.diagnostics = p.diagnostics;
  if (state.mode === "yaml") setTitle(p);
  showDiagnostics();
  const frame = $<HTMLIFrameElement>("preview");
  if (p.html !== undefined) {
    setFrame(frame, p.html);
    shownPreview = { ok: true, ms: Math.round(roundTripMs), ...(p.timings ? { serverMs: Math.round(p.timings.serverMs) } : {}) };
    if (roundTripMs > 0) {
      // For measuring: the round trip, and from the last keystroke to the updated preview.
      document.body.dataset.previewMs = String(Math.round(roundTripMs));
      document.body.dataset.inputToPreviewMs = String(Math.round(performance.now() - lastEdit));
      if (p.timings) document.body.dataset.serverMs = String(p.timings.serverMs);
    }
  } else {
    shownPreview = { ok: false, problems: p.diagnostics.filter((d) => d.severity === "error").length };
  }
  showPreviewStatus();
  if (!$("panel-changes").hidden) void showChanges();
  markDirty();
}

/** What the preview shows: this version (and how fast it came), or an older one or none, for problems. */
let shownPreview: { ok: true; ms: number; serverMs?: number } | { ok: false; problems: number } | undefined;

function showPreviewStatus(): void {
  const p = shownPreview;
  if (!p) return;
  $("preview-status").textContent = p.ok
    ? p.ms <= 0
      ? t("preview.shown")
      : p.serverMs !== undefined
        ? t("preview.timedServer", { ms: p.ms, server: p.serverMs })
        : t("preview.timed", { ms: p.ms })
    : $("preview").dataset.loaded
      ? t("preview.stale", { n: p.problems })
      : t("preview.none", { n: p.problems });
}

/** Put a document in a frame, keeping the reader's scroll position when it is updated. */
function setFrame(frame: HTMLIFrameElement, html: string): void {
  frame.hidden = false;
  const doc = frame.contentDocument;
  if (!frame.dataset.loaded || !doc?.body) {
    frame.srcdoc = html;
    frame.dataset.loaded = "1";
    return;
  }
  const fresh = new DOMParser().parseFromString(html, "text/html");
  doc.head.replaceChildren(...[...fresh.head.childNodes].map((n) => doc.importNode(n, true)));
  doc.body.replaceChildren(...[...fresh.body.childNodes].map((n) => doc.importNode(n, true)));
}

// ——— diagnostics ———

function showDiagnostics(): void {
  const mine = state.diagnostics.filter((d) => d.file === state.file.label);
  const others = state.diagnostics.filter((d) => d.file !== state.file.label);
  const errors = state.diagnostics.filter((d) => d.severity === "error").length;

  // In the form: at each field, and a summary with links to them.
  const summary = $("summary");
  const placed = state.form?.showDiagnostics(mine) ?? { placed: [], unplaced: mine };
  const items = [
    ...placed.placed.map(({ d, id }) => h("li", {}, h("a", { href: `#${id}`, "data-path": d.path ?? "" }, d.message), " ", h("span", { class: "pos" }, t("problems.at", { path: d.path ?? "", line: d.pos.line })))),
    ...[...placed.unplaced, ...others].map((d) => h("li", {}, d.text)),
  ];
  summary.hidden = items.length === 0;
  // A long list (a new proposal's every <<…>>) folds away: each field shows its own message.
  const wasOpen = summary.querySelector("details")?.open;
  summary.replaceChildren(
    h("h3", { id: "summary-h" }, t("problems.found", { n: errors })),
    h("details", { open: wasOpen ?? items.length <= 5 }, h("summary", {}, t("problems.list")), h("ul", {}, ...items)),
  );
  for (const a of summary.querySelectorAll<HTMLAnchorElement>("a[data-path]")) {
    a.addEventListener("click", (e) => {
      if (state.form?.focusPath(a.dataset.path!)) e.preventDefault();
    });
  }

  // In the YAML view: each with its line and column; choosing one puts the cursor there.
  updateGutter();
  const list = $("yaml-problems");
  $("yaml-problems-h").textContent = state.diagnostics.length === 0 ? t("problems.none") : t("problems.count", { n: errors });
  list.replaceChildren(
    ...state.diagnostics.map((d) => {
      const b = h("button", { type: "button", class: "linkish" }, t("problems.lineCol", { line: d.pos.line, col: d.pos.col }));
      if (d.file === state.file.label) b.addEventListener("click", () => goTo(d.pos.line, d.pos.col));
      else b.disabled = true;
      return h("li", { class: `problem-${d.severity}` }, b, `: ${d.message}${d.path ? ` (${d.path})` : ""}${d.file !== state.file.label ? ` — ${t("problems.inFile", { file: d.file })}` : ""}`);
    }),
  );
}

function goTo(line: number, col: number): void {
  const ta = $<HTMLTextAreaElement>("yaml");
  const lines = ta.value.split("\n");
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  offset += Math.max(0, col - 1);
  ta.focus();
  ta.setSelectionRange(offset, offset);
  // Bring the line into view: the text area does not scroll to a selection by itself everywhere.
  const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (line - 5) * lineHeight);
}

// ——— the two views ———

function showForm(): void {
  const host = $("form");
  const value = structuredClone(state.value);
  if (!isObj(value)) {
    state.form = undefined;
    host.replaceChildren(h("p", { class: "note" }, t("edit.noForm")));
    showDiagnostics();
    return;
  }
  state.formBase = state.text;
  if (state.form) state.form.setValue(value);
  else {
    state.form = new SchemaForm({ schema: state.schema, value, onChange: schedule });
    host.replaceChildren(state.form.element);
  }
  showDiagnostics();
}

function setupTabs(): { select: (tab: HTMLElement) => Promise<void> } {
  const edit = tabs($("edit-tabs"), async (tab) => {
    await flush();
    if (tab.id === "tab-yaml") {
      state.mode = "yaml";
      const ta = $<HTMLTextAreaElement>("yaml");
      ta.value = state.text;
      updateGutter();
    } else {
      // The YAML as typed (which the server has now seen) becomes the form's value.
      state.mode = "form";
      showForm();
    }
  });
  tabs($("view-tabs"), async (tab) => {
    if (tab.id === "tab-changes") {
      $("panel-changes").hidden = false;
      await showChanges();
    }
  });
  return edit;
}

function setupYaml(): void {
  const ta = $<HTMLTextAreaElement>("yaml");
  ta.addEventListener("input", () => {
    updateGutter();
    schedule();
  });
  ta.addEventListener("scroll", () => {
    $("gutter").scrollTop = ta.scrollTop;
  });
}

/** Line numbers beside the YAML, the lines with a problem marked (for the eye; the list says it in words). */
function updateGutter(): void {
  const n = $<HTMLTextAreaElement>("yaml").value.split("\n").length;
  const bad = new Set(state.diagnostics.filter((d) => d.file === state.file.label && d.severity === "error").map((d) => d.pos.line));
  const lines: (Node | string)[] = [];
  for (let i = 1; i <= n; i++) {
    if (i > 1) lines.push("\n");
    lines.push(bad.has(i) ? h("span", { class: "bad-line" }, `✗ ${i}`) : String(i));
  }
  $("gutter").replaceChildren(...lines);
}

async function showChanges(): Promise<void> {
  const r = await api.changes(state.path, draft());
  const note = $("changes-status");
  const frame = $<HTMLIFrameElement>("changes");
  if (r.status !== 200) {
    note.textContent = r.data.error ?? t("server.status", { status: r.status });
    return;
  }
  const c = r.data;
  if (c.status === "ok") {
    note.textContent = c.changes === 0 ? t("changes.none", { against: c.against }) : t("changes.some", { n: c.changes, against: c.against });
    frame.hidden = false;
    setFrame(frame, c.html);
  } else {
    note.textContent = c.message;
    frame.hidden = true;
  }
}

// ——— save, reload, download ———

function setupActions(): void {
  $("save").addEventListener("click", () => void save());
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
      e.preventDefault();
      void save();
    }
  });
  $("reload").addEventListener("click", () => void reload());
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-format]")) b.addEventListener("click", () => void download(b.dataset.format!));
}

async function save(): Promise<void> {
  // The save answers with the check of what it saved: no preview needs to come after it.
  clearTimeout(timer);
  timer = undefined;
  inflight?.abort();
  sequence++;
  pending = undefined;
  status(t("save.busy"));
  const sent = draft();
  const r = await api.save(state.path, state.base, sent);
  if (r.status === 409) {
    $("conflict-text").textContent = r.data.error ?? t("save.conflict");
    $("conflict").hidden = false;
    status(t("save.not"));
    return;
  }
  if (r.status !== 200 || !r.data.saved || !r.data.hash) {
    status(r.data.error ?? t("save.notStatus", { status: r.status }));
    if (r.data.diagnostics) {
      state.diagnostics = r.data.diagnostics;
      showDiagnostics();
    }
    return;
  }
  state.base = r.data.hash;
  state.saved = r.data.text;
  // Later edits in the form change only what differs from what is now on disk.
  if (state.mode === "form") state.formBase = r.data.text;
  applyPreview(r.data, 0);
  $("conflict").hidden = true;
  const n = r.data.diagnostics.filter((d) => d.severity === "error").length;
  const time = new Date().toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit" });
  status(n === 0 ? t("save.clean", { file: state.file.label, time }) : t("save.problems", { file: state.file.label, time, n }));
  markDirty();
}

async function reload(): Promise<void> {
  const r = await api.file(state.path);
  if (r.status !== 200) {
    status(r.data.error ?? t("server.status", { status: r.status }));
    return;
  }
  clearTimeout(timer);
  timer = undefined;
  inflight?.abort();
  sequence++;
  pending = undefined;
  const f = r.data;
  Object.assign(state, { file: f, base: f.hash, saved: f.text, text: f.text, formBase: f.text, value: f.value, diagnostics: f.diagnostics });
  $<HTMLTextAreaElement>("yaml").value = f.text;
  updateGutter();
  if (state.mode === "form") showForm();
  applyPreview(f, 0);
  setTitle(f);
  $("conflict").hidden = true;
  status(t("reload.done", { file: f.label }));
  markDirty();
}

async function download(format: string): Promise<void> {
  status(format === "pdf" ? t("download.pdf") : format === "docx" ? t("download.docx") : t("download.html"));
  await flush();
  const r = await api.download(state.path, format, draft());
  if (!r.ok) {
    status(r.error);
    return;
  }
  const a = h("a", { href: URL.createObjectURL(r.blob), download: r.name, hidden: true });
  document.body.append(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
  status(t("download.done", { name: r.name }));
}

main().catch((e: unknown) => status(t("edit.notStarted", { message: (e as Error).message })));
