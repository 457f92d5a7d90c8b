import { z } from "zod";
import { documentType, text } from "./common.js";
import { t } from "../i18n/i18n.js";

/**
 * The zod schema of a house-style file (`huisstijl.yaml`): how an organisation's documents look.
 * Every field is optional; what is left out keeps boardpaper's default.
 */
const colour = (description: string) =>
  z
    .string()
    .regex(/^#[0-9A-Fa-f]{6}$/, { error: () => t("m.colour") })
    .describe(`${description}, bijv. #1F4E79`);

const points = (description: string, min: number, max: number) => z.number().min(min).max(max).describe(`${description}, in punten (${min}–${max})`);
const millimetres = (description: string) => z.number().min(5).max(60).describe(`${description}, in millimeters (5–60)`);

/** Font names go into CSS and Word XML; plain names only. */
const fontName = (description: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { error: () => t("m.font") })
    .describe(description);

export const DATE_FORMATS = ["lang", "numeriek"] as const;

/** The name a house style gives as its `type:`. */
export const HOUSE_STYLE_TYPES = ["huisstijl"] as const;

export const HouseStyleFile = z
  .strictObject({
    type: documentType(HOUSE_STYLE_TYPES, "een huisstijl"),
    organisatie: text("Naam van de organisatie, gebruikt in de alternatieve tekst van het logo").optional(),
    logo: z
      .strictObject({
        bestand: text("Het logobestand, PNG of SVG, vanaf dit bestand"),
        alt: text("Alternatieve tekst: wat het logo toont, voor schermlezers"),
        breedte_mm: z.number().min(5).max(120).describe("Breedte van het logo in de koptekst, in millimeters").optional(),
      })
      .describe("Logo in de koptekst van elk document")
      .optional(),
    lettertype: z
      .strictObject({
        familie: fontName("Lettertype zoals Word het noemt, bijv. Arial").optional(),
        reserve: z.array(fontName("Een reservelettertype voor HTML")).describe("Reservelettertypes voor de HTML, in volgorde").optional(),
        grootte: z
          .strictObject({
            tekst: points("Grootte van de lopende tekst", 6, 20).optional(),
            titel: points("Grootte van de titel", 8, 48).optional(),
            kop1: points("Grootte van kop 1", 6, 36).optional(),
            kop2: points("Grootte van kop 2", 6, 30).optional(),
            klein: points("Grootte van koptekst en voettekst", 5, 14).optional(),
          })
          .describe("Lettergroottes")
          .optional(),
      })
      .describe("Lettertype en lettergroottes")
      .optional(),
    accentkleur: colour("Kleur van koppen en tabelranden").optional(),
    accentkleur_licht: colour("Achtergrond van de kopregels van tabellen (licht: de tekst erop is zwart)").optional(),
    marges_mm: z
      .strictObject({ boven: millimetres("Bovenmarge").optional(), rechts: millimetres("Rechtermarge").optional(), onder: millimetres("Ondermarge").optional(), links: millimetres("Linkermarge").optional() })
      .describe("Paginamarges (A4)")
      .optional(),
    voettekst: text("Tekst in de voettekst, voor het paginanummer").optional(),
    datumnotatie: z.enum(DATE_FORMATS).describe("Hoe datums geschreven worden: lang (1 oktober 2020) of numeriek (01-10-2020)").optional(),
    templates: text("Een map met sjablonen die de ingebouwde bestand voor bestand vervangen, vanaf dit bestand; een submap met de naam van een documenttype vervangt die van dat type").optional(),
    standaardtype: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, { error: () => t("m.typeName") })
      .describe("Het documenttype van de documenten hier die geen `type:` noemen (standaard: ab-voorstel); `boardpaper types` noemt ze")
      .optional(),
  })
  .describe("De huisstijl van een organisatie");

export type HouseStyleFile = z.infer<typeof HouseStyleFile>;

/** The file name by which a house style is found (in an input's folder or a folder above). */
export const HOUSE_STYLE_FILE = "huisstijl.yaml";
