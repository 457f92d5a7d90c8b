import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { applyPattern, decisionNumber, DEFAULT_NUMBERING, numberingOf, patternAt } from "../src/meeting/numbering.js";
import { planAgenda, type AgendaPlan, type PlannedItem } from "../src/meeting/plan.js";
import { Meeting } from "../src/model/meeting.js";
import type { Proposal } from "../src/model/proposal.js";
import { AB_VOORSTEL } from "./registry.js";
import { fixture } from "./helpers.js";

/**
 * The agenda plan (src/meeting/plan.ts) and its numbering (src/meeting/numbering.ts), pure:
 * meetings are small YAML-shaped objects validated with the real zod schema (so its defaults
 * apply), proposals the minimal fixture with a few fields changed.
 */

const BASE_PROPOSAL: Record<string, unknown> = parseYaml(readFileSync(fixture("render", "minimal", "input.yaml"), "utf8"));

const proposal = (changes: Record<string, unknown>): Proposal => AB_VOORSTEL.schema.parse({ ...BASE_PROPOSAL, ...changes }) as Proposal;

const meeting = (punten: unknown[], extra: Record<string, unknown> = {}): Meeting =>
  Meeting.parse({
    organisatie: "Veiligheidsregio Testland",
    orgaan: "Algemeen bestuur",
    datum: "2026-03-12",
    aanvang: "15:00",
    locatie: "Kazerne Noord",
    voorzitter: "J. de Vries",
    // Most tests here are of the grouping by behandelwijze; the order as written has its own.
    indeling: "per behandelwijze",
    punten,
    ...extra,
  });

/** Proposals looked up by the item's `voorstel` path, as the meeting loader does by item path. */
function plan(m: Meeting, proposals: Record<string, Proposal> = {}): AgendaPlan & { asked: string[] } {
  const asked: string[] = [];
  const p = planAgenda(m, (path) => {
    asked.push(path.join("."));
    let item: unknown = m;
    for (const k of path) item = (item as Record<string | number, unknown>)[k];
    const file = (item as { voorstel?: string }).voorstel;
    return file === undefined ? undefined : proposals[file];
  });
  return { ...p, asked };
}

/** The agenda as lines: part, group, number, title. */
const outline = (p: AgendaPlan): string[] =>
  p.parts.flatMap((part) =>
    part.blocks.flatMap((g) => {
      const lines: string[] = [];
      const walk = (i: PlannedItem, depth: number) => {
        lines.push(`${part.besloten ? "besloten" : "openbaar"} | ${g.key ?? g.heading ?? "-"} | ${"  ".repeat(depth)}${i.number} ${i.title}`);
        i.children.forEach((c) => walk(c, depth + 1));
      };
      g.items.forEach((i) => walk(i, 0));
      return lines;
    }),
  );

const byTitle = (p: AgendaPlan, title: string): PlannedItem => {
  const found = p.all.find((i) => i.title === title);
  if (!found) throw new Error(`no item ${title}`);
  return found;
};

describe("numbering", () => {
  it("items by a pattern: 1, 01, I, A.1, AGP 5, and the short forms of earlier versions", () => {
    expect(DEFAULT_NUMBERING).toEqual({ delen: "{I}", punten: "{1}", subpunten: "{punt}{a}", subsubpunten: "{punt}.{1}", bijlagen: "{punt}-{1}" });
    expect([1, 2, 9, 10, 12].map((n) => applyPattern("{1}", n))).toEqual(["1", "2", "9", "10", "12"]);
    expect([1, 9, 10].map((n) => applyPattern("{01}", n))).toEqual(["01", "09", "10"]);
    expect([1, 3, 4, 5, 9, 14, 19, 40, 49].map((n) => applyPattern("{I}", n))).toEqual(["I", "III", "IV", "V", "IX", "XIV", "XIX", "XL", "XLIX"]);
    expect(applyPattern("AGP {1}", 5)).toBe("AGP 5");
    expect(applyPattern("A.{1}", 2)).toBe("A.2");
    expect(applyPattern("{deel}-{1}", 3, { deel: "II" })).toBe("II-3");
    expect(numberingOf({ punten: "I, II, III" }).punten).toBe("{I}");
    expect(numberingOf({ subpunten: "1, 2, 3" }).subpunten).toBe("{punt}.{1}");
  });

  it("sub-items after the item's number — 5a … 5z, 5aa, 5.1, a), 2.b.1 — and deeper levels by their own pattern", () => {
    expect([1, 2, 26, 27, 28].map((n) => applyPattern(DEFAULT_NUMBERING.subpunten, n, { punt: "5" }))).toEqual(["5a", "5b", "5z", "5aa", "5ab"]);
    expect([1, 2, 10].map((n) => applyPattern("{punt}.{1}", n, { punt: "5" }))).toEqual(["5.1", "5.2", "5.10"]);
    expect(applyPattern("{a})", 2, { punt: "5" })).toBe("b)");
    expect(applyPattern("{punt}.{1}", 1, { punt: applyPattern("{punt}.{a}", 2, { punt: "2" }) })).toBe("2.b.1");
    expect([0, 1, 2, 3].map((d) => patternAt(DEFAULT_NUMBERING, d))).toEqual(["{1}", "{punt}{a}", "{punt}.{1}", "{punt}.{1}"]);
  });

  it("attachments after their item, or lettered: 5-1, 5a-1, A, B", () => {
    expect(applyPattern(DEFAULT_NUMBERING.bijlagen, 1, { punt: "5" })).toBe("5-1");
    expect(applyPattern(DEFAULT_NUMBERING.bijlagen, 1, { punt: "5a" })).toBe("5a-1");
    expect([1, 2, 3].map((n) => applyPattern("{A}", n, { punt: "5" }))).toEqual(["A", "B", "C"]);
  });

  it("decision numbers: the date without hyphens, the item in two digits, sub-items after a dot", () => {
    expect(decisionNumber("2020-10-01", [5])).toBe("20201001.05");
    expect(decisionNumber("2020-10-01", [12])).toBe("20201001.12");
    expect(decisionNumber("2020-10-01", [5, 1])).toBe("20201001.05.1");
    expect(decisionNumber("2020-10-01", [7, 12])).toBe("20201001.07.12");
    expect(decisionNumber("2026-03-12", [123])).toBe("20260312.123");
  });
});

describe("planAgenda: grouping and order", () => {
  const proposals = {
    "kennis.yaml": proposal({ onderwerp: "Jaarverslag", behandelwijze: "ter kennisname" }),
    "besluit.yaml": proposal({ onderwerp: "Begroting", behandelwijze: "ter besluitvorming" }),
    "hamer.yaml": proposal({ onderwerp: "Vergaderschema", behandelwijze: "ter vaststelling", hamerstuk: true }),
    "info.yaml": proposal({ onderwerp: "Stand van zaken", behandelwijze: "ter informatie" }),
    "vast.yaml": proposal({ onderwerp: "Kadernota", behandelwijze: "ter vaststelling" }),
  };

  it("opening items first, then hamerstukken and each behandelwijze in order, rondvraag en sluiting last — whatever the file's order", () => {
    const m = meeting([
      { vast: "rondvraag_en_sluiting" },
      { voorstel: "info.yaml" },
      { voorstel: "kennis.yaml" },
      { vast: "verslag" },
      { titel: "Presentatie brandweer" },
      { voorstel: "besluit.yaml" },
      { vast: "opening" },
      { voorstel: "hamer.yaml" },
      { voorstel: "vast.yaml" },
      { vast: "mededelingen" },
    ]);
    const p = plan(m, proposals);
    expect(p.parts).toHaveLength(1);
    expect(outline(p)).toEqual([
      "openbaar | opening | 1 Verslag van de vorige vergadering",
      "openbaar | opening | 2 Opening",
      "openbaar | opening | 3 Mededelingen",
      "openbaar | hamerstukken | 4 Vergaderschema",
      "openbaar | ter besluitvorming | 5 Begroting",
      "openbaar | ter vaststelling | 6 Kadernota",
      // An item without a proposal or a behandelwijze is ter bespreking.
      "openbaar | ter bespreking | 7 Presentatie brandweer",
      "openbaar | ter kennisname | 8 Jaarverslag",
      "openbaar | ter informatie | 9 Stand van zaken",
      "openbaar | sluiting | 10 Rondvraag en sluiting",
    ]);
    expect(p.all.map((i) => i.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    // Each item remembers where it is in the meeting file.
    expect(byTitle(p, "Opening").path).toEqual(["punten", 6]);
    expect(byTitle(p, "Begroting").proposalFile).toBe("besluit.yaml");
    expect(byTitle(p, "Begroting").proposal?.onderwerp).toBe("Begroting");
  });

  it("the opening items keep the meeting file's order among themselves; empty groups are left out", () => {
    const p = plan(meeting([{ vast: "ingekomen_stukken" }, { vast: "vaststellen_agenda" }, { vast: "opening" }, { voorstel: "kennis.yaml" }]), proposals);
    expect(p.parts[0]!.blocks.map((g) => g.key)).toEqual(["opening", "ter kennisname"]);
    expect(outline(p).map((l) => l.split(" | ")[2])).toEqual(["1 Ingekomen stukken", "2 Vaststellen van de agenda", "3 Opening", "4 Jaarverslag"]);
  });

  it("the item's hamerstuk and behandelwijze override the proposal's", () => {
    const m = meeting([
      { voorstel: "hamer.yaml", hamerstuk: false },
      { voorstel: "kennis.yaml", hamerstuk: true },
      { voorstel: "besluit.yaml", behandelwijze: "ter bespreking" },
      { titel: "Benoeming", behandelwijze: "ter besluitvorming" },
    ]);
    const p = plan(m, proposals);
    expect(outline(p)).toEqual([
      "openbaar | hamerstukken | 1 Jaarverslag",
      "openbaar | ter besluitvorming | 2 Benoeming",
      "openbaar | ter vaststelling | 3 Vergaderschema",
      "openbaar | ter bespreking | 4 Begroting",
    ]);
    expect(byTitle(p, "Vergaderschema")).toMatchObject({ hamerstuk: false, behandelwijze: "ter vaststelling" });
    expect(byTitle(p, "Jaarverslag")).toMatchObject({ hamerstuk: true, behandelwijze: "ter kennisname" });
    expect(byTitle(p, "Begroting")).toMatchObject({ hamerstuk: false, behandelwijze: "ter bespreking" });
    expect(byTitle(p, "Benoeming")).toMatchObject({ hamerstuk: false, behandelwijze: "ter besluitvorming", proposal: null, proposalFile: null });
  });

  it("a fixed item stays with the opening items even as a hamerstuk, with no behandelwijze unless given", () => {
    const p = plan(meeting([{ voorstel: "besluit.yaml" }, { vast: "verslag", hamerstuk: true }, { vast: "mededelingen", behandelwijze: "ter kennisname" }]), proposals);
    expect(outline(p)).toEqual([
      "openbaar | opening | 1 Verslag van de vorige vergadering",
      "openbaar | opening | 2 Mededelingen",
      "openbaar | ter besluitvorming | 3 Begroting",
    ]);
    expect(byTitle(p, "Verslag van de vorige vergadering")).toMatchObject({ fixed: "verslag", hamerstuk: true, behandelwijze: null });
    expect(byTitle(p, "Mededelingen")).toMatchObject({ fixed: "mededelingen", behandelwijze: "ter kennisname" });
  });

  it("a titel replaces a fixed item's or a proposal's title", () => {
    const p = plan(meeting([{ vast: "opening", titel: "Opening en welkom" }, { voorstel: "besluit.yaml", titel: "Begroting 2027" }]), proposals);
    expect(p.all.map((i) => i.title)).toEqual(["Opening en welkom", "Begroting 2027"]);
  });
});

describe("planAgenda: the besloten part", () => {
  const proposals = {
    "open.yaml": proposal({ onderwerp: "Begroting", behandelwijze: "ter besluitvorming" }),
    "dicht.yaml": proposal({ onderwerp: "Personele zaak", behandelwijze: "ter besluitvorming", openbaarheid: "besloten" }),
    "dicht-kennis.yaml": proposal({ onderwerp: "Juridisch advies", behandelwijze: "ter kennisname", openbaarheid: "besloten" }),
  };

  it("comes after the public part, numbered on; rondvraag en sluiting closes it", () => {
    const m = meeting(
      [
        { vast: "opening" },
        { voorstel: "dicht-kennis.yaml" },
        { voorstel: "dicht.yaml" },
        { titel: "Benoeming directeur", besloten: true },
        { voorstel: "open.yaml" },
        { vast: "rondvraag_en_sluiting" },
      ],
      { besloten_deel: { aanvang: "16:30" } },
    );
    const p = plan(m, proposals);
    expect(p.parts.map((x) => [x.besloten, x.aanvang, x.locatie])).toEqual([
      [false, "15:00", "Kazerne Noord"],
      // The besloten part's place is the meeting's unless it says otherwise.
      [true, "16:30", "Kazerne Noord"],
    ]);
    expect(outline(p)).toEqual([
      "openbaar | opening | 1 Opening",
      "openbaar | ter besluitvorming | 2 Begroting",
      "besloten | ter besluitvorming | 3 Personele zaak",
      // No proposal, no behandelwijze: ter bespreking.
      "besloten | ter bespreking | 4 Benoeming directeur",
      "besloten | ter kennisname | 5 Juridisch advies",
      "besloten | sluiting | 6 Rondvraag en sluiting",
    ]);
    // The rondvraag closes the besloten part, so it is besloten too.
    expect(p.all.filter((i) => i.besloten).map((i) => i.number)).toEqual(["3", "4", "5", "6"]);
  });

  it("its own place, a besloten opening item, and an item that opens a besloten proposal to the public", () => {
    const m = meeting(
      [{ vast: "opening" }, { vast: "mededelingen", besloten: true }, { voorstel: "dicht.yaml", besloten: false }, { voorstel: "dicht-kennis.yaml" }],
      { besloten_deel: { locatie: "Kamer 2" } },
    );
    const p = plan(m, proposals);
    expect(p.parts.map((x) => [x.besloten, x.aanvang, x.locatie])).toEqual([
      [false, "15:00", "Kazerne Noord"],
      [true, null, "Kamer 2"],
    ]);
    expect(outline(p)).toEqual([
      "openbaar | opening | 1 Opening",
      "openbaar | ter besluitvorming | 2 Personele zaak",
      "besloten | opening | 3 Mededelingen",
      "besloten | ter kennisname | 4 Juridisch advies",
    ]);
  });

  it("without besloten items there is one part, which rondvraag en sluiting closes", () => {
    const p = plan(meeting([{ vast: "rondvraag_en_sluiting" }, { voorstel: "open.yaml" }], { besloten_deel: { aanvang: "16:30" } }), proposals);
    expect(p.parts).toHaveLength(1);
    expect(outline(p)).toEqual(["openbaar | ter besluitvorming | 1 Begroting", "openbaar | sluiting | 2 Rondvraag en sluiting"]);
  });

  it("sub-items of a besloten item are besloten; a public item's sub-item may be besloten itself", () => {
    const m = meeting([
      { titel: "Personeel", besloten: true, subpunten: [{ titel: "Benoeming" }, { titel: "Ontslag" }] },
      { titel: "Organisatie", subpunten: [{ titel: "Openbaar deel" }, { titel: "Vertrouwelijk deel", besloten: true }, { voorstel: "dicht.yaml" }] },
    ]);
    const p = plan(m, proposals);
    expect(p.all.map((i) => `${i.number} ${i.title} ${i.besloten}`)).toEqual([
      "1 Organisatie false",
      "1a Openbaar deel false",
      "1b Vertrouwelijk deel true",
      "1c Personele zaak true",
      "2 Personeel true",
      "2a Benoeming true",
      "2b Ontslag true",
    ]);
  });
});

describe("planAgenda: sub-items, attachments and decisions", () => {
  const proposals = {
    "begroting.yaml": proposal({
      onderwerp: "Begroting",
      bijlagen: [{ titel: "Begroting 2027", bestand: "b.pdf" }, { titel: "Advies accountant", besloten: true }, { titel: "Toelichting", inhoud: ["Tekst."] }],
    }),
    "sub.yaml": proposal({ onderwerp: "Deelbegroting", bijlagen: [{ titel: "Cijfers" }] }),
  };

  it("numbers the attachments after their item: the proposal's first, then the meeting file's", () => {
    const m = meeting([
      { vast: "opening" },
      { vast: "verslag", bijlagen: [{ titel: "Verslag 2 juli", bestand: "stukken/verslag.pdf" }, { titel: "Actielijst" }] },
      { voorstel: "begroting.yaml", bijlagen: [{ titel: "Brief provincie", bestand: "stukken/brief.pdf" }] },
    ]);
    const p = plan(m, proposals);
    expect(byTitle(p, "Opening").attachments).toEqual([]);
    expect(byTitle(p, "Verslag van de vorige vergadering").attachments).toEqual([
      { number: "2-1", title: "Verslag 2 juli", file: "stukken/verslag.pdf", base: "meeting", besloten: false },
      { number: "2-2", title: "Actielijst", file: null, base: "meeting", besloten: false },
    ]);
    expect(byTitle(p, "Begroting").attachments).toEqual([
      { number: "3-1", title: "Begroting 2027", file: "b.pdf", base: "proposal", besloten: false },
      { number: "3-2", title: "Advies accountant", file: null, base: "proposal", besloten: true },
      { number: "3-3", title: "Toelichting", file: null, base: "proposal", besloten: false },
      { number: "3-4", title: "Brief provincie", file: "stukken/brief.pdf", base: "meeting", besloten: false },
    ]);
  });

  it("sub-items numbered a, b or .1, .2 after their item, with their own attachments and proposals", () => {
    const punten = [
      { vast: "opening" },
      { titel: "Financiën", bijlagen: [{ titel: "Overzicht" }], subpunten: [{ voorstel: "sub.yaml", bijlagen: [{ titel: "Extra" }] }, { titel: "Reserves" }] },
      { titel: "Rest" },
    ];
    const letters = plan(meeting(punten), proposals);
    expect(letters.asked).toEqual(["punten.0", "punten.1", "punten.2", "punten.1.subpunten.0", "punten.1.subpunten.1"]);
    expect(outline(letters)).toEqual([
      "openbaar | opening | 1 Opening",
      "openbaar | ter bespreking | 2 Financiën",
      "openbaar | ter bespreking |   2a Deelbegroting",
      "openbaar | ter bespreking |   2b Reserves",
      "openbaar | ter bespreking | 3 Rest",
    ]);
    const sub = byTitle(letters, "Deelbegroting");
    expect(sub.path).toEqual(["punten", 1, "subpunten", 0]);
    expect(sub.proposalFile).toBe("sub.yaml");
    expect(sub.attachments.map((a) => `${a.number} ${a.title} ${a.base}`)).toEqual(["2a-1 Cijfers proposal", "2a-2 Extra meeting"]);
    expect(byTitle(letters, "Financiën").attachments.map((a) => a.number)).toEqual(["2-1"]);
    // `all` lists every item, each parent before its sub-items, in agenda order.
    expect(letters.all.map((i) => i.number)).toEqual(["1", "2", "2a", "2b", "3"]);

    const dotted = plan(meeting(punten, { nummering: { punten: "I, II, III", subpunten: "1, 2, 3" } }), proposals);
    expect(dotted.all.map((i) => i.number)).toEqual(["I", "II", "II.1", "II.2", "III"]);
    expect(byTitle(dotted, "Deelbegroting").attachments.map((a) => a.number)).toEqual(["II.1-1", "II.1-2"]);
    // Only the sub-items' scheme given: items keep 1, 2, 3.
    const onlySub = plan(meeting(punten, { nummering: { subpunten: "1, 2, 3" } }), proposals);
    expect(onlySub.all.map((i) => i.number)).toEqual(["1", "2", "2.1", "2.2", "3"]);
  });

  it("decision numbers follow the agenda position (not the file's order), also under Roman numbering", () => {
    const m = meeting(
      [
        { titel: "Later", besluit: { tekst: "Conform besloten.", stemming: "unaniem" } },
        { vast: "opening" },
        { titel: "Met subpunten", subpunten: [{ titel: "Eerste", besluit: { tekst: "Aangenomen." } }, { titel: "Tweede" }] },
      ],
      { datum: "2020-10-01", nummering: { punten: "I, II, III" } },
    );
    const p = plan(m);
    expect(p.all.map((i) => [i.number, i.seq, i.decisionNumber])).toEqual([
      ["I", [1], "20201001.01"],
      ["II", [2], "20201001.02"],
      ["III", [3], "20201001.03"],
      ["IIIa", [3, 1], "20201001.03.1"],
      ["IIIb", [3, 2], "20201001.03.2"],
    ]);
    expect(byTitle(p, "Later").besluit).toEqual({ tekst: "Conform besloten.", stemming: "unaniem", acties: [] });
    expect(byTitle(p, "Eerste").besluit).toEqual({ tekst: "Aangenomen.", stemming: null, acties: [] });
    expect(byTitle(p, "Tweede").besluit).toBeNull();
  });

  it("a toelichting is passed on; absent it is null", () => {
    const p = plan(meeting([{ titel: "Presentatie", toelichting: "mondeling" }, { titel: "Anders" }]));
    expect(p.all.map((i) => i.toelichting)).toEqual(["mondeling", null]);
  });

  it("moving an item in the file renumbers the agenda, its attachments and its decision", () => {
    const a = { voorstel: "begroting.yaml" };
    const b = { titel: "Presentatie", behandelwijze: "ter besluitvorming" };
    const first = plan(meeting([a, b]), proposals);
    const second = plan(meeting([b, a]), proposals);
    expect(byTitle(first, "Begroting")).toMatchObject({ number: "1", decisionNumber: "20260312.01" });
    expect(byTitle(second, "Begroting")).toMatchObject({ number: "2", decisionNumber: "20260312.02" });
    expect(byTitle(second, "Begroting").attachments[0]!.number).toBe("2-1");
  });
});

describe("the meeting schema's defaults and checks, as planAgenda relies on them", () => {
  it("an item is vast, a voorstel or has a titel; numbering values are checked", () => {
    expect(Meeting.safeParse({ ...meeting([{ titel: "x" }]), punten: [{ besloten: true }] }).success).toBe(false);
    expect(Meeting.safeParse({ ...meeting([{ titel: "x" }]), punten: [{ vast: "opening", voorstel: "a.yaml" }] }).success).toBe(false);
    expect(Meeting.safeParse({ ...meeting([{ titel: "x" }]), nummering: { punten: "a, b, c" } }).success).toBe(false);
    expect(Meeting.safeParse({ ...meeting([{ titel: "x" }]), nummering: { punten: "{1}{a}" } }).success).toBe(false);
    expect(Meeting.safeParse({ ...meeting([{ titel: "x" }]), nummering: { punten: "{x}" } }).success).toBe(false);
    expect(Meeting.safeParse({ ...meeting([{ titel: "x" }]), nummering: { punten: "AGP {01}" } }).success).toBe(true);
    expect(Meeting.safeParse({ ...meeting([{ titel: "x" }]), punten: [] }).success).toBe(false);
  });
});
