import { strFromU8, unzipSync } from "fflate";
import { parseDocument } from "htmlparser2";
import type { ChildNode } from "domhandler";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT } from "./helpers.js";

/** The parts of a .docx, by path, as text (XML) or bytes. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) out[path] = strFromU8(data);
  return out;
}

function walk(nodes: readonly ChildNode[], visit: (n: ChildNode) => boolean | void): void {
  for (const n of nodes) {
    if (visit(n) === false) continue;
    if ("children" in n) walk(n.children as ChildNode[], visit);
  }
}

/** The text of document.xml, one string per paragraph, in order. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  return xmlParagraphs(docxParts(bytes)["word/document.xml"] ?? "");
}

/** The text of an HTML page's <main>, block by block. */
export function htmlText(html: string, element = "main"): string {
  const dom = parseDocument(html);
  let text = "";
  let inside = false;
  walk(dom.children, (n) => {
    if (n.type === "tag" && n.name === element && !inside) {
      inside = true;
      walk(n.children, (c) => {
        if (c.type === "text") text += c.data;
        if (c.type === "tag" && /^(p|li|h\d|td|th|caption|dt|dd|br|tr)$/.test(c.name)) text += " ";
      });
      return false;
    }
  });
  return text;
}

export const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** The ECMA-376 schema check (a copy of the shared one, see test/ooxml/README.md). */
export const VALIDATE_DOCX = join(ROOT, "test", "ooxml", "validate-docx");

export function hasProgram(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a test that needs `programs` can run. By hand, a missing program skips the test with
 * the reason printed; in CI (BOARDPAPER_REQUIRE_TOOLS=1) it is a failure instead.
 */
export function needs(...programs: string[]): { skip: boolean; reason: string } {
  const missing = programs.filter((p) => (p.includes("/") ? !existsSync(p) : !hasProgram(p)));
  if (missing.length === 0) return { skip: false, reason: "" };
  const reason = `missing ${missing.join(", ")}: install with .ci/run (apt-get install libreoffice-writer-nogui poppler-utils libxml2-utils pandoc chromium)`;
  if (process.env.BOARDPAPER_REQUIRE_TOOLS === "1" && !missing.every((m) => m.includes("/"))) throw new Error(`CI requires ${reason}`);
  console.warn(`skipped: ${reason}`);
  return { skip: true, reason };
}

/**
 * Accept or reject every tracked change of a document.xml, as Word's "Accept All" and "Reject
 * All" do: the kept side's markers are dropped, the other side's content removed, and
 * paragraphs and table rows whose mark belongs to the other side removed whole.
 */
export function resolveChanges(xml: string, action: "accept" | "reject"): string {
  const gone = action === "accept" ? "w:del" : "w:ins";
  const kept = action === "accept" ? "w:ins" : "w:del";
  const markOf = (tag: string) => new RegExp(`<${tag} w:id="\\d+"[^>]*/>`);
  let out = xml
    // Rows and paragraphs that exist only on the other side.
    .replace(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*<\/w:tr>/g, (row) => (new RegExp(`<w:trPr>(?:(?!</w:trPr>)[\\s\\S])*<${gone} w:id`).test(row) ? "" : row))
    .replace(/<w:p>(?:(?!<\/w:p>)[\s\S])*<\/w:p>/g, (p) => (new RegExp(`<w:pPr>(?:(?!</w:pPr>)[\\s\\S])*<w:rPr>(?:(?!</w:rPr>)[\\s\\S])*<${gone} w:id`).test(p) ? "" : p))
    // Runs on the other side; the kept side unwrapped.
    .replace(new RegExp(`<${gone} w:id="\\d+"[^>]*>[\\s\\S]*?</${gone}>`, "g"), "")
    .replace(new RegExp(`<${kept} w:id="\\d+"[^>]*>([\\s\\S]*?)</${kept}>`, "g"), "$1");
  out = out.replace(new RegExp(markOf(kept).source, "g"), "").replace(new RegExp(markOf(gone).source, "g"), "");
  return out.replace(/<w:delText([^>]*)>/g, "<w:t$1>").replace(/<\/w:delText>/g, "</w:t>");
}

/** The paragraphs' text of a document.xml string (see docxParagraphs). */
export function xmlParagraphs(xml: string): string[] {
  const dom = parseDocument(xml, { xmlMode: true });
  const paras: string[] = [];
  walk(dom.children, (n) => {
    if (n.type === "tag" && n.name === "w:p") {
      let text = "";
      walk(n.children, (c) => {
        if (c.type === "tag" && (c.name === "w:t" || c.name === "w:delText")) text += c.children.map((t) => (t.type === "text" ? t.data : "")).join("");
        if (c.type === "tag" && (c.name === "w:br" || c.name === "w:tab")) text += " ";
      });
      paras.push(text);
      return false;
    }
  });
  return paras;
}
