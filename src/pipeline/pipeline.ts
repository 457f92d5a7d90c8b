import { join } from "node:path";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { TemplateError } from "../diagnostics/template-error.js";
import type { Output } from "../emit/output.js";
import type { Host } from "../host/host.js";
import { displayPath } from "../host/paths.js";
import type { Found } from "../load/discover.js";
import type { DocumentKind, RenderOptions, Resolution, ResolveContext } from "../kinds/kind.js";
import { kindNamed, kindOf } from "../kinds/registry.js";
import type { RenderedDocument } from "../render/rendered.js";
import { validateFile, type LoadedDocument } from "../validate/validate-file.js";
import type { Writer } from "../writers/writer.js";
import { houseStyleResolver, type HouseStyleOptions, type HouseStyleResolver } from "./house-styles.js";

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

  constructor(
    readonly host: Host,
    opts: HouseStyleOptions = {},
  ) {
    this.houseStyles = houseStyleResolver(host, opts);
    this.context = {
      host,
      houseStyleAt: (path) => this.houseStyles.at(path),
      houseStyleOfFile: (file) => this.houseStyles.ofFile(file),
      load: async (path, kind) => {
        const r = await this.load({ path }, kindNamed(kind));
        return { ...(r.doc ? { doc: r.doc } : {}), diagnostics: r.diagnostics };
      },
    };
  }

  /** The kind of a file: the one asked for, else recognised by its `type:` or path (see kindOf). */
  kindOf(found: Found, kind?: DocumentKind, text?: string): DocumentKind {
    return kind ?? kindOf(found.label ?? displayPath(this.host, found.path), text);
  }

  /** Read a file and validate it as its kind. */
  async load(found: Found, kind?: DocumentKind): Promise<Loaded> {
    return this.loadBytes(found, await this.host.readFile(found.path), kind);
  }

  /** Validate bytes (a draft in the editor, a version from git) as the file `found`. */
  loadBytes(found: Found, bytes: Uint8Array, kind?: DocumentKind): Loaded {
    const k = kind ?? this.kindOf(found, undefined, TEXT.decode(bytes));
    const file = found.label ?? displayPath(this.host, found.path);
    const r = validateFile(file, bytes, k.schema);
    const doc = r.valid ? { kind: k.name, path: found.path, root: found.root, file, value: r.valid.value, parsed: r.valid.parsed } : undefined;
    return { kind: k, plain: r.plain, ...(doc ? { doc } : {}), diagnostics: r.diagnostics };
  }

  /** Find and check what the document needs besides itself; with the house styles' problems. */
  async resolve(doc: LoadedDocument): Promise<Resolution<unknown>> {
    const seen = this.houseStyles.diagnostics.length;
    const r = await kindNamed(doc.kind)!.resolve(doc, this.context);
    const found = this.houseStyles.diagnostics.slice(seen);
    if (!r.ok || hasErrors(found)) return { ok: false, diagnostics: [...(r.ok ? r.warnings : r.diagnostics), ...found] };
    return { ok: true, resolved: r.resolved, warnings: [...r.warnings, ...found] };
  }

  /** The document trees; a mistake in a template is a diagnostic at its file and line. */
  render(doc: LoadedDocument, resolved: unknown, opts: RenderOptions): { ok: true; documents: RenderedDocument[] } | { ok: false; diagnostics: Diagnostic[] } {
    try {
      return { ok: true, documents: kindNamed(doc.kind)!.render(doc, resolved, opts) };
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
    const inFolder = kindNamed(doc.kind)!.outputs === "folder";
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
}
