import { error, formatPath, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedYaml } from "../load/parse-yaml.js";
import { stringScalars } from "./scalars.js";
import { t } from "../i18n/i18n.js";

/**
 * Characters that XML 1.0 forbids (so no .docx can hold them) and that are never meant in a
 * board paper: control characters other than tab and line breaks, U+FFFE/U+FFFF, and lone
 * surrogates. They usually arrive by copy-and-paste or a "\x01" escape in quotes.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function forbiddenCharacters(parsed: ParsedYaml): Diagnostic[] {
  return stringScalars(parsed).flatMap(({ path, node, value }) => {
    const m = FORBIDDEN.exec(value);
    if (!m || !node.range) return [];
    const p = parsed.lines.linePos(node.range[0]);
    const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    return [
      error(
        parsed.file,
        { line: p.line, col: p.col },
        t("v.forbiddenCharacter", { code, at: m.index + 1 }),
        formatPath(path),
      ),
    ];
  });
}
