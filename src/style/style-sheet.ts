/**
 * The style sheet of a house style: the fonts, sizes, colours and margins both writers take
 * their values from. The Word styles and the CSS are generated from this one object, so the
 * .docx and the HTML look alike. A huisstijl.yaml sets it (style/from-file.ts) over these defaults.
 */
export interface StyleSheet {
  /** Font family as named in Word, and CSS fallbacks with the same metrics. */
  readonly font: { readonly family: string; readonly fallbacks: readonly string[] };
  /** Sizes in points. */
  readonly size: { readonly body: number; readonly title: number; readonly heading1: number; readonly heading2: number; readonly small: number };
  /** Accent colour for headings and table header rows, as RRGGBB hex without `#`. */
  readonly accent: string;
  /** Light tint of the accent for table header backgrounds, RRGGBB. */
  readonly accentLight: string;
  /** Page margins in millimetres (A4). */
  readonly margins: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
}

export const DEFAULT_STYLE_SHEET: StyleSheet = {
  font: { family: "Arial", fallbacks: ["Liberation Sans", "Helvetica", "sans-serif"] },
  size: { body: 10, title: 16, heading1: 12, heading2: 10.5, small: 8 },
  accent: "1F4E79",
  accentLight: "DCE6F1",
  margins: { top: 25, right: 20, bottom: 25, left: 25 },
  lineHeight: 1.3,
};

/** A4 in millimetres. */
export const A4 = { width: 210, height: 297 } as const;
