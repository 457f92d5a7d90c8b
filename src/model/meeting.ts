import { z } from "zod";
import { documentType, inline, isoDate, prose, text } from "./common.js";
import { BEHANDELWIJZEN } from "./proposal.js";

/** The zod schema of a meeting (vergadering): its agenda items in order, and what was decided. */

export const FIXED_ITEMS = {
  opening: "Opening",
  vaststellen_agenda: "Vaststellen van de agenda",
  mededelingen: "Mededelingen",
  verslag: "Verslag van de vorige vergadering",
  ingekomen_stukken: "Ingekomen stukken",
  rondvraag_en_sluiting: "Rondvraag en sluiting",
} as const;
export type FixedItem = keyof typeof FIXED_ITEMS;
const FIXED_KEYS = Object.keys(FIXED_ITEMS) as [FixedItem, ...FixedItem[]];

const time = (description: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, { error: 'write a time as HH:MM, e.g. "15:30"' })
    .describe(`${description} (HH:MM)`);

export const AgendaBijlage = z.strictObject({
  titel: text("Title of the attachment"),
  bestand: text("Path of the file, relative to the meeting file").optional(),
  besloten: z.boolean().describe("Closed: left out of the public bundle (only under a besloten item)").optional(),
});

const Besluit = z
  .strictObject({
    tekst: prose("What was decided, e.g. Conform besloten."),
    stemming: inline("Vote outcome, e.g. unaniem, or 12 voor, 3 tegen").optional(),
  })
  .describe("The decision taken on this item, for the besluitenlijst");

/** Fields every kind of item shares. */
const common = {
  behandelwijze: z.enum(BEHANDELWIJZEN).describe("How the board treats this item (default: the proposal's)").optional(),
  hamerstuk: z.boolean().describe("Adopted without debate (default: the proposal's)").optional(),
  besloten: z.boolean().describe("In the closed part of the meeting (default: the proposal's openbaarheid)").optional(),
  bijlagen: z.array(AgendaBijlage).describe("Attachments of this item, numbered after it (5-1, 5-2)").optional(),
  besluit: Besluit.optional(),
};

export interface AgendaItemInput {
  vast?: FixedItem | undefined;
  voorstel?: string | undefined;
  titel?: string | undefined;
  toelichting?: string | undefined;
  behandelwijze?: (typeof BEHANDELWIJZEN)[number] | undefined;
  hamerstuk?: boolean | undefined;
  besloten?: boolean | undefined;
  bijlagen?: z.infer<typeof AgendaBijlage>[] | undefined;
  besluit?: z.infer<typeof Besluit> | undefined;
  subpunten?: AgendaItemInput[] | undefined;
}

export const AgendaItem: z.ZodType<AgendaItemInput> = z.lazy(() =>
  z
    .strictObject({
      vast: z.enum(FIXED_KEYS).describe("A fixed item: opening, vaststellen_agenda, mededelingen, verslag, ingekomen_stukken, rondvraag_en_sluiting").optional(),
      voorstel: text("Path of the proposal file, relative to the meeting file").optional(),
      titel: text("Title (required for an item that is neither fixed nor a proposal; overrides the others')").optional(),
      toelichting: inline("A short explanation under the title, e.g. mondeling").optional(),
      ...common,
      subpunten: z.array(AgendaItem).min(1).describe("Sub-items, numbered 5a, 5b").optional(),
    })
    .superRefine((item, ctx) => {
      const kinds = [item.vast, item.voorstel].filter((k) => k !== undefined).length;
      if (kinds > 1) ctx.addIssue({ code: "custom", path: ["voorstel"], message: "an item is either `vast` or a `voorstel`, not both" });
      if (kinds === 0 && item.titel === undefined) {
        ctx.addIssue({ code: "custom", path: [], message: "an item needs `vast: …`, `voorstel: <file>` or a `titel`" });
      }
    }),
);

export const NUMBERING = ["1, 2, 3", "I, II, III"] as const;
export const SUB_NUMBERING = ["a, b, c", "1, 2, 3"] as const;

/** The name a meeting gives as its `type:`. */
export const MEETING_TYPES = ["vergadering"] as const;

export const Meeting = z
  .strictObject({
    type: documentType(MEETING_TYPES, "a meeting"),
    organisatie: text("The public body, e.g. Veiligheidsregio Flevoland"),
    orgaan: text("The board that meets, e.g. Algemeen bestuur"),
    datum: isoDate("Date of the meeting"),
    aanvang: time("Start time"),
    locatie: text("Where the meeting is held"),
    voorzitter: text("Who chairs the meeting"),
    besloten_deel: z
      .strictObject({
        aanvang: time("Start time of the closed part").optional(),
        locatie: text("Where the closed part is held, if elsewhere").optional(),
      })
      .describe("The closed part (besloten deel), after the public part; items with besloten: true go there")
      .optional(),
    nummering: z
      .strictObject({
        punten: z.enum(NUMBERING).describe("Numbers of the items").optional(),
        subpunten: z.enum(SUB_NUMBERING).describe("Numbers of the sub-items, after the item's: 5a or 5.1").optional(),
      })
      .describe("Numbering scheme of the agenda")
      .optional(),
    punten: z.array(AgendaItem).min(1).describe("The agenda items, in order; they are numbered and grouped automatically"),
  })
  .describe("A meeting (vergadering) of a board");

export type Meeting = z.infer<typeof Meeting>;
