import { z } from "zod";

/**
 * Building blocks shared by the proposal and (later) meeting schemas. Every field carries a
 * description: it feeds the JSON Schema that editors show while you type.
 */

/** A required piece of plain text on one line (a name, a title, a number such as "8.d"). */
export const text = (description: string) => z.string().trim().min(1).describe(description);

/** An ISO calendar date, `YYYY-MM-DD`, that exists (2020-02-30 does not). */
export const isoDate = (description: string) => z.iso.date().describe(`${description} (JJJJ-MM-DD)`);

/**
 * Prose in the Markdown subset: paragraphs, **bold**, *italic*, bullet and numbered lists, links.
 * Raw HTML is shown as text, never interpreted.
 */
export const prose = (description: string) =>
  z.string().trim().min(1).describe(`${description}. Markdown: alinea's, **vet**, *cursief*, lijsten, [links](https://…)`);

/** One line of prose: bold, italic and links, no paragraphs or lists (table cells, beslispunten). */
export const inline = (description: string) =>
  z.string().trim().min(1).describe(`${description}. Markdown inline: **vet**, *cursief*, [links](https://…)`);

/**
 * The word that marks a section as empty on purpose. A section that is simply missing is an
 * error (it was forgotten); `leeg` says "there is nothing to say here", and the heading is kept.
 */
export const EMPTY = "leeg" as const;
export const empty = z.literal(EMPTY).describe("deze sectie is leeg met opzet");

/** A required section that may be explicitly empty. */
export const section = <T extends z.ZodType>(content: T) =>
  z.union([empty, content]).describe(`${content.description ?? "sectie"}; schrijf \`${EMPTY}\` als er niets te zeggen is`);

export type Section<T> = typeof EMPTY | T;
export const isEmpty = <T>(s: Section<T>): s is typeof EMPTY => s === EMPTY;

/**
 * The top-level `type:` of a document: which type it is (and so which kind of file), whatever
 * folder it is in. Optional: without it, the file's place decides.
 */
export const documentType = <T extends readonly [string, ...string[]]>(names: T, what: string) =>
  z.enum(names).describe(`Het type van dit document: ${names.map((n) => `\`${n}\``).join(", ")} (${what}); mag weg waar de map het al zegt`).optional();
