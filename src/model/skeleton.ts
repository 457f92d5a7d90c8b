import { stringify } from "yaml";
import type { z } from "zod";
import { alternatives, defOf, isOptional, literalsOf, unwrap } from "./schema-walk.js";
import { EMPTY } from "./common.js";
import { t } from "../i18n/i18n.js";

/**
 * A proposal skeleton generated from the schema: every field with a comment saying what it is,
 * required values as `<<…>>` placeholders (which `check` reports until they are filled in),
 * optional fields commented out. Generated, so a field added to the schema appears here too.
 */
export function skeleton(schema: z.ZodType, header: readonly string[], given: Readonly<Record<string, string>> = {}, shown: readonly string[] = []): string {
  const lines = [...header.map((h) => `# ${h}`), ""];
  objectLines(unwrap(schema), "", false, lines, given, new Set(), false, shown);
  return `${lines.join("\n")}\n`;
}

const scalar = (v: unknown): string => stringify(v, { lineWidth: 0 }).trimEnd();
const describe = (s: z.ZodType): string => (s.description ?? unwrap(s).description ?? "").replace(/\s+/g, " ");

/** The `<<…>>` marker for a value still to be filled in, saying what kind of value goes there. */
export function placeholder(s: z.ZodType, what: string): string {
  const u = unwrap(s);
  const d = defOf(u);
  if (d.type === "enum") return `<<kies: ${literalsOf(u).join(" | ")}>>`;
  const format = (u as unknown as { format?: string }).format ?? (u as unknown as { _zod?: { bag?: { format?: string } } })._zod?.bag?.format;
  if (format === "date") return `<<datum JJJJ-MM-DD: ${what}>>`;
  if (d.type === "number") return `<<getal: ${what}>>`;
  return `<<vul in: ${what}>>`;
}

/** The value lines for `key` (or a list item when key is ""), at `indent`. */
function fieldLines(key: string, s: z.ZodType, indent: string, commented: boolean, out: string[], singular = key, within: ReadonlySet<string> = new Set()): void {
  const c = commented ? "# " : "";
  const lead = `${indent}${c}${key === "" ? "- " : `${key}: `}`;
  // Of a union, show the simplest real form: text where text will do (a beslispunt, a
  // section), else the mapping or list (`consequenties`); never the `leeg` marker itself.
  const alts = alternatives(s).filter((a) => !literalsOf(a).includes(EMPTY) || defOf(unwrap(a)).type === "enum");
  const u = unwrap(alts.find((a) => defOf(unwrap(a)).type === "string") ?? alts[0] ?? s);
  const d = defOf(u);
  const label = key || singular;
  const shape = d.type === "object" ? Object.keys(d.shape ?? {}).join(",") : "";
  if (d.type === "object" && within.has(shape)) {
    // A recursive shape (agenda items with sub-items): once is enough to show it.
    out.push(`${indent}# ${t("skeleton.sameFields", { field: key === "" ? "- …" : `${key}: …` })}`);
  } else if (d.type === "object") {
    out.push(key === "" ? `${indent}${c}-` : `${indent}${c}${key}:`);
    // A list item, or a required mapping, must say something (see objectLines).
    objectLines(u, `${indent}  `, commented, out, {}, new Set([...within, shape]), key === "" || !commented);
  } else if (d.type === "array" && d.element) {
    out.push(`${indent}${c}${key}:`);
    // As many items as the list needs (a signature block of two), at least one.
    for (let i = 0; i < Math.max(1, minItems(u)); i++) fieldLines("", d.element, `${indent}  `, commented, out, key, within);
  } else if (d.type === "boolean") {
    out.push(`${lead}false`);
  } else {
    const def = defaultOf(s);
    out.push(`${lead}${def !== undefined ? scalar(def) : scalar(placeholder(u, label))}`);
  }
}

/** The fewest items a list takes (its `min`). */
function minItems(s: z.ZodType): number {
  const checks = (defOf(s) as { checks?: { _zod: { def: { check?: string; minimum?: number } } }[] }).checks ?? [];
  return Math.max(0, ...checks.map((c) => (c._zod.def.check === "min_length" ? (c._zod.def.minimum ?? 0) : 0)));
}

/** The fields of an object; `given` top-level values are written as they are (a document's `type:`). */
function objectLines(s: z.ZodType, indent: string, commented: boolean, out: string[], given: Readonly<Record<string, string>> = {}, within: ReadonlySet<string> = new Set(), item = false, shownKeys: readonly string[] = []): void {
  const fields = Object.entries(defOf(s).shape ?? {});
  const optionalField = (f: z.ZodType) => isOptional(f) && defaultOf(f) === undefined;
  // A list item (or a required mapping) must say something: of one whose fields are all optional, show the first.
  const shown = item && fields.every(([, f]) => optionalField(f)) ? fields[0]?.[0] : undefined;
  for (const [key, field] of fields) {
    if (given[key] !== undefined) {
      out.push(`${indent}${key}: ${scalar(given[key])}`);
      continue;
    }
    // `shownKeys`: optional in the schema (one of two ways to write it), but the way a new document starts.
    const optional = optionalField(field) && key !== shown && !shownKeys.includes(key);
    const note = [describe(field), optional ? t("skeleton.optional") : ""].filter(Boolean).join(" ");
    if (note) out.push(`${indent}# ${note}`);
    fieldLines(key, field, indent, commented || optional, out, key, within);
  }
}

function defaultOf(s: z.ZodType): unknown {
  const d = defOf(s) as { type: string; defaultValue?: unknown };
  if (d.type !== "default") return undefined;
  const v = typeof d.defaultValue === "function" ? (d.defaultValue as () => unknown)() : d.defaultValue;
  return Array.isArray(v) && v.length === 0 ? undefined : v;
}
