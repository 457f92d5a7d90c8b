// Part of `npm run bench`: the floor of our approach, the docx package alone.
//   node scripts/bench-floor.mjs warm                 our per-document cost against docx's, warm, in this process (seed)
//   node scripts/bench-floor.mjs trees PROJECT DIR    the document tree of every proposal in PROJECT/data/proposals, as JSON in DIR
//   node scripts/bench-floor.mjs write DIR OUT        the floor as a whole process: each tree of DIR made into a .docx by the
//                                                     docx package (Packer.toBuffer) and written to OUT, one after another
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Packer } from "docx";
import { nodeHost } from "../dist/host/host.js";
import { Pipeline } from "../dist/pipeline/pipeline.js";
import { DEFAULT_STYLE_SHEET } from "../dist/style/style-sheet.js";
import { buildDocument, writeDocx } from "../dist/writers/docx/docx-writer.js";
import { writeHtml } from "../dist/writers/html/html-writer.js";

const [mode, a, b] = process.argv.slice(2);

/** The seed's (or any proposal's) document tree through the pipeline. */
async function tree(pipeline, path, bytes) {
  const loaded = bytes ? await pipeline.loadBytes({ path }, bytes) : await pipeline.load({ path });
  const resolved = await pipeline.resolve(loaded.doc);
  return pipeline.render(loaded.doc, resolved.resolved, { includeBesloten: false }).documents[0];
}

if (mode === "trees") {
  const pipeline = await Pipeline.open(nodeHost(process, { cwd: a }));
  mkdirSync(b, { recursive: true });
  for (const name of readdirSync(join(a, "data", "proposals"))) {
    const d = await tree(pipeline, join("data", "proposals", name));
    // The logo's bytes as base64 (JSON has no bytes).
    const json = JSON.stringify({ tree: d.tree, sheet: d.sheet }, (_k, v) => (v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString("base64") } : v));
    writeFileSync(join(b, `${name}.json`), json);
  }
} else if (mode === "write") {
  mkdirSync(b, { recursive: true });
  for (const name of readdirSync(a).sort()) {
    const { tree: t, sheet } = JSON.parse(readFileSync(join(a, name), "utf8"), (_k, v) => (v && typeof v === "object" && "$bytes" in v ? new Uint8Array(Buffer.from(v.$bytes, "base64")) : v));
    writeFileSync(join(b, name.replace(/\.yaml\.json$/, ".docx")), await Packer.toBuffer(buildDocument(t, sheet ?? DEFAULT_STYLE_SHEET)));
  }
} else {
  const file = "data/proposals/terugblik-visitaties.yaml";
  const bytes = readFileSync(file);
  const pipeline = await Pipeline.open(nodeHost());
  const d = await tree(pipeline, file);
  const perDoc = async (fn, n = 300) => {
    for (let i = 0; i < 30; i++) await fn();
    const t = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - t) / n;
  };
  const floor = await perDoc(() => Packer.toBuffer(buildDocument(d.tree, d.sheet)));
  const ours = await perDoc(async () => {
    const t = await tree(pipeline, file, bytes);
    await writeDocx(t.tree, { style: t.sheet });
    writeHtml(t.tree, t.sheet);
  });
  console.log(`warm, in one process: docx package alone ${floor.toFixed(2)} ms/document; ours, YAML to .docx + .html, ${ours.toFixed(2)} ms = ${(ours / floor).toFixed(2)}× the floor`);
}
