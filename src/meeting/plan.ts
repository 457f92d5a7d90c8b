import { FIXED_ITEMS, type AgendaItemInput, type FixedItem, type Meeting, type MeetingPart } from "../model/meeting.js";
import { BEHANDELWIJZEN, type Proposal } from "../model/proposal.js";
import { applyPattern, decisionNumber, numberingOf, patternAt, type NumberingScheme } from "./numbering.js";

/**
 * The agenda as it will be published: parts, each with its blocks (a group under its own
 * heading, or a run of items), items numbered by the meeting's patterns. By default in the
 * order of the meeting file; with `indeling: per behandelwijze`, grouped by how they are
 * treated (hamerstukken, ter besluitvorming, …). Pure: proposals are looked up by the caller.
 */

/** The groups of `per behandelwijze`, in their order; `opening` and `sluiting` have no heading of their own. */
export const GROUP_ORDER = ["opening", "hamerstukken", "ter besluitvorming", "ter vaststelling", "ter bespreking", "ter kennisname", "ter informatie", "sluiting"] as const;
export type GroupKey = (typeof GROUP_ORDER)[number];

const HEAD_ITEMS: readonly FixedItem[] = ["opening", "vaststellen_agenda", "mededelingen", "verslag", "ingekomen_stukken"];
const CLOSING_ITEMS: readonly FixedItem[] = ["rondvraag", "sluiting", "rondvraag_en_sluiting"];

type Path = readonly (string | number)[];

export interface PlannedAttachment {
  readonly number: string;
  readonly title: string;
  /** As written in the data, relative to `base`. */
  readonly file: string | null;
  readonly base: "meeting" | "proposal";
  readonly besloten: boolean;
}

export interface PlannedDecision {
  readonly tekst: string;
  readonly stemming: string | null;
  readonly acties: readonly { readonly actie: string; readonly wie: string | null; readonly wanneer: string | null }[];
}

export interface PlannedItem {
  /** The number as the agenda shows it ("5", "5a", or a sub-item's own "a)"). */
  readonly number: string;
  /** The number that names it elsewhere (besluitenlijst, stamped proposals, attachments): "5a", "I-4 a)". */
  readonly reference: string;
  /** The name other items' text refers to it by (`[[punt:id]]`), if any. */
  readonly id: string | null;
  /** 0 for an item, 1 for a sub-item, 2 below that. */
  readonly depth: number;
  /** Position in its session for the besluitenlijst number: [5] or [5, 1]. */
  readonly seq: readonly number[];
  /** The date of the session it is decided in (the meeting's, its part's or its besluit's). */
  readonly session: string;
  readonly decisionNumber: string;
  readonly title: string;
  readonly fixed: FixedItem | null;
  /** The proposal file as written in the meeting file, when the item is a proposal. */
  readonly proposalFile: string | null;
  readonly proposal: Proposal | null;
  readonly behandelwijze: string | null;
  readonly hamerstuk: boolean;
  readonly besloten: boolean;
  /** The index of its part in `parts`. */
  readonly part: number;
  readonly toelichting: string | null;
  readonly mondeling: boolean;
  readonly presentatie: { readonly door: string; readonly functie: string | null } | null;
  readonly stukken: string | null;
  readonly eerderToegezonden: { readonly bij: string; readonly datum: string | null } | null;
  readonly opmerking: string | null;
  readonly aanvang: string | null;
  readonly attachments: readonly PlannedAttachment[];
  readonly besluit: PlannedDecision | null;
  readonly children: readonly PlannedItem[];
  /** Where the item is in the meeting file, for diagnostics. */
  readonly path: Path;
}

/** A table of the agenda: a group under its own heading, a behandelwijze, or a run of items. */
export interface PlannedBlock {
  /** A free heading (`groep`), when the meeting gives one. */
  readonly heading: string | null;
  /** The behandelwijze group (`per behandelwijze`), whose heading the template words. */
  readonly key: GroupKey | null;
  readonly toelichting: string | null;
  readonly items: readonly PlannedItem[];
}

export interface PlannedPart {
  readonly number: string;
  /** Its own heading, when the meeting gives one. */
  readonly title: string | null;
  readonly besloten: boolean;
  /** Another body meeting in this part, when not the meeting's. */
  readonly orgaan: string | null;
  readonly voorzitter: string | null;
  /** Its session date. */
  readonly datum: string;
  /** Its own date, when it differs from the meeting's. */
  readonly otherDate: boolean;
  readonly aanvang: string | null;
  readonly locatie: string;
  readonly blocks: readonly PlannedBlock[];
}

export interface AgendaPlan {
  readonly parts: readonly PlannedPart[];
  /** Every item and sub-item, in agenda order. */
  readonly all: readonly PlannedItem[];
  /** The session dates, in order (more than one when a part is held on another day). */
  readonly sessions: readonly string[];
}

/** An item or a group of items, as written, with where it is in the file. */
interface Entry {
  readonly item: AgendaItemInput;
  readonly path: Path;
}

/** A part before numbering: its settings and its entries. */
interface DraftPart {
  readonly spec: Partial<MeetingPart>;
  readonly besloten: boolean;
  readonly entries: Entry[];
}

export function planAgenda(meeting: Meeting, lookUp: (path: Path) => Proposal | undefined): AgendaPlan {
  // Each proposal looked up once, however often the planning asks for it.
  const known = new Map<string, Proposal | undefined>();
  const proposalOf = (path: Path): Proposal | undefined => {
    const key = path.join(".");
    if (!known.has(key)) known.set(key, lookUp(path));
    return known.get(key);
  };
  const scheme = numberingOf(meeting.nummering);
  const drafts = meeting.delen ? explicitParts(meeting.delen) : impliedParts(meeting, proposalOf);
  const byBehandelwijze = meeting.indeling === "per behandelwijze";

  const all: PlannedItem[] = [];
  const sessions: string[] = [];
  const seqInSession = new Map<string, number>();
  // One count per body: a portefeuillehoudersoverleg after the algemeen bestuur has its own, and
  // the algemeen bestuur's continues after it.
  const counters = new Map<string, number>();
  const parts = drafts.map((d, p): PlannedPart => {
    const body = (d.spec.orgaan ?? meeting.orgaan).trim().toLowerCase();
    const own = numberingOf(d.spec.nummering, scheme);
    // Numbers that name their part (I-1, II-1) start again in each part; others when the part says so.
    if (d.spec.opnieuw_nummeren || own.punten.includes("{deel}")) counters.set(body, 0);
    const partNumber = applyPattern(own.delen, p + 1);
    const datum = d.spec.datum ?? meeting.datum;
    if (!sessions.includes(datum)) sessions.push(datum);
    const place = (entry: Entry): PlannedItem => {
      const counter = (counters.get(body) ?? 0) + 1;
      counters.set(body, counter);
      const proposal = proposalOf(entry.path) ?? null;
      const session = entry.item.besluit?.datum ?? datum;
      const seq = (seqInSession.get(session) ?? 0) + 1;
      seqInSession.set(session, seq);
      if (!sessions.includes(session)) sessions.push(session);
      const number = applyPattern(own.punten, counter, { deel: partNumber });
      return planItem({ scheme: own, partNumber, part: p, proposalOf, all, session }, entry, proposal, d.besloten || besloten(entry.item, proposal), { number, reference: number }, [seq], 0);
    };
    const blocks = byBehandelwijze ? groupedBlocks(d.entries, proposalOf) : writtenBlocks(d.entries);
    return {
      number: partNumber,
      title: d.spec.titel ?? null,
      besloten: d.besloten,
      orgaan: d.spec.orgaan ?? null,
      voorzitter: d.spec.voorzitter ?? null,
      datum,
      otherDate: datum !== meeting.datum,
      aanvang: d.spec.aanvang ?? null,
      locatie: d.spec.locatie ?? meeting.locatie,
      blocks: blocks.map((b) => ({ heading: b.heading, key: b.key, toelichting: b.toelichting, items: b.entries.map(place) })),
    };
  });
  return { parts, all, sessions };
}

const besloten = (item: AgendaItemInput, proposal: Proposal | null): boolean => item.besloten ?? proposal?.openbaarheid === "besloten";

function explicitParts(delen: readonly MeetingPart[]): DraftPart[] {
  return delen.map((spec, p) => ({ spec, besloten: spec.besloten ?? false, entries: spec.punten.map((item, i) => ({ item, path: ["delen", p, "punten", i] })) }));
}

/**
 * Without `delen`: the public items, and a besloten part after them when any item is besloten
 * (with `besloten_deel`'s start and place). The closing items end the meeting, in its last part.
 */
function impliedParts(meeting: Meeting, proposalOf: (path: Path) => Proposal | undefined): DraftPart[] {
  const entries: Entry[] = (meeting.punten ?? []).map((item, i) => ({ item, path: ["punten", i] }));
  const closed = (e: Entry): boolean =>
    e.item.groep !== undefined ? (e.item.punten ?? []).every((sub, j) => besloten(sub, proposalOf([...e.path, "punten", j]) ?? null)) : besloten(e.item, proposalOf(e.path) ?? null);
  const closing = entries.filter((e) => e.item.vast !== undefined && CLOSING_ITEMS.includes(e.item.vast));
  const rest = entries.filter((e) => !closing.includes(e));
  const open: DraftPart = { spec: { aanvang: meeting.aanvang }, besloten: false, entries: rest.filter((e) => !closed(e)) };
  const shut = rest.filter(closed);
  if (shut.length === 0) return [{ ...open, entries: [...open.entries, ...closing] }];
  const closedPart: DraftPart = { spec: { ...(meeting.besloten_deel?.aanvang ? { aanvang: meeting.besloten_deel.aanvang } : {}), ...(meeting.besloten_deel?.locatie ? { locatie: meeting.besloten_deel.locatie } : {}) }, besloten: true, entries: [...shut, ...closing] };
  return [open, closedPart];
}

interface DraftBlock {
  readonly heading: string | null;
  readonly key: GroupKey | null;
  readonly toelichting: string | null;
  readonly entries: Entry[];
}

/** As written: each group a block under its heading; the items between groups a block each. */
function writtenBlocks(entries: readonly Entry[]): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  for (const e of entries) {
    if (e.item.groep !== undefined) {
      blocks.push({ heading: e.item.groep, key: null, toelichting: e.item.toelichting ?? null, entries: (e.item.punten ?? []).map((item, j) => ({ item, path: [...e.path, "punten", j] })) });
      continue;
    }
    const last = blocks[blocks.length - 1];
    if (last && last.heading === null) last.entries.push(e);
    else blocks.push({ heading: null, key: null, toelichting: null, entries: [e] });
  }
  return blocks;
}

/** Per behandelwijze: groups' items taken out of their groups, then sorted into the behandelwijze groups. */
function groupedBlocks(entries: readonly Entry[], proposalOf: (path: Path) => Proposal | undefined): DraftBlock[] {
  const items = entries.flatMap((e) => (e.item.groep !== undefined ? (e.item.punten ?? []).map((item, j) => ({ item, path: [...e.path, "punten", j] })) : [e]));
  const keyed = items.map((e) => ({ e, key: groupOf(e.item, proposalOf(e.path) ?? null) }));
  return GROUP_ORDER.map((key) => ({ heading: null, key, toelichting: null, entries: keyed.filter((k) => k.key === key).map((k) => k.e) })).filter((b) => b.entries.length > 0);
}

function groupOf(item: AgendaItemInput, proposal: Proposal | null): GroupKey {
  if (item.vast && CLOSING_ITEMS.includes(item.vast)) return "sluiting";
  if (item.vast && HEAD_ITEMS.includes(item.vast)) return "opening";
  if (item.hamerstuk ?? proposal?.hamerstuk) return "hamerstukken";
  // A type may have behandelwijzen of its own; the agenda groups by the ones it knows.
  const own = BEHANDELWIJZEN.find((b) => b === proposal?.behandelwijze);
  return item.behandelwijze ?? own ?? "ter bespreking";
}

interface PlanContext {
  readonly scheme: NumberingScheme;
  readonly partNumber: string;
  readonly part: number;
  readonly session: string;
  readonly proposalOf: (path: Path) => Proposal | undefined;
  readonly all: PlannedItem[];
}

function titleOf(item: AgendaItemInput, proposal: Proposal | null): string {
  if (item.titel !== undefined) return item.titel;
  if (item.vast) return FIXED_ITEMS[item.vast];
  if (item.bekrachtiging) return `Bekrachtiging van ${item.bekrachtiging.van}`;
  return proposal?.onderwerp ?? "";
}

function planItem(cx: PlanContext, entry: Entry, proposal: Proposal | null, isBesloten: boolean, numbers: { number: string; reference: string }, seq: number[], depth: number): PlannedItem {
  const { item, path } = entry;
  const { number, reference } = numbers;
  const fromProposal = (proposal?.bijlagen ?? []).map((b) => ({ title: b.titel, file: b.bestand ?? null, base: "proposal" as const, besloten: b.besloten ?? false }));
  const fromMeeting = (item.bijlagen ?? []).map((b) => ({ title: b.titel, file: b.bestand ?? null, base: "meeting" as const, besloten: b.besloten ?? false }));
  const attachments = [...fromProposal, ...fromMeeting].map((a, i) => ({ ...a, number: applyPattern(cx.scheme.bijlagen, i + 1, { punt: reference, deel: cx.partNumber }) }));
  const children: PlannedItem[] = [];
  const session = item.besluit?.datum ?? cx.session;
  const self: PlannedItem = {
    number,
    reference,
    id: item.id ?? null,
    depth,
    seq,
    session,
    decisionNumber: decisionNumber(session, seq),
    title: titleOf(item, proposal),
    fixed: item.vast ?? null,
    proposalFile: item.voorstel ?? null,
    proposal,
    behandelwijze: item.vast ? (item.behandelwijze ?? null) : (item.behandelwijze ?? proposal?.behandelwijze ?? null),
    hamerstuk: item.hamerstuk ?? proposal?.hamerstuk ?? false,
    besloten: isBesloten,
    part: cx.part,
    toelichting: item.toelichting ?? null,
    mondeling: item.mondeling ?? false,
    presentatie: item.presentatie ? { door: item.presentatie.door, functie: item.presentatie.functie ?? null } : null,
    stukken: item.stukken ?? null,
    eerderToegezonden: item.eerder_toegezonden ? { bij: item.eerder_toegezonden.bij, datum: item.eerder_toegezonden.datum ?? null } : null,
    opmerking: item.opmerking ?? null,
    aanvang: item.aanvang ?? null,
    attachments,
    besluit: item.besluit ? { tekst: item.besluit.tekst, stemming: item.besluit.stemming ?? null, acties: (item.besluit.acties ?? []).map((a) => ({ actie: a.actie, wie: a.wie ?? null, wanneer: a.wanneer ?? null })) } : null,
    children,
    path,
  };
  // Parents come before their sub-items in `all`, as on the agenda.
  cx.all.push(self);
  (item.subpunten ?? []).forEach((sub, i) => {
    const subPath = [...path, "subpunten", i];
    const subProposal = cx.proposalOf(subPath) ?? null;
    const pattern = patternAt(cx.scheme, depth + 1);
    const subNumber = applyPattern(pattern, i + 1, { punt: reference, deel: cx.partNumber });
    // A number that does not include its parent's ("a)") is named with it elsewhere: "I-4 a)".
    const subReference = pattern.includes("{punt}") ? subNumber : `${reference} ${subNumber}`;
    children.push(planItem(cx, { item: sub, path: subPath }, subProposal, isBesloten || besloten(sub, subProposal), { number: subNumber, reference: subReference }, [...seq, i + 1], depth + 1));
  });
  return self;
}
