import { z } from "zod";
import { documentType, text } from "./common.js";

/**
 * The zod schema of a house-style file (`huisstijl.yaml`): how an organisation's documents look.
 * Every field is optional; what is left out keeps boardpaper's default.
 */
const colour = (description: string) =>
  z
    .string()
    .regex(/^#[0-9A-Fa-f]{6}$/, { error: "write a colour as # and six hexadecimal digits, e.g. #1F4E79" })
    .describe(`${description}, e.g. #1F4E79`);

const points = (description: string, min: number, max: number) => z.number().min(min).max(max).describe(`${description}, in points (${min}–${max})`);
const millimetres = (description: string) => z.number().min(5).max(60).describe(`${description}, in millimetres (5–60)`);

/** Font names go into CSS and Word XML; plain names only. */
const fontName = (description: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { error: "a font name has letters, digits, spaces and hyphens only, e.g. Arial or Open Sans" })
    .describe(description);

export const DATE_FORMATS = ["lang", "numeriek"] as const;

/** The name a house style gives as its `type:`. */
export const HOUSE_STYLE_TYPES = ["huisstijl"] as const;

export const HouseStyleFile = z
  .strictObject({
    type: documentType(HOUSE_STYLE_TYPES, "a house style"),
    organisatie: text("Name of the organisation, used in the alt text of the logo").optional(),
    logo: z
      .strictObject({
        bestand: text("The logo file, PNG or SVG, relative to this file"),
        alt: text("Alternative text: what the logo shows, for screen readers"),
        breedte_mm: z.number().min(5).max(120).describe("Width of the logo in the page header, in millimetres").optional(),
      })
      .describe("Logo in the page header of every document")
      .optional(),
    lettertype: z
      .strictObject({
        familie: fontName("Font family as Word names it, e.g. Arial").optional(),
        reserve: z.array(fontName("A fallback font for HTML")).describe("Fallback fonts for the HTML, in order").optional(),
        grootte: z
          .strictObject({
            tekst: points("Body text size", 6, 20).optional(),
            titel: points("Title size", 8, 48).optional(),
            kop1: points("Heading 1 size", 6, 36).optional(),
            kop2: points("Heading 2 size", 6, 30).optional(),
            klein: points("Size of page header and footer", 5, 14).optional(),
          })
          .describe("Font sizes")
          .optional(),
      })
      .describe("Font family and sizes")
      .optional(),
    accentkleur: colour("Colour of headings and table borders").optional(),
    accentkleur_licht: colour("Background of table header rows (light: text on it is black)").optional(),
    marges_mm: z
      .strictObject({ boven: millimetres("Top margin").optional(), rechts: millimetres("Right margin").optional(), onder: millimetres("Bottom margin").optional(), links: millimetres("Left margin").optional() })
      .describe("Page margins (A4)")
      .optional(),
    voettekst: text("Text in the page footer, before the page number").optional(),
    datumnotatie: z.enum(DATE_FORMATS).describe("How dates are written: lang (1 oktober 2020) or numeriek (01-10-2020)").optional(),
    templates: text("A folder of templates that override the built-in ones file by file, relative to this file; a sub-folder named after a document type overrides that type's").optional(),
    standaardtype: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, { error: "a type name has lower-case letters, digits and -, e.g. raadsvoorstel" })
      .describe("The document type of the documents here that do not say `type:` (default: ab-voorstel); `boardpaper types` lists them")
      .optional(),
  })
  .describe("House style of an organisation (huisstijl)");

export type HouseStyleFile = z.infer<typeof HouseStyleFile>;

/** The file name by which a house style is found (in an input's folder or a folder above). */
export const HOUSE_STYLE_FILE = "huisstijl.yaml";
