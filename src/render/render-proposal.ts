import { Proposal } from "../model/proposal.js";
import type { Look } from "../project/looks.js";
import { treeFromMarkup } from "../tree/from-markup.js";
import type { DocumentNode } from "../tree/types.js";
import { completeKeys } from "./context.js";

/**
 * Proposal data → document tree, through the `proposal` template of its look. Pure. Templates
 * see the proposal's fields, and the house style's texts as `huisstijl`.
 */
export function renderProposal(proposal: Proposal, look: Pick<Look, "templates" | "house" | "logo">): DocumentNode {
  const context = { ...(completeKeys(proposal, Proposal) as object), huisstijl: look.house };
  const tree = treeFromMarkup(look.templates.render("proposal", context), look.templates.files);
  const logo = look.logo;
  if (!logo) return tree;
  return {
    ...tree,
    logo: { type: "image", format: logo.format, data: logo.data, fallback: logo.png, alt: logo.alt, widthMm: logo.widthMm, heightMm: logo.heightMm },
  };
}
