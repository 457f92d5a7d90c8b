import { basename, extname, resolve } from "node:path";
import type { Host } from "../host/host.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { checkTemplateFields } from "../render/template-fields.js";
import type { TemplateSet } from "../template/template-set.js";
import type { Proposal } from "../model/proposal.js";
import { renderProposal, type ResolvedProposal } from "../render/render-proposal.js";
import { declaredTargets, referenceKindsOf } from "../render/references.js";
import { checkBijlagen } from "./attachments.js";
import { checkNamedBijlagen, checkReferences } from "./references-check.js";
import type { DocumentKind } from "./kind.js";
import type { DeclaredType } from "./type-declarations.js";
import { t } from "../i18n/i18n.js";

const stem = (path: string) => basename(path, extname(path));

/** The template field check, once per template set and type (a run shares both among its documents). */
const checked = new WeakMap<TemplateSet, Map<string, Diagnostic[]>>();
function fieldsChecked(templates: TemplateSet, type: DeclaredType): Diagnostic[] {
  const byType = checked.get(templates) ?? new Map<string, Diagnostic[]>();
  checked.set(templates, byType);
  if (!byType.has(type.name)) byType.set(type.name, checkTemplateFields(type, templates, (key) => type.declaredAt.get(key)));
  return byType.get(type.name)!;
}
const str = (x: unknown) => (typeof x === "string" ? x : undefined);
const obj = (x: unknown): Record<string, unknown> => (x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {});

/** Who wrote a version: the steller, or the first of several stellers. */
const authorOf = (p: Record<string, unknown>): string | undefined => str(obj(p.steller).naam) ?? str(obj(Array.isArray(p.stellers) ? p.stellers[0] : undefined).naam);

/**
 * The kind of the documents of one declared type (a voorstel, raadsvoorstel, besluit, or a type
 * of the project's own): one document, in its house style, through its type's templates.
 * Everything here comes from the declaration; no type has code of its own.
 */
export function declaredKind(type: DeclaredType, host: Host): DocumentKind<Proposal, ResolvedProposal> {
  return {
    name: type.name,
    get noun() {
      return t("k.noun.declared", { type: type.name });
    },
    description: type.description,
    schema: type.schema,
    types: [type.name],
    matches: () => false,
    jsonSchema: {
      name: type.name,
      file: `${type.name}.schema.json`,
      title: `boardpaper ${type.name}`,
      ...(type.builtin ? {} : { dir: resolve(host.cwd, "schema") }),
    },
    get skeleton() {
      return [`${type.description}.`, ...t("skeleton.declared").split("\n")];
    },
    proposal: type,
    async resolve(doc, ctx) {
      const style = await ctx.houseStyleAt(doc.path);
      const typed = style && (await ctx.withTypeTemplates(style, type.dirs));
      const fields = typed ? fieldsChecked(typed.templates, type) : [];
      const targets = declaredTargets(type, doc.value, (i) => String(i + 1));
      const references = [...checkReferences(doc.file, doc.parsed, doc.value, targets, referenceKindsOf(type)), ...checkNamedBijlagen(doc.file, doc.parsed, doc.value, targets)];
      const found = [...fields, ...references, ...(await checkBijlagen(doc, ctx))];
      return typed && !hasErrors(found) ? { ok: true, resolved: { style: typed, type }, warnings: found } : { ok: false, diagnostics: found };
    },
    render: (doc, resolved) => [{ name: stem(doc.path), tree: renderProposal(doc.value, resolved), sheet: resolved.style.sheet }],
    outputs: "file",
    revisions: (p) => {
      const version = obj(p.versie);
      const date = str(version.datum) ?? str(p.vergaderdatum) ?? str(p.datum);
      return date ? { author: authorOf(p) ?? str(p.organisatie) ?? "boardpaper", date } : undefined;
    },
    // The editor's list: its words in the language of the moment (the request's, in the editor).
    list: {
      get heading() {
        return t("list.proposals");
      },
      get empty() {
        return t("list.proposals.empty");
      },
      get titleHeading() {
        return t("list.proposals.title");
      },
      get columns() {
        return [
          { label: t("list.proposals.type"), key: "type", nowrap: true },
          { label: t("list.proposals.date"), key: "date", nowrap: true },
          { label: t("list.proposals.treatment"), key: "treatment" },
        ];
      },
      summary: (v) => ({
        title: str(v[type.titel]),
        type: type.name,
        date: str(v.vergaderdatum),
        behandelwijze: str(v.behandelwijze),
        hamerstuk: v.hamerstuk === true,
        treatment: `${str(v.behandelwijze) ?? "—"}${v.hamerstuk === true ? " (hamerstuk)" : ""}`,
      }),
    },
  };
}
