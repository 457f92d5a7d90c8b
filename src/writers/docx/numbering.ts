import { AlignmentType, LevelFormat, type INumberingOptions } from "docx";
import type { ListStyle } from "../../tree/types.js";

/** Word number formats for the tree's list styles. */
const FORMAT: Record<ListStyle, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (level: number) => string }> = {
  decimal: { format: LevelFormat.DECIMAL, text: (l) => `%${l + 1}.` },
  "lower-alpha": { format: LevelFormat.LOWER_LETTER, text: (l) => `%${l + 1}.` },
  "lower-roman": { format: LevelFormat.LOWER_ROMAN, text: (l) => `%${l + 1}.` },
  bullet: { format: LevelFormat.BULLET, text: (l) => ["•", "–", "▪"][l % 3]! },
};

const INDENT = 425; // twips per level (0.75 cm), the hanging indent of the number too

export const listIndent = (level: number): number => INDENT * (level + 1);

/**
 * In a table cell, where columns are narrow, lists take less room: 0.5 cm per level, the
 * hanging indent of the number too (set on each paragraph, over its numbering level's).
 */
export const CELL_INDENT = 284;
export const cellListIndent = (level: number): number => CELL_INDENT * (level + 1);

/** One numbering definition per list style and start value; `reference` names it. */
export const numberingReference = (style: ListStyle, start: number): string => `${style}-${start}`;

/**
 * Every list is its own numbering *instance* of its style's definition (docx's `instance`), so
 * each list restarts at its start value; nesting depth picks the level, which sets the indent.
 */
export function numberingConfig(used: ReadonlySet<string>): INumberingOptions {
  return {
    config: [...used].sort().map((reference) => {
      const dash = reference.lastIndexOf("-");
      const style = reference.slice(0, dash) as ListStyle;
      const start = Number(reference.slice(dash + 1));
      const f = FORMAT[style];
      return {
        reference,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: f.format,
          text: f.text(level),
          start,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: listIndent(level), hanging: INDENT } } },
        })),
      };
    }),
  };
}
