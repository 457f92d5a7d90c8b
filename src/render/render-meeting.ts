import { basename, extname } from "node:path";
import type { PlannedItem } from "../meeting/plan.js";
import type { PreparedMeeting } from "../meeting/prepared.js";
import type { Proposal } from "../model/proposal.js";
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
  const base = { vergadering, huisstijl: style.texts };
  const render = (template: string, context: object) => {
    const tree = treeFromMarkup(style.templates.render(template, { ...base, ...context }), style.templates.files);
    return withLogo(tree, style.logo);
  };

  const agenda = render("agenda", { delen: m.plan.parts.map((p) => ({ ...p, groepen: p.groups.map((g) => ({ sleutel: g.key, punten: g.items.map(itemView) })) })), meerdere_delen: m.plan.parts.length > 1 });

  const shown = m.plan.all.filter((item) => item.proposal && (opts.includeBesloten || !item.besloten));
  const stamped = shown.map((item) => {
    const proposal = m.proposalAt(item.path)!;
    const own = resolvedOf(proposal);
    const tree = renderProposal(proposal.value, own, { nummer: item.number, datum: vergadering.datum });
    return { item, name: basename(proposal.path, extname(proposal.path)), tree, sheet: own.style.sheet };
  });

  const anchor = (item: PlannedItem) => `punt-${item.number.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const cover = render("bundle", {
    openbaar: !opts.includeBesloten,
    documenten: stamped.map(({ item }) => ({ nummer: item.number, titel: item.title, anker: anchor(item) })),
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
  const besluitenlijst = decided.length
    ? [{ name: "besluitenlijst", sheet: style.sheet, tree: render("besluitenlijst", { besluiten: decided.map((item) => ({ ...itemView(item), besluitnummer: item.decisionNumber, besluit: item.besluit })) }) }]
    : [];

  return [
    { name: "agenda", tree: agenda, sheet: style.sheet },
    ...stamped.map(({ name, tree, sheet }) => ({ name, tree, sheet })),
    { name: "bundle", tree: bundle, sheet: style.sheet, formats: ["html"] },
    ...besluitenlijst,
  ];
}

/** What templates see of an agenda item. */
function itemView(item: PlannedItem): object {
  return {
    nummer: item.number,
    titel: item.title,
    behandelwijze: item.behandelwijze,
    hamerstuk: item.hamerstuk,
    besloten: item.besloten,
    toelichting: item.toelichting,
    vast: item.fixed,
    bijlagen: item.attachments.map((a) => ({ nummer: a.number, titel: a.title, besloten: a.besloten })),
    subpunten: item.children.map(itemView),
  };
}
