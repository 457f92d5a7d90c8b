import { basename, extname } from "node:path";
import { Proposal, PROPOSAL_TYPES } from "../model/proposal.js";
import { renderProposal } from "../render/render-proposal.js";
import type { HouseStyle } from "../style/house-style.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { checkBijlagen } from "./attachments.js";
import type { DocumentKind } from "./kind.js";

const stem = (path: string) => basename(path, extname(path));
const str = (x: unknown) => (typeof x === "string" ? x : undefined);

/** A proposal (voorstel): one document, in its house style. Every file no other kind claims. */
export const PROPOSAL: DocumentKind<Proposal, HouseStyle> = {
  name: "proposal",
  noun: "proposal",
  description: "voorstel aan het algemeen bestuur: beslispunten, afstemming and the sections of the veiligheidsregio's form",
  schema: Proposal,
  types: PROPOSAL_TYPES,
  matches: () => true,
  jsonSchema: { name: "proposal", file: "proposal.schema.json", title: "boardpaper proposal (voorstel)" },
  skeleton: [
    "A proposal (voorstel). Fill in every <<…>>; `boardpaper check` lists what is left.",
    "Sections with nothing to say: write `leeg`. Dates: YYYY-MM-DD. Prose: Markdown.",
  ],
  async resolve(doc, ctx) {
    const style = await ctx.houseStyleAt(doc.path);
    const bijlagen = await checkBijlagen(doc, ctx);
    return style && !hasErrors(bijlagen) ? { ok: true, resolved: style, warnings: bijlagen } : { ok: false, diagnostics: bijlagen };
  },
  render: (doc, style) => [{ name: stem(doc.path), tree: renderProposal(doc.value, style), sheet: style.sheet }],
  outputs: "file",
  revisions: (p) => ({ author: p.steller.naam, date: p.versie.datum }),
  list: {
    heading: "Proposals",
    empty: "No proposals yet.",
    titleHeading: "Title",
    columns: [
      { label: "Meeting date", key: "date", nowrap: true },
      { label: "Behandelwijze", key: "treatment" },
    ],
    summary: (v) => ({
      title: str(v.onderwerp),
      date: str(v.vergaderdatum),
      behandelwijze: str(v.behandelwijze),
      hamerstuk: v.hamerstuk === true,
      treatment: `${str(v.behandelwijze) ?? "—"}${v.hamerstuk === true ? " (hamerstuk)" : ""}`,
    }),
  },
};
