import { isDeepStrictEqual } from "node:util";
import { diffArrays } from "diff";
import { PLACEHOLDER } from "../validate/placeholders.js";
import { Document, isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, Scalar, stringify, visit, type Node, type Pair, type ToStringOptions, type YAMLMap, type YAMLSeq } from "yaml";

/**
 * Write a new value into a YAML text, changing only the text of what changed.
 *
 * Why not `parseDocument(text)`, `setIn(…)`, `doc.toString()`: the yaml package re-serialises
 * the whole document from its tree, so lines nobody touched change too (on the seed proposal
 * a no-op round trip rewrites 65 lines: a comment after `steller:` moves to the next line,
 * flow lists gain padding). So the document is parsed only to find where each node is, and
 * the new value is spliced into the original text: a changed scalar is replaced in place
 * (keeping its quoting style and the comment after it), a removed key or list item loses its
 * lines, an added one gets new lines beside its neighbours, rendered by the yaml package.
 * Where that is not possible (aliases, compact nested lists) the smallest enclosing part is
 * rewritten. The result is parsed again and must give exactly the new value; if it does not,
 * the Document API (setIn/deleteIn on the changed paths, then toString) is used instead.
 */
export function applyValue(text: string, value: unknown): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length > 0) throw new Error(`applyValue: the text is not well-formed YAML: ${doc.errors[0]!.message}`);
  const old: unknown = doc.toJS({ maxAliasCount: -1 });
  if (isDeepStrictEqual(old, value)) return text;
  try {
    const spliced = splice(text, doc, old, value);
    if (spliced !== undefined && sameValue(spliced, value)) return spliced;
  } catch {
    // Fall through to the Document API, which always gives the right value.
  }
  return viaDocumentApi(text, old, value);
}

/** The options for YAML the editor writes: no folding of long lines, `|` for multi-line text. */
export const WRITE_OPTIONS: ToStringOptions = { lineWidth: 0, blockQuote: "literal", indentSeq: true };

function sameValue(text: string, value: unknown): boolean {
  const d = parseDocument(text);
  return d.errors.length === 0 && isDeepStrictEqual(d.toJS({ maxAliasCount: -1 }), value);
}

interface Edit {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/** Thrown when a part cannot be edited in place; the caller rewrites the enclosing part. */
class CannotSplice extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function splice(text: string, doc: Document.Parsed, old: unknown, value: unknown): string | undefined {
  const root = doc.contents;
  if (!isMap(root) || root.flow || !isObj(old) || !isObj(value)) return undefined;
  const s = new Splicer(text);
  s.map(root, old, value);
  return s.apply();
}

class Splicer {
  readonly edits: Edit[] = [];
  constructor(readonly text: string) {}

  apply(): string {
    // Insertions before replacements at the same offset, so an insert after a pair is not
    // swallowed by the deletion of the next.
    const sorted = [...this.edits].sort((a, b) => a.from - b.from || a.to - a.from - (b.to - b.from));
    let out = "";
    let cursor = 0;
    for (const e of sorted) {
      if (e.from < cursor) throw new CannotSplice("overlapping edits");
      out += this.text.slice(cursor, e.from) + e.text;
      cursor = e.to;
    }
    return out + this.text.slice(cursor);
  }

  // ——— positions in the text ———

  lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }

  /** The offset after the newline that ends the line `offset` is on (or the end of the text). */
  lineEnd(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === "\n") return offset;
    const nl = this.text.indexOf("\n", offset);
    return nl < 0 ? this.text.length : nl + 1;
  }

  /** The start of the line after the one that starts at `at`. */
  nextLine(at: number): number {
    const nl = this.text.indexOf("\n", at);
    return nl < 0 ? this.text.length : nl + 1;
  }

  /** Whether only spaces stand between the start of the line and `offset`. */
  atLineStart(offset: number): boolean {
    return /^ *$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  isBlankLine(offset: number): boolean {
    const blank = /[ \t]*\n/y;
    blank.lastIndex = offset;
    return offset < this.text.length && blank.test(this.text);
  }

  /** Text to insert at `at`: a newline first when the text does not end with one there. */
  insert(at: number, lines: string): void {
    const lead = at === this.text.length && at > 0 && !this.text.endsWith("\n") ? "\n" : "";
    this.edits.push({ from: at, to: at, text: lead + lines });
  }

  // ——— maps ———

  /** The lines of a pair: from the start of the key's line to the end of its value. */
  pairExtent(pair: Pair): { from: number; to: number } {
    const key = pair.key as Node;
    if (!key.range || !this.atLineStart(key.range[0])) throw new CannotSplice("key not at the start of its line");
    const value = pair.value as Node | null;
    const end = value?.range && value.range[1] > key.range[1] ? value.range[1] : key.range[1];
    return { from: this.lineStart(key.range[0]), to: this.lineEnd(end) };
  }

  map(node: YAMLMap, old: Obj, value: Obj): void {
    if (node.flow) {
      if (!sameKeys(old, value)) throw new CannotSplice("flow mapping changed shape");
      for (const pair of node.items) {
        const k = keyOf(pair);
        if (!isDeepStrictEqual(old[k], value[k])) this.value(pair.value as Node | null, old[k], value[k], { flow: true, owner: pair.key as Node });
      }
      return;
    }
    // A block mapping cannot be empty: `{}` is written instead, by the caller.
    if (Object.keys(value).length === 0) throw new CannotSplice("mapping became empty");
    const pairs = node.items.filter((p): p is Pair<Node, Node | null> => isScalar(p.key));
    if (pairs.length !== node.items.length || pairs.length === 0) throw new CannotSplice("unusual keys");
    const byKey = new Map(pairs.map((p) => [keyOf(p), p]));
    const indent = this.column((pairs[0]!.key as Node).range![0]);
    for (const p of pairs) {
      const k = keyOf(p);
      if (!(k in value)) this.deletePair(p);
      else if (!isDeepStrictEqual(old[k], value[k])) {
        const mark = this.edits.length;
        try {
          this.value(p.value, old[k], value[k], { flow: false, owner: p.key as Node });
        } catch (e) {
          if (!(e instanceof CannotSplice)) throw e;
          // The whole pair is rewritten: drop what was already edited inside it.
          this.edits.length = mark;
          const { from, to } = this.pairExtent(p);
          this.edits.push({ from, to, text: block({ [k]: value[k] }, indent) });
        }
      }
    }
    // New keys go where the skeleton left them commented out (`# embargo: …`), else after the
    // nearest key before them in the new value's order (the form keeps the schema's order),
    // else before the first key.
    let pending: string[] = [];
    let anchor: Pair | undefined;
    const flush = () => {
      if (pending.length === 0) return;
      const rest: string[] = [];
      for (const k of pending) {
        const slot = anchor ? this.commentedOut(this.pairExtent(anchor).to, indent, k) : undefined;
        if (slot) this.edits.push({ ...slot, text: block({ [k]: value[k] }, indent) });
        else rest.push(k);
      }
      if (rest.length > 0) {
        const lines = block(Object.fromEntries(rest.map((k) => [k, value[k]])), indent);
        if (anchor) {
          const at = this.pairExtent(anchor).to;
          this.insert(at, this.isBlankLine(at) ? `\n${lines}` : lines);
        } else {
          this.insert(this.pairExtent(pairs[0]!).from, lines);
        }
      }
      pending = [];
    };
    for (const k of Object.keys(value)) {
      const existing = byKey.get(k);
      if (existing) {
        flush();
        anchor = existing;
      } else pending.push(k);
    }
    flush();
  }

  /**
   * In the comment lines from `from` on, the line `# key: …` at this indentation (with the
   * deeper commented lines below it): a field `boardpaper new` wrote commented out.
   */
  commentedOut(from: number, indent: number, key: string): { from: number; to: number } | undefined {
    const head = new RegExp(`^ {${indent}}# ${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:( |$)`);
    let at = from;
    while (at < this.text.length) {
      const end = this.nextLine(at);
      const line = this.text.slice(at, end).replace(/\n$/, "");
      const lead = line.length - line.trimStart().length;
      if (line.trim() !== "" && (!line.trimStart().startsWith("#") || lead < indent)) return undefined;
      if (head.test(line)) {
        let to = end;
        for (;;) {
          const next = this.text.slice(to, this.nextLine(to)).replace(/\n$/, "");
          const nextLead = next.length - next.trimStart().length;
          if (to >= this.text.length || !next.trimStart().startsWith("#") || nextLead <= indent) break;
          to = this.nextLine(to);
        }
        return { from: at, to };
      }
      at = end;
    }
    return undefined;
  }

  deletePair(pair: Pair): void {
    let { from, to } = this.pairExtent(pair);
    // Keep one blank line between neighbours, not two.
    if ((to >= this.text.length || this.isBlankLine(to)) && from >= 2 && this.text[from - 1] === "\n" && this.text[from - 2] === "\n") from -= 1;
    this.edits.push({ from, to, text: "" });
  }

  // ——— sequences ———

  /** The lines of a list item: from its dash's line to the end of its value. */
  itemExtent(seq: YAMLSeq, i: number): { from: number; to: number; dash: number } {
    const dash = dashOffset(seq, i);
    if (dash === undefined || !this.atLineStart(dash)) throw new CannotSplice("item not at the start of its line");
    const item = seq.items[i] as Node | null;
    const end = item?.range && item.range[1] > dash ? item.range[1] : dash + 1;
    return { from: this.lineStart(dash), to: this.lineEnd(end), dash };
  }

  seq(node: YAMLSeq, old: unknown[], value: unknown[]): void {
    if (node.flow) {
      if (old.length !== value.length) throw new CannotSplice("flow sequence changed length");
      old.forEach((o, i) => {
        if (!isDeepStrictEqual(o, value[i])) this.value(node.items[i] as Node | null, o, value[i], { flow: true, owner: node });
      });
      return;
    }
    if (value.length === 0) throw new CannotSplice("list became empty");
    const parts = diffArrays(old, value, { comparator: (a: unknown, b: unknown) => isDeepStrictEqual(a, b) });
    // Old items that are not kept where they were: an added item equal to one of them was moved.
    const movable = new Set<number>();
    parts.reduce((at, p) => {
      if (p.removed) for (let k = 0; k < p.count; k++) movable.add(at + k);
      return p.added ? at : at + p.count;
    }, 0);
    let o = 0;
    let n = 0;
    let removed: number[] = [];
    /** The old index after which new items go (-1: before the first). */
    let last = -1;
    const used = new Set<number>();
    const flush = (added: number[]) => {
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++) {
        const r = removed[k]!;
        used.add(r);
        this.item(node, r, old[r], value[added[k]!]);
        last = r;
      }
      for (const r of removed.slice(paired)) {
        const { from, to } = this.itemExtent(node, r);
        this.edits.push({ from, to, text: "" });
        last = r;
      }
      const extra = added.slice(paired);
      if (extra.length > 0) {
        const at = last >= 0 ? this.itemExtent(node, last).to : this.itemExtent(node, 0).from;
        const col = this.column(this.itemExtent(node, Math.max(last, 0)).dash);
        // An item moved elsewhere keeps its text, comments and all.
        const lines = extra
          .map((a) => {
            const same = old.findIndex((x, i) => !used.has(i) && movable.has(i) && isDeepStrictEqual(x, value[a]));
            if (same >= 0) {
              used.add(same);
              const ex = this.itemExtent(node, same);
              return this.text.slice(ex.from, ex.to).replace(/\n?$/, "\n");
            }
            return block([value[a]], col);
          })
          .join("");
        this.insert(at, lines);
      }
      removed = [];
    };
    for (const p of parts) {
      if (p.removed) {
        for (let k = 0; k < p.count; k++) removed.push(o + k);
        o += p.count;
      } else if (p.added) {
        flush(Array.from({ length: p.count }, (_, k) => n + k));
        n += p.count;
      } else {
        flush([]);
        o += p.count;
        n += p.count;
        last = o - 1;
      }
    }
    flush([]);
  }

  /** A changed list item: edited in place, or its lines rewritten. */
  item(seq: YAMLSeq, i: number, old: unknown, value: unknown): void {
    const mark = this.edits.length;
    try {
      this.value(seq.items[i] as Node | null, old, value, { flow: false, owner: seq, dash: dashOffset(seq, i) });
    } catch (e) {
      if (!(e instanceof CannotSplice)) throw e;
      this.edits.length = mark;
      const ex = this.itemExtent(seq, i);
      this.edits.push({ from: ex.from, to: ex.to, text: block([value], this.column(ex.dash)) });
    }
  }

  // ——— values ———

  value(node: Node | null, old: unknown, value: unknown, ctx: ValueContext): void {
    if (!node || isAlias(node)) throw new CannotSplice("alias or missing node");
    const mark = this.edits.length;
    try {
      if (isMap(node) && isObj(old) && isObj(value)) return this.map(node, old, value);
      if (isSeq(node) && Array.isArray(old) && Array.isArray(value)) return this.seq(node, old, value);
    } catch (e) {
      // A flow collection that changed shape is written again on its line, still in flow style.
      if (!(e instanceof CannotSplice) || !isCollection(node) || !node.flow || !node.range) throw e;
      this.edits.length = mark;
      const padded = this.text[node.range[0] + 1] === " ";
      this.edits.push({ from: node.range[0], to: node.range[1], text: flowText(value, padded) });
      return;
    }
    if (isScalar(node) && node.range && node.value !== null && isScalarValue(value)) return this.scalar(node, value, ctx);
    throw new CannotSplice("type changed");
  }

  scalar(node: Scalar, value: ScalarValue, ctx: ValueContext): void {
    const [start, end] = node.range!;
    const wasBlock = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
    const multiLine = typeof value === "string" && value.includes("\n");
    if (ctx.flow) {
      if (multiLine) throw new CannotSplice("multi-line text in a flow collection");
      this.edits.push({ from: start, to: end, text: inlineScalar(value, node.type, true) });
      return;
    }
    if (multiLine || (wasBlock && typeof value === "string")) {
      const indent = wasBlock ? this.blockIndent(node) : this.ownerColumn(ctx) + 2;
      // A comment after a plain value would end up inside the text: keep it on the header line.
      const to = wasBlock ? end : this.lineEnd(end);
      const comment = wasBlock ? "" : this.text.slice(end, to).replace(/\n$/, "");
      const ends = this.text.slice(start, to).endsWith("\n");
      const body = blockScalar(value as string, indent, comment);
      this.edits.push({ from: start, to, text: ends ? body : body.replace(/\n$/, "") });
      return;
    }
    // A `<<…>>` placeholder was quoted by the skeleton, not by the user: its value goes plain.
    const placeholder = typeof node.value === "string" && PLACEHOLDER.test(node.value);
    const single = inlineScalar(value, wasBlock || placeholder ? Scalar.PLAIN : node.type, false);
    // A block scalar's range ends after its last line: keep the line break.
    this.edits.push({ from: start, to: end, text: wasBlock && this.text[end - 1] === "\n" ? `${single}\n` : single });
  }

  /** Column of what owns a value: its key, or its list dash. */
  ownerColumn(ctx: ValueContext): number {
    if (ctx.dash !== undefined) return this.column(ctx.dash);
    const at = ctx.owner?.range?.[0];
    return at === undefined ? 0 : this.column(at);
  }

  /** The indentation of a block scalar's content, as written. */
  blockIndent(node: Scalar): number {
    const [start, end] = node.range!;
    const lines = this.text.slice(start, end).split("\n").slice(1);
    const first = lines.find((l) => l.trim() !== "");
    return first === undefined ? this.column(start) + 2 : first.length - first.trimStart().length;
  }
}

interface ValueContext {
  readonly flow: boolean;
  /** The key (in a mapping) or sequence owning the value. */
  readonly owner?: Node;
  /** For a list item: the offset of its dash. */
  readonly dash?: number | undefined;
}

type ScalarValue = string | number | boolean;
const isScalarValue = (v: unknown): v is ScalarValue => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

const keyOf = (p: Pair): string => String((p.key as Scalar).value);

const sameKeys = (a: Obj, b: Obj): boolean => {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => kb[i] === k);
};

/** The offset of a block sequence item's `-`, from the parser's source tokens. */
function dashOffset(seq: YAMLSeq, i: number): number | undefined {
  const token = (seq as unknown as { srcToken?: { type: string; items?: { start: { type: string; offset: number }[] }[] } }).srcToken;
  if (token?.type !== "block-seq") return undefined;
  return token.items?.[i]?.start.find((t) => t.type === "seq-item-ind")?.offset;
}

/** `value` as block YAML lines, indented by `indent` spaces (a `{key: value}` or `[item]`). */
function block(value: unknown, indent: number): string {
  const pad = " ".repeat(indent);
  return stringify(value, WRITE_OPTIONS)
    .split("\n")
    .map((l) => (l === "" ? l : pad + l))
    .join("\n");
}

/** A collection written on one line, as `[a, b]` or `{ a: 1 }`. */
function flowText(value: unknown, padded: boolean): string {
  const d = new Document(value);
  visit(d, {
    Map: (_k, n) => void (n.flow = true),
    Seq: (_k, n) => void (n.flow = true),
  });
  return d.toString({ ...WRITE_OPTIONS, flowCollectionPadding: padded }).trimEnd();
}

/** One scalar on one line, in the style it had when that style can hold the new value. */
function inlineScalar(value: ScalarValue, type: Scalar.Type | undefined, flow: boolean): string {
  const s = new Scalar(value);
  if (typeof value === "string") s.type = type === Scalar.QUOTE_SINGLE || type === Scalar.QUOTE_DOUBLE ? type : Scalar.PLAIN;
  const out = new Document(s).toString({ ...WRITE_OPTIONS, blockQuote: false }).trimEnd();
  // Plain text that would read differently inside a flow collection or after a key is quoted.
  const probe = flow ? `[${out}]` : `k: ${out}`;
  const back = parseDocument(probe);
  const got = back.errors.length === 0 ? back.toJS() : undefined;
  if (flow ? isDeepStrictEqual(got, [value]) : isDeepStrictEqual(got, { k: value })) return out;
  return JSON.stringify(value);
}

/** A literal block scalar (`|`), its chomping indicator chosen by the value's final newlines. */
function blockScalar(value: string, indent: number, comment: string): string {
  const trailing = /\n*$/.exec(value)![0].length;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const body = trailing === 0 ? value : value.slice(0, value.length - (chomp === "+" ? 0 : 1));
  const lines = (chomp === "+" ? body.replace(/\n$/, "") : body).split("\n");
  // Text whose first line starts with a space needs an explicit indentation indicator.
  const indicator = /^[ \t]/.test(lines[0] ?? "") ? String(indent) : "";
  const pad = " ".repeat(indent);
  return `|${indicator}${chomp}${comment}\n${lines.map((l) => (l === "" ? "" : pad + l)).join("\n")}\n`;
}

/** The fallback: the yaml package's Document API on the changed paths only. */
function viaDocumentApi(text: string, old: unknown, value: unknown): string {
  const doc = parseDocument(text);
  const walk = (path: (string | number)[], a: unknown, b: unknown): void => {
    if (isDeepStrictEqual(a, b)) return;
    if (isObj(a) && isObj(b)) {
      for (const k of Object.keys(a)) if (!(k in b)) doc.deleteIn([...path, k]);
      for (const k of Object.keys(b)) walk([...path, k], a[k], b[k]);
    } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      b.forEach((x, i) => walk([...path, i], a[i], x));
    } else if (path.length === 0) {
      doc.contents = doc.createNode(b) as never;
    } else {
      doc.setIn(path, doc.createNode(b));
    }
  };
  walk([], old, value);
  return doc.toString(WRITE_OPTIONS);
}
