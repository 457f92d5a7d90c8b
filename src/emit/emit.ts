import { dirname, join, relative, resolve } from "node:path";
import type { Host, Staged } from "../host/host.js";
import { sameBytes } from "../util/bytes.js";
import type { Output } from "./output.js";

const bytesOf = (d: Uint8Array | string): Uint8Array => (typeof d === "string" ? new TextEncoder().encode(d) : d);

async function onDisk(host: Host, path: string): Promise<Uint8Array | undefined> {
  return (await host.kind(path)) === "file" ? host.readFile(path) : undefined;
}

/**
 * Where a run's outputs go: the only place that writes them. Each output is written to a hidden
 * temporary file beside its target as soon as it is made (so a large run holds no documents in
 * memory); `commit` puts them all in place when the whole run has succeeded, `discard` throws
 * them away otherwise. A file whose contents are already right is left alone.
 */
export class Emitter {
  private readonly staged: Staged[] = [];
  private readonly cleaned = new Set<string>();
  readonly written: string[] = [];
  readonly unchanged: string[] = [];

  constructor(private readonly host: Host) {}

  readonly put = async (o: Output): Promise<void> => {
    const dir = dirname(o.path);
    if (!this.cleaned.has(dir)) {
      this.cleaned.add(dir);
      await this.host.removeLeftovers(dir);
    }
    const data = bytesOf(o.data);
    const old = await onDisk(this.host, o.path);
    if (old && sameBytes(old, data)) {
      this.unchanged.push(o.path);
      return;
    }
    this.staged.push(await this.host.stage(o.path, data));
    this.written.push(o.path);
  };

  async commit(): Promise<void> {
    await this.host.commit(this.staged.splice(0));
  }

  async discard(): Promise<void> {
    await this.host.discard(this.staged.splice(0));
  }
}

export interface Staleness {
  /** Outputs whose file differs from what would be written. */
  readonly stale: string[];
  /** Outputs whose file does not exist. */
  readonly missing: string[];
  /** Files in the output folder (with an output extension) that no input produces. */
  readonly orphans: string[];
  /** How many outputs were compared. */
  readonly compared: number;
}

/** `build --check`: each output compared with what is on disk; nothing is written. */
export class Comparer {
  private readonly stale: string[] = [];
  private readonly missing: string[] = [];
  private readonly expected = new Set<string>();

  constructor(private readonly host: Host) {}

  readonly put = async (o: Output): Promise<void> => {
    this.expected.add(relative(this.host.cwd, resolve(this.host.cwd, o.path)));
    const old = await onDisk(this.host, o.path);
    if (!old) this.missing.push(o.path);
    else if (!sameBytes(old, bytesOf(o.data))) this.stale.push(o.path);
  };

  /** What differs, with the files in `outDir` (with one of `extensions`) that no input produces. */
  async staleness(outDir: string, extensions: readonly string[]): Promise<Staleness> {
    const orphans: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      if ((await this.host.kind(dir)) !== "dir") return;
      for (const name of (await this.host.list(dir)).sort()) {
        const p = join(dir, name);
        const kind = await this.host.kind(p);
        if (kind === "dir") await walk(p);
        else if (kind === "file" && extensions.some((e) => name.endsWith(e)) && !this.expected.has(relative(this.host.cwd, resolve(this.host.cwd, p)))) orphans.push(p);
      }
    };
    await walk(outDir);
    return { stale: this.stale, missing: this.missing, orphans, compared: this.expected.size };
  }
}
