import { z } from "zod";
import { documentType, inline, isoDate, prose, text } from "./common.js";
import { BEHANDELWIJZEN, referenceId } from "./proposal.js";
import { t } from "../i18n/i18n.js";

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
      error: (issue) => t("m.time", { value: String(issue.input) }),
    })
    .describe(`${description}: UU:MM, of in woorden`);

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
      error: () => t("m.numbering", { counters: "{1}, {01}, {a}, {A}, {i} " + t("v.or").trim() + " {I}", punt: "{punt}", deel: "{deel}", example: `"{punt}{a}"${t("v.or")}"AGP {1}"` }),
    })
    .describe(`${description}, bijv. "${example}"`);

/** The short forms of earlier versions, still read: "1, 2, 3", "I, II, III" and "a, b, c". */
export const LEGACY_ITEM_NUMBERING = { "1, 2, 3": "{1}", "I, II, III": "{I}" } as const;
export const LEGACY_SUB_NUMBERING = { "a, b, c": "{punt}{a}", "1, 2, 3": "{punt}.{1}" } as const;

const Nummering = z
  .strictObject({
    delen: pattern("Nummer van een deel, voor {deel}", "{I}").optional(),
    punten: z.union([z.enum(Object.keys(LEGACY_ITEM_NUMBERING) as [keyof typeof LEGACY_ITEM_NUMBERING]), pattern("Nummer van een agendapunt", "{1}")]).describe("Nummers van de agendapunten").optional(),
    subpunten: z.union([z.enum(Object.keys(LEGACY_SUB_NUMBERING) as [keyof typeof LEGACY_SUB_NUMBERING]), pattern("Nummer van een subpunt", "{punt}{a}")]).describe("Nummers van de subpunten").optional(),
    subsubpunten: pattern("Nummer van een punt onder een subpunt (en dieper)", "{punt}.{1}").optional(),
    bijlagen: pattern("Nummer van een bijlage", "{punt}-{1}").optional(),
  })
  .describe("Hoe de agenda genummerd wordt: een patroon per niveau");

export const AgendaBijlage = z.strictObject({
  titel: text("Titel van de bijlage"),
  bestand: text("Pad van het bestand, vanaf het vergaderbestand").optional(),
  besloten: z.boolean().describe("Besloten: niet in de openbare bundel (alleen onder een besloten agendapunt)").optional(),
});

const Actie = z.strictObject({
  actie: inline("Wat er gedaan moet worden"),
  wie: text("Wie het doet").optional(),
  wanneer: text('Wanneer, bijv. "1 december 2020" of "volgende vergadering"').optional(),
});

const Besluit = z
  .strictObject({
    tekst: prose("Wat besloten is, bijv. Conform besloten. Alinea's en lijsten blijven behouden"),
    stemming: inline("Uitslag van de stemming, bijv. unaniem, of 12 voor, 3 tegen").optional(),
    acties: z.array(Actie).min(1).describe("Actiepunten die volgen uit het besluit").optional(),
    datum: isoDate("De zitting waarin besloten is, als die niet die van de vergadering is (een deel op een andere dag, een agendapunt dat later besloten is)").optional(),
  })
  .describe("Het besluit over dit agendapunt, voor de besluitenlijst");

/** Where an item's papers are, when not with the agenda. */
export const STUKKEN = ["apart toegezonden", "nagezonden", "ter vergadering"] as const;

/** Fields every kind of item shares. */
const common = {
  behandelwijze: z.enum(BEHANDELWIJZEN).describe("Hoe het bestuur dit agendapunt behandelt (standaard: die van het voorstel)").optional(),
  hamerstuk: z.boolean().describe("Zonder bespreking aangenomen (standaard: zoals het voorstel zegt)").optional(),
  besloten: z.boolean().describe("In het besloten deel van de vergadering (standaard: volgens de openbaarheid van het voorstel)").optional(),
  bijlagen: z.array(AgendaBijlage).describe("Bijlagen bij dit agendapunt, genummerd naar het agendapunt (5-1, 5-2)").optional(),
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
      vast: z.enum(FIXED_KEYS).describe(`Een vast agendapunt: ${FIXED_KEYS.join(", ")}`).optional(),
      voorstel: text("Pad van het voorstelbestand, vanaf het vergaderbestand").optional(),
      titel: text("Titel (verplicht voor een agendapunt dat geen vast punt en geen voorstel is; gaat voor de titel van het voorstel of het vaste punt)").optional(),
      groep: text("Een groep agendapunten onder een eigen kop (bijv. Financiën, Publieke gezondheid): de kop; de agendapunten staan in `punten`").optional(),
      toelichting: prose("Een toelichting onder de titel; alinea's en lijsten blijven behouden").optional(),
      mondeling: z.boolean().describe("Mondeling behandeld: er zijn geen stukken").optional(),
      presentatie: z
        .strictObject({ door: text("Wie presenteert"), functie: text("Zijn of haar functie, bijv. directeur publieke gezondheid").optional() })
        .describe("Een presentatie: door wie")
        .optional(),
      stukken: z.enum(STUKKEN).describe("Waar de stukken zijn: apart toegezonden, nagezonden (volgen later) of ter vergadering (uitgereikt in de vergadering)").optional(),
      eerder_toegezonden: z
        .strictObject({ bij: text('Waarbij ze zijn toegezonden, bijv. "de agenda van de vergadering van 2 juli 2020"'), datum: isoDate("Wanneer").optional() })
        .describe("De stukken zijn eerder toegezonden")
        .optional(),
      bekrachtiging: z
        .strictObject({ van: text('Wat bekrachtigd wordt, bijv. "de geheimhouding van de notitie ..." of "het besluit van het dagelijks bestuur ..."'), datum: isoDate("De datum van wat bekrachtigd wordt").optional() })
        .describe("Bekrachtiging van een eerder besluit")
        .optional(),
      opmerking: inline("Een opmerking, in de kolom Opmerking van de agenda").optional(),
      aanvang: startTime("Aanvang van dit agendapunt").optional(),
      id: referenceId.describe("Een naam waarmee de tekst van andere agendapunten ernaar verwijst: [[punt:naam]] drukt \"agendapunt 7\"").optional(),
      ...common,
      subpunten: z.array(AgendaItem).min(1).describe("Subpunten, genummerd 5a, 5b (en daaronder 5a.1)").optional(),
      punten: z.array(AgendaItem).min(1).describe("De agendapunten van een groep (`groep`)").optional(),
    })
    .superRefine((item, ctx) => {
      if (item.groep !== undefined) {
        if (!item.punten) ctx.addIssue({ code: "custom", path: ["groep"], message: t("m.groupNeedsPunten") });
        for (const key of ["vast", "voorstel", "titel", "subpunten", "besluit", "bijlagen"] as const) {
          if (item[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], message: t("m.groupKey", { key }) });
        }
        return;
      }
      if (item.punten) ctx.addIssue({ code: "custom", path: ["punten"], message: t("m.puntenInGroup") });
      const kinds = [item.vast, item.voorstel].filter((k) => k !== undefined).length;
      if (kinds > 1) ctx.addIssue({ code: "custom", path: ["voorstel"], message: t("m.vastOrVoorstel") });
      if (kinds === 0 && item.titel === undefined && item.bekrachtiging === undefined) {
        ctx.addIssue({ code: "custom", path: [], message: t("m.itemNeeds") });
      }
    }),
);

const Deel = z
  .strictObject({
    titel: text('Kop van het deel, bijv. "Openbaar deel", "Formeel deel", "Informeel deel"').optional(),
    besloten: z.boolean().describe("Besloten deel: de agendapunten erin zijn besloten").optional(),
    orgaan: text("Een ander orgaan dat in dit deel vergadert (bijv. een portefeuillehoudersoverleg), als het niet dat van de vergadering is").optional(),
    voorzitter: text("Wie dit deel voorzit, als dat niet de voorzitter van de vergadering is").optional(),
    datum: isoDate("Datum van dit deel, als het op een andere dag is (een tweede zitting)").optional(),
    aanvang: startTime("Aanvang van dit deel").optional(),
    locatie: text("Waar dit deel gehouden wordt, als dat elders is").optional(),
    opnieuw_nummeren: z.boolean().describe("De nummering begint bij dit deel opnieuw").optional(),
    nummering: Nummering.optional(),
    punten: z.array(AgendaItem).min(1).describe("De agendapunten van dit deel, in volgorde"),
  })
  .describe("Een deel van de vergadering, met eigen agendapunten (ook een eigen opening en sluiting)");

export const KOLOMMEN = ["behandelwijze", "voorstel", "opmerking", "besluit"] as const;
export const INDELINGEN = ["zoals geschreven", "per behandelwijze"] as const;

/** The name a meeting gives as its `type:`. */
export const MEETING_TYPES = ["vergadering"] as const;

export const Meeting = z
  .strictObject({
    type: documentType(MEETING_TYPES, "een vergadering"),
    organisatie: text("Het openbaar lichaam, bijv. Veiligheidsregio Flevoland"),
    orgaan: text("Het bestuursorgaan dat vergadert, bijv. Algemeen bestuur"),
    datum: isoDate("Datum van de vergadering"),
    aanvang: startTime("Aanvang"),
    locatie: text("Waar de vergadering gehouden wordt"),
    voorzitter: text("Wie de vergadering voorzit"),
    indeling: z
      .enum(INDELINGEN)
      .describe("zoals geschreven (standaard): de agendapunten in de volgorde van dit bestand; per behandelwijze: gegroepeerd en geordend naar behandelwijze, hamerstukken eerst")
      .optional(),
    kolommen: z
      .array(z.enum(KOLOMMEN))
      .min(1)
      .describe("De kolommen van de agenda naast nummer en onderwerp: behandelwijze, voorstel (het voorgestelde besluit, uit het voorstel), opmerking, besluit (leeg, in te vullen tijdens de vergadering)")
      .optional(),
    besloten_deel: z
      .strictObject({
        aanvang: startTime("Aanvang van het besloten deel").optional(),
        locatie: text("Waar het besloten deel gehouden wordt, als dat elders is").optional(),
      })
      .describe("Het besloten deel, na het openbare deel; agendapunten met besloten: true komen daar (zonder `delen`)")
      .optional(),
    nummering: Nummering.optional(),
    delen: z.array(Deel).min(1).describe("De delen van de vergadering, elk met eigen agendapunten (in plaats van `punten`)").optional(),
    punten: z.array(AgendaItem).min(1).describe("De agendapunten, in volgorde").optional(),
    slotopmerking: prose("Een slotopmerking onder de agenda").optional(),
    volgende_vergadering: z
      .strictObject({ datum: isoDate("Datum van de volgende vergadering"), aanvang: startTime("De aanvang").optional(), locatie: text("Waar").optional() })
      .describe("De volgende vergadering, gedrukt onder de agenda")
      .optional(),
    besluitenlijst: z
      .strictObject({ vorm: z.enum(["lijst", "tabel"]).describe("lijst (standaard): een kop per besluit; tabel: een tabel nr / datum overleg / besluit").optional() })
      .describe("Hoe de besluitenlijst is opgemaakt")
      .optional(),
  })
  .superRefine((m, ctx) => {
    if (!m.punten && !m.delen) ctx.addIssue({ code: "custom", path: [], message: t("m.meetingNeedsItems") });
    if (m.punten && m.delen) ctx.addIssue({ code: "custom", path: ["delen"], message: t("m.puntenOrDelen") });
    if (m.delen && m.besloten_deel) ctx.addIssue({ code: "custom", path: ["besloten_deel"], message: t("m.beslotenDeel") });
  })
  .describe("Een vergadering van een bestuursorgaan");

export type Meeting = z.infer<typeof Meeting>;
export type MeetingPart = z.infer<typeof Deel>;
export type Nummering = z.infer<typeof Nummering>;
