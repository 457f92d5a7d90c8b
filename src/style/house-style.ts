import type { TemplateSet } from "../template/template-set.js";
import type { Logo } from "./logo.js";
import type { StyleSheet } from "./style-sheet.js";

/**
 * A house style as rendering uses it: everything besides the data that decides how a document
 * comes out. Made from a huisstijl.yaml (or the defaults) by src/pipeline/house-styles.ts.
 */
export interface HouseStyle {
  /** What the writers take their fonts, sizes, colours and margins from. */
  readonly sheet: StyleSheet;
  readonly logo?: Logo;
  readonly templates: TemplateSet;
  /** The house style's own template folders (overriding the built-in ones), before any type's. */
  readonly templateDirs: readonly string[];
  /** The house style's own texts, which templates see as `huisstijl`. */
  readonly texts: HouseStyleTexts;
}

export interface HouseStyleTexts {
  readonly organisatie: string | null;
  readonly voettekst: string | null;
  readonly datumnotatie: string;
}
