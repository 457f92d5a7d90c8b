import { z } from "zod";
import { documentType, inline, isoDate, prose, section, text } from "./common.js";

/** The zod schema of a proposal (voorstel): the single source of truth for its shape. */

export const BEHANDELWIJZEN = ["ter besluitvorming", "ter bespreking", "ter kennisname", "ter vaststelling", "ter informatie"] as const;
export const OPENBAARHEID = ["openbaar", "besloten"] as const;

const Steller = z
  .strictObject({
    naam: text("Name of the author or contact person"),
    email: z.email().describe("E-mail address").optional(),
    telefoon: text("Telephone number").optional(),
  })
  .describe("Author (steller / contactpersoon)");

const Versie = z
  .strictObject({
    label: text('Version label, e.g. "1.0" or "concept 2" (in quotes when it looks like a number)'),
    datum: isoDate("Date of this version"),
  })
  .describe("Version of this proposal");

/** A beslispunt is a sentence, or a sentence with sub-points (1 → a → i). */
export interface BeslispuntObject {
  tekst: string;
  subpunten?: Beslispunt[] | undefined;
}
export type Beslispunt = string | BeslispuntObject;

const BeslispuntText = inline("A decision point, readable on its own");
export const Beslispunt: z.ZodType<Beslispunt> = z.lazy(() =>
  z.union([
    BeslispuntText,
    z.strictObject({
      tekst: BeslispuntText,
      subpunten: z.array(Beslispunt).min(1).describe("Sub-points, numbered a, b, c").optional(),
    }),
  ]),
);

const Voorstel = z
  .strictObject({
    aanhef: inline('Lead sentence; leave out to use the template\'s ("Het algemeen bestuur wordt verzocht:")').optional(),
    beslispunten: z.array(Beslispunt).min(1).describe("The numbered decision points"),
  })
  .describe("The proposal itself: lead sentence and numbered beslispunten");

const AfstemmingRij = z.strictObject({
  met: text("Body or person consulted"),
  datum: isoDate("Date of the consultation"),
  standpunt: inline("Their standpoint or advice"),
});

const Consequenties = z
  .strictObject({
    financieel: section(prose("Financial consequences")),
    personeel: section(prose("Staffing consequences")),
    juridisch: section(prose("Legal consequences")),
    informatievoorziening: section(prose("Consequences for information management")),
  })
  .describe("Consequences: financieel, personeel, juridisch, informatievoorziening");

const Communicatie = z
  .strictObject({
    intern: section(prose("Internal communication")),
    extern: section(prose("External communication")),
  })
  .describe("Communication: intern, extern");

export const Tabel = z
  .strictObject({
    bijschrift: text("Caption of the table").optional(),
    kolommen: z.array(text("Column heading")).min(1).describe("The header row"),
    rijen: z.array(z.array(inline("Cell"))).min(1).describe("The rows; each has as many cells as there are kolommen"),
  })
  .superRefine((t, ctx) => {
    t.rijen.forEach((rij, i) => {
      if (rij.length !== t.kolommen.length) {
        ctx.addIssue({
          code: "custom",
          path: ["rijen", i],
          message: `row ${i + 1} has ${rij.length} cell${rij.length === 1 ? "" : "s"} but the table has ${t.kolommen.length} kolommen; add or remove cells`,
        });
      }
    });
  })
  .describe("A table with a header row");

const Blok = z.union([prose("Text"), z.strictObject({ tabel: Tabel })]).describe("A block of text, or `tabel:` with a table");

const Bijlage = z
  .strictObject({
    titel: text("Title of the attachment"),
    bestand: text("Path of the attached file, relative to this proposal file").optional(),
    besloten: z.boolean().describe("Closed (besloten): left out of the public bundle").optional(),
    inhoud: z.array(Blok).min(1).describe("Content printed in the proposal as an appendix").optional(),
  })
  .describe("An attachment (bijlage): a file, content printed as an appendix, or both");

/** The names a proposal gives as its `type:` (today one: the voorstel aan het algemeen bestuur). */
export const PROPOSAL_TYPES = ["ab-voorstel"] as const;

export const Proposal = z
  .strictObject({
    type: documentType(PROPOSAL_TYPES, "a proposal"),
    // Metadata
    organisatie: text("The public body, e.g. Veiligheidsregio Flevoland"),
    orgaan: text("The board addressed, e.g. Algemeen bestuur"),
    vergaderdatum: isoDate("Date of the meeting"),
    agendapunt: text('Agenda item number as text, e.g. "4", "I-1", "8.d"').optional(),
    registratienummer: text("Registration or case number (zaaknummer)").optional(),
    onderwerp: text("Subject: the title of the proposal"),
    portefeuillehouder: text("Responsible board member"),
    steller: Steller,
    behandelwijze: z.enum(BEHANDELWIJZEN).describe("How the board treats this item"),
    hamerstuk: z.boolean().describe("Adopted without debate").default(false),
    openbaarheid: z.enum(OPENBAARHEID).describe("Public (openbaar) or closed (besloten)").default("openbaar"),
    embargo: isoDate("Not to be published before this date").optional(),
    versie: Versie,
    bijlagen: z.array(Bijlage).describe("Attachments (bijlagen), numbered in this order").default([]),

    // Sections, in the order of a proposal
    voorstel: Voorstel,
    afstemming: section(z.array(AfstemmingRij).min(1).describe("Who was consulted (afgestemd met)")),
    samenvatting: prose("Summary").optional(),
    inleiding: section(prose("Introduction")),
    beoogd_effect: section(prose("Intended effect")),
    argumenten: section(prose("Arguments")),
    kanttekeningen: section(prose("Caveats and risks")),
    alternatieven: prose("Alternatives considered").optional(),
    consequenties: section(Consequenties),
    vervolg: section(prose("Next steps: process and implementation")),
    communicatie: section(Communicatie),
    besluit: prose("Formal decision text (Het algemeen bestuur van …, gelet op …; besluit: …)").optional(),
  })
  .describe("A proposal (voorstel) to a board of a Dutch public body");

export type Proposal = z.infer<typeof Proposal>;
export type ProposalInput = z.input<typeof Proposal>;
export type Tabel = z.infer<typeof Tabel>;
