import { FIXED_ITEMS, type AgendaItemInput, type FixedItem, type Meeting } from "../model/meeting.js";
import { BEHANDELWIJZEN, type Proposal } from "../model/proposal.js";
import { attachmentNumber, DEFAULT_NUMBERING, decisionNumber, itemNumber, subItemNumber, type NumberingScheme } from "./numbering.js";

/**
 * The agenda as it will be published: items grouped by part (openbaar, then besloten) and by
 * behandelwijze, numbered in that order. Pure: proposals are looked up by the caller. Moving an
 * item in the meeting file renumbers everything on the next build.
 */

/** Groups in the order they appear; `opening` and `sluiting` have no heading of their own. */
export const GROUP_ORDER = ["opening", "hamerstukken", "ter besluitvorming", "ter vaststelling", "ter bespreking", "ter kennisname", "ter informatie", "sluiting"] as const;
export type GroupKey = (typeof GROUP_ORDER)[number];

const HEAD_ITEMS: readonly FixedItem[] = ["opening", "vaststellen_agenda", "mededelingen", "verslag", "ingekomen_stukken"];

export interface PlannedAttachment {
  readonly number: string;
  readonly title: string;
  /** As written in the data, relative to `base`. */
  readonly file: string | null;
  readonly base: "meeting" | "proposal";
  readonly besloten: boolean;
}

export interface PlannedItem {
  readonly number: string;
  /** Position for the besluitenlijst number: [5] or [5, 1]. */
  readonly seq: readonly number[];
  readonly decisionNumber: string;
  readonly title: string;
  readonly fixed: FixedItem | null;
  /** The proposal file as written in the meeting file, when the item is a proposal. */
  readonly proposalFile: string | null;
  readonly proposal: Proposal | null;
  readonly behandelwijze: string | null;
  readonly hamerstuk: boolean;
  readonly besloten: boolean;
  readonly toelichting: string | null;
  readonly attachments: readonly PlannedAttachment[];
  readonly besluit: { tekst: string; stemming: string | null } | null;
  readonly children: readonly PlannedItem[];
  /** Where the item is in the meeting file, for diagnostics. */
  readonly path: readonly (string | number)[];
}

export interface PlannedGroup {
  readonly key: GroupKey;
  readonly items: readonly PlannedItem[];
}

export interface PlannedPart {
  readonly besloten: boolean;
  readonly aanvang: string;
  readonly locatie: string;
  readonly groups: readonly PlannedGroup[];
}

export interface AgendaPlan {
  readonly parts: readonly PlannedPart[];
  /** Every item and sub-item, in agenda order. */
  readonly all: readonly PlannedItem[];
}

interface Draft {
  readonly item: AgendaItemInput;
  readonly index: number;
  readonly proposal: Proposal | null;
  readonly besloten: boolean;
  readonly group: GroupKey;
}

export function planAgenda(meeting: Meeting, proposalOf: (path: readonly (string | number)[]) => Proposal | undefined): AgendaPlan {
  const scheme: NumberingScheme = {
    items: meeting.nummering?.punten ?? DEFAULT_NUMBERING.items,
    subItems: meeting.nummering?.subpunten ?? DEFAULT_NUMBERING.subItems,
  };
  const drafts: Draft[] = meeting.punten.map((item, index) => {
    const proposal = proposalOf(["punten", index]) ?? null;
    const besloten = item.besloten ?? proposal?.openbaarheid === "besloten";
    return { item, index, proposal, besloten, group: groupOf(item, proposal) };
  });

  const inGroups = (besloten: boolean): { key: GroupKey; drafts: Draft[] }[] =>
    GROUP_ORDER.map((key) => ({ key, drafts: drafts.filter((d) => d.group === key && d.besloten === besloten && key !== "opening" && key !== "sluiting") }));
  const opening = drafts.filter((d) => d.group === "opening");
  const closing = drafts.filter((d) => d.group === "sluiting");
  const publicGroups = [{ key: "opening" as GroupKey, drafts: opening.filter((d) => !d.besloten) }, ...inGroups(false)];
  const closedGroups = [...(opening.some((d) => d.besloten) ? [{ key: "opening" as GroupKey, drafts: opening.filter((d) => d.besloten) }] : []), ...inGroups(true)];
  const hasClosed = closedGroups.some((g) => g.drafts.length > 0);
  (hasClosed ? closedGroups : publicGroups).push({ key: "sluiting", drafts: closing });

  let counter = 0;
  const all: PlannedItem[] = [];
  const place = (d: Draft): PlannedItem => {
    counter += 1;
    const number = itemNumber(scheme, counter);
    const planned = planItem(meeting, scheme, d.item, d.proposal, d.besloten, number, [counter], ["punten", d.index], proposalOf, all);
    return planned;
  };
  const part = (besloten: boolean, groups: { key: GroupKey; drafts: Draft[] }[]): PlannedPart => ({
    besloten,
    aanvang: besloten ? (meeting.besloten_deel?.aanvang ?? "") : meeting.aanvang,
    locatie: besloten ? (meeting.besloten_deel?.locatie ?? meeting.locatie) : meeting.locatie,
    groups: groups.filter((g) => g.drafts.length > 0).map((g) => ({ key: g.key, items: g.drafts.map(place) })),
  });
  const parts = [part(false, publicGroups), ...(hasClosed ? [part(true, closedGroups)] : [])];
  return { parts, all };
}

function groupOf(item: AgendaItemInput, proposal: Proposal | null): GroupKey {
  if (item.vast === "rondvraag_en_sluiting") return "sluiting";
  if (item.vast && HEAD_ITEMS.includes(item.vast)) return "opening";
  if (item.hamerstuk ?? proposal?.hamerstuk) return "hamerstukken";
  // A type may have behandelwijzen of its own; the agenda groups by the ones it knows.
  const own = BEHANDELWIJZEN.find((b) => b === proposal?.behandelwijze);
  return item.behandelwijze ?? own ?? "ter bespreking";
}

function planItem(
  meeting: Meeting,
  scheme: NumberingScheme,
  item: AgendaItemInput,
  proposal: Proposal | null,
  besloten: boolean,
  number: string,
  seq: number[],
  path: (string | number)[],
  proposalOf: (path: readonly (string | number)[]) => Proposal | undefined,
  all: PlannedItem[],
): PlannedItem {
  const fromProposal = (proposal?.bijlagen ?? []).map((b) => ({ title: b.titel, file: b.bestand ?? null, base: "proposal" as const, besloten: b.besloten ?? false }));
  const fromMeeting = (item.bijlagen ?? []).map((b) => ({ title: b.titel, file: b.bestand ?? null, base: "meeting" as const, besloten: b.besloten ?? false }));
  const attachments = [...fromProposal, ...fromMeeting].map((a, i) => ({ ...a, number: attachmentNumber(number, i + 1) }));
  const children: PlannedItem[] = [];
  const self: PlannedItem = {
    number,
    seq,
    decisionNumber: decisionNumber(meeting.datum, seq),
    title: item.titel ?? (item.vast ? FIXED_ITEMS[item.vast] : (proposal?.onderwerp ?? "")),
    fixed: item.vast ?? null,
    proposalFile: item.voorstel ?? null,
    proposal,
    behandelwijze: item.vast ? (item.behandelwijze ?? null) : (item.behandelwijze ?? proposal?.behandelwijze ?? null),
    hamerstuk: item.hamerstuk ?? proposal?.hamerstuk ?? false,
    besloten,
    toelichting: item.toelichting ?? null,
    attachments,
    besluit: item.besluit ? { tekst: item.besluit.tekst, stemming: item.besluit.stemming ?? null } : null,
    children,
    path,
  };
  // Parents come before their sub-items in `all`, as on the agenda.
  all.push(self);
  (item.subpunten ?? []).forEach((sub, i) => {
    const subPath = [...path, "subpunten", i];
    const subProposal = proposalOf(subPath) ?? null;
    const subBesloten = besloten || (sub.besloten ?? subProposal?.openbaarheid === "besloten");
    children.push(planItem(meeting, scheme, sub, subProposal, subBesloten, subItemNumber(scheme, number, i + 1), [...seq, i + 1], subPath, proposalOf, all));
  });
  return self;
}
