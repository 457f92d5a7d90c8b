import { nodeHost } from "../src/host/host.js";
import { Pipeline } from "../src/pipeline/pipeline.js";

/**
 * The document tree of a proposal file, as `build` renders it (its house style and templates):
 * the one place the golden tests reach into the pipeline, to be re-pointed when it moves.
 */
export async function renderTree(file: string): Promise<unknown> {
  const pipeline = await Pipeline.open(nodeHost(process, { env: {} }));
  const loaded = await pipeline.load({ path: file });
  const resolved = loaded.doc && (await pipeline.resolve(loaded.doc));
  const rendered = loaded.doc && resolved?.ok && pipeline.render(loaded.doc, resolved.resolved, { includeBesloten: false });
  if (!rendered || !rendered.ok) throw new Error(`${file} does not render`);
  return rendered.documents[0]!.tree;
}
