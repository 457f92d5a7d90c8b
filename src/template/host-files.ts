import type { Host } from "../host/host.js";
import { displayPath } from "../host/paths.js";
import type { TemplateFiles } from "./template-set.js";

/** Template files read through the host (missing files and folders are simply absent). */
export function hostTemplateFiles(host: Host): TemplateFiles {
  return {
    read: async (p) => ((await host.kind(p)) === "file" ? host.readFile(p) : undefined),
    list: async (d) => ((await host.kind(d)) === "dir" ? host.list(d) : []),
    display: (p) => displayPath(host, p),
  };
}
