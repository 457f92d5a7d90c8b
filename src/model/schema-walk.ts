import type { z } from "zod";
import { t } from "../i18n/i18n.js";

/**
 * Read the shape of a zod schema at a data path: which keys an object allows, which values an
 * enum takes, whether a field is a section that may be `leeg`. Validation messages need this
 * ("did you mean …?", "allowed: …") and zod's issues do not carry it.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
  in?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
}

export const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strip wrappers that do not change the shape: optional, default, lazy, pipe. */
export function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(s);
    if ((d.type === "optional" || d.type === "default" || d.type === "nullable" || d.type === "prefault") && d.innerType) s = d.innerType;
    else if (d.type === "lazy" && d.getter) s = d.getter();
    else if (d.type === "pipe" && d.in) s = d.in;
    else return s;
  }
}

/** The alternatives of a schema: the options of a union, or the schema itself. */
export function alternatives(s: z.ZodType): z.ZodType[] {
  const u = unwrap(s);
  const d = defOf(u);
  return d.type === "union" && d.options ? d.options.flatMap(alternatives) : [u];
}

/** All schemas that could apply at `path`, descending into unions by what can hold the segment. */
export function schemasAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  let current = [root];
  for (const seg of path) {
    const next: z.ZodType[] = [];
    for (const s of current.flatMap(alternatives)) {
      const d = defOf(s);
      if (d.type === "object" && typeof seg === "string" && d.shape?.[seg]) next.push(d.shape[seg]);
      else if (d.type === "array" && typeof seg === "number" && d.element) next.push(d.element);
      else if (d.type === "record" && typeof seg === "string" && d.valueType) next.push(d.valueType);
    }
    current = next;
  }
  return current;
}

export function objectKeysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(root, path).flatMap(alternatives)) {
    const d = defOf(s);
    if (d.type === "object" && d.shape) for (const k of Object.keys(d.shape)) keys.add(k);
  }
  return [...keys];
}

export function isOptional(s: z.ZodType): boolean {
  const t = defOf(s).type;
  return t === "optional" || t === "default";
}

/** The literal values a schema admits directly (`leeg` for a section, enum members). */
export function literalsOf(s: z.ZodType): string[] {
  const d = defOf(unwrap(s));
  if (d.type === "literal" && d.values) return d.values.map(String);
  if (d.type === "enum" && d.entries) return Object.values(d.entries).map(String);
  return [];
}

/** How to say what each kind of schema expects, for "expected … or …" messages. */
const EXPECTED: Record<string, (d: Def, s: z.ZodType) => string> = {
  literal: (d) => (d.values ?? []).map((v) => `\`${String(v)}\``).join(t("x.literalOr")),
  enum: (_d, s) => t("x.oneOf", { values: literalsOf(s).join(", ") }),
  string: () => t("x.text"),
  boolean: () => t("x.boolean"),
  number: () => t("x.number"),
  array: () => t("x.list"),
  object: (d) => t("x.mapping", { keys: Object.keys(d.shape ?? {}).join(", ") }),
  union: (d) => (d.options ?? []).map(describeExpected).join(t("x.literalOr")),
};

export function describeExpected(s: z.ZodType): string {
  const u = unwrap(s);
  const d = defOf(u);
  return EXPECTED[d.type]?.(d, u) ?? d.type;
}
