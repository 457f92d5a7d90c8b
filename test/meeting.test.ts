import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readText, ROOT, run, tempDir } from "./helpers.js";
import { docxParagraphs, htmlText, words } from "./ooxml.js";

const MEETING = readText(join(ROOT, "data", "meetings", "ab-2020-10-01.yaml"));

/** A copy of data/ where the example meeting is replaced by `meeting` (and files by `extra`). */
function project(meeting: string, extra: Record<string, string> = {}): string {
  const dir = tempDir();
  cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
  writeFileSync(join(dir, "data", "meetings", "ab-2020-10-01.yaml"), meeting);
  for (const [p, text] of Object.entries(extra)) writeFileSync(join(dir, p), text);
  return dir;
}

async function agenda(dir: string, ...args: string[]) {
  const r = await run(["agenda", "data/meetings/ab-2020-10-01.yaml", "--format", "text,docx,html", ...args], { cwd: dir });
  return { ...r, out: join(dir, "out", "meetings", "ab-2020-10-01") };
}

const edit = (from: string, to: string) => {
  expect(MEETING).toContain(from);
  return MEETING.replace(from, to);
};
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
const SEED_TEXT = readText(join(ROOT, "data", "proposals", "terugblik-visitaties.yaml"));
const seedAt = (key: string) => `data/proposals/terugblik-visitaties.yaml:${lineOf(SEED_TEXT, `${key}:`)}:${key.length + 3}`;

describe("agenda: numbered, grouped, stamped", () => {
  it("numbers the items, groups them by part and behandelwijze, numbers attachments after their item", async () => {
    const { code, stderr, out } = await agenda(project(MEETING));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const text = readText(join(out, "agenda.txt"));
    const row = (n: string) => text.split("\n").find((l) => l.startsWith(`${n} | `));
    expect(row("1")).toBe("1 | Opening | ");
    expect(row("5")).toBe("5 | Ingekomen stukken");
    // The hamerstuk comes first in the body, though it is listed last in the meeting file.
    expect(row("6")).toBe("6 | Vergaderschema algemeen bestuur 2021");
    expect(text).toContain("Bijlage 7-4: Kostenraming en marktverkenning aanbesteding tankautospuiten (besloten, ter inzage voor de leden) | ter besluitvorming");
    expect(row("8")).toBe("8 | Terugblik eerste ronde visitaties 2014-2019");
    expect(text.indexOf("Hamerstukken")).toBeLessThan(text.indexOf("Ter besluitvorming"));
    expect(text.indexOf("Ter besluitvorming")).toBeLessThan(text.indexOf("Ter kennisname"));
    expect(text.indexOf("Besloten deel (aanvang 16:30 uur)")).toBeLessThan(text.indexOf("9 | Benoeming"));
    // The rondvraag closes the besloten part, so it is besloten too.
    expect(text.trimEnd().split("\n").at(-1)).toBe("10 | Rondvraag en sluiting | besloten");
  });

  it("stamps each proposal with the meeting date and its agendapunt; the data file is not edited", async () => {
    const dir = project(MEETING);
    const before = readText(join(dir, "data", "proposals", "terugblik-visitaties.yaml"));
    const { out } = await agenda(dir);
    const text = readText(join(out, "terugblik-visitaties.txt"));
    expect(text).toContain("Agendapunt: 8");
    expect(text).toContain("Vergaderdatum: 1 oktober 2020");
    expect(text).toContain("Bijlagen: 8-1. Aandachtspunten");
    expect(text).toContain("Bijlage 8-1: Aandachtspunten uit het landelijk beeld");
    expect(docxParagraphs(readFileSync(join(out, "terugblik-visitaties.docx")))).toContain("Agendapunt 8");
    expect(readText(join(dir, "data", "proposals", "terugblik-visitaties.yaml"))).toBe(before);
  });

  it("renumbering is free: moving an item renumbers the agenda and the stamped proposals", async () => {
    const seed = "  - voorstel: ../proposals/terugblik-visitaties.yaml\n    besluit:\n      tekst: Het algemeen bestuur neemt kennis van de rapportage ‘Terugblik eerste ronde visitaties (2014-2019)’.\n";
    const hamer = "  - voorstel: ../proposals/vaststelling-vergaderschema-2021-hamerstuk.yaml\n    besluit:\n      tekst: Conform besloten.\n";
    // Make the seed a hamerstuk too, listed before the other: it becomes item 6.
    const moved = edit(seed, "").replace(hamer, `${seed.replace("    besluit:", "    hamerstuk: true\n    besluit:")}${hamer}`);
    const { out, stderr } = await agenda(project(moved));
    expect(stderr).toBe("");
    expect(readText(join(out, "agenda.txt"))).toMatch(/^6 \| Terugblik eerste ronde visitaties 2014-2019$/m);
    expect(readText(join(out, "terugblik-visitaties.txt"))).toContain("Agendapunt: 6");
    expect(readText(join(out, "vaststelling-vergaderschema-2021-hamerstuk.txt"))).toContain("Agendapunt: 7");
  });

  it("numbering schemes: roman items, lettered or numbered sub-items, attachments after sub-items", async () => {
    const sub = edit(
      "  - vast: ingekomen_stukken\n",
      "  - titel: Jaarstukken\n    subpunten:\n      - titel: Jaarrekening\n        bijlagen: [{ titel: Accountantsverslag }]\n      - titel: Jaarverslag\n  - vast: ingekomen_stukken\n",
    );
    const roman = await agenda(project(sub.replace("  punten: 1, 2, 3", "  punten: I, II, III")));
    expect(roman.stderr).toBe("");
    const a = readText(join(roman.out, "agenda.txt"));
    expect(a).toMatch(/^IV \| Verslag van de vergadering van 2 juli 2020$/m);
    // Jaarstukken is ter bespreking by default, so it follows the items ter besluitvorming.
    expect(a).toMatch(/^VIII \| Jaarstukken \| $/m);
    expect(a).toMatch(/^VIIIa \| Jaarrekening$/m);
    expect(a).toContain("Bijlage VIIIa-1: Accountantsverslag");
    const decimal = await agenda(project(sub.replace("  subpunten: a, b, c", "  subpunten: 1, 2, 3")));
    expect(readText(join(decimal.out, "agenda.txt"))).toMatch(/^8\.2 \| Jaarverslag \| $/m);
  });

  it("the .docx and the HTML of the agenda carry the same text", async () => {
    const { out } = await agenda(project(MEETING));
    for (const name of ["agenda", "besluitenlijst"]) {
      expect(words(htmlText(readText(join(out, `${name}.html`))))).toEqual(words(docxParagraphs(readFileSync(join(out, `${name}.docx`))).join(" ")));
    }
  });
});

describe("bundle and besluitenlijst", () => {
  it("the public bundle links the agenda and every public proposal, and leaves out everything besloten", async () => {
    const besloten = edit(
      "  - titel: Benoeming plaatsvervangend directeur veiligheidsbureau",
      "  - voorstel: ../proposals/geheim.yaml\n  - titel: Benoeming plaatsvervangend directeur veiligheidsbureau",
    );
    const secret = readText(join(ROOT, "data", "proposals", "vaststelling-vergaderschema-2021-hamerstuk.yaml"))
      .replace("openbaarheid: openbaar", "openbaarheid: besloten")
      .replace(/^onderwerp: .*$/m, "onderwerp: Geheime schikking met aannemer")
      .replace(/^hamerstuk: true$/m, "hamerstuk: false");
    const dir = project(besloten, { "data/proposals/geheim.yaml": secret });
    const pub = await agenda(dir);
    expect(pub.stderr).toBe("");
    const bundle = readText(join(pub.out, "bundle.html"));
    expect(bundle).toContain('<a href="#agenda">Agenda</a>');
    for (const n of ["6", "7", "8"]) expect(bundle).toMatch(new RegExp(`<a href="#punt-${n}">Agendapunt ${n}: `));
    expect(bundle).toContain('<h2 id="punt-8">Terugblik eerste ronde visitaties 2014-2019</h2>');
    // The agenda (public) names the besloten item; its document is not in the bundle or the folder.
    expect(htmlText(bundle)).toContain("Geheime schikking met aannemer");
    // Besloten part: 9 Benoeming (ter besluitvorming), 10 the secret proposal (ter vaststelling).
    expect(bundle).not.toContain('id="punt-10"');
    expect(existsSync(join(pub.out, "geheim.html"))).toBe(false);
    expect(readText(join(pub.out, "besluitenlijst.txt"))).not.toContain("Benoeming");
    // The members' bundle has everything.
    const full = await agenda(dir, "--include-besloten");
    const all = readText(join(full.out, "bundle.html"));
    expect(all).toContain("Volledige bundel voor de leden, met de besloten stukken. Niet openbaar.");
    expect(all).toContain('<h2 id="punt-10">Geheime schikking met aannemer</h2>');
    expect(existsSync(join(full.out, "geheim.docx"))).toBe(true);
    expect(readText(join(full.out, "besluitenlijst.txt"))).toContain("Benoeming plaatsvervangend directeur veiligheidsbureau");
  });

  it("the besluitenlijst numbers decisions by date and item, and exists only when decisions are recorded", async () => {
    const { out } = await agenda(project(MEETING));
    const text = readText(join(out, "besluitenlijst.txt"));
    expect(text).toContain("20201001.07 Vervangingsprogramma tankautospuiten 2021-2027 en eerste begrotingswijziging 2021");
    expect(text).toContain("Stemming: unaniem");
    expect(text.indexOf("20201001.02")).toBeLessThan(text.indexOf("20201001.04"));
    const none = await agenda(project(MEETING.replace(/^ {4}besluit:\n(( {6}.*)?\n)+/gm, "")));
    expect(none.stderr).toBe("");
    expect(existsSync(join(none.out, "agenda.docx"))).toBe(true);
    expect(existsSync(join(none.out, "besluitenlijst.docx"))).toBe(false);
  });
});

describe("cross-checks: each a positioned error, and nothing is written", () => {
  const CASES: [string, string, string, (text: string) => string][] = [
    [
      "a proposal for another date",
      "datum: 2020-10-01",
      "datum: 2020-10-08",
      (t) => `data/meetings/ab-2020-10-01.yaml:${lineOf(t, "terugblik-visitaties.yaml")}:15: error: het voorstel is voor de vergadering van 2020-10-01 (${seedAt("vergaderdatum")}), maar deze vergadering is op 2020-10-08; verbeter een van beide`,
    ],
    [
      "a proposal to another board",
      "orgaan: Algemeen bestuur",
      "orgaan: Dagelijks bestuur",
      (t) => `data/meetings/ab-2020-10-01.yaml:${lineOf(t, "terugblik-visitaties.yaml")}:15: error: het voorstel is gericht aan \`Algemeen bestuur\` (${seedAt("orgaan")}), maar dit is een vergadering van \`Dagelijks bestuur\``,
    ],
    [
      "a missing proposal file",
      "../proposals/terugblik-visitaties.yaml",
      "../proposals/terugblik.yaml",
      (t) => `data/meetings/ab-2020-10-01.yaml:${lineOf(t, "terugblik.yaml")}:15: error: voorstelbestand \`../proposals/terugblik.yaml\` niet gevonden (gezocht naar data/proposals/terugblik.yaml) (punten[5].voorstel)`,
    ],
    [
      "a missing attachment file",
      "stukken/verslag-ab-2020-07-02.pdf",
      "stukken/verslag.pdf",
      (t) => `data/meetings/ab-2020-10-01.yaml:${lineOf(t, "stukken/verslag.pdf")}:18: error: bijlagebestand \`stukken/verslag.pdf\` niet gevonden (gezocht naar data/meetings/stukken/verslag.pdf), nodig voor agendapunt 4 van data/meetings/ab-2020-10-01.yaml (punten[3].bijlagen[0].bestand)`,
    ],
    [
      "the same proposal twice",
      "  - vast: rondvraag_en_sluiting",
      "  - voorstel: ../proposals/terugblik-visitaties.yaml\n  - vast: rondvraag_en_sluiting",
      (t) => `data/meetings/ab-2020-10-01.yaml:${t.split("\n").findLastIndex((l) => l.includes("terugblik-visitaties.yaml")) + 1}:15: error: dit voorstel staat al op de agenda (punten[5]); een voorstel staat er één keer op (punten[9].voorstel)`,
    ],
    [
      "a besloten attachment under a public item",
      "        bestand: stukken/lijst-ingekomen-stukken-2020-10-01.pdf",
      "        bestand: stukken/lijst-ingekomen-stukken-2020-10-01.pdf\n        besloten: true",
      (t) => `data/meetings/ab-2020-10-01.yaml:${lineOf(t, "lijst-ingekomen-stukken-2020-10-01.pdf") + 1}:9: error: besloten bijlage \`Lijst van ingekomen stukken\` onder openbaar agendapunt 5; zet haar onder een besloten agendapunt, of voeg haar aan het voorstel toe als besloten bijlage (punten[4].bijlagen[0].besloten)`,
    ],
  ];
  it.each(CASES)("%s", async (_name, from, to, expected) => {
    const text = edit(from, to);
    const dir = project(text);
    for (const command of [["check"], ["agenda", "data/meetings/ab-2020-10-01.yaml"], ["build"]]) {
      const r = await run(command, { cwd: dir });
      expect(r.code, command.join(" ")).toBe(1);
      expect(r.stderr).toContain(expected(text));
    }
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("a proposal's warning does not stop its meeting: agenda, build and check show it once and go on", async () => {
    const odd = "data/proposals/terugblik-visitaties.yaml";
    const dir = project(MEETING, { [odd]: SEED_TEXT.replace(/^onderwerp: /m, "onderwerp: !onbekend ") });
    cpSync(join(ROOT, "templates"), join(dir, "templates"), { recursive: true }); // the gemeente's house style uses them
    const warning = `${odd}:${lineOf(SEED_TEXT, "onderwerp:")}:12: warning: YAML: Unresolved tag: !onbekend`;
    const count = (text: string) => text.split(warning).length - 1;
    const a = await agenda(dir);
    expect(a.code).toBe(0);
    expect(count(a.stderr)).toBe(1);
    expect(existsSync(join(a.out, "agenda.docx"))).toBe(true);
    for (const argv of [["build"], ["check"]]) {
      const r = await run(argv, { cwd: dir });
      expect(r.code, `${argv[0]}: ${r.stderr}`).toBe(0);
      expect(count(r.stderr), argv[0]).toBe(1);
    }
  });

  it("a meeting's own mistakes are positioned like a proposal's", async () => {
    const dir = project(edit('aanvang: "15:00"', 'aanvang: "3 uur"').replace("  - vast: opening", "  - vast: openng"));
    const r = await run(["check"], { cwd: dir });
    expect(r.stderr).toContain('data/meetings/ab-2020-10-01.yaml:8:10: error: `3 uur`: schrijf een tijd als UU:MM, bijv. "15:30", of in woorden, bijv. "na afloop van de vergadering van het dagelijks bestuur" (aanvang)');
    expect(r.stderr).toMatch(/ab-2020-10-01\.yaml:\d+:11: error: `openng` is hier niet toegestaan; toegestaan: opening, .*; bedoelt u `opening`\? \(punten\[0\]\.vast\)/);
  });
});
