import { AsyncLocalStorage } from "node:async_hooks";
import { z } from "zod";
import { en } from "./en.js";
import { formatMessage, LOCALES, type MessageParams, type Params } from "./format.js";
import { nl, type MessageKey } from "./nl.js";

/**
 * The language of everything a user reads: Dutch by default, English on request (`--lang en`
 * or BOARDPAPER_LANG=en). The system locale (LANG, LC_ALL) does not switch it: servers and CI
 * often run an English locale, and the users are Dutch.
 *
 * The command line chooses the language once (src/cli/main.ts) and sets it here for its run;
 * the layers below ask `t()` for their messages and never read the environment themselves.
 */
export const LANGUAGES = ["nl", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "nl";

export const CATALOGUES: { readonly [L in Language]: { readonly [K in MessageKey]: string } } = { nl, en };

let current: Language = DEFAULT_LANGUAGE;
/**
 * A language for one piece of work and everything it awaits (a request of the editor's server
 * in the language its page asked for), over the process's own: AsyncLocalStorage keeps it
 * with that work only, so requests in two languages at once do not mix.
 */
const scoped = new AsyncLocalStorage<Language>();

export function isLanguage(s: unknown): s is Language {
  return (LANGUAGES as readonly unknown[]).includes(s);
}

/** The language messages are in now. */
export function language(): Language {
  return scoped.getStore() ?? current;
}

/** Run `work` (and all it awaits) with messages in `lang`, whatever the process speaks. */
export function inLanguage<T>(lang: Language, work: () => T): T {
  return scoped.run(lang, work);
}

/**
 * Speak `lang` from now on (and zod's own messages with it); returns the language before, for
 * the caller to restore when its run ends.
 */
export function setLanguage(lang: Language): Language {
  const before = current;
  current = lang;
  return before;
}

/** The parameters of message K: none, or an object with exactly the names its Dutch text uses. */
export type ParamsOf<K extends MessageKey> = MessageParams<(typeof nl)[K]>;

/** Message `key` in the current language, its `{name}`s filled from `params`. */
export function t<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
  return tIn(language(), key, ...params);
}

/** Message `key` in a given language. */
export function tIn<K extends MessageKey>(lang: Language, key: K, ...params: ParamsOf<K>): string {
  return formatMessage(CATALOGUES[lang][key], (params[0] ?? {}) as Params, LOCALES[lang]);
}

export type { MessageKey };

// zod's own messages in the language of the moment (the process's, or the request's), as ours are.
const ZOD_LOCALES = { nl: z.locales.nl(), en: z.locales.en() } as const;
z.config({ localeError: (issue) => ZOD_LOCALES[language()].localeError(issue) });
