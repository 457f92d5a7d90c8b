import { basename } from "node:path";
import { HOUSE_STYLE_FILE, HOUSE_STYLE_TYPES, HouseStyleFile } from "../model/house-style.js";
import type { DocumentKind } from "./kind.js";

/**
 * A house style (huisstijl.yaml): no document of its own, but checked whether or not a
 * document uses it (its logo and templates too).
 */
export const HOUSE_STYLE: DocumentKind<HouseStyleFile, null> = {
  name: "house-style",
  noun: "house style",
  description: "huisstijl: logo, fonts, colours, margins, date format and templates of an organisation's documents",
  schema: HouseStyleFile,
  types: HOUSE_STYLE_TYPES,
  matches: (file) => basename(file) === HOUSE_STYLE_FILE,
  jsonSchema: { name: "huisstijl", file: "huisstijl.schema.json", title: "boardpaper house style (huisstijl.yaml)" },
  skeleton: [
    "A house style (huisstijl.yaml): it applies to the documents in its folder and the folders below.",
    "Every field is optional: what is left out keeps boardpaper's default.",
  ],
  async resolve(doc, ctx) {
    const style = await ctx.houseStyleOfFile(doc.path);
    return style ? { ok: true, resolved: null, warnings: [] } : { ok: false, diagnostics: [] };
  },
  render: () => [],
  outputs: "file",
};
