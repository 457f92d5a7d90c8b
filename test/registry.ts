import { nodeHost } from "../src/host/host.js";
import type { DocumentKind } from "../src/kinds/kind.js";
import { loadRegistry } from "../src/kinds/registry.js";
import type { ResolvedProposal } from "../src/render/render-proposal.js";
import { ROOT } from "./helpers.js";

/** The project's registry as the commands see it (built-in types and this repository's own). */
export const REGISTRY = await loadRegistry(nodeHost(process, { cwd: ROOT, env: {} }));

/** The voorstel aan het algemeen bestuur: the default type, declared in templates/ab-voorstel/type.yaml. */
export const AB_VOORSTEL = REGISTRY.kindOfType("ab-voorstel") as DocumentKind<Record<string, unknown>, ResolvedProposal>;

/** Its type as rendering takes it. */
export const AB_TYPE = REGISTRY.types.find((t) => t.name === "ab-voorstel")!;
