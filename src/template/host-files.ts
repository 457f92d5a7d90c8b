import { resolve } from "node:path";
import { templateError } from "../diagnostics/template-error.js";
import type { Host } from "../host/host.js";
import { displayPath, inside, insideReal } from "../host/paths.js";
import { BUILTIN_TEMPLATES, type TemplateFiles } from "./template-set.js";
import { t } from "../i18n/i18n.js";

/**
 * Template files read through the host (missing files and folders are simply absent). A template
 * file in the project folder must really be there: one that is a symbolic link leading out of
 * the project (or lies in a linked folder that does) is refused with an error at that file.
 */
export function hostTemplateFiles(host: Host): TemplateFiles {
  return {
    read: async (p) => {
      if ((await host.kind(p)) !== "file") return undefined;
      const abs = resolve(host.cwd, p);
      // (boardpaper's own templates are exempt: an installed copy may be linked into the project.)
      if (inside(host.cwd, abs) && !inside(BUILTIN_TEMPLATES, abs) && !(await insideReal(host, host.cwd, abs))) {
        throw templateError(displayPath(host, p), { line: 1, col: 1 }, t("tpl.linkOutside"));
      }
      return host.readFile(p);
    },
    list: async (d) => ((await host.kind(d)) === "dir" ? host.list(d) : []),
    display: (p) => displayPath(host, p),
  };
}
