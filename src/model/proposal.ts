import { z } from "zod";
import { inline, text } from "./common.js";
import { t as msg } from "../i18n/i18n.js";

/**
 * What every proposal type shares, whatever fields its declaration gives it: the content blocks
 * several kinds of field are made of (beslispunten, tables, bijlagen), and the fields with a
 * fixed meaning that meetings, the editor's list and `diff` read when a type declares them.
 * A type's full schema is compiled from its declaration (src/model/compile-type.ts).
 */

export const BEHANDELWIJZEN = ["ter besluitvorming", "ter bespreking", "ter kennisname", "ter vaststelling", "ter informatie"] as const;
export const OPENBAARHEID = ["openbaar", "besloten"] as const;

/** A beslispunt is a sentence, or a sentence with sub-points (1 → a → i) and closing text after them. */
export interface BeslispuntObject {
  id?: string | undefined;
  tekst: string;
  subpunten?: Beslispunt[] | undefined;
  slottekst?: string | undefined;
  bijlagen?: string[] | undefined;
}
export type Beslispunt = string | BeslispuntObject;

const BeslispuntText = inline("Een beslispunt, los te lezen");

/** The name a target carries for cross-references (`[[bijlage:begroting]]`). */
export const referenceId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: () => msg("m.referenceId") });
export const Beslispunt: z.ZodType<Beslispunt> = z.lazy(() =>
  z.union([
    BeslispuntText,
    z.strictObject({
      tekst: BeslispuntText,
      subpunten: z.array(Beslispunt).min(1).describe("Subpunten, genummerd a, b, c").optional(),
      slottekst: inline("Tekst na de subpunten").optional(),
      bijlagen: z.array(referenceId).min(1).describe("De bijlagen (hun id's) die bij dit beslispunt horen; ze worden erbij genoemd").optional(),
      id: referenceId.describe("Een naam waarmee de tekst ernaar verwijst: [[beslispunt:naam]] drukt \"beslispunt 2b\"").optional(),
    }),
  ]),
);

export const Tabel = z
  .strictObject({
    bijschrift: text("Bijschrift van de tabel").optional(),
    kolommen: z.array(text("Kolomkop")).min(1).describe("De kopregel"),
    rijen: z.array(z.array(inline("Cel"))).min(1).describe("De rijen; elke rij heeft evenveel cellen als er kolommen zijn"),
  })
  .superRefine((t, ctx) => {
    t.rijen.forEach((rij, i) => {
      if (rij.length !== t.kolommen.length) {
        ctx.addIssue({
          code: "custom",
          path: ["rijen", i],
          message: msg("m.tableRow", { row: i + 1, cells: rij.length, columns: t.kolommen.length }),
        });
      }
    });
  })
  .describe("Een tabel met een kopregel");

const Blok = z.union([z.string().trim().min(1).describe("Tekst (Markdown)"), z.strictObject({ tabel: Tabel })]).describe("Een blok tekst, of `tabel:` met een tabel");

export const Bijlage = z
  .strictObject({
    id: referenceId.describe("Een naam waarmee de tekst ernaar verwijst: [[bijlage:naam]] drukt \"bijlage 2\" (of 7-2 op een agenda)").optional(),
    titel: text("Titel van de bijlage"),
    bestand: text("Pad van het bijgevoegde bestand, vanaf dit bestand").optional(),
    registratienummer: text("Registratienummer (zaak- of documentnummer) van de bijlage").optional(),
    besloten: z.boolean().describe("Besloten: niet in de openbare bundel").optional(),
    inhoud: z.array(Blok).min(1).describe("Inhoud die als bijlage in het voorstel wordt gedrukt").optional(),
  })
  .describe("Een bijlage: een bestand, inhoud die als bijlage wordt gedrukt, of beide");

export type Tabel = z.infer<typeof Tabel>;
export type Bijlage = z.infer<typeof Bijlage>;

/**
 * A proposal of any type, as meetings and the editor read it: the fields with a fixed meaning
 * (checked in a declaration to have the right kind), each there only when the type declares it.
 */
export interface Proposal {
  readonly onderwerp?: string;
  readonly organisatie?: string;
  readonly orgaan?: string;
  readonly vergaderdatum?: string;
  readonly agendapunt?: string;
  readonly behandelwijze?: string;
  readonly hamerstuk?: boolean;
  readonly openbaarheid?: (typeof OPENBAARHEID)[number];
  readonly bijlagen?: readonly Bijlage[];
  readonly [field: string]: unknown;
}
