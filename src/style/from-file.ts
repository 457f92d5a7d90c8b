import type { HouseStyleFile } from "../model/house-style.js";
import { DEFAULT_STYLE_SHEET, type StyleSheet } from "./style-sheet.js";

/** A house-style file's values over the defaults. Pure. */
export function styleSheetFrom(file: HouseStyleFile | undefined, base: StyleSheet = DEFAULT_STYLE_SHEET): StyleSheet {
  if (!file) return base;
  const size = file.lettertype?.grootte ?? {};
  const margins = file.marges_mm ?? {};
  const accent = file.accentkleur?.slice(1).toUpperCase() ?? base.accent;
  return {
    font: {
      family: file.lettertype?.familie ?? base.font.family,
      fallbacks: file.lettertype?.reserve ?? (file.lettertype?.familie ? ["sans-serif"] : base.font.fallbacks),
    },
    size: {
      body: size.tekst ?? base.size.body,
      title: size.titel ?? base.size.title,
      heading1: size.kop1 ?? base.size.heading1,
      heading2: size.kop2 ?? base.size.heading2,
      small: size.klein ?? base.size.small,
    },
    accent,
    accentLight: file.accentkleur_licht?.slice(1).toUpperCase() ?? (file.accentkleur ? tint(accent, 0.85) : base.accentLight),
    margins: {
      top: margins.boven ?? base.margins.top,
      right: margins.rechts ?? base.margins.right,
      bottom: margins.onder ?? base.margins.bottom,
      left: margins.links ?? base.margins.left,
    },
    lineHeight: base.lineHeight,
  };
}

/** Mix a colour with white: 0 keeps it, 1 gives white. */
function tint(hex: string, amount: number): string {
  return [0, 2, 4]
    .map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16);
      return Math.round(c + (255 - c) * amount)
        .toString(16)
        .padStart(2, "0");
    })
    .join("")
    .toUpperCase();
}
