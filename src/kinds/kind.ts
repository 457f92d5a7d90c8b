import type { z } from "zod";
import type { DocumentType } from "../model/compile-type.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Host } from "../host/host.js";
import type { HouseStyle } from "../style/house-style.js";
import type { RenderedDocument } from "../render/rendered.js";
import type { LoadedDocument } from "../validate/validate-file.js";

/**
 * A kind of input document (a proposal, a meeting, a house style): everything that differs by
 * kind, in one entry. Recognising a file, its schema (and so `check`, the JSON Schema and the
 * skeleton), resolving what it refers to, rendering it, and how the editor lists it are all
 * derived from here; nothing else in the program switches on the kind.
 */
export interface DocumentKind<T = unknown, R = unknown> {
  readonly name: string;
  /** How messages name one ("this file is a meeting"). */
  readonly noun: string;
  /** One line on what it is, for `boardpaper types`. */
  readonly description: string;
  readonly schema: z.ZodType<T>;
  /** The names a document of this kind gives as its top-level `type:` (the first is the one `new` writes). */
  readonly types: readonly [string, ...string[]];
  /** Whether a file without `type:` is of this kind by its path (as shown); the registry asks in its order. */
  matches(file: string): boolean;
  /** The JSON Schema editors use: the name `boardpaper schema` takes, its file in schema/, its title. */
  readonly jsonSchema: { readonly name: string; readonly file: string; readonly title: string; readonly dir?: string };
  /** The document type, for the kinds declared as data (src/kinds/type-declarations.ts): what meetings put on an agenda. */
  readonly proposal?: DocumentType;
  /** The comment lines that head a new document's skeleton (after the schema line). */
  readonly skeleton: readonly string[];
  /** Optional top-level fields a new document's skeleton writes out anyway (a meeting's `punten`, not its `delen`). */
  readonly skeletonShows?: readonly string[];
  /**
   * Find what the document needs besides itself (its house style, a meeting's proposals) and
   * cross-check them. Problems are diagnostics; nothing is rendered.
   */
  resolve(doc: LoadedDocument<T>, ctx: ResolveContext): Promise<Resolution<R>>;
  /** The documents it renders into (none for a house style). Pure. */
  render(doc: LoadedDocument<T>, resolved: R, opts: RenderOptions): RenderedDocument[];
  /** Where its documents go: `file`, one document at <out>/<name>.<ext>; `folder`, <out>/<name>/<document>.<ext>. */
  readonly outputs: "file" | "folder";
  /** Which of its documents the editor previews and downloads (default: the first). */
  readonly preview?: string;
  /** Who and when, for tracked changes, when two versions can be compared (`diff`). */
  revisions?(value: T): { readonly author: string; readonly date: string } | undefined;
  /** How the editor's list shows this kind; absent: not listed. */
  readonly list?: ListSpec;
}

/** The editor's list of one kind: a table with these columns (besides title, check and file). */
export interface ListSpec {
  readonly heading: string;
  /** Shown instead of the table when there are none. */
  readonly empty: string;
  /** The title column's heading. */
  readonly titleHeading: string;
  readonly columns: readonly { readonly label: string; readonly key: string; readonly nowrap?: boolean }[];
  /** From the file's plain YAML value (valid or not): `title` and each column's key. */
  summary(plain: Record<string, unknown>): Record<string, string | boolean | undefined>;
}

export type Resolution<R> = { ok: true; resolved: R; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** What the pipeline gives a kind to resolve with: files through the host, house styles cached. */
export interface ResolveContext {
  readonly host: Host;
  /**
   * The house style of a document at `path` (the nearest huisstijl.yaml above it, or the one
   * given); undefined when it has problems, which the pipeline reports itself.
   */
  houseStyleAt(path: string): Promise<HouseStyle | undefined>;
  /** The house style a huisstijl.yaml makes (its logo and templates checked). */
  houseStyleOfFile(styleFile: string): Promise<HouseStyle | undefined>;
  /** The house style with the templates of a document type (its folders first, then the house style's own and the built-in ones). */
  withTypeTemplates(style: HouseStyle, typeDirs: readonly string[]): Promise<HouseStyle | undefined>;
  /** Read and validate another file as a document of its own kind (a meeting's proposals). */
  load(path: string): Promise<{ doc?: LoadedDocument; kind: DocumentKind; diagnostics: Diagnostic[] }>;
  /** Problems the project's type declarations have, in the declaration shown as `file`. */
  typeProblems(file: string): Diagnostic[];
  /** Resolve another document as its kind does (a meeting's proposals, for rendering them stamped). */
  resolve(doc: LoadedDocument): Promise<Resolution<unknown>>;
}

export interface RenderOptions {
  /** Meetings: include the besloten part's documents (the members' bundle). */
  readonly includeBesloten: boolean;
}
