import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { installAhead } from "../src/cli/ahead.js";
import { nodeHost } from "../src/host/host.js";
import { Pipeline } from "../src/pipeline/pipeline.js";
import type { RenderedDocument } from "../src/render/rendered.js";
import { renderProposal } from "../src/render/render-proposal.js";
import { hostTemplateFiles } from "../src/template/host-files.js";
import { loadTemplateSet, precompiledSource, type TemplateSet } from "../src/template/template-set.js";
import { DEFAULT_STYLE_SHEET } from "../src/style/style-sheet.js";
import { AB_TYPE } from "./registry.js";
import { buildDocument, writeDocx } from "../src/writers/docx/docx-writer.js";
import { compileParts, packParts } from "../src/writers/docx/package.js";
import { deflatedParts, zipParts, zipTime } from "../src/writers/docx/zip.js";
import { ROOT } from "./helpers.js";

/**
 * Each optimisation against the plain path it stands in for: the same bytes either way. (The
 * start-up bundle against the modules is in test/start.test.ts.)
 */

const SEED = "data/proposals/terugblik-visitaties.yaml";

async function seed(): Promise<{ document: RenderedDocument; value: unknown }> {
  const pipeline = await Pipeline.open(nodeHost(process, { cwd: ROOT, env: {} }));
  const loaded = await pipeline.load({ path: SEED });
  const resolved = await pipeline.resolve(loaded.doc!);
  if (!resolved.ok) throw new Error("the seed does not resolve");
  const rendered = pipeline.render(loaded.doc!, resolved.resolved, { includeBesloten: false });
  if (!rendered.ok) throw new Error("the seed does not render");
  return { document: rendered.documents[0]!, value: loaded.doc!.value };
}

const parts = (bytes: Uint8Array) => unzipSync(bytes);

describe("optimisations give the bytes of the plain path", () => {
  it("the docx package's compiler gives the parts that unzipping its packed output gives", async () => {
    const { document } = await seed();
    const props = document.tree.properties;
    const viaCompiler = await compileParts(buildDocument(document.tree, document.sheet), props, props.date, "compiler");
    const viaPacker = await compileParts(buildDocument(document.tree, document.sheet), props, props.date, "packer");
    expect([...viaCompiler.keys()]).toEqual([...viaPacker.keys()]);
    expect(viaCompiler.size).toBeGreaterThan(5);
    // Packed (ids that docx numbers from process-wide counters renumbered): the same bytes.
    expect(Buffer.from(packParts(viaCompiler, props.date)).equals(Buffer.from(packParts(viaPacker, props.date)))).toBe(true);
  });

  it("templates compiled ahead render what templates compiled on first use render", async () => {
    const { value } = await seed();
    const files = hostTemplateFiles(nodeHost(process, { cwd: ROOT, env: {} }));
    const texts = { organisatie: null, voettekst: null, datumnotatie: "lang" };
    const plain = await loadTemplateSet(files, AB_TYPE.dirs);
    const style = (templates: TemplateSet) => ({ style: { templates, templateDirs: [], sheet: DEFAULT_STYLE_SHEET, texts }, type: AB_TYPE });
    const before = renderProposal(value as never, style(plain));
    // The bundle's code for them, evaluated as the bundle evaluates it, installed through the seam.
    const specs = new Function(`return ${precompiledSource(plain.sources())};`)() as Record<string, TemplateSpecification>;
    expect(Object.keys(specs).length).toBe(plain.sources().size);
    installAhead({ templates: specs, parts: {} });
    const ahead = await loadTemplateSet(files, AB_TYPE.dirs);
    expect(renderProposal(value as never, style(ahead))).toEqual(before);
  });

  it("a part deflated ahead is used only for exactly its bytes", () => {
    const date = zipTime("2020-10-01");
    const styles = strToU8("<w:styles>een</w:styles>");
    const plain = zipParts({ "word/styles.xml": styles }, date);
    // Installed ahead under the same path, made from other bytes: it must not be taken.
    const other = deflatedParts();
    installAhead({ templates: {}, parts: { ...other, "word/styles.xml": { source: Buffer.from("<w:styles>twee</w:styles>").toString("base64"), deflated: Buffer.from([3, 0]).toString("base64"), crc: 0 } } });
    const again = zipParts({ "word/styles.xml": styles }, date);
    expect(Buffer.from(again).equals(Buffer.from(plain))).toBe(true);
    expect(new TextDecoder().decode(unzipSync(again)["word/styles.xml"])).toBe("<w:styles>een</w:styles>");
  });

  it("the seed's .docx in out/ is what the writer makes in a process that zipped other parts first", async () => {
    zipParts({ "word/styles.xml": strToU8("<w:styles/>"), "word/theme/theme1.xml": strToU8("<a:theme/>") }, zipTime("2020-10-01"));
    const { document } = await seed();
    const committed = readFileSync(join(ROOT, "out", "proposals", "terugblik-visitaties.docx"));
    const made = await writeDocx(document.tree, { style: document.sheet });
    expect(Buffer.from(made).equals(committed)).toBe(true);
  });
});
