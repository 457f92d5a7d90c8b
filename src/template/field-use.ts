import Handlebars from "handlebars";
import type { z } from "zod";
import { templateError } from "../diagnostics/template-error.js";
import { alternatives, defOf, objectKeysAt, schemasAt } from "../model/schema-walk.js";
import { HELPERS } from "./helpers.js";
import { t } from "../i18n/i18n.js";

/**
 * Which data fields a template reads, found from its Handlebars syntax tree without rendering
 * it: so that a template printing a field its document type does not declare is an error at the
 * template's own line, and a declared field that no template prints is a warning. The analysis
 * follows the context as Handlebars does (`each`, `with`, `../`, `@root`, partials and their
 * hash arguments); what it cannot know (dynamic partials, computed values) it leaves out.
 * A partial that calls itself is followed once through each of its calls, so it terminates.
 */

export interface TemplateSource {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly partial: boolean;
}

export interface FieldUse {
  /** Object keys; `"*"` is a step into an array element. */
  readonly path: readonly string[];
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly col: number;
}

export interface FieldCheck {
  readonly undeclared: FieldUse[];
  readonly unprinted: string[];
}

type AST = typeof Handlebars.AST & { helpers: { scopedId(path: hbs.AST.PathExpression): boolean } };
const { helpers: ast } = Handlebars.AST as AST;

const KNOWN_HELPERS = new Set([...Object.keys(HELPERS), "if", "unless", "each", "with", "lookup", "log"]);

/** What an expression stands for: a data path from the root, or null when it is not data (a literal, a helper's result, `@index`). */
type Value = readonly string[] | null;

/** One context on Handlebars' stack (what `../` climbs): its data path and, in a partial called with a hash, the names the hash adds. */
interface Frame {
  readonly value: Value;
  readonly names: ReadonlyMap<string, Value>;
}

interface Scope {
  readonly file: string;
  /** Innermost last. */
  readonly frames: readonly Frame[];
  readonly blockParams: ReadonlyMap<string, Value>;
  /** Partials defined with `{{#*inline}}`, visible to the partials called from here too. */
  readonly inline: ReadonlyMap<string, Parsed>;
  /** The partial calls being followed, to stop a partial that calls itself. */
  readonly calls: readonly hbs.AST.Node[];
}

interface Parsed {
  readonly file: string;
  readonly program: hbs.AST.Program;
}

const NO_NAMES: ReadonlyMap<string, Value> = new Map();

/**
 * Every data path the top-level template `main` reads, following partials it calls (recursion-safe), with the place in the file where it is read.
 * `sources` in the order templates are chosen (the first of a name wins), overridden ones too:
 * every call of a partial in them tells which names are its parameters (see `omitted`).
 */
export function fieldsUsed(sources: readonly TemplateSource[], main: string): FieldUse[] {
  const first = (partial: boolean) => {
    const byName = new Map<string, TemplateSource>();
    for (const s of sources) if (s.partial === partial && !byName.has(s.name)) byName.set(s.name, s);
    return byName;
  };
  const templates = first(false);
  const partialSources = first(true);
  const top = templates.get(main);
  if (!top) throw new Error(`fieldsUsed: no template named \`${main}\``);

  const parsed = new Map<TemplateSource, Parsed>();
  const parsedOf = (source: TemplateSource): Parsed => {
    let p = parsed.get(source);
    if (!p) parsed.set(source, (p = parse(source)));
    return p;
  };
  const partialNamed = (name: string): Parsed | undefined => {
    const source = partialSources.get(name);
    return source && parsedOf(source);
  };

  // Every name each partial is called with anywhere. A template that does not parse adds none
  // here; it is reported when the walk below reaches it.
  const parameters = new Map<string, Set<string>>();
  for (const source of sources) {
    let prog: hbs.AST.Program;
    try {
      prog = parsedOf(source).program;
    } catch {
      continue;
    }
    for (const call of partialCalls(prog)) {
      if (call.name.type === "SubExpression") continue;
      const name = String((call.name as unknown as hbs.AST.StringLiteral).original);
      const keys = parameters.get(name) ?? new Set<string>();
      for (const pair of call.hash?.pairs ?? []) keys.add(pair.key);
      parameters.set(name, keys);
    }
  }

  const uses = new Map<string, FieldUse>();
  const record = (path: Value, node: hbs.AST.Node, scope: Scope) => {
    // Reading the whole root (`{{> p this}}` at the top) names no field.
    if (!path || path.length === 0) return;
    const use = { path, file: scope.file, line: node.loc.start.line, col: node.loc.start.column + 1 };
    uses.set(JSON.stringify([use.file, use.line, use.col, path]), use);
  };

  /** The value of a path in this scope, without recording it. */
  const resolve = (p: hbs.AST.PathExpression, scope: Scope): Value => {
    if (p.data) return p.parts[0] === "root" ? p.parts.slice(1) : null;
    const [head, ...rest] = p.parts;
    if (head !== undefined && !p.depth && !ast.scopedId(p) && scope.blockParams.has(head)) {
      const bound = scope.blockParams.get(head);
      return bound ? [...bound, ...rest] : null;
    }
    const frame = scope.frames[scope.frames.length - 1 - p.depth];
    if (!frame) return null;
    if (head === undefined) return frame.value;
    if (frame.names.has(head)) {
      const passed = frame.names.get(head);
      return passed ? [...passed, ...rest] : null;
    }
    return frame.value ? [...frame.value, ...p.parts] : null;
  };

  /** Record the reads in an expression; return what it stands for. */
  const evaluate = (e: hbs.AST.Expression, scope: Scope): Value => {
    if (e.type === "PathExpression") {
      const value = resolve(e as hbs.AST.PathExpression, scope);
      record(value, e, scope);
      return value;
    }
    if (e.type === "SubExpression") arguments_(e as hbs.AST.SubExpression, scope);
    return null;
  };

  /** Record the reads in a call's arguments; return what its params and hash values stand for. */
  const arguments_ = (call: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, scope: Scope) => ({
    params: call.params.map((p) => evaluate(p, scope)),
    hash: new Map((call.hash?.pairs ?? []).map((pair) => [pair.key, evaluate(pair.value, scope)] as const)),
  });

  /** A mustache or block whose head is a helper, not a field: it has arguments, or its one-word head is a known helper. */
  const isHelperCall = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement, scope: Scope): boolean => {
    if (ast.helperExpression(node)) return true;
    const p = node.path as hbs.AST.PathExpression;
    const name = p.parts[0] ?? "";
    return !p.data && ast.simpleId(p) && !scope.blockParams.has(name) && KNOWN_HELPERS.has(name);
  };

  /** The scope inside a block that enters `value` (`each`, `with`), its block params bound. */
  const within = (scope: Scope, value: Value, blockParams: readonly string[], bound: readonly Value[]): Scope => {
    const params = new Map(scope.blockParams);
    blockParams.forEach((name, i) => params.set(name, bound[i] ?? null));
    return { ...scope, frames: [...scope.frames, { value, names: NO_NAMES }], blockParams: params };
  };

  const block = (b: hbs.AST.BlockStatement, scope: Scope) => {
    const blockParams = b.program?.blockParams ?? [];
    let inner: Scope;
    if (isHelperCall(b, scope)) {
      const [subject] = arguments_(b, scope).params;
      const helper = b.path.parts[0];
      const element = subject ? [...subject, "*"] : null;
      // `each` and `with` change the context; `if`, `unless` and other helpers keep it.
      if (helper === "each") inner = within(scope, element, blockParams, [element]);
      else if (helper === "with") inner = within(scope, subject ?? null, blockParams, [subject ?? null]);
      else inner = { ...scope, blockParams: new Map([...scope.blockParams, ...blockParams.map((n) => [n, null] as const)]) };
    } else {
      // `{{#field}}`: Handlebars iterates a list or enters an object; taken as entering it.
      const value = evaluate(b.path, scope);
      inner = within(scope, value, blockParams, [value]);
    }
    if (b.program) program(b.program, inner);
    // `{{else}}` runs in the context outside the block.
    if (b.inverse) program(b.inverse, scope);
  };

  const partial = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope: Scope) => {
    const name = node.name as hbs.AST.Expression;
    const { params: [context], hash } = arguments_(node, scope);
    // The block of `{{#> layout}}…{{/layout}}` is shown by the layout in about this context.
    if (node.type === "PartialBlockStatement") program((node as hbs.AST.PartialBlockStatement).program, scope);
    // A dynamic partial `{{> (lookup . "p")}}` cannot be followed; its arguments are still read.
    if (name.type === "SubExpression") return void evaluate(name, scope);
    if (name.type === "PathExpression" && (name as hbs.AST.PathExpression).data) return; // `{{> @partial-block}}`
    const partialName = String((name as unknown as hbs.AST.StringLiteral).original);
    const target = scope.inline.get(partialName) ?? partialNamed(partialName);
    // Entering the same partial through the same call again (recursion) would only repeat this mapping.
    if (!target || scope.calls.includes(node)) return;
    // A name the partial is given elsewhere (`sub=true`) and not here is an optional parameter
    // left out, for `{{#if sub}}`: not a field of the caller's data.
    const omitted = [...(parameters.get(partialName) ?? [])].filter((k) => !hash.has(k)).map((k) => [k, null] as const);
    // Handlebars gives the partial a new context (a new `../` level) only when it is called with
    // one or with a hash: the given context, or the caller's, with the hash's names added.
    const top = scope.frames.at(-1) ?? { value: null, names: NO_NAMES };
    const newContext = node.params.length > 0 || hash.size > 0;
    const base = node.params.length > 0 ? { value: context ?? null, names: NO_NAMES } : top;
    const frame = { value: base.value, names: new Map([...omitted, ...base.names, ...hash]) };
    const frames = newContext ? [...scope.frames, frame] : [...scope.frames.slice(0, -1), frame];
    program(target.program, { file: target.file, frames, blockParams: new Map(), inline: scope.inline, calls: [...scope.calls, node] });
  };

  const program = (prog: hbs.AST.Program, outer: Scope) => {
    const scope = withInlinePartials(prog, outer);
    for (const node of prog.body) {
      if (node.type === "MustacheStatement") {
        const m = node as hbs.AST.MustacheStatement;
        if (m.path.type !== "PathExpression") continue; // `{{"text"}}`
        if (isHelperCall(m, scope)) arguments_(m, scope);
        else evaluate(m.path, scope);
      } else if (node.type === "BlockStatement") block(node as hbs.AST.BlockStatement, scope);
      else if (node.type === "PartialStatement" || node.type === "PartialBlockStatement") partial(node as hbs.AST.PartialStatement, scope);
      // Content, comments and decorators (inline partials are collected above) read nothing.
    }
  };

  const start = parsedOf(top);
  program(start.program, { file: start.file, frames: [{ value: [], names: NO_NAMES }], blockParams: new Map(), inline: new Map(), calls: [] });
  return [...uses.values()];
}

/** The partial calls anywhere in a program, nested blocks and inline partials included. */
function* partialCalls(prog: hbs.AST.Program): Generator<hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement> {
  for (const node of prog.body) {
    if (node.type === "PartialStatement" || node.type === "PartialBlockStatement") yield node as hbs.AST.PartialStatement;
    const { program, inverse } = node as Partial<hbs.AST.BlockStatement>;
    for (const inner of [program, inverse]) if (inner) yield* partialCalls(inner);
  }
}

/** `{{#*inline "name"}}` partials defined in a program, available throughout it (as Handlebars registers them before it runs). */
function withInlinePartials(prog: hbs.AST.Program, scope: Scope): Scope {
  const defined = prog.body.filter((n): n is hbs.AST.DecoratorBlock => n.type === "DecoratorBlock" && (n as hbs.AST.DecoratorBlock).path.original === "inline");
  if (defined.length === 0) return scope;
  const inline = new Map(scope.inline);
  for (const d of defined) {
    const name = d.params[0] as hbs.AST.StringLiteral | undefined;
    if (name) inline.set(String(name.original), { file: scope.file, program: d.program });
  }
  return { ...scope, inline };
}

/** Parse the text as written (not annotated), so that positions are the file's own. */
function parse(source: TemplateSource): Parsed {
  try {
    return { file: source.file, program: Handlebars.parse(source.text) };
  } catch (e) {
    const err = e as { lineNumber?: number; column?: number; message?: string };
    const line = err.lineNumber ?? Number(/line (\d+)/.exec(err.message ?? "")?.[1] ?? 1);
    throw templateError(source.file, { line, col: (err.column ?? 0) + 1 }, t("tpl.syntax", { message: String(err.message ?? e).split("\n")[0] ?? "" }));
  }
}

/** Compare the uses with the zod schema of the data: uses of a path the schema does not have, and top-level schema keys never read. `ignore`: context names that are not data (e.g. "huisstijl", "agenda", "documenttype"). */
export function checkFields(uses: readonly FieldUse[], schema: z.ZodType, ignore: readonly string[]): FieldCheck {
  const data = uses.filter((u) => u.path[0] !== undefined && !ignore.includes(u.path[0]));
  const undeclared = data.filter((u) => !declared(schema, u.path));
  const read = new Set(data.map((u) => u.path[0]));
  const unprinted = objectKeysAt(schema, []).filter((key) => key !== "type" && !ignore.includes(key) && !read.has(key));
  return { undeclared, unprinted };
}

/** Whether some alternative of the schema has the path (a prefix of a declared path counts; so does `.length` of a text or list). */
function declared(schema: z.ZodType, path: readonly string[]): boolean {
  let current = [schema];
  for (const [i, seg] of path.entries()) {
    const next = current.flatMap((s) => step(s, seg));
    if (next.length === 0) {
      const last = i === path.length - 1;
      return last && seg === "length" && current.flatMap(alternatives).some((s) => ["string", "enum", "array"].includes(defOf(s).type));
    }
    current = next;
  }
  return true;
}

/** The schemas one step below: a key of an object, or the element (`*`) of a list or the values of an object (`{{#each}}` over an object). */
function step(s: z.ZodType, seg: string): z.ZodType[] {
  if (seg !== "*") return schemasAt(s, [seg]);
  const values = alternatives(s).flatMap((a) => Object.values(defOf(a).type === "object" ? (defOf(a).shape ?? {}) : {}));
  return [...schemasAt(s, [0]), ...values];
}
