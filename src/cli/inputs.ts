import type { Host } from "../host/host.js";
import { discover, type Found } from "../load/discover.js";
import type { HouseStyleOptions } from "../pipeline/house-styles.js";
import { UsageError } from "./command.js";
import { t } from "../i18n/i18n.js";

export const DEFAULT_INPUT = "data";

/** The YAML files the paths on the command line name (default: data/), in a stable order. */
export async function findInputs(host: Host, paths: readonly string[]): Promise<Found[]> {
  const found = await discover(host, paths.length > 0 ? paths : [DEFAULT_INPUT]);
  if (!found.ok) throw new UsageError(found.message);
  return found.files;
}

/** The options that choose a house style and templates, shared by `check`, `build` and `agenda`. */
export const HOUSE_STYLE_OPTIONS = { style: { type: "string" }, templates: { type: "string" } } as const;

/** The help lines of --style and --templates, in the current language. */
export const HOUSE_STYLE_HELP = (): string => t("cli.houseStyleHelp");

export function houseStyleOptions(values: Record<string, unknown>): HouseStyleOptions {
  return {
    ...(typeof values.style === "string" ? { styleFile: values.style } : {}),
    ...(typeof values.templates === "string" ? { templatesDir: values.templates } : {}),
  };
}
