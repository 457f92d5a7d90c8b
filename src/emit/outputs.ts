import { basename, extname, join, relative, resolve } from "node:path";

/** Where `build` writes when no --out is given. */
export const DEFAULT_OUT = "out";

/**
 * Where the output of an input file goes: a file named on the command line lands directly in
 * the output folder; a file found in a folder keeps its place relative to that folder.
 * Pure: the caller passes the folder each file was found in (or undefined for a named file).
 */
export function outputBase(outDir: string, file: string, foundIn: string | undefined): string {
  const stem = basename(file, extname(file));
  if (foundIn === undefined) return join(outDir, stem);
  const rel = relative(resolve(foundIn), resolve(file));
  return join(outDir, rel.slice(0, rel.length - extname(rel).length));
}

/** SOURCE_DATE_EPOCH (seconds since 1970, UTC) as an ISO date, or an error message. */
export function sourceDate(env: Readonly<Record<string, string | undefined>>): { date?: string; error?: string } {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === "") return {};
  if (!/^\d+$/.test(raw)) return { error: `SOURCE_DATE_EPOCH must be a whole number of seconds, not \`${raw}\`` };
  return { date: new Date(Number(raw) * 1000).toISOString().slice(0, 10) };
}
