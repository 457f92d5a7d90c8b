import { z } from "zod";
import { t } from "../i18n/i18n.js";

/**
 * The zod schema of a document type's declaration (`templates/<type>/type.yaml`): which fields a
 * document of the type has, in which order, with the Dutch label that is printed, and the kind
 * of content of each. Checked like every other input, so a mistake in a declaration is a
 * positioned error in that file. src/model/compile-type.ts turns a declaration into the zod
 * schema of its documents; everything else (check, JSON Schema, skeleton, editor form, the
 * generic template) follows from that.
 */

/** The kinds of content a field can have (`soort:`). */
export const SOORTEN = [
  "tekst",
  "proza",
  "datum",
  "keuze",
  "janee",
  "getal",
  "bedrag",
  "persoon",
  "lijst",
  "tabel",
  "rijen",
  "beslispunten",
  "ondertekening",
  "groep",
  "bijlagen",
  "regeling",
  "besluit",
] as const;
export type Soort = (typeof SOORTEN)[number];

/** YAML 1.2 reads `ja`/`nee` as text; a declaration (written in Dutch) may use them for yes/no. */
export const jaNee = (description: string) =>
  z
    .union([z.boolean(), z.enum(["ja", "nee"]).transform((v) => v === "ja")])
    .describe(`${description}: ja of nee`);

const KEY = /^[a-z][a-z0-9_]*$/;
export const fieldKey = z.string().regex(KEY, { error: () => t("m.fieldKey") });

/** A field's declaration. Recursive: a list's element, a group's fields and a row's columns are fields too. */
export interface VeldDeclaratie {
  soort?: Soort | undefined;
  label?: string | undefined;
  ook?: string[] | undefined;
  omschrijving?: string | undefined;
  voorbeeld?: unknown;
  verplicht?: boolean | undefined;
  leeg?: boolean | undefined;
  standaard?: unknown;
  waarden?: string[] | undefined;
  van?: VeldDeclaratie | undefined;
  min?: number | undefined;
  max?: number | undefined;
  kolommen?: string[] | Record<string, VeldDeclaratie> | undefined;
  velden?: Record<string, VeldDeclaratie | "weg"> | undefined;
  nummering?: "1" | "a" | "i" | "geen" | undefined;
  enkel_ongenummerd?: boolean | undefined;
  aanhef?: string | undefined;
  bijschrift?: string | undefined;
  breedtes?: number[] | undefined;
  opmaak?: boolean | undefined;
  koppen?: boolean | undefined;
  letters?: boolean | undefined;
  verwijzing?: string | undefined;
  na?: string | undefined;
  voor?: string | undefined;
}

/** Options that only some kinds take: which, for the message when one is given to another kind. */
const OPTION_KINDS: Readonly<Record<string, readonly Soort[]>> = {
  waarden: ["keuze"],
  van: ["lijst"],
  min: ["getal", "bedrag", "lijst", "rijen", "beslispunten", "ondertekening"],
  max: ["getal", "bedrag", "lijst", "rijen", "beslispunten", "ondertekening"],
  kolommen: ["tabel", "rijen"],
  velden: ["groep"],
  nummering: ["beslispunten"],
  enkel_ongenummerd: ["beslispunten"],
  aanhef: ["beslispunten"],
  bijschrift: ["tabel", "rijen", "ondertekening"],
  breedtes: ["tabel", "rijen", "ondertekening"],
  opmaak: ["tekst"],
  koppen: ["proza"],
  letters: ["proza"],
  verwijzing: ["proza"],
};

export const Veld: z.ZodType<VeldDeclaratie, unknown> = z.lazy(() =>
  z
    .strictObject({
      soort: z.enum(SOORTEN).describe("Wat het veld bevat").optional(),
      label: z.string().trim().min(1).describe("De kop of het label dat gedrukt wordt, bijv. Beoogd effect").optional(),
      ook: z
        .array(z.string().trim().min(1))
        .min(1)
        .describe("Andere namen van deze kop of dit label in Word-documenten, waaraan `boardpaper import` het veld herkent, bijv. [Gevraagd besluit, Beslispunten]")
        .optional(),
      omschrijving: z.string().trim().min(1).describe("Uitleg voor wie het invult (in editors en het formulier)").optional(),
      voorbeeld: z.unknown().describe("Een voorbeeldwaarde (in editors en het formulier)").optional(),
      verplicht: jaNee("Moet het veld ingevuld zijn (standaard ja)").optional(),
      leeg: jaNee("Mag het veld `leeg` zijn: de kop blijft staan, zonder tekst (standaard nee)").optional(),
      standaard: z.unknown().describe("De waarde als het veld wordt weggelaten").optional(),
      waarden: z.array(z.string().trim().min(1)).min(1).describe("keuze: de waarden waaruit gekozen wordt").optional(),
      van: Veld.describe("lijst: wat elk element van de lijst is").optional(),
      min: z.number().describe("getal: de kleinste waarde; lijst: het kleinste aantal elementen").optional(),
      max: z.number().describe("getal: de grootste waarde; lijst: het grootste aantal elementen").optional(),
      kolommen: z
        .union([z.array(z.string().trim().min(1)).min(1), z.record(fieldKey, Veld)])
        .describe("tabel: de kolomkoppen; rijen: de kolommen als velden")
        .optional(),
      velden: z.record(fieldKey, z.union([z.literal("weg"), Veld])).describe("groep: de velden van de groep").optional(),
      nummering: z.enum(["1", "a", "i", "geen"]).describe("beslispunten: 1, a, i of geen (standaard 1)").optional(),
      enkel_ongenummerd: jaNee("beslispunten: één enkel beslispunt zonder nummer drukken").optional(),
      aanhef: z.string().trim().min(1).describe('beslispunten: de standaardaanhef, bijv. "Het college stelt de raad voor te besluiten:"').optional(),
      bijschrift: z.string().trim().min(1).describe("tabel, rijen: het bijschrift van de tabel").optional(),
      breedtes: z.array(z.number().positive()).min(1).describe("tabel, rijen: kolombreedtes in procenten").optional(),
      opmaak: jaNee("tekst: **vet**, *cursief* en links toestaan").optional(),
      koppen: jaNee("proza: koppen toestaan (`# Kop`, gedrukt onder de kop van de sectie)").optional(),
      letters: jaNee("proza: lijsten met letters toestaan (`a. …`, `b. …`)").optional(),
      verwijzing: z
        .string()
        .regex(/^[a-z]+$/, { error: () => t("m.referenceName") })
        .describe("proza: de naam waarmee de tekst naar een genummerd punt van dit veld verwijst: `1. {#kosten} …` en [[argument:kosten]] drukt \"argument 1\"")
        .optional(),
      na: fieldKey.describe("Bij uitbreiding: zet dit nieuwe veld na dit veld").optional(),
      voor: fieldKey.describe("Bij uitbreiding: zet dit nieuwe veld voor dit veld").optional(),
    })
    .superRefine((v, ctx) => {
      for (const [option, kinds] of Object.entries(OPTION_KINDS)) {
        if ((v as Record<string, unknown>)[option] === undefined || v.soort === undefined || kinds.includes(v.soort)) continue;
        ctx.addIssue({ code: "custom", path: [option], message: t("m.optionOfKind", { option, kinds: kinds.join(", "), soort: v.soort }) });
      }
      if (v.soort === "keuze" && !v.waarden) ctx.addIssue({ code: "custom", path: ["soort"], message: t("m.keuzeWaarden") });
      if (v.soort === "lijst" && !v.van) ctx.addIssue({ code: "custom", path: ["soort"], message: t("m.lijstVan", { example: "{soort: persoon}" }) });
      if (v.soort === "groep" && !v.velden) ctx.addIssue({ code: "custom", path: ["soort"], message: t("m.groepVelden") });
      if (v.soort === "rijen" && (!v.kolommen || Array.isArray(v.kolommen))) ctx.addIssue({ code: "custom", path: ["kolommen"], message: t("m.rijenKolommen", { example: "{met: {soort: tekst, label: Afgestemd met}}" }) });
      if (v.soort === "tabel" && v.kolommen && !Array.isArray(v.kolommen)) ctx.addIssue({ code: "custom", path: ["kolommen"], message: t("m.tabelKolommen") });
      if (v.breedtes && Array.isArray(v.kolommen) && v.breedtes.length !== v.kolommen.length) ctx.addIssue({ code: "custom", path: ["breedtes"], message: t("m.breedtes", { widths: v.breedtes.length, columns: v.kolommen.length }) });
    }),
);

/** A field of a declaration's `gegevens` or `secties`: a declaration, or `weg` to drop it from the base type. */
const Entry = z.union([z.literal("weg"), Veld]);

export const TYPE_DECLARATION_FILE = "type.yaml";

export const TypeDeclaration = z
  .strictObject({
    type: z.literal("documenttype").describe("Dit bestand verklaart een documenttype").optional(),
    naam: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: () => t("m.typeName") }).describe("De naam van het type: dezelfde als die van zijn map").optional(),
    omschrijving: z.string().trim().min(1).describe("Eén regel over wat voor document het is (voor `boardpaper types`)"),
    basis: z.string().trim().min(1).describe("Het type dat dit type uitbreidt: alleen het verschil wordt hier verklaard").optional(),
    titel: fieldKey.describe("Het veld dat de titel van het document is (standaard onderwerp)").optional(),
    gegevens: z.record(fieldKey, Entry).describe("De gegevens bovenaan (label: waarde), in volgorde").optional(),
    secties: z.record(fieldKey, Entry).describe("De secties, in de volgorde waarin ze gedrukt worden").optional(),
  })
  .describe("Een documenttype: de gegevens en secties van een formulier");

export type TypeDeclaration = z.infer<typeof TypeDeclaration>;

/** Keys the templates see besides the data: a type cannot declare them. */
export const RESERVED_KEYS = ["type", "huisstijl", "agenda", "documenttype", "verwijzingen"] as const;
