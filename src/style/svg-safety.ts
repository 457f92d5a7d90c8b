import { t } from "../i18n/i18n.js";

/**
 * What an SVG logo may not contain before it is rasterised, and how large the raster may be.
 * A logo is a drawing in one file: it may not reach outside itself (an `<image href="/etc/…">`,
 * a `file:` or `http:` URL, a nested `data:` image, a CSS `url(…)` or `@import`), and it may not
 * ask for work out of all proportion to its size (filters, a huge raster).
 */

/** The raster for Word's PNG fallback: at most this many pixels on the long side… */
export const MAX_RASTER_SIDE = 4096;
/** …and at most this many in all. */
export const MAX_RASTER_PIXELS = 8 * 1024 * 1024;
/** An SVG logo's file size. */
export const MAX_SVG_BYTES = 5 * 1024 * 1024;

/** Why this SVG text may not be drawn, or undefined when it may. */
export function svgProblem(svg: string): string | undefined {
  // Any attribute named href in any namespace (href, xlink:href, x:href): a fragment only.
  for (const m of svg.matchAll(/(?:^|[\s"'])((?:[\w.-]+:)?href)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const value = m[3] ?? m[4] ?? "";
    if (!value.startsWith("#")) return t("svg.outsideHref", { ref: `${m[1]}="${shorten(value)}"` });
  }
  for (const m of svg.matchAll(/url\s*\(\s*(['"]?)\s*([^)'"]*)/gi)) {
    if (!m[2]!.startsWith("#")) return t("svg.outsideUrl", { ref: `url(${shorten(m[2]!)})` });
  }
  if (/@import/i.test(svg)) return t("svg.import");
  // CSS escapes could spell url( or @import past the checks above.
  if (styleSheets(svg).some((css) => css.includes("\\")) || /\bstyle\s*=\s*("[^"]*\\|'[^']*\\)/i.test(svg)) return t("svg.escapes");
  if (/<!ENTITY/i.test(svg)) return t("svg.entities");
  if (/<(?:[\w.-]+:)?filter[\s>/]/.test(svg) || /(?:^|[\s"';{])filter\s*[=:]/.test(svg)) {
    return t("svg.filters");
  }
  return undefined;
}

/** Why a raster of this size is refused, or undefined when it is fine. */
export function rasterProblem(width: number, height: number): string | undefined {
  if (!(width > 0 && height > 0)) return t("svg.noSize");
  if (Math.max(width, height) > MAX_RASTER_SIDE || width * height > MAX_RASTER_PIXELS) {
    return t("svg.rasterTooLarge", { width: Math.round(width), height: Math.round(height), max: MAX_RASTER_SIDE });
  }
  return undefined;
}

/** The contents of the style elements (found in one pass: no regular expression backtracking). */
function styleSheets(svg: string): string[] {
  const open = /<(?:[\w.-]+:)?style[\s>]/gi;
  const close = /<\/(?:[\w.-]+:)?style\s*>/gi;
  const out: string[] = [];
  for (let m = open.exec(svg); m; m = open.exec(svg)) {
    close.lastIndex = open.lastIndex;
    const end = close.exec(svg);
    out.push(svg.slice(open.lastIndex, end ? end.index : svg.length));
    if (!end) break;
    open.lastIndex = close.lastIndex;
  }
  return out;
}

const shorten = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
