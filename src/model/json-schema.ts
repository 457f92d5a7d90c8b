import { fileURLToPath } from "node:url";
import { z } from "zod";
import { Proposal } from "./proposal.js";

/** Where the generated JSON Schema of a proposal is kept, for editors (committed, tested fresh). */
export const PROPOSAL_SCHEMA_FILE = fileURLToPath(new URL("../../schema/proposal.schema.json", import.meta.url));

/**
 * The JSON Schema of a proposal file, generated from the zod schema. Input side: fields with
 * defaults are optional, as they are in the YAML.
 */
export function proposalJsonSchema(): string {
  const schema = z.toJSONSchema(Proposal, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, $id: "https://boardpaper.invalid/schema/proposal.schema.json", title: "boardpaper proposal (voorstel)" }, null, 2)}\n`;
}
