import { join } from "node:path";
import { error, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { TemplateError } from "../diagnostics/template-error.js";
import type { Output } from "../emit/output.js";
import type { Host } from "../host/host.js";
import { displayPath } from "../host/paths.js";
import type { Found } from "../load/discover.js";
import type { DocumentKind, RenderOptions, Resolution, ResolveContext } from "../kinds/kind.js";
import { loadRegistry, typeLineOf, type Registry } from "../kinds/registry.js";
import { suggest } from "../validate/suggest.js";
import type { RenderedDocument } from "../render/rendered.js";
import { validateFile, type LoadedDocument } from "../validate/validate-file.js";
import type { Writer } from "../writers/writer.js";
import { houseStyleResolver, type HouseStyleOptions, type HouseStyleResolver } from "./house-styles.js";
import { t } from "../i18n/i18n.js";

const TEXT = new TextDecoder();

/** A file read as a document of its kind: the document when valid, and what was found. */
export interface Loaded {
  readonly kind: DocumentKind;
  /** The YAML's plain value (before defaults), when readable: what the editor's form shows. */
  readonly plain: unknown;
  readonly doc?: LoadedDocument;
  readonly diagnostics: Diagnostic[];
}

export interface WriteSettings {
  readonly writers: readonly Writer[];
  /** ISO date that replaces the documents' own in the output (SOURCE_DATE_EPOCH). */
  readonly date?: string;
}

/**
 * The one way a document goes through boardpaper, whichever command or the editor asks:
 * load (bytes → YAML → validated value, as its kind) → resolve (its house style and what it
 * refers to, cross-checked) → render (document trees, through its templates) → write (each
 * tree through the writers asked for). Every step gives problems as diagnostics; nothing here
 * writes a file. One pipeline per run: the house styles it resolves are shared by its documents.
 */
export class Pipeline {
  readonly houseStyles: HouseStyleResolver;
  private readonly context: ResolveContext;

  /** A pipeline for the project of `host`: its document types read first (see Registry). */
  static async open(host: Host, opts: HouseStyleOptions = {}): Promise<Pipeline> {
    return new Pipeline(host, await loadRegistry(host), opts);
  }

  constructor(
    readonly host: Host,
    readonly registry: Registry,
    opts: HouseStyleOptions = {},
  ) {
    this.houseStyles = houseStyleResolver(host, opts, registry.typeNames);
    this.context = {
      host,
      houseStyleAt: (path) => this.houseStyles.at(path),
      houseStyleOfFile: (file) => this.houseStyles.ofFile(file),
      withTypeTemplates: (style, dirs) => this.houseStyles.withTypeTemplates(style, dirs),
      load: async (path) => {
        const r = await this.load({ path });
        return { ...(r.doc ? { doc: r.doc } : {}), kind: r.kind, diagnostics: r.diagnostics };
      },
      resolve: (doc) => this.resolve(doc),
      typeProblems: (file) => registry.diagnostics.filter((d) => d.file === file),
    };
  }

  /**
   * The kind of a file: the one asked for, else the one its `type:`, `$schema` line or path
   * says (see Registry.kindOf), else the type its house style names as `standaardtype`, else
   * the default type.
   */
  async kindOf(found: Found, text: string, kind?: DocumentKind): Promise<DocumentKind> {
    if (kind) return kind;
    const file = found.label ?? displayPath(this.host, found.path);
    const recognised = this.registry.recognise(file, text);
    if (recognised) return recognised;
    const named = await this.houseStyles.defaultTypeAt(found.path);
    return (named !== undefined ? this.registry.kindOfType(named) : undefined) ?? this.registry.defaultKind;
  }

  /** Read a file and validate it as its kind. */
  async load(found: Found, kind?: DocumentKind): Promise<Loaded> {
    return this.loadBytes(found, await this.host.readFile(found.path), kind);
  }

  /** Validate bytes (a draft in the editor, a version from git) as the file `found`. */
  async loadBytes(found: Found, bytes: Uint8Array, kind?: DocumentKind): Promise<Loaded> {
    const text = TEXT.decode(bytes);
    const k = await this.kindOf(found, text, kind);
    const file = found.label ?? displayPath(this.host, found.path);
    const unknown = kind ? [] : this.unknownType(file, text);
    const r = validateFile(file, bytes, k.schema);
    const doc = r.valid && unknown.length === 0 ? { kind: k.name, path: found.path, root: found.root, file, value: r.valid.value, parsed: r.valid.parsed } : undefined;
    // A type it cannot have: checking it against another type's fields would only mislead.
    const diagnostics = unknown.length ? [...(r.plain === undefined ? r.diagnostics : []), ...unknown] : r.diagnostics;
    return { kind: k, plain: r.plain, ...(doc ? { doc } : {}), diagnostics };
  }

  /**
   * A `type:` that names no type the project knows: said at its line, with the closest name and
   * (when the project's own declaration of that type has problems) those problems.
   */
  private unknownType(file: string, text: string): Diagnostic[] {
    const named = typeLineOf(text);
    if (named === undefined || this.registry.kindOfType(named)) return [];
    const start = text.search(/^type:/m);
    const line = text.slice(0, start).split("\n").length;
    const col = text.slice(start).indexOf(named) + 1;
    const broken = this.registry.diagnostics.filter((d) => d.file.split(/[\\/]/).slice(-2, -1)[0] === named);
    if (broken.length) return [error(file, { line, col: 1 }, t("p.typeBroken", { type: named }), "type"), ...broken];
    const hint = suggest(named, this.registry.typeNames);
    return [error(file, { line, col }, t("p.unknownType", { type: named, hint: hint ? t("cli.didYouMean", { hint }) : "", types: this.registry.typeNames.join(", ") }), "type")];
  }

  /** Find and check what the document needs besides itself; with the house styles' problems. */
  async resolve(doc: LoadedDocument): Promise<Resolution<unknown>> {
    const seen = this.houseStyles.diagnostics.length;
    const r = await this.kindOfDoc(doc).resolve(doc, this.context);
    const found = this.houseStyles.diagnostics.slice(seen);
    if (!r.ok || hasErrors(found)) return { ok: false, diagnostics: [...(r.ok ? r.warnings : r.diagnostics), ...found] };
    return { ok: true, resolved: r.resolved, warnings: [...r.warnings, ...found] };
  }

  /** The document trees; a mistake in a template is a diagnostic at its file and line. */
  render(doc: LoadedDocument, resolved: unknown, opts: RenderOptions): { ok: true; documents: RenderedDocument[] } | { ok: false; diagnostics: Diagnostic[] } {
    try {
      return { ok: true, documents: this.kindOfDoc(doc).render(doc, resolved, opts) };
    } catch (e) {
      if (e instanceof TemplateError) return { ok: false, diagnostics: [e.diagnostic] };
      throw e;
    }
  }

  /**
   * Every rendered document through every writer it takes, as outputs named from `base`: the
   * document itself for a kind with one output file, a folder of documents for the others.
   */
  async write(doc: LoadedDocument, documents: readonly RenderedDocument[], base: string, settings: WriteSettings): Promise<Output[]> {
    const inFolder = this.kindOfDoc(doc).outputs === "folder";
    const outputs: Output[] = [];
    for (const d of documents) {
      const stem = inFolder ? join(base, d.name) : base;
      for (const w of settings.writers) {
        if (d.formats && !d.formats.includes(w.format)) continue;
        outputs.push({ path: stem + w.extension, data: await w.write(d.tree, { style: d.sheet, ...(settings.date ? { date: settings.date } : {}) }) });
      }
    }
    return outputs;
  }

  /** The kind a loaded document was read as. */
  kindOfDoc(doc: LoadedDocument): DocumentKind {
    const kind = this.registry.kindNamed(doc.kind);
    if (!kind) throw new Error(`internal: no kind ${doc.kind}`);
    return kind;
  }
}
