import { dirname, resolve } from "node:path";
import { error, formatPath, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath, insideReal } from "../host/paths.js";
import type { PreparedMeeting } from "../meeting/prepared.js";
import { planAgenda } from "../meeting/plan.js";
import type { AgendaItemInput, Meeting } from "../model/meeting.js";
import type { Proposal } from "../model/proposal.js";
import { locate } from "../validate/locate.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import { checkBijlagen } from "./attachments.js";
import { checkReferences } from "./references-check.js";
import type { ResolveContext } from "./kind.js";
import { t } from "../i18n/i18n.js";

type Path = (string | number)[];

/** With `ok`, the diagnostics are warnings (of the meeting's proposals, say). */
export type Prepared = { ok: true; prepared: PreparedMeeting; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Read the proposals a meeting refers to, plan its agenda, and cross-check the two: each
 * problem is an error at its place in the meeting file (or in the proposal).
 */
export async function prepareMeeting(meeting: LoadedDocument<Meeting>, ctx: ResolveContext): Promise<Prepared> {
  const { host } = ctx;
  const diagnostics: Diagnostic[] = [];
  const at = (path: Path, message: string, useKey = false) => {
    const loc = locate(meeting.parsed, path);
    diagnostics.push(error(meeting.file, (useKey ? loc.keyPos : undefined) ?? loc.pos, message, formatPath(path)));
  };
  const base = dirname(resolve(host.cwd, meeting.path));
  const proposals = new Map<string, LoadedDocument<Proposal>>();
  const seen = new Map<string, Path>();

  /** The items under `prefix`, in a part of body `orgaan` held on `datum`. */
  const visit = async (items: readonly AgendaItemInput[], prefix: Path, orgaan: string, datum: string): Promise<void> => {
    for (const [i, item] of items.entries()) {
      const path = [...prefix, i];
      if (item.voorstel !== undefined) {
        const file = resolve(base, item.voorstel);
        const where = [...path, "voorstel"];
        if (!(await insideReal(host, host.cwd, file))) at(where, t("k.outsideProject", { file: item.voorstel }));
        else if ((await host.kind(file)) !== "file") at(where, t("k.proposalNotFound", { file: item.voorstel, looked: displayPath(host, file) }));
        else if (seen.has(file)) at(where, t("k.proposalTwice", { at: formatPath(seen.get(file)!) }));
        else {
          seen.set(file, path);
          const read = await ctx.load(file);
          diagnostics.push(...read.diagnostics);
          const loaded = read.doc as LoadedDocument<Proposal> | undefined;
          if (!read.kind.proposal) at(where, t("k.notAProposal", { file: item.voorstel, noun: read.kind.noun }));
          else if (loaded) {
            proposals.set(formatPath(path), loaded);
            const p = loaded.value;
            const there = (key: string) => {
              const loc = locate(loaded.parsed, [key]);
              return `${loaded.file}:${loc.pos.line}:${loc.pos.col}`;
            };
            if (p.vergaderdatum !== undefined && p.vergaderdatum !== datum) {
              at(where, t("k.otherDate", { proposalDate: p.vergaderdatum, at: there("vergaderdatum"), meetingDate: datum }));
            }
            if (p.orgaan !== undefined && p.orgaan.trim().toLowerCase() !== orgaan.trim().toLowerCase()) {
              at(where, t("k.otherBody", { proposalBody: p.orgaan, at: there("orgaan"), meetingBody: orgaan }));
            }
          }
        }
      }
      if (item.subpunten) await visit(item.subpunten, [...path, "subpunten"], orgaan, datum);
      if (item.punten) await visit(item.punten, [...path, "punten"], orgaan, datum);
    }
  };
  const m = meeting.value;
  if (m.punten) await visit(m.punten, ["punten"], m.orgaan, m.datum);
  for (const [p, part] of (m.delen ?? []).entries()) await visit(part.punten, ["delen", p, "punten"], part.orgaan ?? m.orgaan, part.datum ?? m.datum);

  const proposalAt = (path: readonly (string | number)[]) => proposals.get(formatPath(path));
  const plan = planAgenda(meeting.value, (path) => proposalAt(path)?.value);

  // Attachments: the files must exist, and a besloten attachment may not hang under a public item.
  for (const item of plan.all) {
    if (m.delen && item.besloten && !plan.parts[item.part]!.besloten && item.depth === 0) {
      at([...item.path, ...(m.delen && item.proposalFile && item.proposal?.openbaarheid === "besloten" ? ["voorstel"] : ["besloten"])], t("k.beslotenInPublic", { item: item.number }));
    }
    const proposal = proposalAt(item.path);
    if (proposal) diagnostics.push(...(await checkBijlagen(proposal, ctx, "error", t("k.neededFor", { item: item.number, meeting: meeting.file }))));
    let fromMeeting = 0;
    for (const a of item.attachments) {
      if (a.base !== "meeting") continue;
      const index = fromMeeting++;
      if (a.besloten && !item.besloten) {
        at([...item.path, "bijlagen", index, "besloten"], t("k.beslotenAttachment", { title: a.title, item: item.number }), true);
      }
      if (a.file === null) continue;
      const file = resolve(base, a.file);
      const where = [...item.path, "bijlagen", index, "bestand"];
      if (!(await insideReal(host, host.cwd, file))) at(where, t("k.attachmentOutside", { file: a.file }));
      else if ((await host.kind(file)) !== "file") at(where, t("k.attachmentNotFound", { file: a.file, looked: displayPath(host, file), needed: t("k.neededFor", { item: item.number, meeting: meeting.file }) }));
    }
  }
  // `[[punt:id]]` in the meeting's text names an item with that id.
  const targets = plan.all.flatMap((item) => (item.id ? [{ what: "punt", id: item.id, number: item.reference, path: [...item.path, "id"] }] : []));
  diagnostics.push(...checkReferences(meeting.file, meeting.parsed, m, targets, ["punt"]));
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, prepared: { meeting, plan, proposalAt }, warnings: diagnostics };
}
