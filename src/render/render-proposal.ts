import { Proposal } from "../model/proposal.js";
import type { HouseStyle } from "../style/house-style.js";
import type { DocumentNode } from "../tree/types.js";
import { renderTemplate } from "./render-template.js";

/** A proposal placed on a meeting's agenda: its number there and the meeting date. */
export interface Stamp {
  readonly nummer: string;
  readonly datum: string;
}

/**
 * Proposal data → document tree, through the `proposal` template of its house style. Pure.
 * For a proposal stamped for a meeting, templates also see `agenda` (its agenda number and the
 * meeting date, which replace the proposal's own).
 */
export function renderProposal(proposal: Proposal, style: Pick<HouseStyle, "templates" | "texts" | "logo">, stamp: Stamp | null = null): DocumentNode {
  const stamped = stamp ? { ...proposal, agendapunt: stamp.nummer, vergaderdatum: stamp.datum } : proposal;
  return renderTemplate("proposal", Proposal, stamped, style, { agenda: stamp });
}
