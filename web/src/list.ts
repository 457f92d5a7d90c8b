import "./style.css";
import { api, type DocumentType, type Info, type Listed, type ListedKind } from "./api.ts";
import { h } from "./dom.ts";
import { showDates, showNumber } from "./dutch.ts";
import { onLanguageChange, startLanguage, t } from "./i18n/i18n.ts";
import { keepReport } from "./import-report.ts";

/**
 * The list page: the documents in data/, a table per heading (the documents of every type share
 * the proposals' table, with their type in a column), whether each passes check, a form to
 * create a new document of a chosen type, and one to import a Word document as a new document.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const editLink = (f: Listed) => `/edit?file=${encodeURIComponent(f.path)}`;

/** Whether a document belongs in a table: by the heading the server gives it, else by its kind. */
const belongsIn = (f: Listed, table: ListedKind): boolean => (f.list !== undefined ? f.list === table.heading : (table.kinds ?? [table.name]).includes(f.kind));

/** One table: title (a link to edit it), the kind's own columns, the check result, the file. */
function table(files: Listed[], kind: ListedKind): HTMLElement {
  if (files.length === 0) return h("p", {}, kind.empty);
  const head = [kind.titleHeading, ...kind.columns.map((c) => c.label), t("list.check"), t("list.file")];
  return h(
    "table",
    { class: "files" },
    h("caption", { class: "visually-hidden" }, kind.heading),
    h("thead", {}, h("tr", {}, ...head.map((t) => h("th", { scope: "col" }, t)))),
    h(
      "tbody",
      {},
      ...files.map((f) => {
        const check =
          f.problems === 0
            ? h("span", { class: "ok" }, t("list.valid"))
            : h("span", { class: "bad", title: f.firstProblem ?? "" }, t("list.problems", { n: f.problems }));
        // Dates the Dutch way (a meeting's title has its date too).
        const title = h("a", { href: editLink(f) }, f.title && !/<<.*>>/.test(f.title) ? showDates(f.title) : f.label.split("/").pop()!);
        const value = (key: string) => (typeof f[key] === "string" && f[key] !== "" ? showDates(f[key] as string) : t("list.noValue"));
        const cells = [title, ...kind.columns.map((c) => value(c.key)), check, h("code", {}, f.label)];
        // Dates and the check result read best unbroken.
        const nowrap = [...kind.columns.flatMap((c, i) => (c.nowrap ? [i + 1] : [])), kind.columns.length + 1];
        return h("tr", {}, ...cells.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", { class: nowrap.includes(i) ? "nowrap" : undefined }, c))));
      }),
    ),
  );
}

type Files = Awaited<ReturnType<typeof api.files>>;

/** The documents' tables (their headings and columns in the language the server was asked for). */
async function showLists(fetched?: Files): Promise<void> {
  const files = fetched ?? (await api.files());
  if (files.status !== 200) {
    $("loading").textContent = files.data.error ?? t("server.status", { status: files.status });
    return;
  }
  const all = files.data.files;
  $("lists").replaceChildren(
    ...files.data.kinds.map((kind) => {
      const id = `${kind.name}-h`;
      return h("section", { "aria-labelledby": id }, h("h2", { id }, kind.heading), h("div", {}, table(all.filter((f) => belongsIn(f, kind)), kind)));
    }),
  );
  const bad = all.filter((f) => f.problems > 0).length;
  $("loading").textContent = bad === 0 ? t("list.allValid", { n: all.length }) : t("list.someInvalid", { n: all.length, bad });
}

/** The text the page's code writes (the rest is its HTML's, see i18n.ts): again when the language changes. */
let maxImport = 0;
function texts(): void {
  document.title = t("list.pageTitle");
  $("import-file-hint").textContent = t("import.fileHint", { max: megabytes(maxImport) });
}

async function main(): Promise<void> {
  startLanguage();
  const [files, info] = await Promise.all([api.files(), api.info()]);
  onLanguageChange(() => {
    texts();
    // What was said in the other language (a refusal, a status) is not said again.
    for (const id of ["new-error", "import-error"]) $(id).hidden = true;
    for (const id of ["new-name", "import-file", "import-name"]) $(id).removeAttribute("aria-invalid");
    $("import-status").textContent = "";
    void showLists();
  });

  // New documents go in a folder of data/ where a file is read as a document (not a meetings folder).
  const folders = info.data.newFolders;
  for (const id of ["new-folder", "import-folder"]) {
    $<HTMLSelectElement>(id).replaceChildren(...folders.map((f) => h("option", { value: f, selected: f === "proposals" }, `data/${f}${f === "" ? "" : "/"}`)));
  }
  setupTypes(info.data.types ?? [], info.data.defaultType, "new");
  $("new-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void create();
  });
  setupImport(info.data);
  // The tables last: when they are there, so are the forms.
  await showLists(files);
}

/** The choice of document type: every declared type, the default chosen, its description shown. */
function setupTypes(types: DocumentType[], defaultType: string | undefined, form: "new" | "import"): void {
  const select = $<HTMLSelectElement>(`${form}-type`);
  const field = $(`${form}-type-field`);
  if (types.length === 0) {
    // A server that does not list types makes its default type.
    field.hidden = true;
    return;
  }
  const chosen = types.some((t) => t.name === defaultType) ? defaultType : types[0]!.name;
  select.replaceChildren(...types.map((t) => h("option", { value: t.name, selected: t.name === chosen }, t.name)));
  const describe = () => {
    $(`${form}-type-hint`).textContent = types.find((t) => t.name === select.value)?.description ?? "";
  };
  select.addEventListener("change", describe);
  describe();
}

async function create(): Promise<void> {
  const input = $<HTMLInputElement>("new-name");
  const error = $("new-error");
  const type = $("new-type-field").hidden ? undefined : $<HTMLSelectElement>("new-type").value;
  const r = await api.create($<HTMLSelectElement>("new-folder").value, input.value, type);
  if (r.status === 201) {
    location.href = `/edit?file=${encodeURIComponent(r.data.path)}`;
    return;
  }
  error.textContent = r.data.error ?? t("server.status", { status: r.status });
  error.hidden = false;
  input.setAttribute("aria-invalid", "true");
  input.focus();
}

/** The largest .docx the server takes when it does not say (src/serve/server.ts, MAX_DOCX). */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const megabytes = (bytes: number) => t("import.megabytes", { size: showNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10) });

/** A file name the server takes, from the Word file's: `Voorstel AB 3 nov.docx` → `voorstel-ab-3-nov`. */
const nameFromFile = (file: string): string =>
  file
    .replace(/\.docx$/i, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, "-")
    .replace(/^[^\p{L}\p{N}]+|-+$/gu, "")
    .slice(0, 100);

/** The import form: a .docx, a type, a folder and a name; the report goes along to the editor. */
function setupImport(info: Info): void {
  const max = info.maxImportBytes ?? MAX_IMPORT_BYTES;
  maxImport = max;
  texts();
  setupTypes(info.types ?? [], info.defaultType, "import");
  const file = $<HTMLInputElement>("import-file");
  const name = $<HTMLInputElement>("import-name");
  // The name follows the chosen file until the user types one of their own.
  let named = "";
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    file.removeAttribute("aria-invalid");
    if (chosen && (name.value === "" || name.value === named)) {
      named = nameFromFile(chosen.name);
      name.value = named;
    }
  });
  $("import-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void importWord(max);
  });
}

let importing = false;

async function importWord(max: number): Promise<void> {
  if (importing) return;
  const file = $<HTMLInputElement>("import-file");
  const name = $<HTMLInputElement>("import-name");
  const status = $("import-status");
  const error = $("import-error");
  const fail = (message: string, at: HTMLInputElement) => {
    status.textContent = "";
    error.textContent = message;
    error.hidden = false;
    for (const el of [file, name]) el.removeAttribute("aria-invalid");
    at.setAttribute("aria-invalid", "true");
    at.focus();
  };
  error.hidden = true;
  error.textContent = "";
  const chosen = file.files?.[0];
  if (!chosen) return fail(t("import.chooseFile"), file);
  if (chosen.size > max) return fail(t("import.tooLarge", { name: chosen.name, size: megabytes(chosen.size), max: megabytes(max) }), file);
  if (name.value.trim() === "") name.value = nameFromFile(chosen.name);
  const type = $("import-type-field").hidden ? undefined : $<HTMLSelectElement>("import-type").value;
  importing = true;
  const button = $<HTMLButtonElement>("import-submit");
  button.disabled = true;
  status.textContent = t("import.busy", { name: chosen.name });
  try {
    const r = await api.importWord(chosen, $<HTMLSelectElement>("import-folder").value, name.value.trim(), type);
    if (r.status === 201) {
      status.textContent = t("import.done", { name: chosen.name, label: r.data.label });
      keepReport(r.data.path, { from: chosen.name, label: r.data.label, type: r.data.type, notes: r.data.notes ?? [] });
      location.href = `/edit?file=${encodeURIComponent(r.data.path)}`;
      return;
    }
    // A name that is refused or taken is the name's problem (the server says so); anything else is the file's.
    const message = r.data.error ?? t("server.status", { status: r.status });
    fail(message, r.status === 409 || r.data.field === "name" ? name : file);
  } catch (e) {
    fail(t("import.notSent", { message: (e as Error).message }), file);
  } finally {
    importing = false;
    button.disabled = false;
  }
}

main().catch((e: unknown) => {
  $("loading").textContent = t("list.notLoaded", { message: (e as Error).message });
});
