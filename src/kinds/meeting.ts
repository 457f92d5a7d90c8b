import type { PreparedMeeting } from "../meeting/prepared.js";
import { Meeting, MEETING_TYPES } from "../model/meeting.js";
import type { Proposal } from "../model/proposal.js";
import { renderMeeting } from "../render/render-meeting.js";
import type { ResolvedProposal } from "../render/render-proposal.js";
import type { HouseStyle } from "../style/house-style.js";
import type { LoadedDocument } from "../validate/validate-file.js";
import type { DocumentKind } from "./kind.js";
import { prepareMeeting } from "./meeting-checks.js";
import { t } from "../i18n/i18n.js";

interface ResolvedMeeting {
  readonly prepared: PreparedMeeting;
  readonly style: HouseStyle;
  readonly resolvedOf: (p: LoadedDocument<Proposal>) => ResolvedProposal;
}

const str = (x: unknown) => (typeof x === "string" ? x : undefined);

/**
 * A meeting (vergadering): a file in a folder named `meetings` (or `vergaderingen`). Renders
 * into a folder of its own: the agenda, its proposals stamped, the bundle, the besluitenlijst.
 */
export const MEETING: DocumentKind<Meeting, ResolvedMeeting> = {
  name: "meeting",
  get noun() {
    return t("k.noun.meeting");
  },
  get description() {
    return t("kind.meeting");
  },
  schema: Meeting,
  types: MEETING_TYPES,
  matches: (file) => file.split(/[\\/]/).slice(0, -1).some((dir) => dir === "meetings" || dir === "vergaderingen"),
  jsonSchema: { name: "meeting", file: "meeting.schema.json", title: "boardpaper vergadering" },
  skeletonShows: ["punten"],
  get skeleton() {
    return t("skeleton.meeting").split("\n");
  },
  async resolve(doc, ctx) {
    const r = await prepareMeeting(doc, ctx);
    if (!r.ok) return r;
    const style = await ctx.houseStyleAt(doc.path);
    // Each proposal as its own type resolves it (its house style and templates). Its problems
    // are the house style's (reported by the pipeline) or its bijlagen (checked above as errors).
    const resolved = new Map<LoadedDocument<Proposal>, ResolvedProposal>();
    let complete = style !== undefined;
    for (const item of r.prepared.plan.all) {
      const proposal = r.prepared.proposalAt(item.path);
      if (!proposal) continue;
      const own = await ctx.resolve(proposal);
      if (own.ok) resolved.set(proposal, own.resolved as ResolvedProposal);
      else complete = false;
    }
    if (!style || !complete) return { ok: false, diagnostics: [] };
    return { ok: true, resolved: { prepared: r.prepared, style, resolvedOf: (p) => resolved.get(p)! }, warnings: r.warnings };
  },
  render: (_doc, m, opts) => renderMeeting(m.prepared, m.style, m.resolvedOf, opts),
  outputs: "folder",
  preview: "agenda",
  list: {
    get heading() {
      return t("list.meetings");
    },
    get empty() {
      return t("list.meetings.empty");
    },
    get titleHeading() {
      return t("list.meetings.title");
    },
    get columns() {
      return [{ label: t("list.meetings.date"), key: "date", nowrap: true }];
    },
    summary: (v) => ({ title: [str(v.orgaan), str(v.datum)].filter(Boolean).join(", ") || undefined, date: str(v.datum) }),
  },
};
