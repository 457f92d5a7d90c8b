import type { Meeting } from "../model/meeting.js";
import type { Proposal } from "../model/proposal.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import type { AgendaPlan } from "./plan.js";

/** A meeting with its agenda planned and its proposals read and cross-checked. */
export interface PreparedMeeting {
  readonly meeting: LoadedDocument<Meeting>;
  readonly plan: AgendaPlan;
  /** The proposal of each proposal item, by the item's path in the meeting file. */
  readonly proposalAt: (path: readonly (string | number)[]) => LoadedDocument<Proposal> | undefined;
}
