import type { z } from "zod";
import type { ParsedYaml } from "../load/parse-yaml.js";
import { basename } from "node:path";
import { HOUSE_STYLE_FILE, HouseStyleFile } from "./house-style.js";
import { Meeting } from "./meeting.js";
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
export const HOUSE_STYLE: DocumentKind<typeof HouseStyleFile> = {
  name: "house-style",
  schema: HouseStyleFile,
  matches: (file) => basename(file) === HOUSE_STYLE_FILE,
};

/** Meetings live in a folder named `meetings` (or `vergaderingen`). */
export const MEETING: DocumentKind<typeof Meeting> = {
  name: "meeting",
  schema: Meeting,
  matches: (file) => file.split(/[\\/]/).slice(0, -1).some((dir) => dir === "meetings" || dir === "vergaderingen"),
};

/** Checked in order; the last entry matches everything. */
export const KINDS: readonly DocumentKind[] = [HOUSE_STYLE, MEETING, PROPOSAL];

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

export interface LoadedHouseStyle extends Omit<LoadedProposal, "kind" | "value"> {
  readonly kind: "house-style";
  readonly value: HouseStyleFile;
}

export interface LoadedMeeting extends Omit<LoadedProposal, "kind" | "value"> {
  readonly kind: "meeting";
  readonly value: Meeting;
}

export type LoadedDocument = LoadedProposal | LoadedHouseStyle | LoadedMeeting;
