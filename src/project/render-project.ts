import { join } from "node:path";
import type { Host } from "../cli/host.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Output } from "../emit/emit.js";
import { outputBase } from "../emit/outputs.js";
import { prepareMeeting, type PreparedMeeting } from "../meeting/load-meeting.js";
import type { LoadedDocument, LoadedProposal } from "../model/kinds.js";
import { renderMeeting } from "../render/render-meeting.js";
import { renderProposal } from "../render/render-proposal.js";
import { TemplateError } from "../template/template-error.js";
import type { Writer } from "../writers/writer.js";
import { resolveLooks, type LookOptions } from "./looks.js";

export interface RenderOptions extends LookOptions {
  readonly outDir: string;
  readonly writers: readonly Writer[];
  /** ISO date that replaces the documents' own in the output (SOURCE_DATE_EPOCH). */
  readonly date?: string;
  /** Meetings: include the besloten part's documents (the members' bundle). */
  readonly includeBesloten: boolean;
  /** Where a meeting's documents go; default: a folder named after the meeting file. */
  readonly meetingDir?: (meeting: PreparedMeeting) => string;
}

/** With `ok`, `warnings` are what reading the meetings' proposals warned about. */
export type Rendered = { ok: true; outputs: Output[]; documents: number; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Everything between validated inputs and files to write: the meetings' proposals and
 * cross-checks, each document's house style and templates, then every document through every
 * writer. Nothing is written here; any problem comes back as diagnostics.
 */
export async function renderProject(host: Host, documents: readonly LoadedDocument[], opts: RenderOptions): Promise<Rendered> {
  const diagnostics: Diagnostic[] = [];
  const meetings: PreparedMeeting[] = [];
  for (const d of documents) {
    if (d.kind !== "meeting") continue;
    const r = await prepareMeeting(host, d, documents);
    if (r.ok) meetings.push(r.prepared);
    diagnostics.push(...(r.ok ? r.warnings : r.diagnostics));
  }
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  // Proposals reached only through a meeting need their look as well.
  const extra = meetings.flatMap((m) => m.plan.all.map((i) => m.proposalAt(i.path)).filter((p): p is LoadedProposal => p !== undefined && !documents.includes(p)));
  const looks = await resolveLooks(host, [...documents, ...extra], opts);
  if (!looks.ok) return { ok: false, diagnostics: looks.diagnostics };

  const outputs: Output[] = [];
  const write = async (base: string, tree: Parameters<Writer["write"]>[0], style: Parameters<Writer["write"]>[1]["style"], writers: readonly Writer[]) => {
    for (const w of writers) outputs.push({ path: base + w.extension, data: await w.write(tree, { style, ...(opts.date ? { date: opts.date } : {}) }) });
  };
  let count = 0;
  try {
    for (const doc of documents) {
      if (doc.kind !== "proposal") continue;
      const look = looks.lookOf(doc);
      await write(outputBase(opts.outDir, doc.path, doc.root), renderProposal(doc.value, look), look.style, opts.writers);
      count++;
    }
    for (const m of meetings) {
      const look = looks.lookOf(m.meeting);
      const dir = opts.meetingDir?.(m) ?? outputBase(opts.outDir, m.meeting.path, m.meeting.root);
      for (const d of renderMeeting(m, look, looks.lookOf, { includeBesloten: opts.includeBesloten })) {
        await write(join(dir, d.name), d.tree, d.style, d.htmlOnly ? opts.writers.filter((w) => w.format === "html") : opts.writers);
        count++;
      }
    }
  } catch (e) {
    if (e instanceof TemplateError) return { ok: false, diagnostics: [e.diagnostic] };
    throw e;
  }
  return { ok: true, outputs, documents: count, warnings: diagnostics };
}
