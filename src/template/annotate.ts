import { Parser } from "htmlparser2";
import type { Position } from "../diagnostics/diagnostic.js";
import { positionOf } from "../load/decode.js";
import { SOURCE_ATTRIBUTE, VOCABULARY } from "../tree/vocabulary.js";
import { templateError } from "../diagnostics/template-error.js";
import { t } from "../i18n/i18n.js";

/**
 * Check a template's markup against the vocabulary and tag every start tag with the template
 * line it comes from (`data-src="3:5"`), so that a problem found later in the rendered markup
 * can still name the template file and line. htmlparser2 is used rather than a tree builder
 * because it reports every tag where it stands, even a `<td>` inside an `{{#each}}` that an
 * HTML5 tree builder would drop for being outside a table.
 */
export interface Annotated {
  /** The template source with `data-src` on every start tag. */
  readonly source: string;
  /** Map a position in the annotated source back to the template as written. */
  original(pos: Position): Position;
}

export function annotateTemplate(templateId: number, file: string, source: string): Annotated {
  // Handlebars comments may hold markup that is not output; blank them (same length, so offsets hold).
  const scanned = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, " "));
  const inserts: { at: number; line: number; col: number; text: string }[] = [];
  let problem: { pos: Position; message: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (problem) return;
        const start = parser.startIndex;
        const pos = positionOf(source, start);
        const allowed = VOCABULARY[name];
        if (!allowed) {
          problem = { pos, message: t("tpl.notVocabulary", { name, names: Object.keys(VOCABULARY).join(", ") }) };
          return;
        }
        const bad = Object.keys(attrs).find((a) => !allowed.includes(a));
        if (bad) {
          problem = {
            pos,
            message: t("tpl.attrNotAllowed", { attr: bad, name, allowed: allowed.length ? t("tpl.attrAllowed", { allowed: allowed.join(", ") }) : "" }),
          };
          return;
        }
        inserts.push({ at: start + 1 + name.length, line: pos.line, col: pos.col + 1 + name.length, text: ` ${SOURCE_ATTRIBUTE}="${templateId}:${pos.line}:${pos.col}"` });
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.end(scanned);
  if (problem) throw templateError(file, problem.pos, problem.message);
  let out = "";
  let last = 0;
  for (const { at, text } of inserts) {
    out += source.slice(last, at) + text;
    last = at;
  }
  out += source.slice(last);
  return {
    source: out,
    original: ({ line, col }) => {
      let shift = 0;
      let rest = col;
      for (const ins of inserts) {
        if (ins.line !== line) continue;
        const annotatedCol = ins.col + shift;
        if (rest <= annotatedCol) break;
        if (rest <= annotatedCol + ins.text.length) return { line, col: ins.col };
        shift += ins.text.length;
      }
      return { line, col: col - shift };
    },
  };
}
