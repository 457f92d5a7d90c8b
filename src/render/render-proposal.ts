import { Proposal } from "../model/proposal.js";
import type { HouseStyle } from "../style/house-style.js";
import { treeFromMarkup } from "../tree/from-markup.js";
import type { DocumentNode } from "../tree/types.js";
import { completeKeys } from "./context.js";
import { withLogo } from "./logo.js";

/** A proposal placed on a meeting's agenda: its number there and the meeting date. */
export interface Stamp {
  readonly nummer: string;
  readonly datum: string;
}

/**
 * Proposal data → document tree, through the `proposal` template of its house style. Pure.
 * Templates see the proposal's fields, the house style's texts as `huisstijl`, and, for a
 * proposal stamped for a meeting, `agenda` (its agenda number and the meeting date replace the
 * proposal's own).
 */
export function renderProposal(proposal: Proposal, style: Pick<HouseStyle, "templates" | "texts" | "logo">, stamp: Stamp | null = null): DocumentNode {
  const stamped = stamp ? { ...proposal, agendapunt: stamp.nummer, vergaderdatum: stamp.datum } : proposal;
  const context = { ...(completeKeys(stamped, Proposal) as object), huisstijl: style.texts, agenda: stamp };
  return withLogo(treeFromMarkup(style.templates.render("proposal", context), style.templates.files), style.logo);
}
