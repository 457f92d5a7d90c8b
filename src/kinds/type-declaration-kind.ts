import { basename, dirname } from "node:path";
import { TYPE_DECLARATION_FILE, TypeDeclaration } from "../model/declaration.js";
import type { DocumentKind } from "./kind.js";
import { t } from "../i18n/i18n.js";

/**
 * A document type's declaration (`templates/<type>/type.yaml`): checked like data. Its own
 * shape is checked here; what needs the other types (its `basis`, the merged fields) is checked
 * when the project's types are loaded, and those problems are reported for this file too.
 */
export const TYPE_DECLARATION: DocumentKind<TypeDeclaration, null> = {
  name: "document-type",
  get noun() {
    return t("k.noun.typeDeclaration");
  },
  get description() {
    return t("kind.documentType");
  },
  schema: TypeDeclaration,
  types: ["documenttype"],
  matches: (file) => basename(file) === TYPE_DECLARATION_FILE && basename(dirname(dirname(file))) === "templates",
  jsonSchema: { name: "documenttype", file: "documenttype.schema.json", title: "boardpaper documenttype (type.yaml)" },
  get skeleton() {
    return t("skeleton.documentType").split("\n");
  },
  async resolve(doc, ctx) {
    const problems = ctx.typeProblems(doc.file);
    return problems.some((d) => d.severity === "error") ? { ok: false, diagnostics: problems } : { ok: true, resolved: null, warnings: problems };
  },
  render: () => [],
  outputs: "file",
};
