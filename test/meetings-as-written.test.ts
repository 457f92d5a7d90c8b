import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planAgenda, type AgendaPlan } from "../src/meeting/plan.js";
import { Meeting } from "../src/model/meeting.js";
import type { Proposal } from "../src/model/proposal.js";
import { readText, ROOT, run, tempDir, messagesIn } from "./helpers.js";
import { needs, VALIDATE_DOCX } from "./ooxml.js";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

/**
 * The agenda and the besluitenlijst as each body writes them (issue 15): the order of the file,
 * parts, groups, bodies, depth, numbering patterns, columns, what an item can say, sessions.
 * Plan-level tests on small meetings, and the example meetings in data/meetings/ rendered.
 */

const base = { organisatie: "Testregio", orgaan: "Algemeen bestuur", datum: "2026-03-12", aanvang: "15:00", locatie: "Kazerne", voorzitter: "J. de Vries" };
const plan = (extra: Record<string, unknown>, proposals: Record<string, Proposal> = {}): AgendaPlan => {
  const m = Meeting.parse({ ...base, ...extra });
  return planAgenda(m, (path) => {
    let item: unknown = m;
    for (const k of path) item = (item as Record<string | number, unknown>)[k];
    const file = (item as { voorstel?: string }).voorstel;
    return file === undefined ? undefined : proposals[file];
  });
};
const numbers = (p: AgendaPlan) => p.all.map((i) => `${i.number} ${i.title}`);

describe("the secretariat's order", () => {
  const punten = [{ vast: "opening" }, { titel: "Ter informatie", behandelwijze: "ter informatie" }, { titel: "Besluit", behandelwijze: "ter besluitvorming" }, { vast: "rondvraag_en_sluiting" }];
  it("is kept by default; grouping by behandelwijze is an option", () => {
    expect(numbers(plan({ punten }))).toEqual(["1 Opening", "2 Ter informatie", "3 Besluit", "4 Rondvraag en sluiting"]);
    expect(plan({ punten }).parts[0]!.blocks).toHaveLength(1);
    const grouped = plan({ punten, indeling: "per behandelwijze" });
    expect(numbers(grouped)).toEqual(["1 Opening", "2 Besluit", "3 Ter informatie", "4 Rondvraag en sluiting"]);
    expect(grouped.parts[0]!.blocks.map((b) => b.key)).toEqual(["opening", "ter besluitvorming", "ter informatie", "sluiting"]);
  });

  it("groups with free headings keep their items together, numbered on", () => {
    const p = plan({ punten: [{ vast: "opening" }, { groep: "Financiën", punten: [{ titel: "Begroting" }, { titel: "Jaarrekening" }] }, { groep: "Publieke gezondheid", punten: [{ titel: "Vaccinatie" }] }, { vast: "sluiting" }] });
    expect(p.parts[0]!.blocks.map((b) => b.heading)).toEqual([null, "Financiën", "Publieke gezondheid", null]);
    expect(numbers(p)).toEqual(["1 Opening", "2 Begroting", "3 Jaarrekening", "4 Vaccinatie", "5 Sluiting"]);
    expect(p.all[1]!.path).toEqual(["punten", 1, "punten", 0]);
  });
});

describe("parts and bodies", () => {
  it("each part has its own start time (a clock time or words) and its own opening and closing", () => {
    const p = plan({
      delen: [
        { titel: "Formeel deel", aanvang: "19:30", punten: [{ vast: "opening" }, { titel: "A" }, { vast: "rondvraag_en_sluiting" }] },
        { titel: "Informeel deel", aanvang: "na afloop van het formele deel", punten: [{ vast: "opening" }, { titel: "B" }, { vast: "sluiting" }] },
      ],
    });
    expect(p.parts.map((x) => [x.title, x.aanvang])).toEqual([
      ["Formeel deel", "19:30"],
      ["Informeel deel", "na afloop van het formele deel"],
    ]);
    expect(numbers(p)).toEqual(["1 Opening", "2 A", "3 Rondvraag en sluiting", "4 Opening", "5 B", "6 Sluiting"]);
  });

  it("another body has its own count; the meeting's continues after it; a part may restart", () => {
    const p = plan({
      delen: [
        { punten: [{ titel: "A" }, { titel: "B" }] },
        { orgaan: "Portefeuillehoudersoverleg", nummering: { punten: "PHO {1}" }, punten: [{ titel: "P" }] },
        { titel: "Voortzetting", datum: "2026-03-19", punten: [{ titel: "C" }] },
        { titel: "Nieuw", opnieuw_nummeren: true, punten: [{ titel: "D" }] },
      ],
    });
    expect(numbers(p)).toEqual(["1 A", "2 B", "PHO 1 P", "3 C", "1 D"]);
    expect(p.sessions).toEqual(["2026-03-12", "2026-03-19"]);
    expect(p.all.find((i) => i.title === "C")!.decisionNumber).toBe("20260319.01");
  });

  it("a start time that starts with a digit must be a clock time", () => {
    expect(Meeting.safeParse({ ...base, aanvang: "15.3", punten: [{ titel: "x" }] }).success).toBe(false);
    expect(Meeting.safeParse({ ...base, aanvang: "na afloop van het DB", punten: [{ titel: "x" }] }).success).toBe(true);
  });
});

describe("numbering as a pattern", () => {
  const punten = [{ titel: "A", bijlagen: [{ titel: "x" }, { titel: "y" }] }, { titel: "B", subpunten: [{ titel: "Ba" }, { titel: "Bb", subpunten: [{ titel: "Bb1" }] }] }];
  const cases: [string, Record<string, string>, string[]][] = [
    ["plain", {}, ["1", "2", "2a", "2b", "2b.1"]],
    ["zero-padded", { punten: "{01}" }, ["01", "02", "02a", "02b", "02b.1"]],
    ["dotted 2.b.1", { subpunten: "{punt}.{a}", subsubpunten: "{punt}.{1}" }, ["1", "2", "2.a", "2.b", "2.b.1"]],
    ["letters with a parenthesis", { subpunten: "{a})", subsubpunten: "{1}." }, ["1", "2", "a)", "b)", "1."]],
    ["prefixed codes", { punten: "AGP {1}" }, ["AGP 1", "AGP 2", "AGP 2a", "AGP 2b", "AGP 2b.1"]],
    ["A.1", { punten: "A.{1}" }, ["A.1", "A.2", "A.2a", "A.2b", "A.2b.1"]],
  ];
  it.each(cases)("%s", (_name, nummering, expected) => {
    expect(plan({ punten, nummering }).all.map((i) => i.number)).toEqual(expected);
  });

  it("roman parts with item codes (I-1, II-1), each part counting from 1", () => {
    const p = plan({ nummering: { delen: "{I}", punten: "{deel}-{1}" }, delen: [{ punten: [{ titel: "A" }, { titel: "B" }] }, { besloten: true, punten: [{ titel: "C" }] }] });
    expect(p.all.map((i) => i.number)).toEqual(["I-1", "I-2", "II-1"]);
  });

  it("a sub-item numbered on its own is named with its parent elsewhere; attachments follow, or are lettered", () => {
    const p = plan({ punten, nummering: { subpunten: "{a})" } });
    expect(p.all.map((i) => i.reference)).toEqual(["1", "2", "2 a)", "2 b)", "2 b).1"]);
    expect(p.all[0]!.attachments.map((a) => a.number)).toEqual(["1-1", "1-2"]);
    expect(plan({ punten, nummering: { bijlagen: "{A}" } }).all[0]!.attachments.map((a) => a.number)).toEqual(["A", "B"]);
  });

  it("a pattern has exactly one counter", () => {
    for (const bad of ["{1}{a}", "punt", "{x}", "{punt}"]) expect(Meeting.safeParse({ ...base, punten: [{ titel: "x" }], nummering: { punten: bad } }).success, bad).toBe(false);
  });
});

describe("the schema keeps a meeting coherent", () => {
  it("a group has a heading and items; items are in punten or delen, not both", () => {
    expect(Meeting.safeParse({ ...base, punten: [{ groep: "X" }] }).success).toBe(false);
    expect(Meeting.safeParse({ ...base, punten: [{ groep: "X", punten: [{ titel: "a" }], voorstel: "v.yaml" }] }).success).toBe(false);
    expect(Meeting.safeParse({ ...base, punten: [{ titel: "a" }], delen: [{ punten: [{ titel: "b" }] }] }).success).toBe(false);
    expect(Meeting.safeParse({ ...base }).success).toBe(false);
  });

  it("check: a besloten item in a public part is an error at its place", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "meetings"));
    writeFileSync(
      join(dir, "meetings", "m.yaml"),
      "organisatie: T\norgaan: Algemeen bestuur\ndatum: 2026-03-12\naanvang: \"15:00\"\nlocatie: K\nvoorzitter: V\ndelen:\n  - punten:\n      - titel: Geheim\n        besloten: true\n",
    );
    const r = await run(["check", "meetings/m.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("meetings/m.yaml:10:19: error: item 1 is besloten but stands in a public part; move it to a part with `besloten: true`");
  });
});

/** The example meetings rendered once for the tests below. */
const rendered = (() => {
  let out: Promise<string> | undefined;
  return () =>
    (out ??= (async () => {
      const dir = tempDir();
      for (const name of ["ab-2020-12-10", "db-2021-01-14"]) {
        const r = await run(["agenda", `data/meetings/${name}.yaml`, "--format", "docx,html", "--out", join(dir, name)]);
        if (r.code !== 0) throw new Error(r.stderr);
      }
      return dir;
    })());
})();
const textOf = async (file: string) => (await run(["text", join(await rendered(), file)])).stdout;

describe("the example meetings in data/meetings/", () => {
  it("columns chosen per agenda; the proposed decision taken from the proposal's own beslispunten", async () => {
    const agenda = await textOf("ab-2020-12-10/agenda.docx");
    expect(agenda).toContain("Nr. | Onderwerp | Behandeling | Voorstel/advies | Besluit\n");
    expect(agenda).toMatch(/04 \| Kadernota 2022[\s\S]*\| ter besluitvorming \| 1\. De kadernota's 2022 van beide veiligheidsregio's vast te stellen;\n2\. De uitgangspunten/);
    const db = await textOf("db-2021-01-14/agenda.docx");
    expect(db).toContain("Nr. | Onderwerp | Behandeling | Opmerking\n");
    expect(db).toContain("I-4 | Uitwerking bestuursconferentie | ter besluitvorming | Eerst in het informele deel besproken");
  });

  it("parts, another body, groups, three levels, patterns, what items say, closing note and next meeting", async () => {
    const agenda = await textOf("ab-2020-12-10/agenda.docx");
    for (const line of [
      "Openbaar deel (aanvang 15:00 uur)",
      "Besloten deel (aanvang 16:45 uur)",
      "Portefeuillehoudersoverleg Bevolkingszorg (aanvang na afloop van de vergadering van het algemeen bestuur)",
      "Financiën\nNr.",
      "07.a.1 | Opkomsttijden Flevoland\nMondeling",
      "Presentatie door drs. K. Visser, directeur veiligheidsbureau",
      "Eerder toegezonden bij de stukken van de vergadering van 1 oktober 2020 d.d. 1 oktober 2020",
      "Stukken worden ter vergadering uitgereikt",
      "Stukken apart toegezonden",
      "Bijlage A: Kadernota 2022 Veiligheidsregio Flevoland",
      "PHO 1 | Opening",
      "13 | Stand van zaken tankautospuiten (vervolg)",
      "Volgende vergadering: 4 maart 2021, aanvang 15:00 uur",
      "De stukken liggen ter inzage bij het secretariaat.",
    ]) expect(agenda).toContain(line);
    const db = await textOf("db-2021-01-14/agenda.docx");
    for (const line of ["Formeel deel (aanvang 09:30 uur)", "Informeel deel (aanvang na afloop van het formele deel)", "I-4 | Uitwerking bestuursconferentie", "a) | Opdracht verkenning samenwerking meldkamer", "II-1 | Opening", "Ter besluitvorming na de bestuursconferentie\nNr."]) {
      expect(db).toContain(line);
    }
  });

  it("a multi-line toelichting keeps its paragraphs and its list, in the HTML and the .docx", async () => {
    const html = readFileSync(join(await rendered(), "ab-2020-12-10", "agenda.html"), "utf8");
    expect(html).toMatch(/<td>\s*<p><strong>Evaluatie coronacrisis<\/strong><\/p>\s*<p>De eerste evaluatie[^<]*<\/p>\s*<p>Aan de orde komen:<\/p>\s*<ul>\s*<li>de samenwerking/);
    const docx = await textOf("ab-2020-12-10/agenda.docx");
    expect(docx).toContain("Aan de orde komen:\n- de samenwerking in de regionale beleidsteams;\n- de informatievoorziening aan de gemeenten;");
  });

  it("the besluitenlijst: sessions with their own dates, numbered by them, in agenda order; votes, actions; the table layout", async () => {
    const list = await textOf("ab-2020-12-10/besluitenlijst.docx");
    expect(list).toContain("Vergadering van 10 december 2020\n---");
    expect(list).toContain("Vergadering van 17 december 2020\n---");
    expect(list).toContain("Nr. | Datum overleg | Besluit");
    expect(list).toContain("20201217.01 | 17 december 2020 | 13. Stand van zaken tankautospuiten (vervolg)");
    expect(list).toContain("20201210.07.2 | 10 december 2020 | 07.b. Stand van zaken tankautospuiten");
    expect(list).toContain("- Actie: Aanbesteding eerste tranche publiceren (afdeling inkoop, uiterlijk 15 januari 2021)");
    expect(list.indexOf("20201210.06")).toBeLessThan(list.indexOf("20201210.07.2"));
    // The public list leaves out the besloten decision.
    expect(list).not.toContain("Benoeming plaatsvervangend");
    const db = await textOf("db-2021-01-14/besluitenlijst.docx");
    expect(db).toContain("20210114.04.1 Opdracht verkenning samenwerking meldkamer");
    expect(db).toContain("Agendapunt I-4 a)");
    expect(db).toContain("Acties:\n\n- Plan van aanpak verkenning (directeur veiligheidsbureau, uiterlijk volgende vergadering)");
    expect(db).toContain("Stemming: unaniem");
  });

  const xmllint = needs("xmllint", "python3", VALIDATE_DOCX);
  it.skipIf(xmllint.skip)(`every .docx of the new meetings passes the ECMA-376 check ${xmllint.reason}`, async () => {
    const dir = await rendered();
    for (const f of ["ab-2020-12-10/agenda.docx", "ab-2020-12-10/besluitenlijst.docx", "ab-2020-12-10/kadernota-2022.docx", "db-2021-01-14/agenda.docx", "db-2021-01-14/besluitenlijst.docx"]) {
      const r = spawnSync(VALIDATE_DOCX, [join(dir, f)], { encoding: "utf8" });
      expect(r.stdout + r.stderr, f).toMatch(/^OK/);
    }
  });

  it("a stamped proposal carries its agenda number and the meeting date", async () => {
    const text = await textOf("ab-2020-12-10/kadernota-2022.docx");
    expect(text).toContain("Agendapunt: 04");
    expect(text).toContain("Bijlagen: A. Kadernota 2022 Veiligheidsregio Flevoland");
  });

  it("the older example meeting keeps its grouping by behandelwijze", () => {
    expect(readText(join(ROOT, "data", "meetings", "ab-2020-10-01.yaml"))).toMatch(/^indeling: per behandelwijze$/m);
  });
});

// A meeting whose proposal sits three levels deep: stamped and listed.
describe("items three levels deep", () => {
  it("are in the agenda, the stamped proposals and the besluitenlijst", async () => {
    const dir = tempDir();
    cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
    writeFileSync(
      join(dir, "data", "meetings", "diep.yaml"),
      `organisatie: "Veiligheidsregio's Flevoland en Gooi en Vechtstreek"\norgaan: Algemeen bestuur\ndatum: 2020-12-10\naanvang: "15:00"\nlocatie: K\nvoorzitter: V\npunten:\n  - titel: Twee\n    subpunten:\n      - titel: Twee a\n        subpunten:\n          - voorstel: ../proposals/kadernota-2022.yaml\n            besluit: { tekst: Conform. }\n`,
    );
    const r = await run(["agenda", "data/meetings/diep.yaml", "--format", "docx", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect((await run(["text", "o/agenda.docx"], { cwd: dir })).stdout).toContain("1a.1 | Kadernota 2022");
    expect((await run(["text", "o/kadernota-2022.docx"], { cwd: dir })).stdout).toContain("Agendapunt: 1a.1");
    expect((await run(["text", "o/besluitenlijst.docx"], { cwd: dir })).stdout).toContain("20201210.01.1.1 Kadernota 2022\n");
  });
});
