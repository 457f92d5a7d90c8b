import { z } from "zod";
import { inline, isoDate, text } from "./common.js";
import { Beslispunt, referenceId } from "./proposal.js";
import { t } from "../i18n/i18n.js";

/**
 * The adopted instrument of a formal besluit, as a legal text: hoofdstukken, paragrafen and
 * artikelen (numbered when printed, never in the data, so inserting an article renumbers the
 * rest), each artikel with its text, its leden (1, 2) with onderdelen (a, b), or begripsbepalingen;
 * then the inwerkingtreding and the citeertitel, printed as the last articles.
 */

/** An onderdeel (a, b) of a lid, or a lid of an artikel: a sentence, or a lead sentence with onderdelen. */
export interface LidObject {
  tekst: string;
  onderdelen?: string[] | undefined;
  id?: string | undefined;
}
export type Lid = string | LidObject;

const Lid: z.ZodType<Lid> = z.union([
  inline("Een lid van het artikel"),
  z.strictObject({
    tekst: inline("De aanloopzin van het lid"),
    onderdelen: z.array(inline("Een onderdeel")).min(1).describe("De onderdelen, genummerd a, b, c").optional(),
    id: referenceId.describe("Een naam waarmee de tekst ernaar verwijst: [[lid:naam]] drukt \"artikel 3, tweede lid\"").optional(),
  }),
]);

export const Artikel = z
  .strictObject({
    id: referenceId.describe("Een naam waarmee de tekst ernaar verwijst: [[artikel:naam]] drukt \"artikel 3\"").optional(),
    titel: text("Het opschrift van het artikel, bijv. Begripsbepalingen").optional(),
    tekst: inline("De tekst van een artikel van één lid").optional(),
    leden: z.array(Lid).min(1).describe("De leden, genummerd 1, 2, 3 (één lid: geen nummer)").optional(),
    begrippen: z
      .array(z.strictObject({ begrip: text("Het begrip"), betekenis: inline("Wat eronder wordt verstaan") }))
      .min(1)
      .describe("Begripsbepalingen: \"In deze regeling wordt verstaan onder: a. begrip: betekenis;\"")
      .optional(),
  })
  .superRefine((a, ctx) => {
    const given = [a.tekst, a.leden, a.begrippen].filter((x) => x !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: "custom", path: [], message: t("m.artikel") });
  })
  .describe("Een artikel");
export type Artikel = z.infer<typeof Artikel>;

const Paragraaf = z.strictObject({
  paragraaf: text("Het opschrift van de paragraaf"),
  artikelen: z.array(Artikel).min(1).describe("De artikelen van de paragraaf"),
});

const Hoofdstuk = z.strictObject({
  hoofdstuk: text("Het opschrift van het hoofdstuk"),
  paragrafen: z.array(Paragraaf).min(1).describe("De paragrafen van het hoofdstuk").optional(),
  artikelen: z.array(Artikel).min(1).describe("De artikelen van het hoofdstuk (zonder paragrafen)").optional(),
});

export const Regeling = z
  .strictObject({
    hoofdstukken: z.array(Hoofdstuk).min(1).describe("De hoofdstukken, genummerd 1, 2, 3").optional(),
    artikelen: z.array(Artikel).min(1).describe("De artikelen, genummerd 1, 2, 3 (zonder hoofdstukken)").optional(),
    inwerkingtreding: z
      .strictObject({
        datum: isoDate("De datum van inwerkingtreding").optional(),
        na_bekendmaking: z.boolean().describe("In werking met ingang van de dag na die van bekendmaking").optional(),
        terugwerkend_tot: isoDate("Werkt terug tot en met deze datum").optional(),
      })
      .describe("Wanneer de regeling in werking treedt")
      .optional(),
    citeertitel: text("Hoe de regeling wordt aangehaald").optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.hoofdstukken === !r.artikelen) ctx.addIssue({ code: "custom", path: [], message: t("m.regeling") });
    if (r.inwerkingtreding && !r.inwerkingtreding.datum === !r.inwerkingtreding.na_bekendmaking) {
      ctx.addIssue({ code: "custom", path: ["inwerkingtreding"], message: t("m.inwerkingtreding") });
    }
  })
  .describe("De regeling: hoofdstukken of artikelen, inwerkingtreding, citeertitel");
export type Regeling = z.infer<typeof Regeling>;

/**
 * A formal besluit as the content of one field: a proposal's ontwerpbesluit. The same parts as
 * the `besluit` type's sections (see templates/besluit/type.yaml); printed on a page of its own.
 */
export const BesluitTekst = z
  .strictObject({
    aanhef: text("Wie besluit, zonder ; aan het eind; weglaten: gemaakt uit orgaan, organisatie en vergaderdatum").optional(),
    gelezen: text("Het voorstel waarop wordt besloten").optional(),
    overwegingen: z.array(inline("Een overweging, gedrukt als: overwegende dat …;")).min(1).optional(),
    gehoord: z.array(text("Wie gehoord is")).min(1).optional(),
    gelet_op: z.array(text("Een grondslag")).min(1).optional(),
    besluit: z
      .strictObject({
        aanhef: inline('De zin voor het dictum; zonder: "besluit:"').optional(),
        beslispunten: z.array(Beslispunt).min(1).describe("Het dictum: één beslispunt zonder nummer, of meer genummerd"),
      })
      .describe("Het dictum"),
    regeling: Regeling.optional(),
    plaats: text("Waar wordt besloten").optional(),
    ondertekening: z
      .array(z.strictObject({ functie: text("Functie, bijv. voorzitter"), naam: text("Naam").optional() }))
      .min(1)
      .describe("Wie ondertekent; zonder naam: ruimte voor de naam")
      .optional(),
  })
  .describe("Een formeel besluit: aanhef, overwegingen, gelet op, het dictum, de regeling, de ondertekening");
