import type { Host } from "../host/host.js";
import { discover, type Found } from "../load/discover.js";
import type { HouseStyleOptions } from "../pipeline/house-styles.js";
import { UsageError } from "./command.js";

export const DEFAULT_INPUT = "data";

/** The YAML files the paths on the command line name (default: data/), in a stable order. */
export async function findInputs(host: Host, paths: readonly string[]): Promise<Found[]> {
  const found = await discover(host, paths.length > 0 ? paths : [DEFAULT_INPUT]);
  if (!found.ok) throw new UsageError(found.message);
  return found.files;
}

/** The options that choose a house style and templates, shared by `check`, `build` and `agenda`. */
export const HOUSE_STYLE_OPTIONS = { style: { type: "string" }, templates: { type: "string" } } as const;

export const HOUSE_STYLE_HELP = `  --style FILE     house style for every input (default: the nearest huisstijl.yaml
                   in the input's folder or a folder above it)
  --templates DIR  templates that override the built-in ones file by file`;

export function houseStyleOptions(values: Record<string, unknown>): HouseStyleOptions {
  return {
    ...(typeof values.style === "string" ? { styleFile: values.style } : {}),
    ...(typeof values.templates === "string" ? { templatesDir: values.templates } : {}),
  };
}
