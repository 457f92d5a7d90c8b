import { fieldOf, type Field } from "../model/compile-type.js";
import type { Soort } from "../model/declaration.js";
import { bestMatch, normalise } from "./labels.js";

/**
 * A value as a Word document writes it on one line ("1 oktober '20", "€ 1.250,50", "L. Mulder,
 * l.mulder@…") → the value of a field of its kind: the reverse of src/template/values.ts, one
 * handler per kind. `undefined` when the text is not a value of that kind (the caller reports it).
 */
export interface Parsed {
  readonly value: unknown;
  /** Text the value did not use, e.g. "(hamerstuk)" after a behandelwijze. */
  readonly rest?: string;
}

type Parser = (text: string, field: Field) => Parsed | undefined;

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const WEEKDAYS = /^(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,?\s+/i;

const pad = (n: number) => String(n).padStart(2, "0");
const year = (y: string): number => (y.length === 2 ? (Number(y) < 70 ? 2000 : 1900) + Number(y) : Number(y));

function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A date as Dutch documents write it: "1 oktober 2020", "donderdag 1 okt. 2020", "9 september
 * ‘20", "01-10-2020", "1-10-'20", "1.10.2020", "1/10/2020", "2020-10-01". Pure, no locale data.
 */
export function parseDutchDate(text: string): { iso: string; rest: string } | undefined {
  const t = text.trim().replace(WEEKDAYS, "");
  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(t);
  if (iso) {
    const d = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return d ? { iso: d, rest: t.slice(iso[0].length).trim() } : undefined;
  }
  const numeric = /^(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*['‘’]?(\d{4}|\d{2})\b/.exec(t);
  if (numeric) {
    const d = isoDate(year(numeric[3]!), Number(numeric[2]), Number(numeric[1]));
    return d ? { iso: d, rest: t.slice(numeric[0].length).trim() } : undefined;
  }
  const written = /^(\d{1,2})\s+([a-z]+)\.?\s+['‘’]?(\d{4}|\d{2})\b/i.exec(t);
  if (written) {
    const name = written[2]!.toLowerCase();
    const month = MONTHS.findIndex((m) => m === name || (name.length >= 3 && m.startsWith(name)));
    if (month < 0) return undefined;
    const d = isoDate(year(written[3]!), month + 1, Number(written[1]));
    return d ? { iso: d, rest: t.slice(written[0].length).trim() } : undefined;
  }
  return undefined;
}

/** "1.250.000,50" or "1250000.50" or "1.250" → 1250000.5, 1250000.5, 1250. */
export function parseDutchNumber(text: string): number | undefined {
  let t = text.trim().replace(/\s/g, "");
  if (!/^-?[\d.,]+$/.test(t)) return undefined;
  if (t.includes(",")) t = t.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, "");
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const PHONE = /^[+(]?[\d][\d\s()\-+]{5,}$/;

const PARSE: Readonly<Record<Soort, Parser>> = {
  tekst: (t) => (t ? { value: t } : undefined),
  proza: (t) => (t ? { value: t } : undefined),
  datum: (t) => {
    const d = parseDutchDate(t);
    return d && { value: d.iso, ...(d.rest && { rest: d.rest }) };
  },
  keuze: (t, f) => {
    // "ter vaststelling (hamerstuk)": the choice, and what follows it for the caller.
    const [head, ...tail] = t.split(/\s*(?=[(,;])/);
    const choice = bestMatch(head ?? t, f.waarden ?? [], (w) => [normalise(w)]);
    return choice === undefined ? undefined : { value: choice, ...(tail.length && { rest: tail.join(" ").trim() }) };
  },
  janee: (t) => {
    const n = normalise(t);
    if (["ja", "j", "yes", "x", "waar", "true"].includes(n) || t.trim() === "✓") return { value: true };
    if (["nee", "n", "no", "niet", "onwaar", "false", ""].includes(n)) return { value: false };
    return undefined;
  },
  getal: (t) => {
    const n = parseDutchNumber(t);
    return n === undefined ? undefined : { value: n };
  },
  bedrag: (t) => {
    const n = parseDutchNumber(t.replace(/€|\bEUR\b|\beuro\b/gi, "").replace(/,[-–]$/, ""));
    return n === undefined ? undefined : { value: n };
  },
  persoon: (t) => {
    // Printed as: naam, functie, afdeling, e-mail, telefoon (those that are there).
    const parts = t.split(/\s*[,;]\s*|\s+[|–]\s+/).filter((p) => p.length > 0);
    if (parts.length === 0) return undefined;
    const person: Record<string, string> = {};
    const words: string[] = [];
    for (const p of parts) {
      const bare = p.replace(/^(?:e-?mail|tel(?:efoon)?\.?)\s*:?\s*/i, "");
      if (EMAIL.test(bare) && !person.email) person.email = bare;
      else if (PHONE.test(bare) && !person.telefoon) person.telefoon = bare;
      else words.push(p);
    }
    const [naam, functie, ...afdeling] = words;
    if (!naam) return undefined;
    // In the order the schema (and `new`) writes a person.
    const { email, telefoon } = person;
    return { value: { naam, ...(functie && { functie }), ...(afdeling.length && { afdeling: afdeling.join(", ") }), ...(email && { email }), ...(telefoon && { telefoon }) } };
  },
  lijst: (t, f) => {
    const element = fieldOf("element", f.van ?? {});
    const values = t
      .split(/\n|;\s*/)
      .map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s+/, "").trim())
      .filter((line) => line.length > 0)
      .map((line) => PARSE[element.soort](line, element)?.value);
    return values.length && values.every((v) => v !== undefined) ? { value: values } : undefined;
  },
  groep: (t, f) => {
    // Printed as its values in order, by commas; a version also as "1.2 van 18 september 2020".
    const fields = Object.entries(f.velden ?? {}).flatMap(([k, d]) => (d === "weg" ? [] : [fieldOf(k, d)]));
    const parts = t.split(/\s*,\s*|\s+(?:van|d\.d\.|per)\s+/i).filter((p) => p.length > 0);
    const out: Record<string, unknown> = {};
    const left = [...fields];
    for (const p of parts) {
      // Each part to the first field left that takes it (a date only where a date goes).
      const at = left.findIndex((g) => g.soort === "datum" ? parseDutchDate(p)?.rest === "" : g.soort === "tekst" ? parseDutchDate(p)?.rest !== "" || left.every((o) => o.soort !== "datum") : PARSE[g.soort](p, g) !== undefined);
      if (at < 0) return undefined;
      const [g] = left.splice(at, 1);
      out[g!.key] = PARSE[g!.soort](p, g!)!.value;
    }
    return Object.keys(out).length ? { value: out } : undefined;
  },
  bijlagen: (t) => {
    const list = t
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && normalise(line) !== "geen");
    if (list.length === 0) return { value: [] };
    return { value: list.map(bijlageLine) };
  },
  tabel: () => undefined,
  rijen: () => undefined,
  ondertekening: () => undefined,
  beslispunten: () => undefined,
  regeling: () => undefined,
  besluit: () => undefined,
};

/** "2. Titel van de bijlage (2020-0412) (besloten)" → a bijlage. */
function bijlageLine(line: string): Record<string, unknown> {
  let titel = line.replace(/^\s*(?:bijlage\s*)?(?:[\dA-Za-z]{1,3}(?:-\d+)?[.):]|[-•*])\s+/i, "");
  const out: Record<string, unknown> = {};
  if (/\s*\(besloten\)$/i.test(titel)) {
    out.besloten = true;
    titel = titel.replace(/\s*\(besloten\)$/i, "");
  }
  // A registration number has digits and a separator ("2020-0412", "Z/21/0034"), a year alone is title.
  const number = /\s*\(((?=[^()]*\d)(?=[^()]*[-/.])[\w./-]+)\)$/.exec(titel);
  if (number) titel = titel.slice(0, number.index);
  return { titel: titel.trim(), ...(number && { registratienummer: number[1] }), ...out };
}

export const parseValue = (text: string, field: Field): Parsed | undefined => PARSE[field.soort](text.trim(), field);
