import type { FooterInline } from "./types.js";

/** Adjacent text nodes joined into one (as both the markup parser and the .docx reader need). */
export function mergeTexts<T extends FooterInline>(list: readonly T[]): T[] {
  const out: T[] = [];
  for (const n of list) {
    const prev = out[out.length - 1];
    if (n.type === "text" && prev?.type === "text") out[out.length - 1] = { type: "text", value: prev.value + n.value } as T;
    else out.push(n);
  }
  return out;
}
