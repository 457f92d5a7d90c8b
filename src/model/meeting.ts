import { z } from "zod";
import { documentType, inline, isoDate, prose, text } from "./common.js";
import { BEHANDELWIJZEN, referenceId } from "./proposal.js";

/**
 * The zod schema of a meeting (vergadering): its agenda as the secretariat writes it — parts,
 * groups with their own headings, items nested to any depth, in the order of the file (or
 * grouped by behandelwijze when the meeting asks for it) — and what was decided.
 */

export const FIXED_ITEMS = {
  opening: "Opening",
  vaststellen_agenda: "Vaststellen van de agenda",
  mededelingen: "Mededelingen",
  verslag: "Verslag van de vorige vergadering",
  ingekomen_stukken: "Ingekomen stukken",
  rondvraag: "Rondvraag",
  sluiting: "Sluiting",
  rondvraag_en_sluiting: "Rondvraag en sluiting",
} as const;
export type FixedItem = keyof typeof FIXED_ITEMS;
const FIXED_KEYS = Object.keys(FIXED_ITEMS) as [FixedItem, ...FixedItem[]];

const CLOCK = /^([01]\d|2[0-3])[:.][0-5]\d$/;

/**
 * A start time: a clock time ("15:30") or words ("na afloop van de vergadering van het
 * dagelijks bestuur"). Text that starts with a digit must be a clock time, so "15.3" is caught.
 */
const startTime = (description: string) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => !/^\d/.test(v) || CLOCK.test(v), {
      error: (issue) => `\`${String(issue.input)}\`: write a time as HH:MM, e.g. "15:30", or in words, e.g. "na afloop van de vergadering van het dagelijks bestuur"`,
    })
    .describe(`${description}: HH:MM, or in words`);

export const isClockTime = (v: string): boolean => CLOCK.test(v);

/**
 * A numbering pattern: text with one counter — {1} (1, 2, 3), {01} or {001} (zero-padded),
 * {a} / {A} (letters), {i} / {I} (roman) — and optionally {punt} (the parent item's number) or
 * {deel} (the part's number): "{1}", "AGP {1}", "{deel}-{1}", "{punt}{a}", "{a})", "{punt}.{1}".
 */
export const COUNTER = /\{(0*1|a|A|i|I)\}/g;
const pattern = (description: string, example: string) =>
  z
    .string()
    .min(1)
    .refine((p) => (p.match(COUNTER) ?? []).length === 1 && !/\{(?!0*1\}|a\}|A\}|i\}|I\}|punt\}|deel\})/.test(p), {
      error: "a numbering pattern has one counter — {1}, {01}, {a}, {A}, {i} or {I} — and may use {punt} and {deel}, e.g. \"{punt}{a}\" or \"AGP {1}\"",
    })
    .describe(`${description}, e.g. "${example}"`);

/** The short forms of earlier versions, still read: "1, 2, 3", "I, II, III" and "a, b, c". */
export const LEGACY_ITEM_NUMBERING = { "1, 2, 3": "{1}", "I, II, III": "{I}" } as const;
export const LEGACY_SUB_NUMBERING = { "a, b, c": "{punt}{a}", "1, 2, 3": "{punt}.{1}" } as const;

const Nummering = z
  .strictObject({
    delen: pattern("Number of a part, for {deel}", "{I}").optional(),
    punten: z.union([z.enum(Object.keys(LEGACY_ITEM_NUMBERING) as [keyof typeof LEGACY_ITEM_NUMBERING]), pattern("Number of an item", "{1}")]).describe("Numbers of the items").optional(),
    subpunten: z.union([z.enum(Object.keys(LEGACY_SUB_NUMBERING) as [keyof typeof LEGACY_SUB_NUMBERING]), pattern("Number of a sub-item", "{punt}{a}")]).describe("Numbers of the sub-items").optional(),
    subsubpunten: pattern("Number of an item below a sub-item (and deeper)", "{punt}.{1}").optional(),
    bijlagen: pattern("Number of an attachment", "{punt}-{1}").optional(),
  })
  .describe("How the agenda is numbered: a pattern per level");

export const AgendaBijlage = z.strictObject({
  titel: text("Title of the attachment"),
  bestand: text("Path of the file, relative to the meeting file").optional(),
  besloten: z.boolean().describe("Closed: left out of the public bundle (only under a besloten item)").optional(),
});

const Actie = z.strictObject({
  actie: inline("What is to be done"),
  wie: text("Who does it").optional(),
  wanneer: text('By when, e.g. "1 december 2020" or "volgende vergadering"').optional(),
});

const Besluit = z
  .strictObject({
    tekst: prose("What was decided, e.g. Conform besloten. Paragraphs and lists are kept"),
    stemming: inline("Vote outcome, e.g. unaniem, or 12 voor, 3 tegen").optional(),
    acties: z.array(Actie).min(1).describe("Follow-up actions (actiepunten)").optional(),
    datum: isoDate("The session in which it was decided, when not the meeting's (a part held on another day, an item decided later)").optional(),
  })
  .describe("The decision taken on this item, for the besluitenlijst");

/** Where an item's papers are, when not with the agenda. */
export const STUKKEN = ["apart toegezonden", "nagezonden", "ter vergadering"] as const;

/** Fields every kind of item shares. */
const common = {
  behandelwijze: z.enum(BEHANDELWIJZEN).describe("How the board treats this item (default: the proposal's)").optional(),
  hamerstuk: z.boolean().describe("Adopted without debate (default: the proposal's)").optional(),
  besloten: z.boolean().describe("In the closed part of the meeting (default: the proposal's openbaarheid)").optional(),
  bijlagen: z.array(AgendaBijlage).describe("Attachments of this item, numbered after it (5-1, 5-2)").optional(),
  besluit: Besluit.optional(),
};

export interface AgendaItemInput {
  id?: string | undefined;
  vast?: FixedItem | undefined;
  voorstel?: string | undefined;
  titel?: string | undefined;
  groep?: string | undefined;
  toelichting?: string | undefined;
  mondeling?: boolean | undefined;
  presentatie?: { door: string; functie?: string | undefined } | undefined;
  stukken?: (typeof STUKKEN)[number] | undefined;
  eerder_toegezonden?: { bij: string; datum?: string | undefined } | undefined;
  bekrachtiging?: { van: string; datum?: string | undefined } | undefined;
  opmerking?: string | undefined;
  aanvang?: string | undefined;
  behandelwijze?: (typeof BEHANDELWIJZEN)[number] | undefined;
  hamerstuk?: boolean | undefined;
  besloten?: boolean | undefined;
  bijlagen?: z.infer<typeof AgendaBijlage>[] | undefined;
  besluit?: z.infer<typeof Besluit> | undefined;
  subpunten?: AgendaItemInput[] | undefined;
  punten?: AgendaItemInput[] | undefined;
}

export const AgendaItem: z.ZodType<AgendaItemInput> = z.lazy(() =>
  z
    .strictObject({
      vast: z.enum(FIXED_KEYS).describe(`A fixed item: ${FIXED_KEYS.join(", ")}`).optional(),
      voorstel: text("Path of the proposal file, relative to the meeting file").optional(),
      titel: text("Title (required for an item that is neither fixed nor a proposal; overrides the others')").optional(),
      groep: text("A group of items under a heading of its own (e.g. Financiën, Publieke gezondheid): the heading; its items go in `punten`").optional(),
      toelichting: prose("An explanation under the title; paragraphs and lists are kept").optional(),
      mondeling: z.boolean().describe("Treated orally: there are no papers").optional(),
      presentatie: z
        .strictObject({ door: text("Who presents"), functie: text("Their role, e.g. directeur publieke gezondheid").optional() })
        .describe("A presentation: by whom")
        .optional(),
      stukken: z.enum(STUKKEN).describe("Where the papers are: apart toegezonden (sent separately), nagezonden (follow), ter vergadering (handed out at the meeting)").optional(),
      eerder_toegezonden: z
        .strictObject({ bij: text('With what they were sent, e.g. "de agenda van de vergadering van 2 juli 2020"'), datum: isoDate("When").optional() })
        .describe("The papers were sent earlier")
        .optional(),
      bekrachtiging: z
        .strictObject({ van: text('What is ratified, e.g. "de geheimhouding van de notitie ..." or "het besluit van het dagelijks bestuur ..."'), datum: isoDate("The date of what is ratified").optional() })
        .describe("Bekrachtiging (ratification) of an earlier decision")
        .optional(),
      opmerking: inline("A remark, in the agenda's Opmerking column").optional(),
      aanvang: startTime("Start time of this item").optional(),
      id: referenceId.describe("A name other items' text refers to it by: [[punt:name]] prints \"agendapunt 7\"").optional(),
      ...common,
      subpunten: z.array(AgendaItem).min(1).describe("Sub-items, numbered 5a, 5b (and below them 5a.1)").optional(),
      punten: z.array(AgendaItem).min(1).describe("The items of a group (`groep`)").optional(),
    })
    .superRefine((item, ctx) => {
      if (item.groep !== undefined) {
        if (!item.punten) ctx.addIssue({ code: "custom", path: ["groep"], message: "a group needs its items in `punten`" });
        for (const key of ["vast", "voorstel", "titel", "subpunten", "besluit", "bijlagen"] as const) {
          if (item[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `a group (\`groep\`) has a heading and \`punten\`, not \`${key}\`; put it on one of its items` });
        }
        return;
      }
      if (item.punten) ctx.addIssue({ code: "custom", path: ["punten"], message: "`punten` belong to a group: add `groep: <heading>`, or use `subpunten` for sub-items" });
      const kinds = [item.vast, item.voorstel].filter((k) => k !== undefined).length;
      if (kinds > 1) ctx.addIssue({ code: "custom", path: ["voorstel"], message: "an item is either `vast` or a `voorstel`, not both" });
      if (kinds === 0 && item.titel === undefined && item.bekrachtiging === undefined) {
        ctx.addIssue({ code: "custom", path: [], message: "an item needs `vast: …`, `voorstel: <file>`, `bekrachtiging` or a `titel` (or `groep` with `punten`)" });
      }
    }),
);

const Deel = z
  .strictObject({
    titel: text('Heading of the part, e.g. "Openbaar deel", "Formeel deel", "Informeel deel"').optional(),
    besloten: z.boolean().describe("Closed part: its items are besloten").optional(),
    orgaan: text("Another body that meets in this part (e.g. a portefeuillehoudersoverleg), when not the meeting's").optional(),
    voorzitter: text("Who chairs this part, when not the meeting's chair").optional(),
    datum: isoDate("Date of this part, when it is held on another day (a second session)").optional(),
    aanvang: startTime("Start time of this part").optional(),
    locatie: text("Where this part is held, when elsewhere").optional(),
    opnieuw_nummeren: z.boolean().describe("Numbering starts again at this part").optional(),
    nummering: Nummering.optional(),
    punten: z.array(AgendaItem).min(1).describe("The items of this part, in order"),
  })
  .describe("A part of the meeting, with its own items (its own opening and closing too)");

export const KOLOMMEN = ["behandelwijze", "voorstel", "opmerking", "besluit"] as const;
export const INDELINGEN = ["zoals geschreven", "per behandelwijze"] as const;

/** The name a meeting gives as its `type:`. */
export const MEETING_TYPES = ["vergadering"] as const;

export const Meeting = z
  .strictObject({
    type: documentType(MEETING_TYPES, "a meeting"),
    organisatie: text("The public body, e.g. Veiligheidsregio Flevoland"),
    orgaan: text("The board that meets, e.g. Algemeen bestuur"),
    datum: isoDate("Date of the meeting"),
    aanvang: startTime("Start time"),
    locatie: text("Where the meeting is held"),
    voorzitter: text("Who chairs the meeting"),
    indeling: z
      .enum(INDELINGEN)
      .describe("zoals geschreven (default): the items in the order of this file; per behandelwijze: grouped and sorted by how they are treated, hamerstukken first")
      .optional(),
    kolommen: z
      .array(z.enum(KOLOMMEN))
      .min(1)
      .describe("The agenda's columns besides number and subject: behandelwijze, voorstel (the proposed decision, from the proposal), opmerking, besluit (empty, to fill in at the meeting)")
      .optional(),
    besloten_deel: z
      .strictObject({
        aanvang: startTime("Start time of the closed part").optional(),
        locatie: text("Where the closed part is held, if elsewhere").optional(),
      })
      .describe("The closed part (besloten deel), after the public part; items with besloten: true go there (without `delen`)")
      .optional(),
    nummering: Nummering.optional(),
    delen: z.array(Deel).min(1).describe("The parts of the meeting, each with its own items (instead of `punten`)").optional(),
    punten: z.array(AgendaItem).min(1).describe("The agenda items, in order").optional(),
    slotopmerking: prose("A closing note under the agenda").optional(),
    volgende_vergadering: z
      .strictObject({ datum: isoDate("Date of the next meeting"), aanvang: startTime("Its start time").optional(), locatie: text("Where").optional() })
      .describe("The next meeting, printed under the agenda")
      .optional(),
    besluitenlijst: z
      .strictObject({ vorm: z.enum(["lijst", "tabel"]).describe("lijst (default): a heading per decision; tabel: a table nr / datum overleg / besluit").optional() })
      .describe("How the besluitenlijst is laid out")
      .optional(),
  })
  .superRefine((m, ctx) => {
    if (!m.punten && !m.delen) ctx.addIssue({ code: "custom", path: [], message: "a meeting needs its items: `punten`, or `delen` each with `punten`" });
    if (m.punten && m.delen) ctx.addIssue({ code: "custom", path: ["delen"], message: "give the items either in `punten` or in `delen`, not both" });
    if (m.delen && m.besloten_deel) ctx.addIssue({ code: "custom", path: ["besloten_deel"], message: "with `delen`, a closed part is a part with `besloten: true`; remove `besloten_deel`" });
  })
  .describe("A meeting (vergadering) of a board");

export type Meeting = z.infer<typeof Meeting>;
export type MeetingPart = z.infer<typeof Deel>;
export type Nummering = z.infer<typeof Nummering>;
