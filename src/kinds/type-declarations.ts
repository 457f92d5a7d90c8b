import { dirname, join, resolve } from "node:path";
import type { z } from "zod";
import { error, type Diagnostic, type Position } from "../diagnostics/diagnostic.js";
import type { Host } from "../host/host.js";
import { displayPath } from "../host/paths.js";
import type { ParsedYaml } from "../load/parse-yaml.js";
import { compileField, compileType, FIXED_MEANING, labelOf, type DocumentType, type Field } from "../model/compile-type.js";
import { RESERVED_KEYS, TYPE_DECLARATION_FILE, TypeDeclaration, type VeldDeclaratie } from "../model/declaration.js";
import { PROPOSAL_REFERENCE_KINDS } from "../render/references.js";
import { BUILTIN_TEMPLATES } from "../template/template-set.js";
import { locate } from "../validate/locate.js";
import { suggest } from "../validate/suggest.js";
import { validateFile } from "../validate/validate-file.js";
import { t } from "../i18n/i18n.js";

/**
 * Document types declared as data: every `templates/<type>/type.yaml` shipped with boardpaper
 * and in the project's own `templates/` folder. A declaration may extend another (`basis:`) by
 * stating only the difference; this merges the chain, checks the result (positioned in the file
 * that declared each part) and compiles the schema of the type's documents.
 */

export interface DeclaredType extends DocumentType {
  /** The declaration as shown in messages. */
  readonly file: string;
  /** Its folder, then its base's, …: where its templates are looked for, first wins. */
  readonly dirs: readonly string[];
  readonly builtin: boolean;
  readonly base?: string;
  readonly schema: z.ZodType<Record<string, unknown>>;
  /** Where each top-level field is declared (in this declaration or a base's). */
  readonly declaredAt: ReadonlyMap<string, { readonly file: string; readonly pos: Position }>;
}

interface Raw {
  readonly name: string;
  readonly dir: string;
  readonly file: string;
  readonly builtin: boolean;
  readonly value: TypeDeclaration;
  readonly parsed: ParsedYaml;
}

/** Where a merged field was declared, for messages about it. */
interface Placed extends Field {
  readonly origin: Raw;
  readonly at: readonly (string | number)[];
}

export interface TypeCatalogue {
  readonly types: readonly DeclaredType[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The folders whose sub-folders hold type declarations: boardpaper's, then the project's. */
export const typeFolders = (host: Host): string[] => [BUILTIN_TEMPLATES, resolve(host.cwd, "templates")];

export async function loadDocumentTypes(host: Host): Promise<TypeCatalogue> {
  const diagnostics: Diagnostic[] = [];
  const raws = new Map<string, Raw>();
  const seen = new Set<string>();
  for (const [i, folder] of typeFolders(host).entries()) {
    const real = await host.realPath(folder);
    if (real === undefined || seen.has(real) || (await host.kind(folder)) !== "dir") continue;
    seen.add(real);
    for (const name of (await host.list(folder)).sort()) {
      const path = join(folder, name, TYPE_DECLARATION_FILE);
      if ((await host.kind(path)) !== "file") continue;
      const file = displayPath(host, path);
      const r = validateFile(file, await host.readFile(path), TypeDeclaration);
      diagnostics.push(...r.diagnostics);
      if (!r.valid) continue;
      const raw: Raw = { name, dir: dirname(path), file, builtin: i === 0, value: r.valid.value, parsed: r.valid.parsed };
      const at = (p: (string | number)[], message: string) => diagnostics.push(error(file, locate(raw.parsed, p).pos, message, p.join(".")));
      if (raw.value.naam !== undefined && raw.value.naam !== name) at(["naam"], t("td.namedAfterFolder", { name }));
      else if (!/^[a-z][a-z0-9-]*$/.test(name)) at([], t("td.badFolderName", { name }));
      else if (raws.has(name)) at([], t("td.builtIn", { name }));
      else raws.set(name, raw);
    }
  }

  const types = new Map<string, DeclaredType>();
  const failed = new Set<string>();
  const make = (raw: Raw, chain: readonly string[]): DeclaredType | undefined => {
    if (types.has(raw.name)) return types.get(raw.name);
    if (failed.has(raw.name)) return undefined;
    const at = (origin: Raw, p: readonly (string | number)[], message: string) => diagnostics.push(error(origin.file, locate(origin.parsed, p).pos, message, p.join(".")));
    let base: DeclaredType | undefined;
    let baseFields: { gegevens: Placed[]; secties: Placed[] } = { gegevens: [], secties: [] };
    const baseName = raw.value.basis;
    if (baseName !== undefined) {
      const baseRaw = raws.get(baseName);
      if (!baseRaw) {
        const hint = suggest(baseName, [...raws.keys()]);
        at(raw, ["basis"], t("td.noBase", { base: baseName, hint: hint ? t("cli.didYouMean", { hint }) : "", types: [...raws.keys()].join(", ") }));
      } else if (chain.includes(baseName)) {
        at(raw, ["basis"], t("td.loop", { base: baseName, chain: [...chain, baseName].join(" → ") }));
      } else {
        base = make(baseRaw, [...chain, raw.name]);
        baseFields = placedOf.get(baseName) ?? baseFields;
      }
      if (!base) {
        failed.add(raw.name);
        return undefined;
      }
    }
    const before = diagnostics.length;
    const gegevens = merge(raw, "gegevens", baseFields.gegevens, at);
    const secties = merge(raw, "secties", baseFields.secties, at);
    const titel = raw.value.titel ?? base?.titel ?? "onderwerp";
    checkFields(raw, titel, gegevens, secties, at);
    if (diagnostics.length > before) {
      failed.add(raw.name);
      return undefined;
    }
    const type: DocumentType = { name: raw.name, description: raw.value.omschrijving, titel, gegevens: gegevens.map(plain), secties: secties.map(plain) };
    const declared: DeclaredType = {
      ...type,
      file: raw.file,
      dirs: [raw.dir, ...(base?.dirs ?? [])],
      builtin: raw.builtin,
      ...(baseName !== undefined ? { base: baseName } : {}),
      schema: compileType(type),
      declaredAt: new Map([...gegevens, ...secties].map((f) => {
        const loc = locate(f.origin.parsed, f.at);
        return [f.key, { file: f.origin.file, pos: loc.keyPos ?? loc.pos }];
      })),
    };
    placedOf.set(raw.name, { gegevens, secties });
    types.set(raw.name, declared);
    return declared;
  };
  const placedOf = new Map<string, { gegevens: Placed[]; secties: Placed[] }>();
  for (const raw of raws.values()) make(raw, [raw.name]);
  return { types: [...raws.keys()].flatMap((n) => (types.has(n) ? [types.get(n)!] : [])), diagnostics };
}

const plain = ({ origin: _o, at: _a, ...f }: Placed): Field => f;

type At = (origin: Raw, p: readonly (string | number)[], message: string) => void;

/** The base's fields with this declaration's changes: new fields placed, changed ones merged, `weg` ones gone. */
function merge(raw: Raw, part: "gegevens" | "secties", base: readonly Placed[], at: At): Placed[] {
  const fields = [...base];
  for (const [key, entry] of Object.entries(raw.value[part] ?? {})) {
    const where = [part, key];
    const i = fields.findIndex((f) => f.key === key);
    if (entry === "weg") {
      if (i < 0) at(raw, where, t("td.dropsMissing", { key, part, hint: hintOf(key, fields) }));
      else fields.splice(i, 1);
      continue;
    }
    if (i >= 0) {
      const old = fields[i]!;
      const changed = mergeDecl(old, entry);
      fields[i] = { ...changed, key, soort: changed.soort ?? old.soort, label: entry.label ?? old.label, origin: raw, at: where };
      continue;
    }
    if (entry.soort === undefined) {
      at(raw, where, t("td.needsSoort", { key, hint: base.length ? hintOf(key, fields, "td.orChange") : "" }));
      continue;
    }
    const field: Placed = { ...entry, key, soort: entry.soort, label: entry.label ?? labelOf(key), origin: raw, at: where };
    const anchor = entry.na ?? entry.voor;
    const j = anchor === undefined ? -1 : fields.findIndex((f) => f.key === anchor);
    if (anchor !== undefined && j < 0) at(raw, [...where, entry.na !== undefined ? "na" : "voor"], t("td.noAnchor", { anchor, part, key, hint: hintOf(anchor, fields) }));
    fields.splice(j < 0 ? fields.length : entry.na !== undefined ? j + 1 : j, 0, field);
  }
  return fields;
}

/** A changed field: options replaced one by one; a group's fields merged the same way. */
function mergeDecl(old: VeldDeclaratie, change: VeldDeclaratie): VeldDeclaratie {
  const out: VeldDeclaratie = { ...old, ...change };
  if (old.velden && change.velden) {
    const velden: Record<string, VeldDeclaratie | "weg"> = { ...old.velden };
    for (const [k, v] of Object.entries(change.velden)) {
      const was = velden[k];
      if (v === "weg") delete velden[k];
      else velden[k] = was && was !== "weg" ? mergeDecl(was, v) : v;
    }
    out.velden = velden;
  }
  return out;
}

const hintOf = (key: string, fields: readonly Field[], lead: "cli.didYouMean" | "td.orChange" = "cli.didYouMean"): string => {
  const h = suggest(key, fields.map((f) => f.key));
  return h ? t(lead, { hint: h }) : "";
};

/** The merged fields make a usable type: distinct names, fixed meanings kept, a title, valid defaults. */
function checkFields(raw: Raw, titel: string, gegevens: readonly Placed[], secties: readonly Placed[], at: At): void {
  const all = [...gegevens, ...secties];
  const keys = new Map<string, Placed>();
  for (const f of all) {
    if ((RESERVED_KEYS as readonly string[]).includes(f.key)) at(f.origin, f.at, t("td.reserved", { key: f.key, reserved: RESERVED_KEYS.join(", ") }));
    const twice = keys.get(f.key);
    if (twice) at(f.origin, f.at, t("td.twice", { key: f.key, at: twice.at.join(".") }));
    keys.set(f.key, f);
    if (f.verwijzing && [...PROPOSAL_REFERENCE_KINDS, "punt"].includes(f.verwijzing)) at(f.origin, [...f.at, "verwijzing"], t("td.targetTaken", { name: f.verwijzing }));
    const fixed = FIXED_MEANING[f.key];
    if (fixed && !fixed.soorten.includes(f.soort)) at(f.origin, f.at, t("td.fixedSoort", { key: f.key, soorten: fixed.soorten.join(t("v.or")), soort: f.soort }));
    if (fixed?.waarden && f.waarden?.some((w) => !fixed.waarden!.includes(w))) at(f.origin, [...f.at, "waarden"], t("td.fixedWaarden", { key: f.key, waarden: fixed.waarden.join(", ") }));
    if (f.standaard !== undefined) {
      const r = compileField({ ...f, standaard: undefined, verplicht: true }).safeParse(f.standaard);
      if (!r.success) at(f.origin, [...f.at, "standaard"], t("td.badDefault", { soort: f.soort, why: r.error.issues[0]?.message ?? t("td.invalid") }));
    }
  }
  for (const f of gegevens) {
    if (f.soort === "beslispunten" || f.soort === "ondertekening" || f.soort === "rijen" || f.soort === "tabel" || f.soort === "regeling" || f.soort === "besluit") at(f.origin, [...f.at, "soort"], t("td.ownSection", { soort: f.soort, key: f.key }));
  }
  if (!gegevens.some((f) => f.soort === "datum" && f.verplicht !== false)) at(raw, [], t("td.needsDate", { example: "{soort: datum}" }));
  const title = keys.get(titel);
  if (!title) at(raw, raw.value.titel !== undefined ? ["titel"] : [], t("td.noTitle", { titel, hint: raw.value.titel === undefined ? t("td.declareOnderwerp") : hintOf(titel, all) }));
  else if (title.soort !== "tekst") at(raw, raw.value.titel !== undefined ? ["titel"] : title.at, t("td.titleNotText", { titel, soort: title.soort }));
}
