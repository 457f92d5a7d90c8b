import { suggest } from "./suggest.js";
import type { z } from "zod";
import { byPlace, error, formatPath, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedYaml } from "../load/parse-yaml.js";
import { EMPTY } from "../model/common.js";
import { locate, sourceOf } from "./locate.js";
import { forbiddenCharacters } from "./characters.js";
import { findPlaceholders, underPlaceholder } from "./placeholders.js";
import { alternatives, describeExpected, isOptional, literalsOf, objectKeysAt, schemasAt } from "../model/schema-walk.js";
import { t } from "../i18n/i18n.js";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export type Validated<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

/** Validate a parsed YAML document against a schema; every issue becomes a positioned diagnostic. */
export function validate<S extends z.ZodType>(parsed: ParsedYaml, schema: S): Validated<z.infer<S>> {
  const placeholders = findPlaceholders(parsed);
  const characters = forbiddenCharacters(parsed);
  const result = schema.safeParse(parsed.value);
  if (result.success && placeholders.length === 0 && characters.length === 0) return { ok: true, value: result.data };
  const ctx: Ctx = { parsed, schema };
  const seen = new Set<string>();
  const issues = result.success ? [] : result.error.issues;
  const diagnostics = [
    ...placeholders.map((p) => p.diagnostic),
    ...characters,
    ...issues.flatMap((i) => diagnose(ctx, i, [])).filter((d) => !d.path || !underPlaceholder(placeholders, parsePath(d.path))),
  ]
    .sort(byPlace)
    .filter((d) => {
      const key = `${d.pos.line}:${d.pos.col}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { ok: false, diagnostics };
}

interface Ctx {
  readonly parsed: ParsedYaml;
  readonly schema: z.ZodType;
}

/** Issues inside a union branch have paths relative to the union; `base` is the union's path. */
function diagnose(ctx: Ctx, issue: Issue, base: Path): Diagnostic[] {
  const path = [...base, ...issue.path];
  const handler = HANDLERS[issue.code] ?? fallback;
  return handler(ctx, issue as never, path);
}

type Handler<I extends Issue> = (ctx: Ctx, issue: I, path: Path) => Diagnostic[];
type HandlerTable = { [C in Issue["code"]]?: Handler<Extract<Issue, { code: C }>> };

const at = (ctx: Ctx, path: Path, message: string, useKey = false): Diagnostic => {
  const loc = locate(ctx.parsed, path);
  return error(ctx.parsed.file, (useKey ? loc.keyPos : undefined) ?? loc.pos, message, formatPath(path) || undefined);
};

const fallback: Handler<Issue> = (ctx, issue, path) => [at(ctx, path, issue.message)];

const HANDLERS: HandlerTable = {
  invalid_type: (ctx, issue, path) => {
    const value = valueAt(ctx.parsed.value, path);
    const key = path[path.length - 1];
    if (value === undefined) return [missing(ctx, path)];
    if (value === null) return [noValue(ctx, path)];
    let message = t("v.expectedGot", { expected: expectedAt(ctx, path, issue.expected), got: describeValue(value) });
    if (issue.expected === "boolean" && typeof value === "string" && /^(ja|nee|yes|no|j|n)$/i.test(value)) {
      message += t("v.writeBoolean", { value: /^(ja|yes|j)$/i.test(value) ? "true" : "false" });
    }
    if (issue.expected === "string" && (typeof value === "number" || typeof value === "boolean")) {
      const src = sourceOf(ctx.parsed, locate(ctx.parsed, path).node) ?? String(value);
      message += t("v.quoteIt", { src: src.replace(/"/g, '\\"') });
    }
    return [at(ctx, path, message)];
  },
  unrecognized_keys: (ctx, issue, path) => {
    const known = objectKeysAt(ctx.schema, path);
    return issue.keys.map((key) => {
      const hint = suggest(key, known);
      const message = hint
        ? t("v.unknownKeyHint", { key, hint })
        : known.length
          ? t("v.unknownKeyAllowed", { key, known: known.join(", ") })
          : t("v.unknownKeyRemove", { key });
      return at(ctx, [...path, key], message, true);
    });
  },
  invalid_value: (ctx, issue, path) => {
    const value = valueAt(ctx.parsed.value, path);
    const allowed = issue.values.map(String);
    // A choice left out is missing, not a wrong value.
    if (value === undefined) return [missing(ctx, path, t("v.chooseOneOf", { allowed: allowed.join(", ") }))];
    if (value === null) return [noValue(ctx, path)];
    const hint = typeof value === "string" ? suggest(value, allowed) : undefined;
    const shown = typeof value === "string" ? quote(value) : describeValue(value);
    const message = t("v.notAllowed", { shown, allowed: allowed.join(", "), hint: hint ? t("cli.didYouMean", { hint }) : "" });
    return [at(ctx, path, message)];
  },
  invalid_format: (ctx, issue, path) => {
    const value = String(valueAt(ctx.parsed.value, path));
    const messages: Record<string, () => string> = {
      date: () =>
        /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? t("v.notARealDate", { value: quote(value), why: whyNotADate(value) })
          : t("v.notADate", { value: quote(value) }),
      email: () => t("v.notAnEmail", { value: quote(value) }),
    };
    // Other formats (patterns) carry the schema's own message, which says what to write.
    return [at(ctx, path, messages[issue.format]?.() ?? `${quote(value)}: ${issue.message}`)];
  },
  too_small: (ctx, issue, path) => {
    const value = valueAt(ctx.parsed.value, path);
    const message = Array.isArray(value)
      ? t("v.atLeastItems", { n: Number(issue.minimum) })
      : typeof value === "string"
        ? t("v.notEmpty")
        : typeof value === "number"
          ? t("v.tooSmall", { value: String(value), min: String(issue.minimum) })
          : issue.message;
    return [at(ctx, path, message, typeof value === "string")];
  },
  too_big: (ctx, issue, path) => {
    const value = valueAt(ctx.parsed.value, path);
    const message = typeof value === "number" ? t("v.tooLarge", { value: String(value), max: String(issue.maximum) }) : issue.message;
    return [at(ctx, path, message)];
  },
  custom: (ctx, issue, path) => [at(ctx, path, issue.message)],
  invalid_union: (ctx, issue, path) => {
    const value = valueAt(ctx.parsed.value, path);
    // Prefer the branches that accept this *kind* of value and failed deeper inside it: their
    // issues say what is actually wrong. If every branch rejects the kind itself, say what fits.
    const fitting = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value")));
    if (fitting.length > 0) return fitting.flatMap((branch) => branch.flatMap((i) => diagnose(ctx, i, path)));
    if (value === undefined) return [missing(ctx, path)];
    if (value === null) return [noValue(ctx, path)];
    return [at(ctx, path, t("v.expectedGot", { expected: expectedAt(ctx, path), got: describeValue(value) }))];
  },
};

function missing(ctx: Ctx, path: Path, extra = ""): Diagnostic {
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  const hint = isSection(ctx, path) ? t("v.missingSection", { key, empty: EMPTY }) : extra;
  const loc = locate(ctx.parsed, parent);
  const where = parent.length === 0 ? "" : t("v.missingIn", { parent: formatPath(parent) });
  return error(ctx.parsed.file, loc.keyPos ?? loc.pos, t("v.missing", { key, where, hint }), formatPath(path));
}

/** `key:` with nothing after it. */
function noValue(ctx: Ctx, path: Path): Diagnostic {
  const key = path[path.length - 1];
  const what = typeof key === "string" ? t("v.noValue", { key }) : t("v.emptyItem");
  const todo = isSection(ctx, path) ? t("v.writeTextOrEmpty", { empty: EMPTY }) : t("v.expected", { expected: expectedAt(ctx, path) });
  return at(ctx, path, `${what}; ${todo}`, true);
}

function isSection(ctx: Ctx, path: Path): boolean {
  return schemasAt(ctx.schema, path).some((s) => !isOptional(s) && alternatives(s).some((a) => literalsOf(a).includes(EMPTY)));
}

function expectedAt(ctx: Ctx, path: Path, fallbackType?: string): string {
  const schemas = schemasAt(ctx.schema, path);
  return schemas.length > 0 ? [...new Set(schemas.map(describeExpected))].join(t("v.or")) : (fallbackType ?? t("v.anotherValue"));
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === null) return t("v.anEmptyValue");
  if (Array.isArray(v)) return t("v.aList");
  if (typeof v === "object") return t("v.aMapping");
  if (typeof v === "string") return t("v.text", { value: quote(v) });
  if (typeof v === "boolean") return `\`${String(v)}\``;
  return t("v.aNumber", { value: String(v) });
}

/** A value quoted in a message: one line, not too long, so each diagnostic stays one line. */
function quote(v: string): string {
  const first = v.split("\n")[0] ?? "";
  const cut = first.length > 40 ? `${first.slice(0, 40)}…` : first !== v ? `${first}…` : first;
  return `\`${cut}\``;
}

/** `a.b[2].c` → ["a", "b", 2, "c"] (the inverse of formatPath). */
function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}


function whyNotADate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  if (m < 1 || m > 12) return t("v.noMonth", { month: String(m) });
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const month = t("v.months").split(",")[m - 1]!;
  return d < 1 ? t("v.noDayZero") : t("v.monthDays", { month, year: String(y), days });
}
