import type { ImportNote } from "./api.ts";
import { h } from "./dom.ts";
import { language, t } from "./i18n/i18n.ts";

/**
 * The report of an import from Word (issue 18), carried from the list page, where the .docx is
 * uploaded, to the editor, which opens the new document and shows what was not taken over. It
 * travels in this tab's sessionStorage, keyed by the new file, and is shown once.
 */

export interface ImportReport {
  /** The name of the Word file as the user chose it. */
  from: string;
  /** The new file, as messages show it (data/…). */
  label: string;
  type: string;
  notes: ImportNote[];
}

const key = (path: string) => `boardpaper-import:${path}`;

/** Keep the report for the editor page that opens `path` next. */
export function keepReport(path: string, report: ImportReport): void {
  try {
    sessionStorage.setItem(key(path), JSON.stringify(report));
  } catch {
    // Storage refused (full, or turned off): the editor opens the document without the report.
  }
}

/** The report kept for `path`, once: it is removed as it is read. */
export function takeReport(path: string): ImportReport | undefined {
  try {
    const text = sessionStorage.getItem(key(path));
    if (text === null) return undefined;
    sessionStorage.removeItem(key(path));
    const r = JSON.parse(text) as ImportReport;
    return typeof r === "object" && r !== null && Array.isArray(r.notes) ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The notes as a list, or a sentence when there are none. The document's words are Dutch: on
 * the English page they carry their language.
 */
export function notesList(notes: readonly ImportNote[]): HTMLElement {
  if (notes.length === 0) return h("p", {}, t("report.everything"));
  const nl = language() === "nl" ? undefined : "nl";
  return h(
    "ul",
    { class: "import-notes" },
    ...notes.map((n) => {
      const words = n.words.trim();
      return h("li", {}, n.paragraph > 0 ? t("report.paragraph", { n: n.paragraph }) : t("report.whole"), words ? " — " : "", words ? h("span", { lang: nl }, `“${words}”`) : "", " — ", n.message);
    }),
  );
}

/**
 * Show the report in the editor's report region (edit.html, #import-report): what was imported,
 * and what was not taken over. Returns the sentence for the page's status line.
 */
export function showReport(region: HTMLElement, report: ImportReport): string {
  const n = report.notes.length;
  region.querySelector<HTMLElement>("#import-report-summary")!.textContent = t("report.summary", { from: report.from, label: report.label, type: report.type });
  const notesHeading = region.querySelector<HTMLElement>("#import-notes-h")!;
  notesHeading.hidden = n === 0;
  region.querySelector<HTMLElement>("#import-notes")!.replaceChildren(notesList(report.notes));
  region.hidden = false;
  region.querySelector<HTMLButtonElement>("#import-report-close")!.onclick = () => {
    region.hidden = true;
  };
  return n === 0 ? t("report.statusAll", { from: report.from }) : t("report.statusSome", { from: report.from, n });
}
