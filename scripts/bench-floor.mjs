// Part of `npm run bench`: the per-document cost of our whole pipeline against the docx package
// alone, warm and in one thread, for the seed. Prints two lines.
import { readFileSync } from "node:fs";
import { Packer } from "docx";
import { nodeHost } from "../dist/host/host.js";
import { loadFile } from "../dist/validate/validate-file.js";
import { Proposal } from "../dist/model/proposal.js";
import { resolveHouseStyles } from "../dist/pipeline/house-styles.js";
import { renderProposal } from "../dist/render/render-proposal.js";
import { buildDocument, writeDocx } from "../dist/writers/docx/docx-writer.js";
import { writeHtml } from "../dist/writers/html/html-writer.js";

const file = "data/proposals/terugblik-visitaties.yaml";
const bytes = readFileSync(file);
const loaded = loadFile(file, bytes, Proposal);
const doc = { kind: "proposal", path: file, root: undefined, file, value: loaded.value, parsed: loaded.parsed };
const look = (await resolveHouseStyles(nodeHost(), [doc])).lookOf(doc);
const tree = renderProposal(loaded.value, look);

async function perDoc(fn, n = 300) {
  for (let i = 0; i < 30; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return (performance.now() - t) / n;
}

// The floor: the same content (the seed's document tree) made into a .docx by the docx package.
const floor = await perDoc(() => Packer.toBuffer(buildDocument(tree, look.style)));
// Ours: bytes of YAML to .docx and .html, through validation, templates and the tree.
const ours = await perDoc(async () => {
  const l = loadFile(file, bytes, Proposal);
  const t = renderProposal(l.value, look);
  await writeDocx(t, { style: look.style });
  writeHtml(t, look.style);
});
console.log(`docx package alone (the floor), per document: ${floor.toFixed(2)} ms`);
console.log(`ours, YAML to .docx + .html, per document: ${ours.toFixed(2)} ms = ${(ours / floor).toFixed(2)}× the floor`);
console.log("  (ours zips the parts that are the same for every document of a house style once; the floor compresses them every time)");
