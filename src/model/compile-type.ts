import { z } from "zod";
import { EMPTY, isoDate } from "./common.js";
import type { Soort, VeldDeclaratie } from "./declaration.js";
import { OPENBAARHEID, Beslispunt, Bijlage, Tabel } from "./proposal.js";
import { BesluitTekst, Regeling } from "./regeling.js";
import { t } from "../i18n/i18n.js";

/**
 * A document type's declaration → the zod schema of its documents. The schema carries each
 * field's Dutch label (as JSON Schema `title`), description and example, so the JSON Schema for
 * editors, the skeleton, the editor's form and `check`'s messages all speak the type's words.
 */

/** A field after its type's extensions are applied: its key and a declaration with a kind. */
export interface Field extends VeldDeclaratie {
  readonly key: string;
  readonly soort: Soort;
  readonly label: string;
}

/** A type as the program uses it: its fields in order, merged with its base's. */
export interface DocumentType {
  readonly name: string;
  readonly description: string;
  /** The key of the field that is the document's title. */
  readonly titel: string;
  readonly gegevens: readonly Field[];
  readonly secties: readonly Field[];
}

/** `beoogd_effect` → "Beoogd effect": the label of a field that declares none. */
export const labelOf = (key: string): string => {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A field of a group, a row or a list element: its declaration with a kind, key and label. */
export function fieldOf(key: string, decl: VeldDeclaratie): Field {
  return { ...decl, key, soort: decl.soort ?? "tekst", label: decl.label ?? labelOf(key) };
}

const line = z.string().trim().min(1);
const yesNo = z.union([z.boolean(), z.enum(["ja", "nee"]).transform((v) => v === "ja")]);

const Persoon = z.strictObject({
  naam: line.describe("Naam").meta({ title: "Naam" }),
  functie: line.describe("Functie of rol").meta({ title: "Functie" }).optional(),
  afdeling: line.describe("Afdeling, team of organisatieonderdeel").meta({ title: "Afdeling" }).optional(),
  email: z.email().describe("E-mailadres").meta({ title: "E-mail" }).optional(),
  telefoon: line.describe("Telefoonnummer").meta({ title: "Telefoon" }).optional(),
});

const Ondertekenaar = z.strictObject({
  functie: line.describe("Functie of rol, bijv. directeur, portefeuillehouder, secretaris").meta({ title: "Functie" }),
  naam: line.describe("Naam").meta({ title: "Naam" }),
  eenheid: line.describe("Eenheid of afdeling").meta({ title: "Eenheid" }).optional(),
  datum: isoDate("Datum van paraaf of ondertekening").meta({ title: "Datum" }).optional(),
});

/** One schema per kind of content: the value as written, before `leeg`, optional and defaults. */
const CONTENT: Readonly<Record<Soort, (f: Field) => z.ZodType>> = {
  tekst: () => line,
  proza: () => line,
  datum: () => z.iso.date(),
  keuze: (f) => z.enum(f.waarden as [string, ...string[]]),
  janee: () => yesNo,
  getal: (f) => bounded(z.number(), f),
  bedrag: (f) => bounded(z.number(), f),
  persoon: () => Persoon,
  lijst: (f) => counted(z.array(compileField(fieldOf("element", f.van ?? { soort: "tekst" }))), f),
  tabel: (f) => (Array.isArray(f.kolommen) ? fixedTable(f.kolommen.length) : Tabel),
  rijen: (f) => counted(z.array(objectOf(entriesOf(f.kolommen))), f),
  beslispunten: (f) =>
    z.strictObject({
      aanhef: line.describe(`De zin voor de beslispunten; zonder: ${f.aanhef ? `"${f.aanhef}"` : "de standaardzin"}`).meta({ title: "Aanhef" }).optional(),
      beslispunten: counted(z.array(Beslispunt), f).describe("De beslispunten, met subpunten en slottekst").meta({ title: "Beslispunten" }),
    }),
  ondertekening: (f) => counted(z.array(Ondertekenaar), f),
  groep: (f) => objectOf(entriesOf(f.velden)),
  bijlagen: () => z.array(Bijlage),
  regeling: () => Regeling,
  besluit: () => BesluitTekst,
};

/** What each kind adds to a field's description, so editors say how to write it. */
const HINT: Partial<Record<Soort, string>> = {
  proza: "Markdown: alinea's, **vet**, *cursief*, lijsten, [links](https://…)",
  datum: "JJJJ-MM-DD",
  janee: "ja of nee",
  bedrag: "in euro's, als getal: 1250000 of 1250000.50",
};

const bounded = (n: z.ZodNumber, f: Field) => (f.max !== undefined ? (f.min !== undefined ? n.min(f.min) : n).max(f.max) : f.min !== undefined ? n.min(f.min) : n);
const counted = <T extends z.ZodType>(a: z.ZodArray<T>, f: Field) => (f.max !== undefined ? a.min(f.min ?? 1).max(f.max) : a.min(f.min ?? 1));

function fixedTable(columns: number): z.ZodType {
  return z.array(z.array(line)).min(1).superRefine((rows, ctx) => {
    rows.forEach((row, i) => {
      if (row.length !== columns) ctx.addIssue({ code: "custom", path: [i], message: t("m.tableRow", { row: i + 1, cells: row.length, columns }) });
    });
  });
}

/** The fields of a group or row, in order (a `weg` entry is already gone after merging). */
export function entriesOf(decls: VeldDeclaratie["kolommen"] | VeldDeclaratie["velden"]): Field[] {
  if (!decls || Array.isArray(decls)) return [];
  return Object.entries(decls).flatMap(([key, d]) => (d === "weg" ? [] : [fieldOf(key, d)]));
}

function objectOf(fields: readonly Field[]): z.ZodType {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.key, compileField(f)])));
}

/** One field: its content, `leeg` where allowed, optional or defaulted, with its label and description. */
export function compileField(f: Field): z.ZodType {
  const base = CONTENT[f.soort](f);
  const lead = (f.omschrijving ?? f.label).replace(/\.$/, "");
  const hint = HINT[f.soort];
  const description = hint ? `${lead}${/[?!:;]$/.test(lead) ? " " : ". "}${hint}` : lead;
  let s: z.ZodType = f.leeg ? z.union([z.literal(EMPTY).describe("deze sectie is leeg met opzet"), base]) : base;
  const meta: Record<string, unknown> = { title: f.label, description: f.leeg ? `${description}; schrijf \`${EMPTY}\` als er niets te zeggen is` : description };
  if (f.voorbeeld !== undefined) meta.examples = [f.voorbeeld];
  s = s.meta(meta);
  // The default as the field reads it (`nee` → false), so templates see what a written value gives.
  if (f.standaard !== undefined) {
    const read = s.safeParse(f.standaard);
    return s.default((read.success ? read.data : f.standaard) as never);
  }
  return f.verplicht === false ? s.optional() : s;
}

/** The schema of a document of type `t`: its `type:`, its gegevens and its secties, in order. */
export function compileType(t: DocumentType): z.ZodType<Record<string, unknown>> {
  return z
    .strictObject({
      type: z.literal(t.name).describe(`Het type van dit document: \`${t.name}\``).meta({ title: "Type" }).optional(),
      ...Object.fromEntries([...t.gegevens, ...t.secties].map((f) => [f.key, compileField(f)])),
    })
    .describe(t.description) as unknown as z.ZodType<Record<string, unknown>>;
}

/**
 * Fields that meetings, the editor's list and `diff` read by name: a type that declares one must
 * give it this kind, so that every type can go on an agenda.
 */
export const FIXED_MEANING: Readonly<Record<string, { readonly soorten: readonly Soort[]; readonly waarden?: readonly string[] }>> = {
  onderwerp: { soorten: ["tekst"] },
  organisatie: { soorten: ["tekst"] },
  orgaan: { soorten: ["tekst"] },
  vergaderdatum: { soorten: ["datum"] },
  agendapunt: { soorten: ["tekst"] },
  behandelwijze: { soorten: ["keuze", "tekst"] },
  hamerstuk: { soorten: ["janee"] },
  openbaarheid: { soorten: ["keuze"], waarden: OPENBAARHEID },
  bijlagen: { soorten: ["bijlagen"] },
};
