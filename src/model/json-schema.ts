import { fileURLToPath } from "node:url";
import { z } from "zod";
import { HouseStyleFile } from "./house-style.js";
import { Meeting } from "./meeting.js";
import { Proposal } from "./proposal.js";

/**
 * The JSON Schemas of the input files, generated from the zod schemas, for editors. Copies are
 * kept in schema/ (committed, and tested to be current). Input side: fields with defaults are
 * optional, as they are in the YAML.
 */
export const JSON_SCHEMAS = {
  proposal: { schema: Proposal, title: "boardpaper proposal (voorstel)", file: "proposal.schema.json" },
  huisstijl: { schema: HouseStyleFile, title: "boardpaper house style (huisstijl.yaml)", file: "huisstijl.schema.json" },
  meeting: { schema: Meeting, title: "boardpaper meeting (vergadering)", file: "meeting.schema.json" },
} as const;

export type SchemaName = keyof typeof JSON_SCHEMAS;

export const schemaFile = (name: SchemaName): string => fileURLToPath(new URL(`../../schema/${JSON_SCHEMAS[name].file}`, import.meta.url));

/** Where the proposal schema is kept: `new` points editors at it. */
export const PROPOSAL_SCHEMA_FILE = schemaFile("proposal");

export function jsonSchema(name: SchemaName): string {
  const { schema, title, file } = JSON_SCHEMAS[name];
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...json, $id: `https://boardpaper.invalid/schema/${file}`, title }, null, 2)}\n`;
}
