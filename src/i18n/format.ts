/**
 * The message syntax: the subset of ICU MessageFormat that the catalogues use —
 *
 *   {name}                                        a parameter, by name
 *   {n, plural, one {# bestand} other {# bestanden}}   a plural through Intl.PluralRules;
 *                                                 `#` is the number, `=0 {…}` an exact match
 *
 * and nothing else (no select, no dates, no quoting: a literal brace goes in through a
 * parameter). Written here rather than taken from `intl-messageformat`: that library brings its
 * full ICU parser (two more packages, some 50 KB) into the start-up bundle the command loads on
 * every run (bin/, test/start.test.ts) and into the editor's bundle, for a subset that takes
 * fifty lines over `Intl.PluralRules`. test/i18n.test.ts parses every message of both
 * languages, so a malformed one fails there rather than in a user's terminal.
 */

export type Params = Readonly<Record<string, string | number>>;

type Part = string | { readonly name: string } | { readonly name: string; readonly plural: ReadonlyMap<string, readonly Part[]> };

const parsed = new Map<string, readonly Part[]>();

/** The message's parts; throws on a malformed message (unbalanced braces, a bad plural). */
export function parseMessage(message: string): readonly Part[] {
  let cached = parsed.get(message);
  if (!cached) {
    const [parts, end] = parseParts(message, 0);
    if (end !== message.length) throw new Error(`unbalanced } at ${end} in message: ${message}`);
    parsed.set(message, (cached = parts));
  }
  return cached;
}

function parseParts(s: string, start: number): [Part[], number] {
  const parts: Part[] = [];
  let text = "";
  let i = start;
  while (i < s.length) {
    const c = s[i]!;
    if (c === "}") break; // the end of a plural branch (or, at the top, an unbalanced brace)
    if (c !== "{") {
      text += c;
      i++;
      continue;
    }
    if (text) parts.push(text), (text = "");
    const close = s.indexOf("}", i);
    const comma = s.indexOf(",", i);
    if (close < 0) throw new Error(`unclosed { at ${i} in message: ${s}`);
    if (comma < 0 || close < comma) {
      const name = s.slice(i + 1, close).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad parameter {${name}} in message: ${s}`);
      parts.push({ name });
      i = close + 1;
      continue;
    }
    const name = s.slice(i + 1, comma).trim();
    const m = /^\s*plural\s*,/.exec(s.slice(comma + 1));
    if (!m || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`only {name} and {name, plural, …} are supported, at ${i} in message: ${s}`);
    i = comma + 1 + m[0].length;
    const plural = new Map<string, readonly Part[]>();
    for (;;) {
      while (/\s/.test(s[i] ?? "")) i++;
      if (s[i] === "}") break;
      const sel = /^(=\d+|zero|one|two|few|many|other)\s*\{/.exec(s.slice(i));
      if (!sel) throw new Error(`bad plural branch at ${i} in message: ${s}`);
      const [branch, end] = parseParts(s, i + sel[0].length);
      if (s[end] !== "}") throw new Error(`unclosed plural branch at ${i} in message: ${s}`);
      plural.set(sel[1]!, branch);
      i = end + 1;
    }
    if (!plural.has("other")) throw new Error(`a plural needs an \`other\` branch, in message: ${s}`);
    parts.push({ name, plural });
    i++;
  }
  if (text) parts.push(text);
  return [parts, i];
}

const rules = new Map<string, Intl.PluralRules>();

/** The message with its parameters filled in; a parameter not given stays as `{name}`. */
export function formatMessage(message: string, params: Params, locale: string): string {
  return render(parseMessage(message), params, locale, undefined);
}

function render(parts: readonly Part[], params: Params, locale: string, hash: number | undefined): string {
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") {
      out += hash === undefined ? p : p.replace(/#/g, number(hash, locale));
    } else if (!("plural" in p)) {
      const v = params[p.name];
      out += v === undefined ? `{${p.name}}` : typeof v === "number" ? number(v, locale) : v;
    } else {
      const n = Number(params[p.name]);
      let r = rules.get(locale);
      if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
      const branch = p.plural.get(`=${n}`) ?? p.plural.get(r.select(n)) ?? p.plural.get("other")!;
      out += render(branch, params, locale, n);
    }
  }
  return out;
}

/** Numbers as they are written in the language, but without grouping (years, sizes, limits). */
const number = (n: number, locale: string): string => (Number.isInteger(n) ? String(n) : n.toLocaleString(locale, { useGrouping: false }));

/**
 * The parameter names a message text uses, read by the type checker: after each `{`, the word up
 * to `}`, `,` or `{`. Plural branches (`{# bestanden}`) are not names: a name has no space and no
 * `#` — hence the rule that a branch is more than one word. Shared by every catalogue (the
 * command line's, the editor's server's and the browser's), which type their keys' parameters by it.
 */
type Names<S extends string> = S extends `${string}{${infer After}` ? Ident<Trim<Head<Head<Head<After, "}">, ",">, "{">>> | Names<After> : never;
type Head<S extends string, D extends string> = S extends `${infer H}${D}${string}` ? H : S;
type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type Ident<S extends string> = S extends "" | `${string} ${string}` | `${string}#${string}` ? never : S;

/** The parameters of a message with this text: none, or an object with exactly its names. */
export type MessageParams<Text extends string> = [Names<Text>] extends [never] ? [] : [params: { readonly [N in Names<Text>]: string | number }];

/** The locale each language's numbers and plurals are written in, by every catalogue. */
export const LOCALES = { nl: "nl-NL", en: "en-GB" } as const;

/** The names of every parameter a message uses (plural selectors included). */
export function parameterNames(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (parts: readonly Part[]): void => {
    for (const p of parts) {
      if (typeof p === "string") continue;
      names.add(p.name);
      if ("plural" in p) for (const b of p.plural.values()) walk(b);
    }
  };
  walk(parseMessage(message));
  return names;
}
