import type { z } from "zod";
import { alternatives, defOf } from "../model/schema-walk.js";

/**
 * The data as templates see it: every key the schema knows is present, `null` when the data
 * leaves it out. Templates run in Handlebars' strict mode, where a misspelt field is an error;
 * this makes an optional field that is simply absent an ordinary falsy value instead.
 */
export function completeKeys(value: unknown, schema: z.ZodType): unknown {
  if (Array.isArray(value)) {
    const element = alternatives(schema).map(defOf).find((d) => d.type === "array")?.element;
    return element ? value.map((v) => completeKeys(v, element)) : value;
  }
  if (value !== null && typeof value === "object") {
    const shape = alternatives(schema).map(defOf).find((d) => d.type === "object")?.shape;
    if (!shape) return value;
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(shape)) out[key] = obj[key] === undefined ? null : completeKeys(obj[key], sub);
    return out;
  }
  return value;
}
