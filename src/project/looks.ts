import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Host } from "../cli/host.js";
import { distinct, error, START, type Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath } from "../load/discover.js";
import { loadFile } from "../load/load-file.js";
import type { ParsedYaml } from "../load/parse-yaml.js";
import { HOUSE_STYLE_FILE, HouseStyleFile } from "../model/house-style.js";
import type { LoadedDocument } from "../model/kinds.js";
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from "../style/house-style.js";
import { houseStyleFrom } from "../style/from-file.js";
import { prepareLogo, type Logo } from "../style/logo.js";
import { hostTemplateFiles } from "../template/host-files.js";
import { TemplateError } from "../template/template-error.js";
import { loadTemplateSet, type TemplateSet } from "../template/template-set.js";
import { locate } from "../validate/locate.js";

/** Everything besides the proposal that decides how it is rendered. */
export interface Look {
  readonly style: HouseStyle;
  readonly logo?: Logo;
  readonly templates: TemplateSet;
  /** What templates see as `huisstijl`. */
  readonly house: { organisatie: string | null; voettekst: string | null; datumnotatie: string };
}

export interface LookOptions {
  /** `--style FILE`: one house style for every input instead of the nearest huisstijl.yaml. */
  readonly styleFile?: string;
  /** `--templates DIR`: overrides the house style's templates. */
  readonly templatesDir?: string;
}

/** Proposals and meetings have a look; house styles are what looks are made of. */
export type Styled = Exclude<LoadedDocument, { kind: "house-style" }>;

export type Looks = { ok: true; lookOf: (doc: Styled) => Look } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Find, load and check the look of every proposal: its house style (the nearest huisstijl.yaml
 * in its folder or a folder above, up to the project folder), that style's logo and templates.
 * Files named in a house style must lie inside the project folder.
 */
export async function resolveLooks(host: Host, documents: readonly LoadedDocument[], opts: LookOptions = {}): Promise<Looks> {
  if (opts.templatesDir && (await host.kind(opts.templatesDir)) !== "dir") {
    return { ok: false, diagnostics: [error(opts.templatesDir, START, "--templates: no such folder")] };
  }
  const resolver = lookResolver(host, documents, opts);
  const byDocument = new Map<Styled, Look>();
  for (const d of documents) {
    if (d.kind === "house-style") continue;
    const look = await resolver.lookFor(d.path);
    if (look) byDocument.set(d, look);
  }
  // A house style given or found must be valid even if no proposal uses it.
  for (const d of documents) if (d.kind === "house-style") await resolver.lookForStyle(resolve(host.cwd, d.path));
  if (resolver.diagnostics.length > 0) return { ok: false, diagnostics: distinct(resolver.diagnostics) };
  return {
    ok: true,
    lookOf: (d) => {
      const look = byDocument.get(d);
      if (!look) throw new Error(`no look resolved for ${d.file}`);
      return look;
    },
  };
}

export interface LookResolver {
  /** The look of a document at `path` (undefined when its house style or templates are wrong). */
  lookFor(path: string): Promise<Look | undefined>;
  lookForStyle(styleFile: string | undefined): Promise<Look | undefined>;
  /** Problems found so far. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Looks, found and loaded on demand and cached per house-style file, so that many documents
 * (a batch) share one set of compiled templates. `known` are documents already loaded.
 */
export function lookResolver(host: Host, known: readonly LoadedDocument[], opts: LookOptions = {}): LookResolver {
  const diagnostics: Diagnostic[] = [];
  const styles = new Map<string, Promise<{ value: HouseStyleFile; parsed: ParsedYaml } | undefined>>();
  const loaded = new Map(known.filter((d) => d.kind === "house-style").map((d) => [resolve(host.cwd, d.path), d]));
  const loadStyle = (abs: string) => {
    if (!styles.has(abs)) {
      styles.set(
        abs,
        (async () => {
          const known = loaded.get(abs);
          if (known?.kind === "house-style") return { value: known.value, parsed: known.parsed };
          const file = displayPath(host, abs);
          if ((await host.kind(abs)) !== "file") {
            diagnostics.push(error(file, START, "house style file not found"));
            return undefined;
          }
          const r = loadFile(file, await host.readFile(abs), HouseStyleFile);
          diagnostics.push(...r.diagnostics);
          return r.ok ? { value: r.value, parsed: r.parsed } : undefined;
        })(),
      );
    }
    return styles.get(abs)!;
  };

  const styleFileOf = async (path: string): Promise<string | undefined> => {
    if (opts.styleFile) return resolve(host.cwd, opts.styleFile);
    const root = resolve(host.cwd);
    for (let dir = dirname(resolve(host.cwd, path)); inside(root, dir); dir = dirname(dir)) {
      const candidate = join(dir, HOUSE_STYLE_FILE);
      if ((await host.kind(candidate)) === "file") return candidate;
      if (dir === root) break;
    }
    return undefined;
  };

  const templateSets = new Map<string, Promise<TemplateSet | undefined>>();
  const templatesFor = (dirs: string[]) => {
    const key = dirs.join("\0");
    if (!templateSets.has(key)) {
      templateSets.set(
        key,
        loadTemplateSet(hostTemplateFiles(host), dirs).catch((e: unknown) => {
          if (!(e instanceof TemplateError)) throw e;
          diagnostics.push(e.diagnostic);
          return undefined;
        }),
      );
    }
    return templateSets.get(key)!;
  };

  const looks = new Map<string, Look | undefined>();
  const lookForStyle = async (styleFile: string | undefined): Promise<Look | undefined> => {
    const key = styleFile ?? "";
    if (looks.has(key)) return looks.get(key);
    const style = styleFile ? await loadStyle(styleFile) : undefined;
    if (styleFile && !style) {
      looks.set(key, undefined);
      return undefined;
    }
    const at = (path: string[], message: string) => {
      const loc = style ? locate(style.parsed, path) : undefined;
      diagnostics.push(error(style?.parsed.file ?? "", loc?.pos ?? START, message, path.join(".")));
    };
    const base = styleFile ? dirname(styleFile) : host.cwd;
    let logo: Logo | undefined;
    const logoSpec = style?.value.logo;
    if (logoSpec) {
      const file = resolve(base, logoSpec.bestand);
      if (!inside(host.cwd, file)) at(["logo", "bestand"], `\`${logoSpec.bestand}\` lies outside the project folder; put the logo inside it`);
      else if ((await host.kind(file)) !== "file") at(["logo", "bestand"], `logo file \`${logoSpec.bestand}\` not found (looked for ${displayPath(host, file)})`);
      else {
        const r = await prepareLogo(await host.readFile(file), logoSpec.alt, logoSpec.breedte_mm ?? 35);
        if (r.ok) logo = r.logo;
        else at(["logo", "bestand"], `${logoSpec.bestand}: ${r.message}`);
      }
    }
    const dirs: string[] = [];
    if (opts.templatesDir) dirs.push(resolve(host.cwd, opts.templatesDir));
    else if (style?.value.templates) {
      const dir = resolve(base, style.value.templates);
      if (!inside(host.cwd, dir)) at(["templates"], `\`${style.value.templates}\` lies outside the project folder`);
      else if ((await host.kind(dir)) !== "dir") at(["templates"], `templates folder \`${style.value.templates}\` not found (looked for ${displayPath(host, dir)})`);
      else dirs.push(dir);
    }
    const templates = await templatesFor(dirs);
    const look: Look | undefined = templates
      ? {
          style: houseStyleFrom(style?.value, DEFAULT_HOUSE_STYLE),
          ...(logo ? { logo } : {}),
          templates,
          house: {
            organisatie: style?.value.organisatie ?? null,
            voettekst: style?.value.voettekst ?? null,
            datumnotatie: style?.value.datumnotatie ?? "lang",
          },
        }
      : undefined;
    looks.set(key, look);
    return look;
  };

  return { lookFor: async (path) => lookForStyle(await styleFileOf(path)), lookForStyle, diagnostics };
}

/** Whether `p` lies in `root` or below it. */
export function inside(root: string, p: string): boolean {
  const rel = relative(resolve(root), resolve(p));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
