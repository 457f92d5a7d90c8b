import { textOf, type Block, type TableBlock } from "./blocks.js";
import { normalise } from "./labels.js";
import { inlineMarkdownOf } from "./to-markdown.js";
import { parseDutchDate } from "./values.js";
import { readRegeling, regelingStart, type Regeling } from "./regeling.js";

/**
 * The fixed formula of a Dutch besluit (Aanwijzingen voor de regelgeving), as every body writes
 * it: "Het algemeen bestuur van …;", "gelezen …;", "overwegende dat …;", "gehoord …;", "gelet op
 * …, … en …;", "besluit:", the dictum, "Aldus besloten … te <plaats> op …", and the signatures.
 * The words are the formula's, so they are recognised by the words, whatever the template.
 */
export interface Formula {
  aanhef?: string;
  gelezen?: string;
  overwegingen: string[];
  gehoord: string[];
  gelet_op: string[];
  /** The dictum's own lead ("besluit:", "BESLUIT:", "besluiten vast te stellen:"). */
  dictumAanhef?: string;
  /** The blocks of the dictum: its points and anything between it and the closing formula. */
  dictum: Block[];
  plaats?: string;
  /** The date in "Aldus besloten … op 1 oktober 2020", as YYYY-MM-DD. */
  datum?: string;
  ondertekening: { functie: string; naam?: string }[];
  /** The regeling the dictum sets, when it holds one ("vast te stellen het volgende reglement:" and its articles). */
  regeling?: Regeling;
  /** Blocks before the formula starts, or that are none of its parts. */
  rest: Block[];
}

const STRIP_END = (s: string) => s.replace(/[;,.]\s*$/, "").trim();

/** "a, b en c" → [a, b, c]: how the formula joins a list. */
const listOf = (s: string): string[] => {
  const parts = STRIP_END(s).split(/,\s+/);
  const last = parts.pop() ?? "";
  const at = last.lastIndexOf(" en ");
  return [...parts, ...(at > 0 && parts.length > 0 ? [last.slice(0, at), last.slice(at + 4)] : [last])].filter((p) => p.length > 0);
};

/** Whether the blocks hold the formula (a "besluit:" line and one of its other parts). */
export function hasFormula(blocks: readonly Block[]): boolean {
  const texts = blocks.filter((b) => b.type === "paragraph").map((b) => b.text.trim());
  return texts.some((t) => /^besluit\w*\s*:?$/i.test(t)) && texts.some((t) => /^(gelet op|overwegende|gelezen|gehoord)\b/i.test(t) || /;$/.test(t));
}

export function readFormula(blocks: readonly Block[], organisatie?: string): Formula {
  const f: Formula = { overwegingen: [], gehoord: [], gelet_op: [], dictum: [], ondertekening: [], rest: [] };
  let stage: "voor" | "dictum" | "na" = "voor";
  for (const [i, b] of blocks.entries()) {
    const text = b.type === "paragraph" ? b.text.trim() : "";
    const md = b.type === "paragraph" ? inlineMarkdownOf(b.el.children) : "";
    if (stage === "voor" && b.type === "paragraph") {
      let m: RegExpExecArray | null;
      if ((m = /^gelezen\s+([\s\S]*)$/i.exec(text))) f.gelezen = STRIP_END(m[1]!);
      else if ((m = /^overwegende,?\s+dat\s+([\s\S]*)$/i.exec(md))) f.overwegingen.push(STRIP_END(m[1]!));
      else if ((m = /^gehoord(?:\s+hebbende)?\s+([\s\S]*)$/i.exec(text))) f.gehoord.push(...listOf(m[1]!));
      else if ((m = /^gelet\s+op\s+([\s\S]*)$/i.exec(text))) f.gelet_op.push(...listOf(m[1]!));
      else if (/^besl\w*\s*:?$/i.test(text) || /^besluit(?:en)?\b.*:$/i.test(text)) {
        if (!/^besluit\s*:$/.test(text)) f.dictumAanhef = `${STRIP_END(md.replace(/\*\*/g, "")).replace(/\s*:$/, "")}:`;
        stage = "dictum";
      } else if (/;$/.test(text) && f.aanhef === undefined && !f.gelezen && !f.overwegingen.length) {
        // Who decides: printed by the template from orgaan and organisatie unless the document says otherwise.
        const own = STRIP_END(text);
        if (!organisatie || !normalise(own).includes(normalise(organisatie))) f.aanhef = own;
      } else f.rest.push(b);
      continue;
    }
    if (stage === "dictum" && b.type === "paragraph" && /^aldus\s+(?:besloten|vastgesteld)\b/i.test(text)) {
      const m = /\bte\s+(.+?)\s+op\b/i.exec(text);
      if (m) f.plaats = m[1]!;
      const date = /\bop\s+(.+?)\.?$/i.exec(text);
      const iso = date ? parseDutchDate(date[1]!) : undefined;
      if (iso) f.datum = iso.iso;
      stage = "na";
      continue;
    }
    if (stage === "dictum" && b.type === "paragraph" && /^(?:de|het)\s+.+\s+voornoemd,?$/i.test(text) && blocks[i + 1]?.type === "table") {
      stage = "na";
      continue;
    }
    if (stage === "dictum") {
      f.dictum.push(b);
      continue;
    }
    if (stage === "na") {
      if (b.type === "table") f.ondertekening.push(...signersOf(b));
      else if (b.type === "paragraph" && (b.caption || /voornoemd,?$/i.test(text))) continue;
      else if (b.type === "paragraph" && /^(?:de|het)\s+[^,]{2,60},$/i.test(text)) {
        // "De voorzitter," with the name in the paragraph below it (signatures one under the other).
        f.ondertekening.push({ functie: text.replace(/^(?:de|het)\s+/i, "").replace(/,$/, "") });
      } else if (b.type === "paragraph" && f.ondertekening.length && !f.ondertekening[f.ondertekening.length - 1]!.naam && text.length <= 80) {
        f.ondertekening[f.ondertekening.length - 1]!.naam = text;
      }
      else f.rest.push(b);
      continue;
    }
    f.rest.push(b);
  }
  const at = regelingStart(f.dictum);
  if (at >= 0) {
    const read = readRegeling(f.dictum.splice(at));
    f.regeling = read.regeling;
    f.rest.push(...read.rest);
  }
  return f;
}

/** Signatures side by side: "de voorzitter," over the name (with room to sign above it). */
function signersOf(t: TableBlock): { functie: string; naam?: string }[] {
  const [functies = [], namen = []] = t.rows.map((r) => r.map((c) => textOf(c).trim().replace(/\s+/g, " ")));
  return functies.map((f, i) => {
    const naam = namen[i]?.trim();
    return { functie: f.replace(/^(de|het)\s+/i, "").replace(/,\s*$/, ""), ...(naam && { naam }) };
  });
}
