import { formatMessage, LOCALES, type MessageParams, type Params } from "../../../src/i18n/format.ts";
import { richText } from "../dom.ts";
import { en } from "./en.ts";
import { nl, type WebKey } from "./nl.ts";

/**
 * The editor's language: Dutch unless the user chose English with the switch in the page. The
 * choice is kept in this browser's localStorage; the browser's own language (navigator.language,
 * Accept-Language) never switches it: the people who use the editor are Dutch, whatever their
 * browser was installed as. The server is told the choice with every request (api.ts).
 *
 * The static text of the pages is in their HTML as keys (`data-i18n="edit.save"`), filled in
 * from the catalogue at start and again when the language changes; the code asks `t()`.
 */
export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const CATALOGUES: { readonly [L in Language]: { readonly [K in WebKey]: string } } = { nl, en };
/** The language names, each in its own language, as the switch shows them. */
export const NAMES: Record<Language, string> = { nl: "Nederlands", en: "English" };

const STORE = "boardpaper-lang";

const isLanguage = (s: unknown): s is Language => (LANGUAGES as readonly unknown[]).includes(s);

function stored(): Language {
  try {
    const v = localStorage.getItem(STORE);
    return isLanguage(v) ? v : "nl";
  } catch {
    return "nl";
  }
}

let current: Language = stored();

/** The language the page speaks now. */
export const language = (): Language => current;

/** The locale for Intl in the current language (times of day, lists). */
export const locale = (): string => LOCALES[current];

/** The parameters of message K, read from its Dutch text (src/i18n/format.ts). */
export type ParamsOf<K extends WebKey> = MessageParams<(typeof nl)[K]>;

/** Message `key` in the page's language, its `{name}`s filled in from `params`. */
export function t<K extends WebKey>(key: K, ...params: ParamsOf<K>): string {
  return tIn(current, key, ...params);
}

export function tIn<K extends WebKey>(lang: Language, key: K, ...params: ParamsOf<K>): string {
  return formatMessage(CATALOGUES[lang][key], (params[0] ?? {}) as Params, LOCALES[lang]);
}

const isKey = (k: string | undefined): k is WebKey => k !== undefined && Object.hasOwn(nl, k);

/** A message named in the page's HTML (its parameters, if it had any, left as they are). */
const named = (key: WebKey): string => formatMessage(CATALOGUES[current][key], {}, LOCALES[current]);

/**
 * Fill in the page's static text: `data-i18n` (the element's content, backticks as code),
 * `data-i18n-label` (aria-label), `data-i18n-title` (title); and the page's language.
 */
export function translatePage(root: ParentNode = document): void {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const key = el.dataset.i18n;
    if (isKey(key)) el.replaceChildren(richText(named(key)));
  }
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n-label]")) {
    const key = el.dataset.i18nLabel;
    if (isKey(key)) el.setAttribute("aria-label", named(key));
  }
  for (const el of root.querySelectorAll<HTMLElement>("[data-i18n-title]")) {
    const key = el.dataset.i18nTitle;
    if (isKey(key)) el.title = named(key);
  }
}

const listeners: (() => void)[] = [];

/** Call `f` after the language changed (the static text is translated by then). */
export function onLanguageChange(f: () => void): void {
  listeners.push(f);
}

/** Speak `lang` from now on, in this page and (remembered) in the next. */
export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORE, lang);
  } catch {
    // Storage refused: the choice holds for this page only.
  }
  apply(lang);
}

function apply(lang: Language): void {
  if (lang === current) return;
  current = lang;
  translatePage();
  updateSwitches();
  for (const f of listeners) f();
}

function updateSwitches(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === current));
}

/**
 * Set up the page's language: translate its static text, and make the switch (an element with
 * `data-lang-switch`): a group of two toggle buttons, each language named in itself.
 */
export function startLanguage(): void {
  translatePage();
  for (const host of document.querySelectorAll<HTMLElement>("[data-lang-switch]")) {
    const labelId = `${host.id || "lang"}-label`;
    const label = document.createElement("span");
    label.id = labelId;
    label.dataset.i18n = "lang.label";
    label.textContent = t("lang.label");
    host.setAttribute("role", "group");
    host.setAttribute("aria-labelledby", labelId);
    host.replaceChildren(label);
    for (const lang of LANGUAGES) {
      const b = document.createElement("button");
      b.type = "button";
      b.lang = lang;
      b.dataset.lang = lang;
      b.textContent = NAMES[lang];
      b.addEventListener("click", () => setLanguage(lang));
      host.append(" ", b);
    }
  }
  updateSwitches();
  // Another tab of the editor switched: follow it.
  window.addEventListener("storage", (e) => {
    if (e.key === STORE && isLanguage(e.newValue)) apply(e.newValue);
  });
}
