import { basename, extname } from "node:path";
import type { PlannedItem } from "../meeting/plan.js";
import type { PreparedMeeting } from "../meeting/prepared.js";
import { z } from "zod";
import { Meeting } from "../model/meeting.js";
import { Beslispunt, type Proposal } from "../model/proposal.js";
import { completeKeys } from "./context.js";
import { referenceIndex } from "./references.js";
import type { HouseStyle } from "../style/house-style.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import { nest } from "../tree/compose.js";
import { treeFromMarkup } from "../tree/from-markup.js";
import type { DocumentNode } from "../tree/types.js";
import { withLogo } from "./logo.js";
import { renderProposal, type ResolvedProposal } from "./render-proposal.js";
import type { RenderedDocument } from "./rendered.js";

export interface MeetingOptions {
  /** Include besloten items' proposals and attachments (the bundle for members). */
  readonly includeBesloten: boolean;
}

/**
 * A meeting's documents: the agenda, each proposal stamped with its agenda number and the
 * meeting date, the bundle, and the besluitenlijst when decisions are recorded. Pure.
 */
export function renderMeeting(m: PreparedMeeting, style: HouseStyle, resolvedOf: (p: LoadedDocument<Proposal>) => ResolvedProposal, opts: MeetingOptions): RenderedDocument[] {
  const vergadering = m.meeting.value;
  const base = { vergadering: completeKeys(vergadering, Meeting), huisstijl: style.texts };
  const render = (template: string, context: object) => {
    const tree = treeFromMarkup(style.templates.render(template, { ...base, ...context }), style.templates.files);
    return withLogo(tree, style.logo);
  };
  const proposedDecision = (item: PlannedItem) => {
    const proposal = m.proposalAt(item.path);
    return proposal ? beslispuntenOf(proposal.value, resolvedOf(proposal).type) : null;
  };
  const columns = columnsOf(vergadering.kolommen ?? ["behandelwijze"]);
  const row = (item: PlannedItem) => itemView(item, columns.voorstel ? proposedDecision(item) : null);

  // `[[punt:id]]` in an item's text: "agendapunt 7", linked to that item's number.
  const targets = m.plan.all.flatMap((item) => (item.id ? [{ what: "punt", id: item.id, number: item.reference, path: [...item.path, "id"] }] : []));
  const verwijzingen = referenceIndex(targets, vergadering);
  const agenda = render("agenda", {
    verwijzingen,
    delen: m.plan.parts.map((p) => ({
      nummer: p.number,
      titel: p.title,
      besloten: p.besloten,
      orgaan: p.orgaan,
      voorzitter: p.voorzitter,
      datum: p.otherDate ? p.datum : null,
      aanvang: p.aanvang,
      locatie: p.locatie === vergadering.locatie ? null : p.locatie,
      groepen: p.blocks.map((b) => ({ sleutel: b.key, kop: b.heading, toelichting: b.toelichting, rijen: flatten(b.items).map(row) })),
    })),
    meerdere_delen: m.plan.parts.length > 1,
    kolommen: columns,
  });

  const shown = m.plan.all.filter((item) => item.proposal && (opts.includeBesloten || !item.besloten));
  const stamped = shown.map((item) => {
    const proposal = m.proposalAt(item.path)!;
    const own = resolvedOf(proposal);
    const bijlagen = item.attachments.filter((a) => a.base === "proposal").map((a) => a.number);
    const tree = renderProposal(proposal.value, own, { nummer: item.reference, datum: m.plan.parts[item.part]!.datum, bijlagen });
    return { item, name: basename(proposal.path, extname(proposal.path)), tree, sheet: own.style.sheet };
  });

  const anchor = (item: PlannedItem) => `punt-${item.reference.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const cover = render("bundle", {
    openbaar: !opts.includeBesloten,
    documenten: stamped.map(({ item }) => ({ nummer: item.reference, titel: item.title, anker: anchor(item) })),
  });
  const bundle: DocumentNode = {
    ...cover,
    children: [
      ...cover.children,
      { type: "pageBreak" },
      ...nest(agenda, "agenda"),
      ...stamped.flatMap(({ item, tree }) => [{ type: "pageBreak" as const }, ...nest(tree, anchor(item))]),
    ],
  };

  const decided = m.plan.all.filter((item) => item.besluit && (opts.includeBesloten || !item.besloten));
  const decision = (item: PlannedItem) => ({ ...itemView(item, null), nummer: item.reference, besluitnummer: item.decisionNumber, besluit: item.besluit, zitting: item.session });
  // Decisions from more than one session: a heading per session, in the order of the agenda.
  const sessions = m.plan.sessions.filter((date) => decided.some((item) => item.session === date));
  const besluitenlijst = decided.length
    ? [
        {
          name: "besluitenlijst",
          sheet: style.sheet,
          tree: render("besluitenlijst", {
            besluiten: decided.map(decision),
            zittingen: sessions.length > 1 ? sessions.map((datum) => ({ datum, besluiten: decided.filter((item) => item.session === datum).map(decision) })) : null,
            tabel: vergadering.besluitenlijst?.vorm === "tabel",
          }),
        },
      ]
    : [];

  return [
    { name: "agenda", tree: agenda, sheet: style.sheet },
    ...stamped.map(({ name, tree, sheet }) => ({ name, tree, sheet })),
    { name: "bundle", tree: bundle, sheet: style.sheet, formats: ["html"] },
    ...besluitenlijst,
  ];
}

/** Every item with its sub-items (to any depth) after it, as the agenda's rows. */
function flatten(items: readonly PlannedItem[]): PlannedItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}

/** The columns an agenda shows, and their relative widths (Nr. and Onderwerp besides them). */
function columnsOf(chosen: readonly string[]) {
  const has = (c: string) => chosen.includes(c);
  const weights = { behandelwijze: 20, voorstel: 32, opmerking: 18, besluit: 18 };
  const own = (Object.keys(weights) as (keyof typeof weights)[]).filter(has);
  // The agenda of one column keeps its proportions of earlier versions.
  const widths = own.length === 1 && own[0] === "behandelwijze" ? [9, 63, 28] : [10, 38, ...own.map((c) => weights[c])];
  return {
    behandelwijze: has("behandelwijze"),
    voorstel: has("voorstel"),
    opmerking: has("opmerking"),
    besluit: has("besluit"),
    breedtes: widths.join(" "),
  };
}

/** The beslispunten of a proposal of any type: those of its first field of kind `beslispunten`. */
function beslispuntenOf(value: Proposal, type: ResolvedProposal["type"]): unknown[] | null {
  const field = [...type.gegevens, ...type.secties].find((f) => f.soort === "beslispunten");
  const content = field ? (value as Record<string, unknown>)[field.key] : undefined;
  const punten = content && typeof content === "object" ? (content as { beslispunten?: unknown }).beslispunten : undefined;
  return Array.isArray(punten) ? (completeKeys(punten, z.array(Beslispunt)) as unknown[]) : null;
}

/** Text of more than one paragraph, or with a list: printed as blocks, not on one line. */
const isBlockText = (s: string | null): boolean => s !== null && (/\n\s*\n/.test(s.trim()) || /^\s*([-*+]|\d+[.)])\s/m.test(s));

/** What templates see of an agenda item. */
function itemView(item: PlannedItem, voorstel: unknown[] | null): object {
  const blokken = isBlockText(item.toelichting);
  return {
    nummer: item.number,
    id: item.id,
    diepte: item.depth,
    titel: item.title,
    behandelwijze: item.behandelwijze,
    hamerstuk: item.hamerstuk,
    besloten: item.besloten,
    toelichting: item.toelichting,
    blokken,
    mondeling: item.mondeling,
    presentatie: item.presentatie,
    stukken: item.stukken,
    eerder_toegezonden: item.eerderToegezonden,
    opmerking: item.opmerking,
    aanvang: item.aanvang,
    vast: item.fixed,
    voorstel,
    bijlagen: item.attachments.map((a) => ({ nummer: a.number, titel: a.title, besloten: a.besloten })),
    subpunten: item.children.map((c) => itemView(c, null)),
  };
}
