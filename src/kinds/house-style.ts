import { basename } from "node:path";
import { HOUSE_STYLE_FILE, HOUSE_STYLE_TYPES, HouseStyleFile } from "../model/house-style.js";
import type { DocumentKind } from "./kind.js";
import { t } from "../i18n/i18n.js";

/**
 * A house style (huisstijl.yaml): no document of its own, but checked whether or not a
 * document uses it (its logo and templates too).
 */
export const HOUSE_STYLE: DocumentKind<HouseStyleFile, null> = {
  name: "house-style",
  get noun() {
    return t("k.noun.houseStyle");
  },
  get description() {
    return t("kind.houseStyle");
  },
  schema: HouseStyleFile,
  types: HOUSE_STYLE_TYPES,
  matches: (file) => basename(file) === HOUSE_STYLE_FILE,
  jsonSchema: { name: "huisstijl", file: "huisstijl.schema.json", title: "boardpaper huisstijl (huisstijl.yaml)" },
  get skeleton() {
    return t("skeleton.houseStyle").split("\n");
  },
  async resolve(doc, ctx) {
    const style = await ctx.houseStyleOfFile(doc.path);
    return style ? { ok: true, resolved: null, warnings: [] } : { ok: false, diagnostics: [] };
  },
  render: () => [],
  outputs: "file",
};
