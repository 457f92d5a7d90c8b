import { createRequire } from "node:module";
import { MAX_SVG_BYTES, rasterProblem, svgProblem } from "./svg-safety.js";
import { t } from "../i18n/i18n.js";

/** A logo ready for both writers: its bytes, a PNG for Word's fallback, its size on the page. */
export interface Logo {
  readonly format: "png" | "svg";
  readonly data: Uint8Array;
  /** PNG rendering: Word shows it where SVG is not supported (docx requires one for SVG). */
  readonly png: Uint8Array;
  readonly alt: string;
  readonly widthMm: number;
  readonly heightMm: number;
}

export type LogoResult = { ok: true; logo: Logo } | { ok: false; message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Check a logo's bytes and measure it (no files: the caller reads the bytes). The image
 * libraries are loaded only when there is a logo, which keeps start-up quick without one.
 */
export async function prepareLogo(bytes: Uint8Array, alt: string, widthMm: number): Promise<LogoResult> {
  const { imageSize } = await import("image-size");
  const isPng = PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  const head = new TextDecoder().decode(bytes.subarray(0, 2048));
  const isSvg = !isPng && /<svg[\s>]/.test(head);
  if (!isPng && !isSvg) return { ok: false, message: t("logo.notImage") };
  if (isSvg) {
    if (bytes.length > MAX_SVG_BYTES) return { ok: false, message: t("logo.svgTooLarge", { size: Math.round(bytes.length / 1024), max: MAX_SVG_BYTES / 1024 }) };
    const problem = svgProblem(new TextDecoder().decode(bytes));
    if (problem) return { ok: false, message: problem };
  }
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, message: t("logo.unreadable") };
  }
  if (!size.width || !size.height) return { ok: false, message: t("logo.noSize") };
  const heightMm = Math.round(((widthMm * size.height) / size.width) * 10) / 10;
  if (isPng) return { ok: true, logo: { format: "png", data: bytes, png: bytes, alt, widthMm, heightMm } };
  let png: Uint8Array;
  try {
    // A native CommonJS package: required when first needed (only SVG logos use it), and with
    // require rather than import() so that it also loads from the start-up bundle (bin/).
    const { Resvg } = createRequire(import.meta.url)("@resvg/resvg-js") as typeof import("@resvg/resvg-js");
    // System fonts are not loaded, so the rendering is the same on every machine; text in a logo
    // should be converted to paths.
    const width = Math.round((widthMm / 25.4) * 300);
    const resvg = new Resvg(Buffer.from(bytes), { fitTo: { mode: "width", value: width }, font: { loadSystemFonts: false } });
    // The raster's size is checked before anything is drawn: a tiny file can ask for gigapixels.
    const tooLarge = rasterProblem(width, (width * resvg.height) / resvg.width);
    if (tooLarge) return { ok: false, message: tooLarge };
    png = new Uint8Array(resvg.render().asPng());
  } catch (e) {
    return { ok: false, message: t("logo.cannotDraw", { why: (e as Error).message }) };
  }
  return { ok: true, logo: { format: "svg", data: bytes, png, alt, widthMm, heightMm } };
}
