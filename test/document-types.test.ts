import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fillSkeleton, fixture, readText, ROOT, run, tempDir, messagesIn } from "./helpers.js";
import { REGISTRY } from "./registry.js";
import { needs, VALIDATE_DOCX } from "./ooxml.js";
import { spawnSync } from "node:child_process";

// Written about behaviour, with the English messages (`--lang en`); test/language.test.ts has the Dutch ones.
messagesIn("en");

/**
 * Document types declared as data (templates/<type>/type.yaml): a type that only this test
 * declares goes through every command, with no code of its own; declarations are checked like
 * data; a type extends another by declaring the difference; templates are checked against the
 * fields their type declares.
 */

const xmllint = needs("xmllint", "python3", VALIDATE_DOCX);

/** A project with the fixture type `memo` in its templates/ folder and its example in data/. */
function memoProject(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "templates"), { recursive: true });
  mkdirSync(join(dir, "data"), { recursive: true });
  cpSync(fixture("types", "memo"), join(dir, "templates", "memo"), { recursive: true });
  cpSync(fixture("types", "memo-voorbeeld.yaml"), join(dir, "data", "memo.yaml"));
  return dir;
}

const declare = (dir: string, name: string, text: string) => {
  mkdirSync(join(dir, "templates", name), { recursive: true });
  writeFileSync(join(dir, "templates", name, "type.yaml"), text);
};

describe("a type declared only in a fixture, through every command", () => {
  it("types lists it with where it is declared; schema gives its Dutch labels and examples", async () => {
    const dir = memoProject();
    const types = await run(["types"], { cwd: dir });
    expect(types.code).toBe(0);
    expect(types.stdout).toMatch(/^memo\s+Memo aan het managementteam \(templates\/memo\/type\.yaml\)$/m);
    expect(types.stdout).toMatch(/^ab-voorstel\s+/m);
    const schema = JSON.parse((await run(["schema", "memo"], { cwd: dir })).stdout) as { properties: Record<string, { title?: string; description?: string; examples?: unknown[] }>; additionalProperties: boolean };
    expect(schema.properties.afzender?.title).toBe("Van");
    expect(schema.properties.kern?.title).toBe("Kernboodschap");
    expect(schema.properties.kern?.examples).toEqual(["De koffieautomaat is kapot."]);
    expect(schema.properties.onderwerp?.description).toBe("Waar de memo over gaat");
    expect(schema.additionalProperties).toBe(false);
    // The example is valid against it, as an editor would check it.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(parse(readText(join(dir, "data", "memo.yaml"))))).toBe(true);
    expect(validate({ ...(parse(readText(join(dir, "data", "memo.yaml"))) as object), kleur: "rood" })).toBe(false);
  });

  it("new --type memo writes its skeleton; filled in, check passes", async () => {
    const dir = memoProject();
    const made = await run(["new", "--type", "memo", "--out", "data/nieuw.yaml"], { cwd: dir });
    expect(made.code).toBe(0);
    const text = readText(join(dir, "data", "nieuw.yaml"));
    expect(text).toContain("\ntype: memo\n");
    // Editors are pointed at the project's own schema/ folder (`schema memo --out` writes it there).
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/memo.schema.json");
    expect(text).toContain("# Waar de memo over gaat");
    const open = await run(["check", "data/nieuw.yaml"], { cwd: dir });
    expect(open.code).toBe(1);
    expect(open.stderr).toMatch(/data\/nieuw\.yaml:\d+:\d+: error: still to be filled in: <<vul in: onderwerp>>/);
    const filled = text
      .replace(/"<<datum JJJJ-MM-DD: [^"]*>>"/g, "2026-12-01")
      .replace(/"<<vul in: ([^"]*)>>"/g, (_m, what: string) => `Tekst voor ${what}`)
      .replace(/"<<kies: ([^|"]*?) \|[^"]*>>"/g, (_m, first: string) => first);
    writeFileSync(join(dir, "data", "nieuw.yaml"), filled);
    const ok = await run(["check", "data/nieuw.yaml"], { cwd: dir });
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
  });

  it("check reports a mistake in a memo with its position and a hint, in the type's words", async () => {
    const dir = memoProject();
    const text = readText(join(dir, "data", "memo.yaml")).replace("status: concept\n", "").replace("uitkomst: akkoord", "uitkomst: akord").replace("urgent: ja", "urgnt: ja");
    writeFileSync(join(dir, "data", "memo.yaml"), text);
    const r = await run(["check", "data/memo.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/memo\.yaml:5:1: error: unknown key `urgnt`; did you mean `urgent`\?/);
    expect(r.stderr).toMatch(/data\/memo\.yaml:11:57: error: `akord` is not allowed here; allowed: akkoord, aangehouden, niet akkoord; did you mean `akkoord`\? \(route\[0\]\.uitkomst\)/);
    const missing = readText(join(dir, "data", "memo.yaml")).replace(/^kern: \|\n.*\n/m, "").replace("urgnt", "urgent").replace("akord", "akkoord");
    writeFileSync(join(dir, "data", "memo.yaml"), missing);
    expect((await run(["check", "data/memo.yaml"], { cwd: dir })).stderr).toContain("error: missing required field `kern`");
  });

  it("build writes its .docx, HTML and text with the declared headings; text reads the .docx back the same", async () => {
    const dir = memoProject();
    const r = await run(["build", "data", "--format", "docx,html,text", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readText(join(dir, "o", "memo.txt"));
    for (const heading of ["Kernboodschap\n---", "Route\n---", "Aandachtspunten\n---", "Gevraagd besluit\n---", "Parafen\n---", "Toelichting\n---"]) expect(text).toContain(heading);
    expect(text).toContain("Van: P. de Vries, facilitair adviseur, p.devries@example.nl");
    expect(text).toContain("Geraamde kosten: € 1.250,50");
    expect(text).toContain("Spoed: ja");
    // A single beslispunt is printed without a number, its sub-points lettered, then its closing text.
    expect(text).toMatch(/Het MT besluit:\n\nTwee nieuwe automaten te kopen\n\na\. bij leverancier A\nb\. voor ten hoogste het geraamde bedrag\n\nen dit te melden aan de ondernemingsraad\./);
    // The sign-off block shows the columns its rows use.
    expect(text).toContain("Eenheid | Functie | Naam | Datum\nFacilitair | teamleider | A. Bos | 2 december 2026");
    const html = readText(join(dir, "o", "memo.html"));
    expect(html).toMatch(/<h2 id="[^"]*">Kernboodschap<\/h2>/);
    expect(html).toContain('<a href="mailto:p.devries@example.nl">');
    const fromDocx = await run(["text", "o/memo.docx"], { cwd: dir });
    const fromYaml = await run(["text", "data/memo.yaml"], { cwd: dir });
    expect(fromDocx.code).toBe(0);
    expect(fromDocx.stdout).toBe(fromYaml.stdout);
    if (!xmllint.skip) {
      const v = spawnSync(VALIDATE_DOCX, [join(dir, "o", "memo.docx")], { encoding: "utf8" });
      expect(v.stdout + v.stderr).toMatch(/^OK/);
    }
  });

  it("diff shows a changed field of a memo as a change", async () => {
    const dir = memoProject();
    const older = join(dir, "oud.yaml");
    writeFileSync(older, readText(join(dir, "data", "memo.yaml")));
    writeFileSync(join(dir, "data", "memo.yaml"), readText(older).replace("kosten: 1250.5", "kosten: 1400").replace("[Stroomverbruik, Onderhoudscontract]", "[Stroomverbruik]"));
    const r = await run(["diff", "oud.yaml", "data/memo.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\.250,50/);
    expect(r.stdout).toMatch(/1\.400/);
    expect(r.stdout).toMatch(/Onderhoudscontract/);
  });

  it("goes on an agenda like a voorstel: listed under its title, stamped with its number", async () => {
    const dir = memoProject();
    mkdirSync(join(dir, "data", "meetings"), { recursive: true });
    writeFileSync(
      join(dir, "data", "meetings", "mt.yaml"),
      "organisatie: Testorganisatie\norgaan: Managementteam\ndatum: 2026-12-10\naanvang: \"10:00\"\nlocatie: Stadskantoor\nvoorzitter: J. de Boer\npunten:\n  - vast: opening\n  - voorstel: ../memo.yaml\n",
    );
    const r = await run(["agenda", "data/meetings/mt.yaml", "--format", "docx,html", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((await run(["text", "o/agenda.docx"], { cwd: dir })).stdout).toContain("2 | Nieuwe koffieautomaat");
    const stamped = (await run(["text", "o/memo.docx"], { cwd: dir })).stdout;
    expect(stamped).toContain("Kernboodschap");
    expect(readText(join(dir, "o", "memo.html"))).toContain("agendapunt 2");
  });

  it("a house style's standaardtype makes files without `type:` documents of that type", async () => {
    const dir = memoProject();
    writeFileSync(join(dir, "data", "huisstijl.yaml"), "standaardtype: memo\n");
    writeFileSync(join(dir, "data", "memo.yaml"), readText(join(dir, "data", "memo.yaml")).replace("type: memo\n", ""));
    const r = await run(["build", "data/memo.yaml", "--format", "text", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(readText(join(dir, "o", "memo.txt"))).toContain("Kernboodschap");
    writeFileSync(join(dir, "data", "huisstijl.yaml"), "standaardtype: mmo\n");
    const bad = await run(["check", "data/huisstijl.yaml"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("data/huisstijl.yaml:1:16: error: unknown type `mmo`; did you mean `memo`?");
  });
});

describe("every built-in type, end to end", () => {
  const EXAMPLES: Record<string, string> = {
    "ab-voorstel": "data/proposals/vervanging-tankautospuiten.yaml",
    raadsvoorstel: "data/gemeente/raadsvoorstel-speelruimteplan.yaml",
    collegevoorstel: "data/gemeente/collegevoorstel-gunning-speeltoestellen.yaml",
    raadsinformatiebrief: "data/gemeente/raadsinformatiebrief-vernieuwing-speelplekken.yaml",
    besluit: "data/besluiten/besluit-begrotingswijziging-2021.yaml",
  };
  it("each has an example in data/", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(REGISTRY.types.filter((t) => t.builtin).map((t) => t.name).sort());
  });

  it.each(Object.entries(EXAMPLES))("%s: new writes a skeleton that, filled in, checks and builds", async (type) => {
    const dir = tempDir();
    expect((await run(["new", "--type", type, "--out", "d.yaml"], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, "d.yaml"), fillSkeleton(readText(join(dir, "d.yaml"))));
    const r = await run(["build", "d.yaml", "--format", "docx,html,text", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((await run(["text", "o/d.docx"], { cwd: dir })).stdout).toBe(readText(join(dir, "o", "d.txt")));
  });

  it.each(Object.entries(EXAMPLES))("%s: its example builds, reads back from its .docx, and a change shows in diff", async (type, example) => {
    const dir = tempDir();
    const r = await run(["build", join(ROOT, example), "--format", "docx,text", "--out", dir]);
    expect(r.code).toBe(0);
    const name = example.split("/").pop()!.replace(/\.yaml$/, "");
    expect(readText(join(dir, `${name}.txt`)).length).toBeGreaterThan(800);
    expect((await run(["text", join(dir, `${name}.docx`)])).stdout).toBe(readText(join(dir, `${name}.txt`)));
    if (!xmllint.skip) expect(spawnSync(VALIDATE_DOCX, [join(dir, `${name}.docx`)], { encoding: "utf8" }).stdout).toMatch(/^OK/);
    // In a project of its own (its folder, with its house style and bijlagen): two versions.
    const project = tempDir();
    cpSync(join(ROOT, dirname(example)), join(project, dirname(example)), { recursive: true });
    const source = readText(join(ROOT, example));
    if (type !== "ab-voorstel") expect(source).toMatch(new RegExp(`^type: ${type}$`, "m")); // the default type needs none
    const title = (parse(source) as Record<string, unknown>)[REGISTRY.types.find((t) => t.name === type)!.titel] as string;
    writeFileSync(join(project, "old.yaml"), source);
    writeFileSync(join(project, example), source.replace(title, `${title} (herzien)`));
    const d = await run(["diff", "old.yaml", example], { cwd: project });
    expect(d.stderr).toBe("");
    expect(d.code).toBe(0);
    expect(d.stdout).toContain("herzien");
  });

  it("the raadsvoorstel reads as one: its own lead sentence, the college's signature and the draft raadsbesluit", async () => {
    const text = (await run(["text", "data/gemeente/raadsvoorstel-speelruimteplan.yaml"])).stdout;
    expect(text).toContain("De raad wordt voorgesteld te besluiten:");
    expect(text).toContain("Raadsbesluit");
    expect(text).not.toContain("Het algemeen bestuur wordt verzocht:");
  });
});

describe("what a declaration says holds for the documents", () => {
  it("a ja/nee default reads as a written value does (`standaard: nee` is false in templates)", async () => {
    const dir = tempDir();
    declare(dir, "t", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst }\n  datum: { soort: datum }\n  spoed: { soort: janee, standaard: nee }\n");
    mkdirSync(join(dir, "templates", "t", "partials"), { recursive: true });
    writeFileSync(join(dir, "templates", "t", "partials", "gegeven-spoed.hbs"), "{{#if @root.spoed}}<dt>Spoed</dt><dd>SPOED</dd>{{/if}}\n");
    writeFileSync(join(dir, "d.yaml"), "type: t\nonderwerp: Iets\ndatum: 2026-01-01\n");
    const r = await run(["build", "d.yaml", "--format", "text", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(readText(join(dir, "o", "d.txt"))).not.toContain("SPOED");
    writeFileSync(join(dir, "d.yaml"), "type: t\nonderwerp: Iets\ndatum: 2026-01-01\nspoed: ja\n");
    await run(["build", "d.yaml", "--format", "text", "--out", "o"], { cwd: dir });
    expect(readText(join(dir, "o", "d.txt"))).toContain("SPOED");
  });

  it("a skeleton gives a list its minimum and a required group a field, so filled in it checks", async () => {
    const dir = tempDir();
    declare(dir, "t", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst }\n  datum: { soort: datum }\nsecties:\n  handtekeningen: { soort: ondertekening, min: 2 }\n  extra:\n    soort: groep\n    velden:\n      a: { soort: proza, verplicht: nee }\n      b: { soort: proza, verplicht: nee }\n");
    const made = await run(["new", "--type", "t"], { cwd: dir });
    expect(made.stdout.match(/^ {2}- *$|^ {2}- functie:/gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
    writeFileSync(join(dir, "d.yaml"), fillSkeleton(made.stdout));
    const r = await run(["check", "d.yaml"], { cwd: dir });
    expect(r.stderr).toBe("");
  });
});

describe("a declaration is checked like data", () => {
  const cases: [string, string, RegExp][] = [
    ["an unknown kind, with a hint", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst }\n  datum: { soort: datm }\n", /templates\/t\/type\.yaml:4:19: error: `datm` is not allowed here; allowed: tekst, proza, datum, .*; did you mean `datum`\?/],
    ["an option of another kind", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst, waarden: [a] }\n  datum: { soort: datum }\n", /templates\/t\/type\.yaml:3:\d+: error: `waarden` belongs to soort keuze, not to tekst/],
    ["a choice without values", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst }\n  datum: { soort: datum }\n  fase: { soort: keuze }\n", /templates\/t\/type\.yaml:5:\d+: error: a keuze has `waarden`/],
    ["a field with a fixed meaning of the wrong kind", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst }\n  vergaderdatum: { soort: tekst }\n", /templates\/t\/type\.yaml:4:18: error: `vergaderdatum` has a fixed meaning \(meetings read it\): its soort is datum, not tekst/],
    ["a default that does not fit", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst }\n  datum: { soort: datum }\n  spoed: { soort: janee, standaard: misschien }\n", /templates\/t\/type\.yaml:5:\d+: error: the standaard value does not fit a janee/],
    ["no title field", "omschrijving: x\ngegevens:\n  naam: { soort: tekst }\n  datum: { soort: datum }\n", /templates\/t\/type\.yaml:1:1: error: the title field `onderwerp` is not declared/],
    ["no date", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst }\n", /templates\/t\/type\.yaml:1:1: error: a type needs a required date among its gegevens/],
    ["an unknown base, with a hint", "omschrijving: x\nbasis: ab-voorsel\n", /templates\/t\/type\.yaml:2:8: error: no type `ab-voorsel` to extend; did you mean `ab-voorstel`\?/],
    ["dropping what the base does not have", "omschrijving: x\nbasis: ab-voorstel\nsecties:\n  kantekeningen: weg\n", /templates\/t\/type\.yaml:4:18: error: `kantekeningen: weg` drops a field of the base type, but it has no `kantekeningen` in secties; did you mean `kanttekeningen`\?/],
    ["a new field without a kind", "omschrijving: x\nbasis: ab-voorstel\nsecties:\n  route: { label: Route }\n", /templates\/t\/type\.yaml:4:10: error: new field `route` needs a `soort`/],
    ["a reserved name", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst }\n  datum: { soort: datum }\n  huisstijl: { soort: tekst }\n", /templates\/t\/type\.yaml:5:\d+: error: `huisstijl` is a word templates use/],
  ];
  it.each(cases)("%s: a positioned error in the declaration, for check and for a document of the type", async (_name, declaration, message) => {
    const dir = tempDir();
    declare(dir, "t", declaration);
    writeFileSync(join(dir, "d.yaml"), "type: t\nonderwerp: x\n");
    const own = await run(["check", "templates/t/type.yaml"], { cwd: dir });
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(message);
    const doc = await run(["check", "d.yaml"], { cwd: dir });
    expect(doc.code).toBe(1);
    expect(doc.stderr).toMatch(message);
    expect(doc.stderr).toContain("d.yaml:1:1: error: type `t` cannot be used: its declaration has problems");
    expect(doc.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it("the built-in declarations pass check", async () => {
    const r = await run(["check", "templates/ab-voorstel/type.yaml"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("extend, don't copy: a type declares only its difference from another", () => {
  const EXTENSION = `omschrijving: Voorstel van de GGD aan het algemeen bestuur
basis: ab-voorstel
gegevens:
  fatale_datum: { soort: datum, verplicht: nee, na: vergaderdatum, label: Fatale datum }
  stellers: { soort: lijst, van: { soort: persoon }, verplicht: nee }
secties:
  route:
    soort: rijen
    na: voorstel
    kolommen:
      orgaan: { soort: tekst }
      datum: { soort: datum }
      uitkomst: { soort: tekst, verplicht: nee }
  kanttekeningen: weg
  inleiding: { label: Aanleiding }
  paraaf: { soort: ondertekening, label: Paraaf }
`;
  const withExtension = () => {
    const dir = tempDir();
    declare(dir, "ggd-voorstel", EXTENSION);
    const seed = readText(fixture("check", "minimal.yaml"))
      .replace(/^kanttekeningen:.*\n(  .*\n)*/m, "")
      .concat("route:\n  - { orgaan: MT, datum: 2026-01-05, uitkomst: akkoord }\n  - { orgaan: DB, datum: 2026-01-20 }\nparaaf:\n  - { functie: directeur publieke gezondheid, naam: dr. E. Smit }\nfatale_datum: 2026-04-01\nstellers:\n  - { naam: A. Jansen, telefoon: \"06 1234 5678\" }\n  - { naam: B. Peters, email: b.peters@example.nl }\n");
    writeFileSync(join(dir, "p.yaml"), `type: ggd-voorstel\n${seed}`);
    return dir;
  };

  it("adds a route and a paraaf, drops a section and renames a heading, through the base's templates", async () => {
    const dir = withExtension();
    const types = await run(["types"], { cwd: dir });
    expect(types.stdout).toMatch(/^ggd-voorstel\s+.*; extends ab-voorstel\)$/m);
    const r = await run(["build", "p.yaml", "--format", "text", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe("");
    const text = readText(join(dir, "o", "p.txt"));
    expect(text).not.toContain("Kanttekeningen");
    expect(text).toContain("Aanleiding\n----------");
    expect(text).not.toContain("Inleiding\n");
    expect(text).toContain("Fatale datum: 1 april 2026");
    expect(text).toMatch(/Stellers: A\. Jansen, 06 1234 5678; B\. Peters, b\.peters@example\.nl/);
    // In declared order: the route right after the voorstel, the paraaf at the end.
    expect(text.indexOf("Route\n-----")).toBeGreaterThan(text.indexOf("Voorstel\n--------"));
    expect(text.indexOf("Route\n-----")).toBeLessThan(text.indexOf("Afstemming\n"));
    expect(text).toContain("MT | 5 januari 2026 | akkoord");
    expect(text.indexOf("Paraaf\n------")).toBeGreaterThan(text.indexOf("Communicatie\n"));
    // The base's own layout is kept: its lead sentence, its metadata lines.
    expect(text).toContain("Het algemeen bestuur wordt verzocht:");
  });

  it("a dropped field that the base's template prints is an error at that template's line", async () => {
    const dir = withExtension();
    writeFileSync(join(dir, "templates", "ggd-voorstel", "type.yaml"), EXTENSION.replace("gegevens:\n", "gegevens:\n  versie: weg\n"));
    const text = readText(join(dir, "p.yaml")).replace(/^versie:\n(  .*\n)*/m, "");
    writeFileSync(join(dir, "p.yaml"), text);
    const r = await run(["check", "p.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/templates\/ab-voorstel\/proposal\.hbs:\d+:\d+: error: the template prints `versie\.datum`, which type `ggd-voorstel` does not declare/);
  });
});

describe("templates are checked against their type's fields", () => {
  it("an undeclared field is an error at the template's line; an unprinted one a warning at the declaration", async () => {
    const dir = memoProject();
    writeFileSync(
      join(dir, "templates", "memo", "proposal.hbs"),
      '<meta name="title" content="{{onderwerp}}">\n<meta name="language" content="nl-NL">\n<meta name="date" content="{{datum}}">\n<h1>{{onderwerp}}</h1>\n{{md kern}}\n<p>{{kostenplaats}}</p>\n',
    );
    const r = await run(["check", "data/memo.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("templates/memo/proposal.hbs:6:6: error: the template prints `kostenplaats`, which type `memo` does not declare");
    writeFileSync(join(dir, "templates", "memo", "proposal.hbs"), readText(join(dir, "templates", "memo", "proposal.hbs")).replace("<p>{{kostenplaats}}</p>\n", ""));
    const w = await run(["check", "data/memo.yaml"], { cwd: dir });
    expect(w.code).toBe(0);
    expect(w.stderr).toMatch(/templates\/memo\/type\.yaml:7:3: warning: `afzender` is declared but no template prints it \(templates\/memo\/proposal\.hbs and its partials\)/);
    expect(w.stderr).not.toMatch(/`kern` is declared but/);
    expect(w.stdout).toMatch(/no errors; \d+ warnings/);
  });

  it("a field's own partial is checked too, and prints that field", async () => {
    const dir = memoProject();
    mkdirSync(join(dir, "templates", "memo", "partials"), { recursive: true });
    writeFileSync(join(dir, "templates", "memo", "partials", "gegeven-kosten.hbs"), "{{#if aanwezig}}<dt>{{label}}</dt><dd>{{waarde this}} (incl. btw, {{@root.btw}})</dd>{{/if}}\n");
    const r = await run(["check", "data/memo.yaml"], { cwd: dir });
    expect(r.stderr).toContain("templates/memo/partials/gegeven-kosten.hbs:1:69: error: the template prints `btw`, which type `memo` does not declare");
    writeFileSync(join(dir, "templates", "memo", "partials", "gegeven-kosten.hbs"), "{{#if aanwezig}}<dt>{{label}}</dt><dd>{{waarde this}} (incl. btw)</dd>{{/if}}\n");
    const ok = await run(["build", "data/memo.yaml", "--format", "text", "--out", "o"], { cwd: dir });
    expect(ok.stderr).toBe("");
    expect(readText(join(dir, "o", "memo.txt"))).toContain("Geraamde kosten: € 1.250,50 (incl. btw)");
  });
});


describe("prose that a type lets grow", () => {
  it("headings (one level below the section's) and lettered lists, only where the type says so", async () => {
    const dir = tempDir();
    declare(dir, "t", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst }\n  datum: { soort: datum }\nsecties:\n  toelichting: { soort: proza, koppen: ja, letters: ja }\n  kort: { soort: proza }\n");
    const prose = "# Achtergrond\\n\\nDe aanleiding.\\n\\na. eerst dit;\\nb. dan dat.\\n\\n## Detail\\n\\nMeer.";
    writeFileSync(join(dir, "d.yaml"), `type: t\nonderwerp: Iets\ndatum: 2026-01-01\ntoelichting: "${prose}"\nkort: "${prose}"\n`);
    const r = await run(["build", "d.yaml", "--format", "html,docx,text", "--out", "o"], { cwd: dir });
    expect(r.stderr).toBe("");
    const html = readText(join(dir, "o", "d.html"));
    const [allowed, plain] = html.split(/<h2 id="[^"]*">Kort<\/h2>/) as [string, string];
    expect(allowed).toMatch(/<h3 id="[^"]*">Achtergrond<\/h3>/);
    expect(allowed).toMatch(/<h4 id="[^"]*">Detail<\/h4>/);
    expect(allowed).toMatch(/<ol type="a">\s*<li>eerst dit;<\/li>\s*<li>dan dat\.<\/li>\s*<\/ol>/);
    // Where the type does not allow them, they stay text as written.
    expect(plain).toContain("# Achtergrond");
    expect(plain).not.toContain("<h3");
    const text = readText(join(dir, "o", "d.txt"));
    expect(text).toContain("a. eerst dit;\nb. dan dat.");
    if (!xmllint.skip) expect(spawnSync(VALIDATE_DOCX, [join(dir, "o", "d.docx")], { encoding: "utf8" }).stdout).toMatch(/^OK/);
  });

  it("an option of prose on another kind is a positioned error", async () => {
    const dir = tempDir();
    declare(dir, "t", "omschrijving: x\ngegevens:\n  onderwerp: { soort: tekst, koppen: ja }\n  datum: { soort: datum }\n");
    const r = await run(["check", "templates/t/type.yaml"], { cwd: dir });
    expect(r.stderr).toMatch(/templates\/t\/type\.yaml:3:\d+: error: `koppen` belongs to soort proza, not to tekst/);
  });
});
