import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Where the JSON Schemas are kept (committed, and tested to be current). */
export const SCHEMA_DIR = fileURLToPath(new URL("../../schema/", import.meta.url));

/**
 * A JSON Schema for editors, generated from a zod schema. Input side: fields with defaults are
 * optional, as they are in the YAML.
 */
export function jsonSchemaText(schema: z.ZodType, title: string, file: string): string {
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...json, $id: `https://boardpaper.invalid/schema/${file}`, title }, null, 2)}\n`;
}
