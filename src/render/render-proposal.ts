import { Proposal } from "../model/proposal.js";
import type { TemplateSet } from "../template/template-set.js";
import { treeFromMarkup } from "../tree/from-markup.js";
import type { DocumentNode } from "../tree/types.js";
import { completeKeys } from "./context.js";

/** Proposal data → document tree, through the `proposal` template. Pure. */
export function renderProposal(proposal: Proposal, templates: TemplateSet): DocumentNode {
  const markup = templates.render("proposal", completeKeys(proposal, Proposal));
  return treeFromMarkup(markup, templates.files);
}
