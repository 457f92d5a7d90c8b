import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TemplateError } from "../src/diagnostics/template-error.js";
import { checkFields, fieldsUsed, type FieldUse, type TemplateSource } from "../src/template/field-use.js";

// Not test/helpers.ts: that imports the whole CLI, and this test needs only templates.
const TEMPLATES = fileURLToPath(new URL("../templates", import.meta.url));
const IGNORE = ["huisstijl", "agenda", "documenttype"];

/** Sources from files named relative to templates/: `x.hbs` is a template, `…/partials/x.hbs` a partial. */
const sourcesOf = (files: readonly (readonly [string, string])[]): TemplateSource[] =>
  files.map(([file, text]) => ({ name: basename(file, ".hbs"), file, text, partial: dirname(file).endsWith("partials") }));
const pinned = (prefix: string) => sourcesOf(Object.entries(AT_HEAD).filter(([f]) => (prefix ? f.startsWith(prefix) : !f.includes("/") || f.startsWith("partials/"))));
/** The built-in voorstel layout and partials, as written for the schema below (see AT_HEAD). */
const builtin = () => pinned("");
/** An override folder first (the first source of a name wins), the built-in templates filling in the rest. */
const overridden = (folder: string) => [...pinned(`${folder}/`), ...builtin()];
/** The built-in partials with a top-level template `main` written here. */
const withMain = (text: string, extra: TemplateSource[] = []): TemplateSource[] => [{ name: "main", file: "main.hbs", text, partial: false }, ...extra, ...builtin()];

/** A template folder on disk as sources, named relative to templates/. */
function folder(dir: string): TemplateSource[] {
  const read = (sub: string) =>
    (existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)) : []).filter((f) => f.endsWith(".hbs")).sort().map((f) => [relative(TEMPLATES, join(dir, sub, f)), readFileSync(join(dir, sub, f), "utf8")] as const);
  return sourcesOf([...read(""), ...read("partials")]);
}

const paths = (uses: readonly FieldUse[]) => [...new Set(uses.map((u) => u.path.join(".")))];
const pathsIn = (uses: readonly FieldUse[], file: string) => paths(uses.filter((u) => u.file.endsWith(file)));

/**
 * The shape of a proposal (voorstel) as the built-in templates are written for: the zod schema
 * that src/model/proposal.ts held before types were declared. A copy here, so this test is about
 * the analysis and not about how a type's schema is made.
 */
const leeg = <T extends z.ZodType>(s: T) => z.union([z.literal("leeg"), s]);
const line = z.string().trim().min(1);
interface BeslispuntObject {
  tekst: string;
  subpunten?: Beslispunt[] | undefined;
}
type Beslispunt = string | BeslispuntObject;
const Beslispunt: z.ZodType<Beslispunt> = z.lazy(() => z.union([line, z.strictObject({ tekst: line, subpunten: z.array(Beslispunt).min(1).optional() })]));
const Tabel = z.strictObject({ bijschrift: line.optional(), kolommen: z.array(line), rijen: z.array(z.array(line)) }).superRefine(() => {});
const Proposal = z.strictObject({
  type: z.enum(["ab-voorstel"]).optional(),
  organisatie: line,
  orgaan: line,
  vergaderdatum: z.iso.date(),
  agendapunt: line.optional(),
  registratienummer: line.optional(),
  onderwerp: line,
  portefeuillehouder: line,
  steller: z.strictObject({ naam: line, email: z.email().optional(), telefoon: line.optional() }),
  behandelwijze: z.enum(["ter besluitvorming", "ter bespreking"]),
  hamerstuk: z.boolean().default(false),
  openbaarheid: z.enum(["openbaar", "besloten"]).default("openbaar"),
  embargo: z.iso.date().optional(),
  versie: z.strictObject({ label: line, datum: z.iso.date() }),
  bijlagen: z
    .array(
      z.strictObject({
        titel: line,
        bestand: line.optional(),
        besloten: z.boolean().optional(),
        inhoud: z.array(z.union([line, z.strictObject({ tabel: Tabel })])).optional(),
      }),
    )
    .default([]),
  voorstel: z.strictObject({ aanhef: line.optional(), beslispunten: z.array(Beslispunt).min(1) }),
  afstemming: leeg(z.array(z.strictObject({ met: line, datum: z.iso.date(), standpunt: line }))),
  samenvatting: line.optional(),
  inleiding: leeg(line),
  beoogd_effect: leeg(line),
  argumenten: leeg(line),
  kanttekeningen: leeg(line),
  alternatieven: line.optional(),
  consequenties: leeg(z.strictObject({ financieel: leeg(line), personeel: leeg(line), juridisch: leeg(line), informatievoorziening: leeg(line) })),
  vervolg: leeg(line),
  communicatie: leeg(z.strictObject({ intern: leeg(line), extern: leeg(line) })),
  besluit: line.optional(),
});

describe("fieldsUsed and checkFields: the fields templates read", () => {
  it("the built-in proposal template and its partials read only declared fields, and read them all", () => {
    const uses = fieldsUsed(builtin(), "proposal");
    expect(uses.length).toBeGreaterThan(50);
    expect(checkFields(uses, Proposal, IGNORE)).toEqual({ undeclared: [], unprinted: [] });
    // Through the partials too: metadata prints the embargo, nothing else does.
    expect(uses.filter((u) => u.path.join(".") === "embargo").map((u) => u.file)).toEqual(["partials/metadata.hbs", "partials/metadata.hbs"]);
  });

  it("a misspelt field is one undeclared use at its file, line and column", () => {
    const uses = fieldsUsed(withMain("<h1>{{onderwerp}}</h1>\n  <p>{{onderwep}}</p>"), "main");
    expect(checkFields(uses, Proposal, IGNORE).undeclared).toEqual([{ path: ["onderwep"], file: "main.hbs", line: 2, col: 8 }]);
    // …and the field it meant to print is reported as never printed.
    expect(checkFields(uses, Proposal, IGNORE).unprinted).toContain("voorstel");
  });

  it("a misspelt field inside a partial is reported in the partial's file", () => {
    const partial = { name: "kop", file: "partials/kop.hbs", text: "{{!-- x --}}\n<h2>{{titel}}</h2>", partial: true };
    const uses = fieldsUsed(withMain("{{> kop}}", [partial]), "main");
    expect(checkFields(uses, Proposal, IGNORE).undeclared).toEqual([{ path: ["titel"], file: "partials/kop.hbs", line: 2, col: 7 }]);
  });

  it("{{#each}} steps into the list's elements; its {{else}} keeps the outer context", () => {
    const uses = fieldsUsed(withMain("{{#each afstemming}}{{met}}{{else}}{{onderwerp}}{{/each}}"), "main");
    expect(paths(uses)).toEqual(["afstemming", "afstemming.*.met", "onderwerp"]);
  });

  it("{{#with}} enters an object, block params name the element, and {{#if}} keeps the context", () => {
    const text = "{{#with steller}}{{naam}}{{#if email}}{{email}}{{/if}}{{/with}}{{#each afstemming as |rij i|}}{{rij.met}}{{i}}{{standpunt}}{{/each}}";
    expect(paths(fieldsUsed(withMain(text), "main"))).toEqual(["steller", "steller.naam", "steller.email", "afstemming", "afstemming.*.met", "afstemming.*.standpunt"]);
  });

  it("helper names are not data; their arguments are, in sub-expressions and hashes too", () => {
    const text = '{{date vergaderdatum "numeriek"}}{{inc}}{{#if (or (leeg vervolg) hamerstuk)}}{{/if}}{{widths 1 2}}{{lookup steller "naam"}}';
    expect(paths(fieldsUsed(withMain(text), "main"))).toEqual(["vergaderdatum", "vervolg", "hamerstuk", "steller"]);
  });

  it("`../` climbs one block context (an {{#if}} is none), `@root` starts at the data, `@index` is not data", () => {
    const text = "{{#each bijlagen}}{{#each inhoud}}{{#if this}}{{../titel}}{{/if}}{{@root.onderwerp}}{{@index}}{{this}}{{/each}}{{/each}}";
    expect(paths(fieldsUsed(withMain(text), "main"))).toEqual(["bijlagen", "bijlagen.*.inhoud", "bijlagen.*.inhoud.*", "bijlagen.*.titel", "onderwerp"]);
  });

  it("a partial called with a context gets it as `this`; its hash maps names to the caller's fields (table in a bijlage)", () => {
    const uses = fieldsUsed(builtin(), "proposal");
    expect(pathsIn(uses, "partials/table.hbs")).toEqual([
      "bijlagen.*.inhoud.*.tabel.bijschrift",
      "bijlagen.*.titel", // caption=../titel
      "bijlagen.*.inhoud.*.tabel.kolommen",
      "bijlagen.*.inhoud.*.tabel.kolommen.*",
      "bijlagen.*.inhoud.*.tabel.rijen",
      "bijlagen.*.inhoud.*.tabel.rijen.*",
      "bijlagen.*.inhoud.*.tabel.rijen.*.*",
    ]);
  });

  it("the section partial reads the field the caller passed as `body`; a literal title or `body=\"leeg\"` is not data", () => {
    const uses = fieldsUsed(builtin(), "proposal");
    const section = uses.filter((u) => u.file === "partials/section.hbs");
    expect(paths(section)).toEqual([
      "inleiding",
      "beoogd_effect",
      "argumenten",
      "kanttekeningen",
      "consequenties.financieel",
      "consequenties.personeel",
      "consequenties.juridisch",
      "consequenties.informatievoorziening",
      "vervolg",
      "communicatie.intern",
      "communicatie.extern",
    ]);
    // `{{#unless (leeg body)}}{{md body}}{{/unless}}` is line 3 of section.hbs.
    expect(section.filter((u) => u.path.join(".") === "inleiding").map((u) => `${u.line}:${u.col}`)).toEqual(["3:17", "3:29"]);
    expect(paths(fieldsUsed(withMain('{{> section title="T" body="leeg" sub=true}}{{> section title=onderwerp body=inleiding.x}}'), "main"))).toEqual([
      "onderwerp",
      "inleiding.x",
    ]);
  });

  it("a name a partial is given in some call is a parameter where another call leaves it out, not a field", () => {
    // proposal.hbs passes `sub=true` to some sections: `{{#if sub}}` in the others reads no data.
    expect(paths(fieldsUsed(withMain('{{> section title="T" body=inleiding}}'), "main"))).toEqual(["inleiding"]);
    // When no call anywhere passes it, `sub` is the caller's field, as Handlebars would look it up.
    const section = builtin().filter((s) => s.name === "section");
    const uses = fieldsUsed(withMain('{{> section title="T" body=inleiding}}').slice(0, 1).concat(section), "main");
    expect(checkFields(uses, Proposal, IGNORE).undeclared).toEqual([{ path: ["sub"], file: "partials/section.hbs", line: 2, col: 7 }]);
  });

  it("the recursive beslispunten partial terminates and reads tekst and subpunten, level below level", () => {
    const uses = fieldsUsed(builtin(), "proposal");
    const read = pathsIn(uses, "partials/beslispunten.hbs");
    expect(read).toEqual(
      expect.arrayContaining(["voorstel.beslispunten", "voorstel.beslispunten.*", "voorstel.beslispunten.*.tekst", "voorstel.beslispunten.*.subpunten", "voorstel.beslispunten.*.subpunten.*.tekst"]),
    );
    // `type` is the hash's literal "1" (and `../type` the partial's own), never the document's `type:`.
    expect(paths(uses)).not.toContain("type");
    // A partial that calls itself with no new context terminates too.
    const loop = { name: "loop", file: "partials/loop.hbs", text: "{{onderwerp}}{{> loop}}{{#each bijlagen}}{{> loop}}{{/each}}", partial: true };
    expect(paths(fieldsUsed(withMain("{{> loop}}", [loop]), "main"))).toEqual(["onderwerp", "bijlagen", "bijlagen.*.onderwerp", "bijlagen.*.bijlagen"]);
  });

  it("a dynamic partial is not followed, but its arguments are read; an unknown partial adds nothing", () => {
    const p = { name: "p", file: "partials/p.hbs", text: "{{bogus}}", partial: true };
    const uses = fieldsUsed(withMain('{{> (lookup . "p") x=onderwerp}}{{> (lookup steller "naam")}}{{> missing y=orgaan}}', [p]), "main");
    expect(paths(uses)).toEqual(["onderwerp", "steller", "orgaan"]);
  });

  it("inline partials and partial blocks are followed in their context", () => {
    const text = '{{#*inline "rij"}}{{met}}{{/inline}}{{#each afstemming}}{{> rij}}{{/each}}{{#> missing}}{{orgaan}}{{/missing}}';
    expect(paths(fieldsUsed(withMain(text), "main"))).toEqual(["afstemming", "afstemming.*.met", "orgaan"]);
  });

  it("the raadsvoorstel set (built-in partials filling in) reads only declared fields, and never orgaan, embargo, besluit or voorstel.aanhef", () => {
    const uses = fieldsUsed(overridden("raadsvoorstel"), "proposal");
    // Its own proposal and partials, the built-in ones it does not override.
    expect(new Set(uses.map((u) => u.file))).toEqual(
      new Set([
        "raadsvoorstel/proposal.hbs",
        "raadsvoorstel/partials/metadata.hbs",
        "raadsvoorstel/partials/ondertekening.hbs",
        "partials/beslispunten.hbs",
        "partials/section.hbs",
        "partials/table.hbs",
      ]),
    );
    expect(checkFields(uses, Proposal, IGNORE)).toEqual({ undeclared: [], unprinted: ["orgaan", "embargo", "besluit"] });
    // Below the top level: the lead sentence is fixed text here, so `voorstel` counts as printed but its aanhef is not read.
    expect(paths(uses).filter((p) => p.startsWith("voorstel."))).not.toContain("voorstel.aanhef");
    expect(paths(uses)).toContain("voorstel.beslispunten");
  });

  it("`../` out of nested lists, and a partial called inside each level with the same name passed on", () => {
    const punt = { name: "punt", file: "partials/punt.hbs", text: "<td>{{nummer}}</td><td>{{titel}}{{#each bijlagen}}{{titel}}{{/each}}</td>", partial: true };
    const groep = { name: "groep", file: "partials/groep.hbs", text: '{{#if (eq sleutel "opening")}}Opening{{/if}}', partial: true };
    const text = "{{#each delen}}{{#if besloten}}B{{else}}{{#if ../meerdere_delen}}{{aanvang}}{{/if}}{{/if}}{{#each groepen}}{{> groep sleutel=sleutel}}{{#each punten}}{{> punt}}{{#each subpunten}}{{> punt}}{{/each}}{{/each}}{{/each}}{{/each}}";
    const uses = fieldsUsed(withMain(text, [punt, groep]), "main");
    expect(paths(uses)).toEqual(
      expect.arrayContaining(["meerdere_delen", "delen.*.aanvang", "delen.*.groepen.*.sleutel", "delen.*.groepen.*.punten.*.bijlagen.*.titel", "delen.*.groepen.*.punten.*.subpunten.*.titel"]),
    );
    expect(pathsIn(uses, "partials/groep.hbs")).toEqual(["delen.*.groepen.*.sleutel"]);
  });

  it("checkFields: prefixes, `leeg` alternatives, lists and `.length` are declared; deeper than text is not", () => {
    const use = (...path: string[]): FieldUse => ({ path, file: "t.hbs", line: 1, col: 1 });
    const ok = [
      use("voorstel"),
      use("consequenties", "financieel"),
      use("afstemming", "*", "met"),
      use("afstemming", "length"),
      use("onderwerp", "length"),
      use("voorstel", "beslispunten", "*", "subpunten", "*", "subpunten", "*", "tekst"),
      use("bijlagen", "*", "inhoud", "*", "tabel", "rijen", "*", "*"),
      use("huisstijl", "voettekst"),
      use("consequenties", "*"), // {{#each}} over an object: its values
    ];
    const bad = [use("onderwerp", "x"), use("onderwerp", "length", "x"), use("afstemming", "*", "naam"), use("voorstel", "aanhef", "x")];
    const result = checkFields([...ok, ...bad], Proposal, IGNORE);
    expect(result.undeclared).toEqual(bad);
    expect(result.unprinted).not.toContain("onderwerp");
    expect(result.unprinted).toContain("orgaan");
    expect(checkFields([], Proposal, ["orgaan"]).unprinted).not.toContain("orgaan");
    expect(checkFields([], Proposal, []).unprinted).not.toContain("type");
  });

  it("a template that does not parse is a template error at its file and line", () => {
    expect(() => fieldsUsed(withMain("<p>\n{{#if onderwerp}}\n{{/each}}"), "main")).toThrow(TemplateError);
    try {
      fieldsUsed(withMain("<p>\n{{#if onderwerp}}\n{{/each}}"), "main");
    } catch (e) {
      expect((e as TemplateError).diagnostic).toMatchObject({ file: "main.hbs", pos: { line: 2 } });
    }
    expect(() => fieldsUsed(builtin(), "nope")).toThrow(/no template named `nope`/);
  });

  it("every template in templates/ (each type's folder over the shared one) can be analysed, with uses inside their files", () => {
    const dirs = [TEMPLATES, ...readdirSync(TEMPLATES, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "partials").map((d) => join(TEMPLATES, d.name))];
    let analysed = 0;
    for (const dir of dirs) {
      const sources = dir === TEMPLATES ? folder(TEMPLATES) : [...folder(dir), ...folder(TEMPLATES)];
      const lines = new Map(sources.map((s) => [s.file, s.text.split("\n")]));
      for (const main of new Set(sources.filter((s) => !s.partial).map((s) => s.name))) {
        for (const use of fieldsUsed(sources, main)) {
          expect(lines.get(use.file)?.[use.line - 1]?.length ?? -1).toBeGreaterThanOrEqual(use.col);
        }
        analysed++;
      }
    }
    expect(analysed).toBeGreaterThanOrEqual(4);
  });
});

/**
 * The built-in voorstel templates and the raadsvoorstel example as they were written for the
 * proposal schema above (commit 237eee6), pinned here: the templates in templates/ now print a
 * document through its declared type, and change with it.
 */
const AT_HEAD: Readonly<Record<string, string>> = {
  "proposal.hbs": `{{!--
  Layout of a voorstel. This template decides the section order, headings, labels and fixed
  sentences; the data only fills them in. Markup vocabulary: src/tree/README.md.
--}}
<meta name="title" content="{{onderwerp}}">
<meta name="subject" content="Voorstel aan {{deOrgaan orgaan}}">
<meta name="author" content="{{steller.naam}}">
<meta name="description" content="{{behandelwijze}}{{#if hamerstuk}} (hamerstuk){{/if}}, vergadering van {{date vergaderdatum}}">
<meta name="keywords" content="{{organisatie}}; {{orgaan}}; voorstel">
<meta name="language" content="nl-NL">
<meta name="date" content="{{versie.datum}}">
<header>{{organisatie}} · {{orgaan}} · {{date vergaderdatum}}{{#if agendapunt}} · agendapunt {{agendapunt}}{{/if}}</header>
<footer>{{#if huisstijl.voettekst}}{{huisstijl.voettekst}} · {{/if}}Pagina <page-number></page-number> van <page-count></page-count></footer>

<h1>{{onderwerp}}</h1>
{{> metadata}}

<h2>Voorstel</h2>
<p>{{#if voorstel.aanhef}}{{mdInline voorstel.aanhef}}{{else}}{{DeOrgaan orgaan}} wordt verzocht:{{/if}}</p>
{{> beslispunten punten=voorstel.beslispunten type="1"}}

<h2>Afstemming</h2>
{{#if (leeg afstemming)}}
{{else}}
<table data-widths="{{widths 27 22 51}}">
  <caption>Afgestemd met</caption>
  <thead><tr><th>Afgestemd met</th><th>Datum</th><th>Standpunt/advies</th></tr></thead>
  <tbody>
  {{#each afstemming}}
    <tr><td>{{met}}</td><td>{{date datum}}</td><td>{{mdInline standpunt}}</td></tr>
  {{/each}}
  </tbody>
</table>
{{/if}}

{{#if samenvatting}}
<h2>Samenvatting</h2>
{{md samenvatting}}
{{/if}}
{{> section title="Inleiding" body=inleiding}}
{{> section title="Beoogd effect" body=beoogd_effect}}
{{> section title="Argumenten" body=argumenten}}
{{> section title="Kanttekeningen/risico’s" body=kanttekeningen}}
{{#if alternatieven}}
<h2>Alternatieven</h2>
{{md alternatieven}}
{{/if}}

<h2>Consequenties</h2>
{{#unless (leeg consequenties)}}
{{> section title="Financieel" body=consequenties.financieel sub=true}}
{{> section title="Personeel" body=consequenties.personeel sub=true}}
{{> section title="Juridisch" body=consequenties.juridisch sub=true}}
{{> section title="Informatievoorziening" body=consequenties.informatievoorziening sub=true}}
{{/unless}}

{{> section title="Vervolg (proces en uitvoering)" body=vervolg}}

<h2>Communicatie</h2>
{{#unless (leeg communicatie)}}
{{> section title="Intern" body=communicatie.intern sub=true}}
{{> section title="Extern" body=communicatie.extern sub=true}}
{{/unless}}

{{#if besluit}}
<h2>Besluit</h2>
{{md besluit}}
{{/if}}

{{#each bijlagen}}
{{#if inhoud}}
<hr>
<h2>Bijlage {{bijlagenummer @index}}: {{titel}}</h2>
{{#each inhoud}}
{{#if (isText this)}}{{md this}}{{else}}{{> table tabel caption=../titel}}{{/if}}
{{/each}}
{{/if}}
{{/each}}
`,
  "partials/metadata.hbs": `{{!-- The block of facts under the title. --}}
<dl>
  <dt>Aan</dt><dd>{{orgaan}}</dd>
  <dt>Vergaderdatum</dt><dd>{{date vergaderdatum}}</dd>
  {{#if agendapunt}}<dt>Agendapunt</dt><dd>{{agendapunt}}</dd>{{/if}}
  {{#if registratienummer}}<dt>Registratienummer</dt><dd>{{registratienummer}}</dd>{{/if}}
  <dt>Onderwerp</dt><dd>{{onderwerp}}</dd>
  <dt>Portefeuillehouder</dt><dd>{{portefeuillehouder}}</dd>
  <dt>Steller</dt><dd>{{steller.naam}}{{#if steller.email}}, <a href="mailto:{{steller.email}}">{{steller.email}}</a>{{/if}}{{#if steller.telefoon}}, {{steller.telefoon}}{{/if}}</dd>
  <dt>Behandelwijze</dt><dd>{{behandelwijze}}{{#if hamerstuk}} (hamerstuk){{/if}}</dd>
  <dt>Openbaarheid</dt><dd>{{openbaarheid}}{{#if embargo}}, embargo tot {{date embargo}}{{/if}}</dd>
  <dt>Versie</dt><dd>{{versie.label}} van {{date versie.datum}}</dd>
  <dt>Bijlagen</dt><dd>{{#each bijlagen}}{{#if @index}}<br>{{/if}}{{bijlagenummer @index}}. {{titel}}{{#if besloten}} (besloten){{/if}}{{else}}geen{{/each}}</dd>
</dl>
`,
  "partials/section.hbs": `{{!-- A prose section: heading, then its Markdown, or nothing when it is \`leeg\`. --}}
{{#if sub}}<h3>{{title}}</h3>{{else}}<h2>{{title}}</h2>{{/if}}
{{#unless (leeg body)}}{{md body}}{{/unless}}
`,
  "partials/beslispunten.hbs": `{{!-- Numbered beslispunten, with sub-points a, b, c and i, ii, iii below them. --}}
<ol type="{{type}}">
{{#each punten}}
  {{#if (isText this)}}
  <li>{{mdInline this}}</li>
  {{else}}
  <li><p>{{mdInline tekst}}</p>{{#if subpunten}}{{> beslispunten punten=subpunten type=(sublevel ../type)}}{{/if}}</li>
  {{/if}}
{{/each}}
</ol>
`,
  "partials/table.hbs": `{{!-- A table from the data: header row from \`kolommen\`, body from \`rijen\`. --}}
<table>
  <caption>{{#if bijschrift}}{{bijschrift}}{{else}}{{caption}}{{/if}}</caption>
  <thead><tr>{{#each kolommen}}<th>{{this}}</th>{{/each}}</tr></thead>
  <tbody>
  {{#each rijen}}
    <tr>{{#each this}}<td>{{mdInline this}}</td>{{/each}}</tr>
  {{/each}}
  </tbody>
</table>
`,
  "raadsvoorstel/proposal.hbs": `{{!--
  Raadsvoorstel: a proposal of burgemeester en wethouders to the gemeenteraad, followed by the
  draft raadsbesluit. Same data as the built-in voorstel; other order, labels and sentences.
--}}
<meta name="title" content="Raadsvoorstel: {{onderwerp}}">
<meta name="subject" content="Raadsvoorstel">
<meta name="author" content="{{steller.naam}}">
<meta name="description" content="Raadsvoorstel {{behandelwijze}}, raadsvergadering van {{date vergaderdatum}}">
<meta name="keywords" content="{{organisatie}}; raadsvoorstel">
<meta name="language" content="nl-NL">
<meta name="date" content="{{versie.datum}}">
<header>{{organisatie}} · raadsvergadering {{date vergaderdatum}}{{#if agendapunt}} · agendapunt {{agendapunt}}{{/if}}</header>
<footer>{{#if huisstijl.voettekst}}{{huisstijl.voettekst}} · {{/if}}Raadsvoorstel · pagina <page-number></page-number> van <page-count></page-count></footer>

<h1>Raadsvoorstel: {{onderwerp}}</h1>
{{> metadata}}

<h2>Voorgesteld besluit</h2>
<p>De raad wordt voorgesteld te besluiten:</p>
{{> beslispunten punten=voorstel.beslispunten type="1"}}

{{#if samenvatting}}
<h2>Samenvatting</h2>
{{md samenvatting}}
{{/if}}
{{> section title="Inleiding" body=inleiding}}
{{> section title="Beoogd effect" body=beoogd_effect}}
{{> section title="Argumenten" body=argumenten}}
{{> section title="Kanttekeningen" body=kanttekeningen}}
{{#if alternatieven}}
<h2>Alternatieven</h2>
{{md alternatieven}}
{{/if}}
{{#if (leeg consequenties)}}
{{> section title="Financiën" body="leeg"}}
{{else}}
{{> section title="Financiën" body=consequenties.financieel}}
{{#unless (leeg consequenties.juridisch)}}{{> section title="Juridische aspecten" body=consequenties.juridisch}}{{/unless}}
{{#unless (leeg consequenties.personeel)}}{{> section title="Personele gevolgen" body=consequenties.personeel}}{{/unless}}
{{/if}}
{{> section title="Uitvoering" body=vervolg}}
{{#unless (leeg communicatie)}}
<h2>Communicatie en participatie</h2>
{{#unless (leeg communicatie.intern)}}{{md communicatie.intern}}{{/unless}}
{{#unless (leeg communicatie.extern)}}{{md communicatie.extern}}{{/unless}}
{{/unless}}

<h2>Advies en afstemming</h2>
{{#if (leeg afstemming)}}
<p>Over dit voorstel is niet afgestemd.</p>
{{else}}
<table data-widths="{{widths 30 20 50}}">
  <caption>Gevraagde adviezen</caption>
  <thead><tr><th>Adviesorgaan</th><th>Datum</th><th>Advies</th></tr></thead>
  <tbody>
  {{#each afstemming}}
    <tr><td>{{met}}</td><td>{{date datum}}</td><td>{{mdInline standpunt}}</td></tr>
  {{/each}}
  </tbody>
</table>
{{/if}}

{{> ondertekening}}

<hr>
<h2>Raadsbesluit</h2>
<p>De raad van de {{lcfirst organisatie}};</p>
<p>gelezen het voorstel van burgemeester en wethouders van {{date versie.datum}} over {{lcfirst onderwerp}};</p>
<p><strong>besluit:</strong></p>
{{> beslispunten punten=voorstel.beslispunten type="1"}}
<p>Aldus vastgesteld in de openbare vergadering van {{date vergaderdatum}}.</p>
<p>De griffier, De voorzitter,</p>

{{#each bijlagen}}
{{#if inhoud}}
<hr>
<h2>Bijlage {{bijlagenummer @index}}: {{titel}}</h2>
{{#each inhoud}}
{{#if (isText this)}}{{md this}}{{else}}{{> table tabel caption=../titel}}{{/if}}
{{/each}}
{{/if}}
{{/each}}
`,
  "raadsvoorstel/partials/metadata.hbs": `{{!-- The raadsvoorstel's facts, with the labels a griffie uses. --}}
<dl>
  <dt>Raadsvergadering</dt><dd>{{date vergaderdatum}}</dd>
  {{#if agendapunt}}<dt>Agendapunt</dt><dd>{{agendapunt}}</dd>{{/if}}
  {{#if registratienummer}}<dt>Zaaknummer</dt><dd>{{registratienummer}}</dd>{{/if}}
  <dt>Portefeuillehouder</dt><dd>{{portefeuillehouder}}</dd>
  <dt>Contactpersoon</dt><dd>{{steller.naam}}{{#if steller.telefoon}}, {{steller.telefoon}}{{/if}}{{#if steller.email}}, <a href="mailto:{{steller.email}}">{{steller.email}}</a>{{/if}}</dd>
  <dt>Voorstel</dt><dd>{{behandelwijze}}{{#if hamerstuk}}, als hamerstuk{{/if}}; {{openbaarheid}}</dd>
  <dt>Bijlagen</dt><dd>{{#each bijlagen}}{{#if @index}}<br>{{/if}}{{bijlagenummer @index}}. {{titel}}{{#if besloten}} (geheim){{/if}}{{else}}geen{{/each}}</dd>
</dl>
`,
  "raadsvoorstel/partials/ondertekening.hbs": `{{!-- The signature of the college under the proposal. --}}
<p>Burgemeester en wethouders van de {{lcfirst organisatie}},</p>
<p>de secretaris, de burgemeester,</p>
`,
};
