import { basename, dirname, join, resolve } from "node:path";
import { error, START, type Diagnostic } from "../diagnostics/diagnostic.js";
import { TemplateError } from "../diagnostics/template-error.js";
import type { Host } from "../host/host.js";
import { displayPath, inside, insideReal } from "../host/paths.js";
import type { ParsedYaml } from "../load/parse-yaml.js";
import { HOUSE_STYLE_FILE, HouseStyleFile } from "../model/house-style.js";
import { styleSheetFrom } from "../style/from-file.js";
import type { HouseStyle } from "../style/house-style.js";
import { prepareLogo, type Logo } from "../style/logo.js";
import { DEFAULT_STYLE_SHEET } from "../style/style-sheet.js";
import { hostTemplateFiles } from "../template/host-files.js";
import { loadTemplateSet, type TemplateSet } from "../template/template-set.js";
import { locate } from "../validate/locate.js";
import { suggest } from "../validate/suggest.js";
import { validateFile } from "../validate/validate-file.js";
import { t } from "../i18n/i18n.js";

/** A house style's `standaardtype:` line, read before the file is parsed (as a document's `type:` is). */
const STANDAARDTYPE = /^standaardtype:[ \t]*["']?([\w-]+)["']?[ \t]*(?:#.*)?$/m;

export interface HouseStyleOptions {
  /** `--style FILE`: one house style for every input instead of the nearest huisstijl.yaml. */
  readonly styleFile?: string;
  /** `--templates DIR`: overrides the house style's templates. */
  readonly templatesDir?: string;
  /**
   * Check every template of a house style when it is loaded (`check`, which renders nothing);
   * otherwise each template is checked when it is first rendered.
   */
  readonly checkTemplates?: boolean;
}

export interface HouseStyleResolver {
  /** The house style of a document at `path` (undefined when it has problems: see diagnostics). */
  at(path: string): Promise<HouseStyle | undefined>;
  /** The house style a huisstijl.yaml makes. */
  ofFile(styleFile: string): Promise<HouseStyle | undefined>;
  /** The house style with a document type's templates: see withTypeTemplates below. */
  withTypeTemplates(style: HouseStyle, typeDirs: readonly string[]): Promise<HouseStyle | undefined>;
  /** The `standaardtype:` of the house style of a document at `path`, as written (checked when the house style is). */
  defaultTypeAt(path: string): Promise<string | undefined>;
  /** Problems found so far, each once. */
  readonly diagnostics: Diagnostic[];
}

/**
 * House styles, found and loaded on demand and kept per huisstijl.yaml, so that every document
 * of a run that shares one also shares its logo and compiled templates. A document's house
 * style is the nearest huisstijl.yaml in its folder or a folder above, up to the project folder;
 * files a house style names must lie inside the project folder.
 */
export function houseStyleResolver(host: Host, opts: HouseStyleOptions = {}, typeNames: readonly string[] = []): HouseStyleResolver {
  const diagnostics: Diagnostic[] = [];
  let templatesDirFound: Promise<boolean> | undefined;
  const templatesDirOk = (dir: string) =>
    (templatesDirFound ??= host.kind(dir).then((k) => {
      if (k !== "dir") diagnostics.push(error(dir, START, t("hs.noTemplatesDir")));
      return k === "dir";
    }));

  /** A house style file in the project folder must really be there (not a link leading out of it). */
  const styleFileInside = async (abs: string): Promise<boolean> => !inside(host.cwd, abs) || (await insideReal(host, host.cwd, abs));

  const loadStyle = async (abs: string): Promise<{ value: HouseStyleFile; parsed: ParsedYaml } | undefined> => {
    const file = displayPath(host, abs);
    if ((await host.kind(abs)) !== "file") {
      diagnostics.push(error(file, START, t("hs.notFound")));
      return undefined;
    }
    if (!(await styleFileInside(abs))) {
      diagnostics.push(error(file, START, t("hs.linkOutside")));
      return undefined;
    }
    const r = validateFile(file, await host.readFile(abs), HouseStyleFile);
    diagnostics.push(...r.diagnostics);
    return r.valid;
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
        loadTemplateSet(hostTemplateFiles(host), dirs)
          .then((set) => {
            if (opts.checkTemplates) set.checkAll();
            return set;
          })
          .catch((e: unknown) => {
            if (!(e instanceof TemplateError)) throw e;
            diagnostics.push(e.diagnostic);
            return undefined;
          }),
      );
    }
    return templateSets.get(key)!;
  };

  const made = new Map<string, Promise<HouseStyle | undefined>>();
  const make = async (styleFile: string | undefined): Promise<HouseStyle | undefined> => {
    if (opts.templatesDir !== undefined && !(await templatesDirOk(opts.templatesDir))) return undefined;
    const style = styleFile ? await loadStyle(styleFile) : undefined;
    if (styleFile && !style) return undefined;
    let ok = true;
    const at = (path: string[], message: string) => {
      const loc = style ? locate(style.parsed, path) : undefined;
      diagnostics.push(error(style?.parsed.file ?? "", loc?.pos ?? START, message, path.join(".")));
      ok = false;
    };
    const base = styleFile ? dirname(styleFile) : host.cwd;
    let logo: Logo | undefined;
    const logoSpec = style?.value.logo;
    if (logoSpec) {
      const file = resolve(base, logoSpec.bestand);
      if (!(await insideReal(host, host.cwd, file))) at(["logo", "bestand"], t("hs.logoOutside", { file: logoSpec.bestand }));
      else if ((await host.kind(file)) !== "file") at(["logo", "bestand"], t("hs.logoNotFound", { file: logoSpec.bestand, looked: displayPath(host, file) }));
      else {
        const r = await prepareLogo(await host.readFile(file), logoSpec.alt, logoSpec.breedte_mm ?? 35);
        if (r.ok) logo = r.logo;
        else at(["logo", "bestand"], `${logoSpec.bestand}: ${r.message}`);
      }
    }
    const named = style?.value.standaardtype;
    if (named !== undefined && typeNames.length && !typeNames.includes(named)) {
      const hint = suggest(named, typeNames);
      at(["standaardtype"], t("hs.unknownType", { type: named, hint: hint ? t("cli.didYouMean", { hint }) : "", types: typeNames.join(", ") }));
    }
    const dirs: string[] = [];
    if (opts.templatesDir) dirs.push(resolve(host.cwd, opts.templatesDir));
    else if (style?.value.templates) {
      const dir = resolve(base, style.value.templates);
      if (!(await insideReal(host, host.cwd, dir))) at(["templates"], t("k.outsideProject", { file: style.value.templates }));
      else if ((await host.kind(dir)) !== "dir") at(["templates"], t("hs.templatesNotFound", { dir: style.value.templates, looked: displayPath(host, dir) }));
      else dirs.push(dir);
    }
    const templates = await templatesFor(dirs);
    if (!templates || !ok) return undefined;
    return {
      templateDirs: dirs,
      sheet: styleSheetFrom(style?.value, DEFAULT_STYLE_SHEET),
      ...(logo ? { logo } : {}),
      templates,
      texts: {
        organisatie: style?.value.organisatie ?? null,
        voettekst: style?.value.voettekst ?? null,
        datumnotatie: style?.value.datumnotatie ?? "lang",
      },
    };
  };
  const ofFile = (styleFile: string | undefined) => {
    const key = styleFile ?? "";
    if (!made.has(key)) made.set(key, make(styleFile));
    return made.get(key)!;
  };

  /**
   * A type's templates: a house-style folder's sub-folder named after the type (or its base)
   * first, then the type's own folders, then the house style's folder, then the built-in ones.
   * So a house style can restyle every type, or one type, and a type's layout beats a general one.
   */
  const withTypeTemplates = async (style: HouseStyle, typeDirs: readonly string[]): Promise<HouseStyle | undefined> => {
    const perType = style.templateDirs.flatMap((d) => typeDirs.map((t) => join(d, basename(t))));
    const templates = await templatesFor([...perType, ...typeDirs, ...style.templateDirs]);
    return templates ? { ...style, templates } : undefined;
  };

  // Read once per house style file, like the house styles themselves: every document of a run
  // without `type:` asks for it.
  const defaultTypes = new Map<string, Promise<string | undefined>>();
  const defaultTypeOf = async (file: string): Promise<string | undefined> => {
    if (!(await styleFileInside(file))) return undefined;
    return STANDAARDTYPE.exec(new TextDecoder().decode(await host.readFile(file)))?.[1];
  };
  const defaultTypeAt = async (path: string): Promise<string | undefined> => {
    const file = await styleFileOf(path);
    if (!file) return undefined;
    if (!defaultTypes.has(file)) defaultTypes.set(file, defaultTypeOf(file));
    return defaultTypes.get(file)!;
  };

  return { at: async (path) => ofFile(await styleFileOf(path)), ofFile: (f) => ofFile(resolve(host.cwd, f)), withTypeTemplates, defaultTypeAt, diagnostics };
}
