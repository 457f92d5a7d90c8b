import type { z } from "zod";
import type { ParsedYaml } from "../load/parse-yaml.js";
import { Proposal } from "./proposal.js";

/**
 * The kinds of input document, and how a file is recognised as one. A list, so that meetings
 * and house styles join by adding an entry, not by editing the commands.
 */
export interface DocumentKind<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: S;
  matches(file: string): boolean;
}

export const PROPOSAL: DocumentKind<typeof Proposal> = { name: "proposal", schema: Proposal, matches: () => true };

/** Checked in order; the last entry matches everything. */
export const KINDS: readonly DocumentKind[] = [PROPOSAL];

export function kindOf(file: string): DocumentKind {
  return KINDS.find((k) => k.matches(file)) ?? PROPOSAL;
}

export interface LoadedProposal {
  readonly kind: "proposal";
  /** The path as given (for reading and mirroring). */
  readonly path: string;
  /** The folder named on the command line it was found in, if any. */
  readonly root: string | undefined;
  /** The path as shown in messages. */
  readonly file: string;
  readonly value: Proposal;
  readonly parsed: ParsedYaml;
}

export type LoadedDocument = LoadedProposal;
