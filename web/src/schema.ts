import { t } from "./i18n/i18n.ts";
import { isObj } from "./paths.ts";

/** The parts of JSON Schema (draft 2020-12, as zod writes it) the form understands. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  /** The field's label (a document type's Dutch label, see src/model/compile-type.ts). */
  title?: string;
  description?: string;
  /** Example values (a type's `voorbeeld`): the first is shown as a hint. */
  examples?: unknown[];
  default?: unknown;
  minItems?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** The word that marks a section as empty on purpose (see src/model/common.ts). */
export const EMPTY = "leeg";

/** Follow `$ref` (`#/$defs/…`: recursive beslispunten) to the schema it names. */
export function deref(root: JsonSchema, s: JsonSchema): JsonSchema {
  let cur = s;
  for (let i = 0; cur.$ref && i < 20; i++) {
    const name = /^#\/\$defs\/(.+)$/.exec(cur.$ref)?.[1];
    const target = name !== undefined ? root.$defs?.[decodeURIComponent(name)] : undefined;
    if (!target) break;
    // Keep the referring schema's label, description and examples: they say what this use of the type is for.
    cur = {
      ...target,
      ...(cur.title ? { title: cur.title } : {}),
      ...(cur.description ? { description: cur.description } : {}),
      ...(cur.examples ? { examples: cur.examples } : {}),
    };
  }
  return cur;
}

export const alternativesOf = (root: JsonSchema, s: JsonSchema): JsonSchema[] => (s.anyOf ?? s.oneOf ?? []).map((a) => deref(root, a));

export const isEmptyMarker = (s: JsonSchema): boolean => s.const === EMPTY;

/** Words the files may write for yes and no besides true and false (a type's `janee`). */
const YES_NO = ["ja", "nee"];

/** Yes or no: a boolean, or `true | false | ja | nee` (how a `janee` field is written). */
export function isYesNo(root: JsonSchema, schema: JsonSchema): boolean {
  const s = deref(root, schema);
  if (s.type === "boolean") return true;
  const alts = alternativesOf(root, s);
  return (
    alts.some((a) => a.type === "boolean") &&
    alts.every((a) => a.type === "boolean" || (a.type === "string" && Array.isArray(a.enum) && a.enum.every((v) => YES_NO.includes(String(v)))))
  );
}

/** Whether a yes/no value as written means yes. */
export const isYes = (v: unknown): boolean => v === true || v === "ja";

/** A field's label: the schema's own (the type's Dutch label), else its key made readable. */
export const labelFor = (key: string, s: JsonSchema): string => (s.title && s.title.trim() !== "" ? s.title : humanize(key));

/** The first example of a schema as one line of text, when it has one worth showing. */
export function exampleOf(s: JsonSchema): string | undefined {
  const first = s.examples?.[0];
  if (first === undefined || first === null) return undefined;
  const text = exampleText(first);
  return text === "" ? undefined : text;
}

function exampleText(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "ja" : "nee";
  if (Array.isArray(v)) return v.map(exampleText).filter(Boolean).join("; ");
  if (isObj(v)) {
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${exampleText(x)}`)
      .join(", ");
  }
  return "";
}

/** What kind of control a schema gets. */
export type Control = "fixed" | "section" | "choice" | "object" | "array" | "enum" | "date" | "prose" | "inline" | "email" | "text" | "boolean" | "number" | "unknown";

export function controlOf(root: JsonSchema, schema: JsonSchema): Control {
  const s = deref(root, schema);
  const alts = alternativesOf(root, s);
  if (alts.length > 0) {
    if (alts.some(isEmptyMarker)) return "section";
    return isYesNo(root, s) ? "boolean" : "choice";
  }
  // One value only (a document's `type:`): shown, not edited.
  if (s.const !== undefined) return "fixed";
  if (s.enum) return "enum";
  switch (s.type) {
    case "object":
      return "object";
    case "array":
      return "array";
    case "boolean":
      return "boolean";
    case "number":
    case "integer":
      return "number";
    case "string":
      if (s.format === "date") return "date";
      if (s.format === "email") return "email";
      // Prose fields say so in their description (src/model/common.ts: prose, inline).
      if (/Markdown inline:/.test(s.description ?? "")) return "inline";
      if (/Markdown:/.test(s.description ?? "")) return "prose";
      return "text";
  }
  return "unknown";
}

/** A new value for a schema: what "add" puts in a list, or a section gets when it stops being `leeg`. */
export function defaultFor(root: JsonSchema, schema: JsonSchema): unknown {
  const s = deref(root, schema);
  if (isYesNo(root, s)) return s.default !== undefined ? isYes(s.default) : false;
  const alts = alternativesOf(root, s).filter((a) => !isEmptyMarker(a));
  if (alts.length > 0) return defaultFor(root, alts.find((a) => a.type === "string") ?? alts[0]!);
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return structuredClone(s.default);
  switch (s.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        const p = s.properties?.[key];
        if (p) out[key] = defaultFor(root, p);
      }
      return out;
    }
    case "array":
      return (s.minItems ?? 0) > 0 && s.items ? [defaultFor(root, s.items)] : [];
    case "boolean":
      return false;
    case "number":
    case "integer":
      return 0;
    default:
      return "";
  }
}

/** Whether a value has the shape of a schema, at its top (for choosing among alternatives). */
export function fits(root: JsonSchema, schema: JsonSchema, value: unknown): boolean {
  const s = deref(root, schema);
  if (s.const !== undefined) return value === s.const;
  switch (s.type) {
    case "object":
      return isObj(value) && Object.keys(value).every((k) => s.properties?.[k] !== undefined);
    case "array":
      return Array.isArray(value);
    case "boolean":
      return typeof value === "boolean";
    case "number":
    case "integer":
      return typeof value === "number";
    case "string":
      return typeof value === "string" || typeof value === "number";
  }
  return false;
}

/** A short name for an alternative, for the "form of" choice: Tekst, Tekst met subpunten, Tabel. */
export function altLabel(root: JsonSchema, schema: JsonSchema): string {
  const s = deref(root, schema);
  if (s.type === "string") return t("form.alt.text");
  if (s.type === "array") return t("form.alt.list");
  if (s.type === "object") {
    const keys = Object.keys(s.properties ?? {});
    const textKey = keys.find((k) => s.required?.includes(k) && deref(root, s.properties![k]!).type === "string");
    const others = keys.filter((k) => k !== textKey);
    const label = (k: string) => labelFor(k, deref(root, s.properties![k]!));
    if (textKey && others.length > 0) return t("form.alt.textWith", { parts: others.map(label).join(", ").toLowerCase() });
    return keys.map(label).join(", ");
  }
  return s.description ?? t("form.alt.other");
}

/** Carry what can be carried when an item changes form: the text into `tekst`, and back. */
export function convert(root: JsonSchema, value: unknown, to: JsonSchema): unknown {
  const target = deref(root, to);
  const fresh = defaultFor(root, target);
  if (target.type === "string") {
    if (typeof value === "string") return value;
    if (isObj(value)) return Object.values(value).find((v) => typeof v === "string") ?? "";
    return fresh;
  }
  if (target.type === "object" && isObj(fresh) && typeof value === "string") {
    const key = Object.keys(target.properties ?? {}).find((k) => target.required?.includes(k) && deref(root, target.properties![k]!).type === "string");
    if (key) fresh[key] = value;
  }
  return fresh;
}

/** `beoogd_effect` → `Beoogd effect`. */
export function humanize(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
