import { isScalar, type Node } from "yaml";
import { error, formatPath, type Diagnostic, type Position } from "../diagnostics/diagnostic.js";
import type { ParsedYaml } from "../load/parse-yaml.js";
import type { DeclaredTarget } from "../render/references.js";
import { writtenReferences } from "../render/references.js";
import { locate } from "../validate/locate.js";
import { suggest } from "../validate/suggest.js";
import { t } from "../i18n/i18n.js";

type Path = readonly (string | number)[];

/** Where `raw` is written inside the text at `path`: its own line and column when it can be found. */
function placeOf(parsed: ParsedYaml, path: Path, raw: string): Position {
  const loc = locate(parsed, path);
  const node = loc.node as Node | undefined;
  if (!node?.range || !isScalar(node)) return loc.pos;
  const at = parsed.text.slice(node.range[0], node.range[1]).indexOf(raw);
  if (at < 0) return loc.pos;
  const p = parsed.lines.linePos(node.range[0] + at);
  return { line: p.line, col: p.col };
}

/**
 * A document's cross-references against its targets: each names a kind this document has and
 * an id one of its targets carries; each id names one target. Every problem is an error at its
 * place, with the closest name.
 */
export function checkReferences(file: string, parsed: ParsedYaml, value: unknown, targets: readonly DeclaredTarget[], kinds: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, DeclaredTarget>();
  for (const target of targets) {
    const key = `${target.what}:${target.id}`;
    const first = seen.get(key);
    if (first) out.push(error(file, locate(parsed, target.path).pos, t("k.idTwice", { id: target.id, what: target.what, at: formatPath(first.path) }), formatPath(target.path)));
    else seen.set(key, target);
  }
  const unknown = (kind: string, id: string): string => {
    const ids = targets.filter((target) => target.what === kind).map((target) => target.id);
    if (ids.length === 0) return t("k.noIds", { kind, id });
    const hint = suggest(id, ids);
    return t("k.noSuchId", { kind, id, hint: hint ? t("cli.didYouMean", { hint }) : "", ids: ids.join(", ") });
  };
  for (const r of writtenReferences(value)) {
    const pos = placeOf(parsed, r.path, r.raw);
    if (!kinds.includes(r.kind)) {
      const hint = suggest(r.kind, kinds);
      out.push(error(file, pos, t("k.noSuchTargetKind", { raw: r.raw, hint: hint ? t("cli.didYouMean", { hint }) : "", kinds: kinds.map((k) => `[[${k}:…]]`).join(", ") }), formatPath(r.path)));
    } else if (!seen.has(`${r.kind}:${r.id}`)) {
      out.push(error(file, pos, t("k.badReference", { raw: r.raw, why: unknown(r.kind, r.id) }), formatPath(r.path)));
    }
  }
  return out;
}

/** A beslispunt's `bijlagen` name bijlagen by id: each must exist. */
export function checkNamedBijlagen(file: string, parsed: ParsedYaml, value: unknown, targets: readonly DeclaredTarget[]): Diagnostic[] {
  const ids = new Set(targets.filter((t) => t.what === "bijlage").map((t) => t.id));
  const out: Diagnostic[] = [];
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i]));
    if (v === null || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.tekst === "string" && Array.isArray(o.bijlagen)) {
      o.bijlagen.forEach((id, i) => {
        if (typeof id === "string" && !ids.has(id)) {
          const hint = suggest(id, [...ids]);
          out.push(error(file, locate(parsed, [...path, "bijlagen", i]).pos, t("k.noSuchBijlage", { id, hint: hint ? t("cli.didYouMean", { hint }) : "", ids: ids.size ? t("k.bijlageIds", { ids: [...ids].join(", ") }) : t("k.giveBijlageId") }), formatPath([...path, "bijlagen", i])));
        }
      });
    }
    for (const [k, x] of Object.entries(o)) walk(x, [...path, k]);
  };
  walk(value, []);
  return out;
}
