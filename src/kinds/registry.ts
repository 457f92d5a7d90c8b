import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Host } from "../host/host.js";
import { declaredKind } from "./declared-kind.js";
import { HOUSE_STYLE } from "./house-style.js";
import type { DocumentKind } from "./kind.js";
import { MEETING } from "./meeting.js";
import { TYPE_DECLARATION } from "./type-declaration-kind.js";
import { loadDocumentTypes, type DeclaredType } from "./type-declarations.js";

/** The type a document without `type:` has when its house style names none: today's voorstel. */
export const DEFAULT_TYPE = "ab-voorstel";

/**
 * Every kind of input document a project knows: its document types (declared as data, built in
 * and the project's own), meetings, house styles and type declarations. The commands, the JSON
 * Schemas, the skeletons and the editor take everything from here; nothing else switches on a kind.
 */
export class Registry {
  readonly kinds: readonly DocumentKind<any, any>[];

  constructor(
    readonly types: readonly DeclaredType[],
    host: Host,
    /** Problems in the type declarations: reported by every command that reads documents. */
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    // The kinds' value types differ; the registry holds them as kinds of anything.
    this.kinds = [...types.map((t) => declaredKind(t, host)), HOUSE_STYLE, MEETING, TYPE_DECLARATION];
  }

  /** The document type a file without `type:` has (the house style's choice comes first: see Pipeline). */
  get defaultKind(): DocumentKind {
    return this.kindOfType(DEFAULT_TYPE) ?? this.kinds[0]!;
  }

  /**
   * The kind of a file: the one whose type it names in a top-level `type:`, else the one whose
   * JSON Schema its `# yaml-language-server: $schema=…` line points at, else the one its path
   * says (a meetings folder, a file named huisstijl.yaml, a type.yaml in templates/), else the
   * default type. Read from the text as written, before it is parsed: a `type:`
   * that names no type is reported by validation.
   */
  kindOf(file: string, text?: string): DocumentKind {
    return this.recognise(file, text) ?? this.defaultKind;
  }

  /** The kind a file says it is (by `type:`, `$schema` line or path); undefined when it says none. */
  recognise(file: string, text?: string): DocumentKind | undefined {
    if (text !== undefined) {
      const byType = this.kindOfType(typeLineOf(text) ?? "");
      if (byType) return byType;
      const schema = SCHEMA_LINE.exec(text)?.[1];
      const bySchema = schema === undefined ? undefined : this.kinds.find((k) => schema === k.jsonSchema.file || schema.endsWith(`/${k.jsonSchema.file}`));
      if (bySchema) return bySchema;
    }
    return this.kinds.find((k) => k.matches(file));
  }

  /** The kind whose documents name `type` as their type. */
  kindOfType(type: string): DocumentKind | undefined {
    return this.kinds.find((k) => k.types.includes(type));
  }

  kindNamed(name: string): DocumentKind | undefined {
    return this.kinds.find((k) => k.name === name);
  }

  /** Every name a document can give as its `type:`. */
  get typeNames(): string[] {
    return this.kinds.flatMap((k) => k.types);
  }
}

/** A top-level `type: name` line (plain or quoted, with or without a comment after it). */
const TYPE_LINE = /^type:[ \t]*["']?([\w-]+)["']?[ \t]*(?:#.*)?$/m;
/** The line that points editors at a JSON Schema. */
const SCHEMA_LINE = /^#[ \t]*yaml-language-server:[ \t]*\$schema=(\S+)/m;

/** The type a document names in its top-level `type:` line, if any. */
export const typeLineOf = (text: string): string | undefined => TYPE_LINE.exec(text)?.[1];

/** The registry of a project: the built-in types and those in its own templates/ folder. */
export async function loadRegistry(host: Host): Promise<Registry> {
  const { types, diagnostics } = await loadDocumentTypes(host);
  return new Registry(types, host, diagnostics);
}
