import Handlebars from "handlebars";
import { createHash } from "node:crypto";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Position } from "../diagnostics/diagnostic.js";
import { decodeUtf8 } from "../load/decode.js";
import { annotateTemplate } from "./annotate.js";
import { HELPERS } from "./helpers.js";
import { templateError, TemplateError } from "../diagnostics/template-error.js";
import type { TemplateSource } from "./field-use.js";
import { t } from "../i18n/i18n.js";

/** The templates shipped with boardpaper. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL("../../templates", import.meta.url));

export interface TemplateFiles {
  /** Read a file's bytes, or undefined when it does not exist. */
  read(path: string): Promise<Uint8Array | undefined>;
  list(dir: string): Promise<string[]>;
  /** How to show a path in messages. */
  display(path: string): string;
}

export interface TemplateSet {
  /** Template files in id order; `data-src` attributes refer to them by index. */
  readonly files: readonly string[];
  /** Every template and partial as written, for the static check of the fields they print (field-use.ts). */
  readonly written: readonly TemplateSource[];
  /** Whether a partial of this name exists (a type's per-field partials, e.g. `gegeven-versie`). */
  hasPartial(name: string): boolean;
  /** Render a top-level template (e.g. `proposal`) to markup. */
  render(name: string, context: unknown): string;
  /** Check and compile every template and partial now, not when first rendered (`check`). */
  checkAll(): void;
  /** Each template's source as compiled, by key: what can be compiled ahead (see installCompiledTemplates). */
  sources(): Map<string, string>;
}

/**
 * Load the templates: the built-in folder, overridden file by file by the folders given
 * (first folder wins). Top-level `*.hbs` files are templates; `partials/*.hbs` are partials,
 * named by their file name, in one isolated Handlebars environment. Each is checked and
 * compiled when first rendered; rendering always finishes before anything is written, so a
 * template mistake still comes before any output.
 */
export async function loadTemplateSet(io: TemplateFiles, overrides: readonly string[] = []): Promise<TemplateSet> {
  const dirs = [...overrides, BUILTIN_TEMPLATES];
  const pick = async (sub: string): Promise<Map<string, string>> => {
    const chosen = new Map<string, string>();
    for (const dir of dirs) {
      for (const name of (await io.list(join(dir, sub))).sort()) {
        if (name.endsWith(".hbs") && !chosen.has(name)) chosen.set(name, join(dir, sub, name));
      }
    }
    return chosen;
  };
  const templates = await pick("");
  const partials = await pick("partials");

  const env = Handlebars.create();
  env.registerHelper(HELPERS);
  const files: string[] = [];
  const preparers: (() => unknown)[] = [];
  const annotated: (() => string)[] = [];
  const written: TemplateSource[] = [];
  const compile = async (path: string, partial: boolean): Promise<Handlebars.TemplateDelegate> => {
    const id = files.length;
    const shown = io.display(path);
    files.push(shown);
    const bytes = await io.read(path);
    if (!bytes) throw templateError(shown, { line: 1, col: 1 }, t("tpl.unreadable"));
    const decoded = decodeUtf8(shown, bytes);
    if (!decoded.ok) throw new TemplateError(decoded.diagnostic);
    written.push({ name: basename(path, ".hbs"), file: shown, text: decoded.text, partial });
    // Checked and compiled on first use, so a run pays only for the templates it renders (a
    // proposal does not need the agenda's); every use comes before anything is written.
    let ready: { compiled: Handlebars.TemplateDelegate; original: (p: Position) => Position } | undefined;
    annotated.push(() => annotateTemplate(id, shown, decoded.text).source);
    const prepare = () => {
      if (ready) return ready;
      const { source, original } = annotateTemplate(id, shown, decoded.text);
      const ahead = compiledAhead.get(templateKey(source));
      if (ahead) return (ready = { compiled: env.template(ahead), original });
      let ast: hbs.AST.Program;
      try {
        ast = env.parse(source);
      } catch (e) {
        throw templateError(shown, original(handlebarsPosition(e)), t("tpl.syntax", { message: firstLine(e) }));
      }
      // The parsed template, not its text: compiling text would parse it a second time.
      return (ready = { compiled: env.compile(ast, COMPILE_OPTIONS), original });
    };
    preparers.push(prepare);
    // Name the file in runtime errors (a field the template uses that the data lacks).
    return (ctx, opts) => {
      const { compiled, original } = prepare();
      try {
        return compiled(ctx, opts);
      } catch (e) {
        if (e instanceof TemplateError) throw e;
        throw templateError(shown, original(handlebarsPosition(e)), t("tpl.runtime", { message: firstLine(e).replace(/ - \d+:\d+$/, "") }));
      }
    };
  };

  for (const [name, path] of partials) env.registerPartial(basename(name, ".hbs"), await compile(path, true));
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, path] of templates) compiled.set(basename(name, ".hbs"), await compile(path, false));

  return {
    files,
    written,
    hasPartial: (name) => partials.has(`${name}.hbs`),
    checkAll: () => preparers.forEach((p) => p()),
    sources: () => new Map(annotated.map((a) => a()).map((source) => [templateKey(source), source])),
    render(name, context) {
      const template = compiled.get(name);
      if (!template) throw templateError(io.display(join(dirs[0] ?? BUILTIN_TEMPLATES, `${name}.hbs`)), { line: 1, col: 1 }, t("tpl.missing", { name: `${name}.hbs` }));
      return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    },
  };
}

const COMPILE_OPTIONS = {
  strict: true,
  noEscape: false,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])),
} satisfies CompileOptions;

/** What a compiled template depends on: Handlebars, the options, the annotated source. */
function templateKey(source: string): string {
  return createHash("sha256").update(`${Handlebars.VERSION}\n${JSON.stringify(COMPILE_OPTIONS)}\n${source}`).digest("hex");
}

/**
 * Templates compiled ahead of time, by key (see templateKey): empty unless the start-up bundle
 * installs some (src/cli/ahead.ts). A template found here is not compiled again; its key holds
 * everything its compiled form depends on, so one that differs in any way is compiled as usual.
 */
const compiledAhead = new Map<string, TemplateSpecification>();

export function installCompiledTemplates(specs: Readonly<Record<string, TemplateSpecification>>): void {
  for (const [key, spec] of Object.entries(specs)) compiledAhead.set(key, spec);
}

/**
 * Templates compiled ahead, as the text of a JavaScript object literal for
 * installCompiledTemplates (Handlebars writes each as the code of its specification).
 */
export function precompiledSource(sources: ReadonlyMap<string, string>): string {
  // Typed as a specification, but what precompile gives is the specification's source text.
  const code = (source: string) => Handlebars.precompile(source, COMPILE_OPTIONS) as unknown as string;
  return `{${[...sources].map(([key, source]) => `${JSON.stringify(key)}: ${code(source)}`).join(",\n")}}`;
}

function firstLine(e: unknown): string {
  return String((e as Error).message ?? e).split("\n").filter((l) => l.trim() !== "" && !/^-*\^$/.test(l.trim()))[0] ?? "";
}

/** Handlebars reports positions in the message ("Parse error on line 3") or as fields. */
function handlebarsPosition(e: unknown): Position {
  const err = e as { lineNumber?: number; column?: number; message?: string };
  if (typeof err.lineNumber === "number") return { line: err.lineNumber, col: (err.column ?? 0) + 1 };
  const m = /line (\d+)/.exec(err.message ?? "") ?? /- (\d+):(\d+)$/.exec(err.message ?? "");
  return { line: m ? Number(m[1]) : 1, col: m?.[2] ? Number(m[2]) + 1 : 1 };
}

