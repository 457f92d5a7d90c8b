import { nodeHost, type HostOptions } from "../host/host.js";
import { main } from "./main.js";

/** The command line as the installed `boardpaper` runs it: the real process, files and terminal. */
export function run(argv: readonly string[], opts: HostOptions = {}): Promise<number> {
  return main(argv, nodeHost(process, opts));
}
