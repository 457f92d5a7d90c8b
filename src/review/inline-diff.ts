import { diffArrays } from "diff";
import { plain } from "../tree/from-markup.js";
import type { Handlers, Inline, Reference, Target } from "../tree/types.js";

/**
 * Word-level diff of inline content that keeps formatting: both sides are cut into word and
 * space tokens that remember their bold/italic/link, the tokens are compared with jsdiff, and
 * the result is built back into inline nodes with `insertion` and `deletion` around changes.
 */

interface Token {
  readonly text: string;
  readonly isBreak: boolean;
  /** Formatting from the outside in: "strong", "emphasis", "link:<url>". */
  readonly marks: readonly string[];
  /**
   * A cross-reference or target, one token kept whole (its `text` what it prints): compared by
   * what it prints and how, not by its id, so a changed number is a change; a changed one is
   * deleted and inserted whole, so a target is never split in two (a bookmark, an HTML id).
   */
  readonly whole?: Target | Reference;
}

/** What a whole token is compared by besides its text: its kind and content, not its id. */
const wholeKey = (t: Token): string => (t.whole ? `${t.whole.type}:${JSON.stringify(t.whole.children)}` : "");

export interface InlineDiff {
  readonly children: Inline[];
  readonly changed: boolean;
}

export function diffInlines(oldNodes: readonly Inline[], newNodes: readonly Inline[]): InlineDiff {
  const a = tokens(oldNodes);
  const b = tokens(newNodes);
  // Equal parts come out as the newer tokens: a target or reference kept has the newer id.
  const parts = diffArrays(a, b, {
    comparator: (x, y) => x.text === y.text && x.isBreak === y.isBreak && x.marks.join("|") === y.marks.join("|") && wholeKey(x) === wholeKey(y),
  });
  const children: Inline[] = [];
  let changed = false;
  for (const part of parts) {
    const nodes = build(part.value);
    if (part.added) {
      changed = true;
      children.push({ type: "insertion", children: nodes });
    } else if (part.removed) {
      changed = true;
      children.push({ type: "deletion", children: nodes });
    } else {
      children.push(...nodes);
    }
  }
  return { children, changed };
}

/** The same content, all inserted or all deleted. */
export const wholly = (kind: "insertion" | "deletion", nodes: readonly Inline[]): Inline[] => (nodes.length ? [{ type: kind, children: [...nodes] }] : []);

function tokens(nodes: readonly Inline[], marks: readonly string[] = []): Token[] {
  return nodes.flatMap((n) => TOKENS[n.type](n as never, marks));
}

const TOKENS: Handlers<Inline, readonly string[], Token[]> = {
  text: (n, marks) =>
    n.value
      .split(/(\s+)/)
      .filter((t) => t !== "")
      .map((text) => ({ text, isBreak: false, marks })),
  break: (_n, marks) => [{ text: "\n", isBreak: true, marks }],
  strong: (n, marks) => tokens(n.children, [...marks, "strong"]),
  emphasis: (n, marks) => tokens(n.children, [...marks, "emphasis"]),
  link: (n, marks) => tokens(n.children, [...marks, `link:${n.url}`]),
  target: (n, marks) => [{ text: plain(n.children), isBreak: false, marks, whole: n }],
  reference: (n, marks) => [{ text: plain(n.children), isBreak: false, marks, whole: n }],
  // Comparing a redline again: its marks are dropped, its text kept.
  insertion: (n, marks) => tokens(n.children, marks),
  deletion: (n, marks) => tokens(n.children, marks),
};

/** Tokens back into inline nodes: runs with the same formatting become one node. */
function build(list: readonly Token[]): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < list.length) {
    const t = list[i]!;
    if (t.isBreak && t.marks.length === 0) {
      out.push({ type: "break" });
      i++;
      continue;
    }
    if (t.whole && t.marks.length === 0) {
      out.push(t.whole);
      i++;
      continue;
    }
    if (t.marks.length === 0) {
      let text = "";
      while (i < list.length && list[i]!.marks.length === 0 && !list[i]!.isBreak && !list[i]!.whole) text += list[i++]!.text;
      out.push({ type: "text", value: text });
      continue;
    }
    // Gather the tokens under the same outermost mark and build their inside recursively.
    const outer = t.marks[0]!;
    const inner: Token[] = [];
    while (i < list.length && list[i]!.marks[0] === outer) inner.push({ ...list[i]!, marks: list[i++]!.marks.slice(1) });
    const children = build(inner);
    if (outer === "strong" || outer === "emphasis") out.push({ type: outer, children });
    else out.push({ type: "link", url: outer.slice("link:".length), children });
  }
  return out;
}
