import { stringify } from "yaml";
import type { z } from "zod";
import { alternatives, defOf, isOptional, literalsOf, unwrap } from "./schema-walk.js";
import { EMPTY } from "./common.js";

/**
 * A proposal skeleton generated from the schema: every field with a comment saying what it is,
 * required values as `<<…>>` placeholders (which `check` reports until they are filled in),
 * optional fields commented out. Generated, so a field added to the schema appears here too.
 */
export function skeleton(schema: z.ZodType, header: readonly string[]): string {
  const lines = [...header.map((h) => `# ${h}`), ""];
  objectLines(unwrap(schema), "", false, lines);
  return `${lines.join("\n")}\n`;
}

const scalar = (v: unknown): string => stringify(v, { lineWidth: 0 }).trimEnd();
const describe = (s: z.ZodType): string => (s.description ?? unwrap(s).description ?? "").replace(/\s+/g, " ");

function placeholder(s: z.ZodType, what: string): string {
  const u = unwrap(s);
  const d = defOf(u);
  if (d.type === "enum") return `<<kies: ${literalsOf(u).join(" | ")}>>`;
  const format = (u as unknown as { format?: string }).format ?? (u as unknown as { _zod?: { bag?: { format?: string } } })._zod?.bag?.format;
  if (format === "date") return `<<datum JJJJ-MM-DD: ${what}>>`;
  return `<<vul in: ${what}>>`;
}

/** The value lines for `key` (or a list item when key is ""), at `indent`. */
function fieldLines(key: string, s: z.ZodType, indent: string, commented: boolean, out: string[], singular = key): void {
  const c = commented ? "# " : "";
  const lead = `${indent}${c}${key === "" ? "- " : `${key}: `}`;
  // Of a union, show the simplest real form: text where text will do (a beslispunt, a
  // section), else the mapping or list (`consequenties`); never the `leeg` marker itself.
  const alts = alternatives(s).filter((a) => !literalsOf(a).includes(EMPTY) || defOf(unwrap(a)).type === "enum");
  const u = unwrap(alts.find((a) => defOf(unwrap(a)).type === "string") ?? alts[0] ?? s);
  const d = defOf(u);
  const label = key || singular;
  if (d.type === "object") {
    out.push(key === "" ? `${indent}${c}-` : `${indent}${c}${key}:`);
    objectLines(u, `${indent}  `, commented, out);
  } else if (d.type === "array" && d.element) {
    out.push(`${indent}${c}${key}:`);
    fieldLines("", d.element, `${indent}  `, commented, out, key);
  } else if (d.type === "boolean") {
    out.push(`${lead}false`);
  } else {
    const def = defaultOf(s);
    out.push(`${lead}${def !== undefined ? scalar(def) : scalar(placeholder(u, label))}`);
  }
}

function objectLines(s: z.ZodType, indent: string, commented: boolean, out: string[]): void {
  for (const [key, field] of Object.entries(defOf(s).shape ?? {})) {
    const optional = isOptional(field) && defaultOf(field) === undefined;
    const note = [describe(field), optional ? "(optional)" : ""].filter(Boolean).join(" ");
    if (note) out.push(`${indent}# ${note}`);
    fieldLines(key, field, indent, commented || optional, out);
  }
}

function defaultOf(s: z.ZodType): unknown {
  const d = defOf(s) as { type: string; defaultValue?: unknown };
  if (d.type !== "default") return undefined;
  const v = typeof d.defaultValue === "function" ? (d.defaultValue as () => unknown)() : d.defaultValue;
  return Array.isArray(v) && v.length === 0 ? undefined : v;
}
