import type { z } from "zod";
import type { DocumentType } from "../model/compile-type.js";
import type { Proposal } from "../model/proposal.js";
import type { HouseStyle } from "../style/house-style.js";
import type { DocumentNode } from "../tree/types.js";
import { completeKeys } from "./context.js";
import { renderTemplate } from "./render-template.js";
import { stampedNumber } from "../template/helpers.js";
import { declaredTargets, referenceIndex } from "./references.js";
import { typeView } from "./type-view.js";

/** A proposal placed on a meeting's agenda: its number there, the meeting date, and its bijlagen's numbers there. */
export interface Stamp {
  readonly nummer: string;
  readonly datum: string;
  /** The numbers the agenda gives the proposal's bijlagen, in order (5-1, 5-2 or A, B). */
  readonly bijlagen?: readonly string[];
}

/** What a document of a declared type is rendered with: its house style (with the type's templates) and its type. */
export interface ResolvedProposal {
  readonly style: HouseStyle;
  readonly type: DocumentType & { readonly schema: z.ZodType };
}

/**
 * A document of a declared type → document tree, through the `proposal` template of its type
 * and house style. Pure. Templates see its fields, `documenttype` (its fields in order, for the
 * generic template), and for a proposal stamped for a meeting `agenda` (its agenda number and
 * the meeting date, which replace the proposal's own).
 */
export function renderProposal(proposal: Proposal, { style, type }: ResolvedProposal, stamp: Stamp | null = null): DocumentNode {
  const declares = (key: string) => [...type.gegevens, ...type.secties].some((f) => f.key === key);
  const stamped = stamp ? { ...proposal, ...(declares("agendapunt") ? { agendapunt: stamp.nummer } : {}), ...(declares("vergaderdatum") ? { vergaderdatum: stamp.datum } : {}) } : proposal;
  const complete = completeKeys(stamped, type.schema) as Record<string, unknown>;
  const documenttype = typeView(type, complete, style.templates, style.texts.datumnotatie, stamp?.nummer);
  const verwijzingen = referenceIndex(declaredTargets(type, stamped, (i) => stampedNumber(stamp, i)), stamped);
  return renderTemplate("proposal", type.schema, stamped, style, { agenda: stamp, documenttype, verwijzingen });
}
