import type { z } from "zod";
import type { HouseStyle } from "../style/house-style.js";
import { treeFromMarkup } from "../tree/from-markup.js";
import type { DocumentNode } from "../tree/types.js";
import { completeKeys } from "./context.js";
import { withLogo } from "./logo.js";

/**
 * Data → document tree through the house style's template `name`. Pure. Templates see the
 * data's fields (every key its schema knows; `null` where the data leaves one out), the house
 * style's texts as `huisstijl`, and `extra`; the house style's logo goes in the page header.
 */
export function renderTemplate(name: string, schema: z.ZodType, value: unknown, style: Pick<HouseStyle, "templates" | "texts" | "logo">, extra: object = {}): DocumentNode {
  const context = { ...(completeKeys(value, schema) as object), huisstijl: style.texts, ...extra };
  return withLogo(treeFromMarkup(style.templates.render(name, context), style.templates.files), style.logo);
}
