import { error, type Diagnostic, type Position } from "../diagnostics/diagnostic.js";
import type { DocumentType } from "../model/compile-type.js";
import { checkFields, fieldsUsed, type TemplateSource } from "../template/field-use.js";
import type { TemplateSet } from "../template/template-set.js";
import type { z } from "zod";
import { t } from "../i18n/i18n.js";

/** What templates see besides the data (see render-proposal.ts). */
const NOT_DATA = ["huisstijl", "agenda", "documenttype", "verwijzingen"];

/**
 * A type's templates against its declaration, before anything is rendered: a template that
 * prints a field the type does not declare is an error at the template's line (it would fail in
 * the middle of a build, or print nothing); a declared field that no template prints is a
 * warning at the declaration, naming the template (it would be filled in and silently lost).
 * The generic partials print every field of `documenttype.gegevens` / `.secties`; a field's own
 * partial (`gegeven-<field>`, `sectie-<field>`) is checked as the generic one would call it.
 */
export function checkTemplateFields(
  type: DocumentType & { readonly schema: z.ZodType },
  templates: Pick<TemplateSet, "written" | "hasPartial">,
  declaredAt: (key: string) => { readonly file: string; readonly pos: Position } | undefined,
): Diagnostic[] {
  const main = templates.written.find((t) => !t.partial && t.name === "proposal");
  if (!main) return [];
  const own = [...type.gegevens.map((f) => `gegeven-${f.key}`), ...type.secties.map((f) => `sectie-${f.key}`)].filter((p) => templates.hasPartial(p));
  // The per-field partials, called as the generic ones call them: with a field's view as context.
  const fieldCalls: TemplateSource = { name: "@fields", file: main.file, text: `{{#with documenttype}}${own.map((p) => `{{> ${p}}}`).join("")}{{/with}}`, partial: false };
  const uses = [...fieldsUsed(templates.written, main.name), ...fieldsUsed([fieldCalls, ...templates.written], fieldCalls.name)];
  const { undeclared, unprinted } = checkFields(uses, type.schema, NOT_DATA);
  const walks = (part: string) => uses.some((u) => u.path[0] === "documenttype" && u.path[1] === part);
  const walked = new Set([...(walks("gegevens") ? type.gegevens : []), ...(walks("secties") ? type.secties : [])].map((f) => f.key));
  // `documenttype.velden.<field>`: a template that prints one field where it wants it.
  for (const u of uses) if (u.path[0] === "documenttype" && u.path[1] === "velden" && u.path[2] !== undefined) walked.add(u.path[2]);

  const diagnostics: Diagnostic[] = undeclared.map((u) =>
    error(u.file, { line: u.line, col: u.col }, t("tf.undeclared", { field: u.path.join(".").replace(/\.\*/g, "[]"), type: type.name })),
  );
  for (const key of unprinted.filter((k) => !walked.has(k))) {
    const at = declaredAt(key);
    if (!at) continue;
    diagnostics.push({ ...error(at.file, at.pos, t("tf.unused", { key, template: main.file })), severity: "warning" });
  }
  return diagnostics;
}
