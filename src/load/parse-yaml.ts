import { Composer, type CST, Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type Node, type YAMLError } from "yaml";
import { error, START, type Diagnostic, type Position } from "../diagnostics/diagnostic.js";
import { t } from "../i18n/i18n.js";

/** Expanded size (nodes) past which aliases are treated as a resource-exhaustion attack. */
export const MAX_EXPANDED_NODES = 20_000;
/** Deeper nesting than this is never a real proposal. */
export const MAX_DEPTH = 40;
/** More YAML problems than this in one file are summed up in one last diagnostic. */
export const MAX_YAML_DIAGNOSTICS = 50;
/** No list in a proposal or meeting is this long (beslispunten, table rows, agenda items). */
export const MAX_ITEMS = 2_000;

export interface ParsedYaml {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** Plain JS value of the document. */
  readonly value: unknown;
  /** YAML warnings (never errors: a document with errors is not parsed). */
  readonly warnings: Diagnostic[];
}

export type ParseResult = { ok: true; parsed: ParsedYaml } | { ok: false; diagnostics: Diagnostic[] };

/** What to do about each YAML error, in words a secretariat can act on. */
const ADVICE: Record<string, (src: string, offset: number) => string> = {
  DUPLICATE_KEY: (src, at) => t("y.duplicateKey", { key: keyAt(src, at) }),
  TAB_AS_INDENT: () => t("y.tab"),
  MULTIPLE_DOCS: () => t("y.multipleDocs"),
  BLOCK_AS_IMPLICIT_KEY: () => t("y.colonInValue"),
  MULTILINE_IMPLICIT_KEY: () => t("y.multilineKey"),
};

/** Where an unclosed quote opened: YAML reports it at the end of the file, far from the cause. */
function unclosedQuote(src: string): number | undefined {
  let offset = 0;
  for (const line of src.split("\n")) {
    const m = /^(\s*(?:-\s+)?(?:[^\s#:"'][^:#]*:\s+)?)(["'])/.exec(line);
    if (m) {
      const quote = m[2]!;
      const rest = line.slice(m[1]!.length + 1);
      const closed = quote === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.includes("'");
      if (!closed) return offset + m[1]!.length;
    }
    offset += line.length + 1;
  }
  return undefined;
}

export function parseYaml(file: string, text: string): ParseResult {
  const lines = new LineCounter();
  const pos = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, col: p.col };
  };
  // Nesting first, on the token tree: composing a deeply nested document recurses once per level
  // (thousands of `[` overflow the stack). A cheap bracket count spots the pathological case, and
  // only the text up to there is tokenised to find the exact place.
  const deepBracket = flowBracketPastLimit(text);
  if (deepBracket !== undefined) {
    const prefixLines = new LineCounter();
    const at = tooDeep(new Parser(prefixLines.addNewLine).parse(text.slice(0, deepBracket + 1)));
    if (at !== undefined) {
      const p = prefixLines.linePos(at);
      return { ok: false, diagnostics: [error(file, { line: p.line, col: p.col }, nestingMessage())] };
    }
  }
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const deep = tooDeep(tokens);
  if (deep !== undefined) return { ok: false, diagnostics: [error(file, pos(deep), nestingMessage())] };
  // A file that is not YAML can hold an error on every line; each YAMLError would capture a stack
  // trace nobody reads (most of the time for such a file), so none is captured while composing.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let doc: Document.Parsed;
  let duplicates: YAMLParseError[];
  try {
    doc = compose(tokens, text.length);
    // Duplicate keys are found here with a set per mapping: the yaml package's own check compares
    // each key with every earlier one, quadratic in the size of a mapping (minutes for 100,000 keys).
    duplicates = duplicateKeys(doc);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (duplicates.length > 0) {
    for (const e of duplicates) doc.errors.push(e);
    doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  }
  const yamlDiag = (e: YAMLError, severity: "error" | "warning"): Diagnostic => {
    if (e.code === "MISSING_CHAR" && /quote/.test(e.message)) {
      const at = unclosedQuote(text);
      if (at !== undefined) {
        return { ...error(file, pos(at), t("y.unclosedQuote")), severity };
      }
    }
    const advice = ADVICE[e.code]?.(text, e.pos[0]);
    const message = advice ?? t("y.other", { message: stripPos(e.message) });
    return { ...error(file, pos(e.pos[0]), t("y.prefix", { message })), severity };
  };
  // The yaml package can report two errors for one mistake; one message per place is enough.
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const problems = [...doc.errors.map((e) => [e, "error"] as const), ...doc.warnings.map((e) => [e, "warning"] as const)];
  for (const [i, [e, severity]] of problems.entries()) {
    // A file that is not YAML at all can give a problem on every line; the first ones are enough.
    if (diagnostics.length === MAX_YAML_DIAGNOSTICS) {
      const more = problems.length - i;
      diagnostics.push(error(file, pos(e.pos[0]), t("y.more", { n: more })));
      break;
    }
    const d = yamlDiag(e, severity);
    const key = `${d.pos.line}:${d.pos.col}`;
    if (!seen.has(key)) diagnostics.push(d);
    seen.add(key);
  }
  if (diagnostics.some((d) => d.severity === "error")) return { ok: false, diagnostics };

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return {
      ok: false,
      diagnostics: [error(file, START, t("y.empty"))],
    };
  }
  if (!isMap(doc.contents)) {
    const at = doc.contents.range ? pos(doc.contents.range[0]) : START;
    return { ok: false, diagnostics: [error(file, at, t("y.notMapping"))] };
  }
  const limit = checkLimits(doc);
  if (limit) return { ok: false, diagnostics: [error(file, limit.node.range ? pos(limit.node.range[0]) : START, limit.message)] };

  // Limits are checked above, so this expansion is bounded.
  const value = doc.toJS({ maxAliasCount: -1 });
  return { ok: true, parsed: { file, text, doc, lines, value, warnings: diagnostics } };
}

const nestingMessage = (): string => t("y.nesting", { depth: MAX_DEPTH });

/** What `parseDocument` does, from tokens already read: the first document, more is an error. */
function compose(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, strict: true });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  return doc!;
}

/**
 * Offset of the first flow bracket that leaves more than MAX_DEPTH + 1 open: a hint, not a
 * verdict (brackets in quotes and comments count too), so the tokens up to it decide.
 */
function flowBracketPastLimit(text: string): number | undefined {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++open > MAX_DEPTH + 1) return i;
    } else if ((c === 0x5d || c === 0x7d) && open > 0) open--;
  }
  return undefined;
}

/**
 * Offset of the first collection (in document order) nested more than MAX_DEPTH levels deep in
 * the token tree, as `checkLimits` counts depth; walked with a stack of its own, not recursion.
 */
function tooDeep(tokens: Iterable<CST.Token>): number | undefined {
  for (const top of tokens) {
    if (top.type !== "document" || !top.value) continue;
    const stack: [CST.Token, number][] = [[top.value, 0]];
    while (stack.length > 0) {
      const [tok, depth] = stack.pop()!;
      if (tok.type !== "block-map" && tok.type !== "block-seq" && tok.type !== "flow-collection") continue;
      if (depth > MAX_DEPTH) return tok.offset;
      const items = tok.items as CST.CollectionItem[];
      for (let i = items.length - 1; i >= 0; i--) {
        const it = items[i]!;
        if (it.value) stack.push([it.value, depth + 1]);
        if (it.key) stack.push([it.key, depth + 1]);
      }
    }
  }
  return undefined;
}

/** A DUPLICATE_KEY error, as the yaml package words and places it, for each repeated scalar key. */
function duplicateKeys(doc: Document.Parsed): YAMLParseError[] {
  const found: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const k = pair.key;
        if (isScalar(k)) {
          if (keys.has(k.value) && k.range) found.push(new YAMLParseError([k.range[0], k.range[0] + 1], "DUPLICATE_KEY", "Map keys must be unique"));
          keys.add(k.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found;
}

/**
 * Walk the tree once in document order, counting nodes as `toJS` would expand them, and stop
 * at the alias that makes the expansion too large (a "billion laughs") or at too deep a nesting.
 */
function checkLimits(doc: Document.Parsed): { node: Node; message: string } | undefined {
  let expanded = 0;
  const sizes = new Map<Node, number>();
  const sizeOf = (node: unknown, depth: number): number => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return 1;
      const cached = sizes.get(target);
      if (cached !== undefined) return cached;
      const s = sizeOf(target, depth);
      sizes.set(target, s);
      return s;
    }
    if (isPair(node)) return sizeOf(node.key, depth) + sizeOf(node.value, depth);
    if (isMap(node) || isSeq(node)) {
      let s = 1;
      for (const item of node.items as unknown[]) {
        s += sizeOf(item, depth + 1);
        if (s > MAX_EXPANDED_NODES) break;
      }
      return s;
    }
    return 1;
  };
  let found: { node: Node; message: string } | undefined;
  const walk = (node: unknown, depth: number): void => {
    if (found) return;
    if (isAlias(node)) {
      if (!node.resolve(doc)) {
        found = { node, message: t("y.undefinedAlias", { name: node.source }) };
        return;
      }
      expanded += sizeOf(node, depth);
      if (expanded > MAX_EXPANDED_NODES) {
        found = {
          node,
          message: t("y.aliasBomb", { name: node.source, limit: MAX_EXPANDED_NODES }),
        };
      }
      return;
    }
    if (depth > MAX_DEPTH && isNode(node)) {
      found = { node, message: nestingMessage() };
      return;
    }
    if ((isMap(node) || isSeq(node)) && node.items.length > MAX_ITEMS) {
      found = { node, message: t(isSeq(node) ? "y.tooManyInList" : "y.tooManyInMapping", { n: node.items.length, limit: MAX_ITEMS }) };
      return;
    }
    if (isPair(node)) {
      walk(node.key, depth);
      walk(node.value, depth);
    } else if (isMap(node) || isSeq(node)) {
      expanded += 1;
      for (const item of node.items as unknown[]) walk(item, depth + 1);
    } else {
      expanded += 1;
    }
  };
  walk(doc.contents, 0);
  return found;
}

function stripPos(message: string): string {
  return message.replace(/ at line \d+, column \d+.*$/s, "").replace(/\.$/, "");
}

function keyAt(src: string, offset: number): string {
  const m = /^["']?([^:"'\n]*)/.exec(src.slice(offset));
  return (m?.[1] ?? "").trim();
}
