import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { nodeHost } from "../src/host/host.js";
import { jsonSchemaOf } from "../src/kinds/for-editors.js";
import { loadRegistry } from "../src/kinds/registry.js";
import { startServer, type Running } from "../src/serve/server.js";
import { buildWebApp } from "../src/serve/web-app.js";
import { ROOT, changedLines, fixture, tempDir } from "./helpers.js";
import { hasProgram, needs } from "./ooxml.js";

/**
 * The editor end to end, in headless Chromium (Debian's; never a downloaded one): the list,
 * the seed in the form, the preview following an edit, saving one line, a problem shown at
 * its field, a second tab refused, and axe-core on both pages; a Word document imported from
 * the list, with its report in the editor; and a document type that only
 * this test declares (test/fixtures/types/inspectierapport/type.yaml, copied into a project of
 * its own): created from the list, edited in a form with the type's Dutch labels. The app is
 * built fresh with Vite for this run and served over a copy of data/.
 *
 * With BOARDPAPER_SCREENSHOTS=DIR the screenshots for the README are written to DIR.
 */

const SEED = "data/proposals/terugblik-visitaties.yaml";
const BESLISPUNT = "Kennis te nemen van de rapportage ‘terugblik eerste ronde visitaties (2014-2019);";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SHOTS = process.env.BOARDPAPER_SCREENSHOTS;

const browserNeeded = needs("chromium");
const executable = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : browserNeeded.skip ? "" : execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();

let project: string;
/** The browser app, built once for every server of this file. */
let web: string;
let server: Running;
let browser: Browser;
let context: BrowserContext;

const disk = (rel: string) => readFileSync(join(project, rel), "utf8");


/** axe-core's WCAG 2.1 AA rules on the page (the document preview frames are the writers' own, checked by html-validate). */
async function axeViolations(page: Page): Promise<string[]> {
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(WCAG)} }, iframes: false, resultTypes: ["violations"] })
      .then((r) => r.violations.map((v) => v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.map((n) => n.target.join(" ")).join(", ")))`,
  )) as string[];
  return result;
}

/** The text of the elements that describe a control (its aria-describedby): its hint and any problem. */
async function descriptionOf(l: Locator): Promise<string> {
  const ids = ((await l.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const texts = await Promise.all(ids.map((id) => l.page().locator(`[id="${id}"]`).innerText()));
  return texts.join(" ").replace(/\s+/g, " ").trim();
}

/** The document types a project's new documents can have, as the server lists them (built in first). */
async function typesOf(root: string): Promise<{ names: string[]; default: string }> {
  const registry = await loadRegistry(nodeHost(process, { cwd: root, env: {} }));
  return { names: registry.kinds.filter((k) => k.proposal).map((k) => k.name), default: registry.defaultKind.name };
}

/** Whether the element has the keyboard focus. */
const focused = (l: Locator) => l.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement);

async function openSeed(page: Page): Promise<void> {
  await page.goto(`http://127.0.0.1:${server.port}/`);
  await page.getByRole("link", { name: "Terugblik eerste ronde visitaties 2014-2019" }).click();
  await page.waitForURL(/\/edit\?file=/);
  await page.locator(".schema-form").waitFor();
  await page.frameLocator("#preview").getByRole("heading", { name: "Terugblik eerste ronde visitaties 2014-2019" }).waitFor();
}

async function shot(page: Page, name: string, element?: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  if (element) await page.locator(element).screenshot({ path });
  else await page.screenshot({ path });
}

describe.skipIf(browserNeeded.skip)(`the editor in Chromium ${browserNeeded.reason}`, () => {
  beforeAll(async () => {
    project = tempDir("bp-e2e-");
    cpSync(join(ROOT, "data"), join(project, "data"), { recursive: true });
    if (hasProgram("git")) {
      // A committed version, for the changes view.
      const g = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.nl", ...args], { cwd: project, stdio: "pipe" });
      g("init", "-q");
      g("add", "data");
      g("commit", "-q", "-m", "data");
    }
    web = join(project, "web-build");
    await buildWebApp(web);
    server = await startServer({ root: project, port: 0, webDir: web, env: { PATH: process.env.PATH }, log: (l) => console.error(l) });
    browser = await chromium.launch({
      executablePath: executable,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "nl-NL" });
    // axe-core in every page, the way an extension would add it: the pages' CSP allows no inline scripts.
    await context.addInitScript({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
    // The start-up address, once: it trades the token for the cookie the other pages use.
    const first = await context.newPage();
    await first.goto(server.url);
    expect(new URL(first.url()).search).toBe("");
    await first.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists the proposals and meetings with their check status, and passes axe", async () => {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    // In Dutch, whatever the browser's language.
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("nl");
    const proposals = page.getByRole("table", { name: "Voorstellen" });
    await proposals.waitFor();
    const seedRow = proposals.getByRole("row", { name: /Terugblik eerste ronde visitaties/ });
    // The documents of every type share this table; the Documenttype column says which type each is.
    await expect(proposals.getByRole("columnheader").allInnerTexts()).resolves.toEqual(["Titel", "Documenttype", "Vergaderdatum", "Behandelwijze", "Controle", "Bestand"]);
    // Dates the Dutch way: dd-mm-jjjj.
    await expect(seedRow.getByRole("cell").allInnerTexts()).resolves.toEqual(["ab-voorstel", "01-10-2020", "ter kennisname", "✓ in orde", SEED]);
    // Every meeting in data/meetings, titled by its orgaan and date.
    const meetings = readdirSync(join(ROOT, "data", "meetings"))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => parse(readFileSync(join(ROOT, "data", "meetings", f), "utf8")) as { orgaan: string; datum: string })
      .map((m) => `${m.orgaan}, ${m.datum.split("-").reverse().join("-")}`);
    await expect(page.getByRole("table", { name: "Vergaderingen" }).getByRole("link").allInnerTexts().then((t) => t.sort())).resolves.toEqual(meetings.sort());
    // Every document in data/ is in a table (how many there are is data/'s business).
    const rows = await page.locator("table.files tbody tr").count();
    await expect(page.locator("#loading").innerText()).resolves.toBe(`${rows} documenten; alle komen door de controle.`);
    const types = await typesOf(project);
    // Documents of every declared type share the proposals' table, each with its type.
    const listedTypes = await proposals.locator("tbody tr td:first-of-type").allInnerTexts();
    expect(listedTypes.filter((t) => !types.names.includes(t))).toEqual([]);
    // A new document's type: the declared types, the default chosen and described.
    const type = page.getByRole("combobox", { name: "Documenttype" });
    await expect(type.locator("option").allInnerTexts()).resolves.toEqual(types.names);
    expect(types.default).toBe("ab-voorstel");
    await expect(type.inputValue()).resolves.toBe("ab-voorstel");
    await expect(descriptionOf(type)).resolves.toMatch(/^Voorstel aan het algemeen bestuur/);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "list");
    await page.close();
  });

  it("edits a beslispunt in the form: the preview follows, and saving changes only that line", async () => {
    const before = disk(SEED);
    const page = await context.newPage();
    await openSeed(page);
    expect(await axeViolations(page)).toEqual([]);
    const field = page.getByRole("textbox", { name: "Beslispunten 1", exact: true });
    await expect(field.inputValue()).resolves.toBe(BESLISPUNT);

    // Type, and time until the preview shows it (debounce + request + render + update).
    const typed: number[] = [];
    const inPage: number[] = [];
    const roundTrips: number[] = [];
    const serverMs: number[] = [];
    for (let i = 1; i <= 8; i++) {
      const text = `Kennis te nemen van de rapportage, versie ${i};`;
      const start = Date.now();
      await field.fill(text);
      await page.frameLocator("#preview").getByText(text).waitFor();
      typed.push(Date.now() - start);
      const body = page.locator("body");
      inPage.push(Number(await body.getAttribute("data-input-to-preview-ms")));
      roundTrips.push(Number(await body.getAttribute("data-preview-ms")));
      serverMs.push(Number(await body.getAttribute("data-server-ms")));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Measured and reported, not asserted: timings depend on the machine.
    console.log(
      `preview latency, seed proposal (median of ${typed.length}): last keystroke → preview updated ${median(inPage)} ms in the page ` +
        `(debounce 120 ms + round trip ${median(roundTrips)} ms, of which server ${median(serverMs)} ms); ` +
        `as Playwright sees it (fill → text found, with its polling) ${median(typed)} ms`,
    );
    expect(inPage.every((ms) => ms > 0)).toBe(true);
    await page.locator("#dirty").waitFor({ state: "visible" });

    await field.fill("Kennis te nemen van de rapportage ‘terugblik eerste ronde visitaties (2014-2019)’ en deze te betrekken bij het beleidsplan;");
    await page.frameLocator("#preview").getByText("en deze te betrekken bij het beleidsplan").waitFor();
    if (SHOTS) await page.locator('[data-path="voorstel"]').evaluate((el) => (el as unknown as { scrollIntoView: () => void }).scrollIntoView());
    await shot(page, "editor");
    await shot(page, "preview", ".view-pane");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.locator("#status", { hasText: / opgeslagen om / }).waitFor();
    await expect(page.locator("#status").innerText()).resolves.toMatch(/de controle vindt geen problemen/);
    const after = disk(SEED);
    expect(changedLines(before, after)).toEqual({
      removed: [`    - "${BESLISPUNT}"`],
      added: ['    - "Kennis te nemen van de rapportage ‘terugblik eerste ronde visitaties (2014-2019)’ en deze te betrekken bij het beleidsplan;"'],
    });
    const comments = (t: string) => t.split("\n").filter((l) => l.includes("#"));
    expect(comments(after)).toEqual(comments(before));
    await expect(page.locator("#dirty").isHidden()).resolves.toBe(true);

    // The changes view: the word diff against the committed version.
    if (hasProgram("git")) {
      await page.getByRole("tab", { name: "Wijzigingen sinds de laatste commit" }).click();
      await page.locator("#changes-status", { hasText: /1 wijziging sinds de laatste commit/ }).waitFor();
      await page.frameLocator("#changes").locator("ins", { hasText: "en deze te betrekken bij het beleidsplan" }).first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.close();
  });

  it("builds the form from the schema: every field in its order, each with the control its type asks for", async () => {
    const page = await context.newPage();
    await openSeed(page);
    const registry = await loadRegistry(nodeHost(process, { cwd: project, env: {} }));
    const schema = JSON.parse(jsonSchemaOf(registry.defaultKind)) as { properties: Record<string, unknown> };
    const top = await page.locator(".schema-form > [data-path]").evaluateAll((els) => els.map((e) => e.getAttribute("data-path")));
    expect(top).toEqual(Object.keys(schema.properties));
    const count = (css: string) => page.locator(css).count();
    // Each field is labelled as its type declares it (src/model/declaration.ts), not by its key.
    await expect(page.getByRole("textbox", { name: "Aan", exact: true }).inputValue()).resolves.toBe("Algemeen bestuur");
    await expect(page.getByLabel("Orgaan", { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole("textbox", { name: "Kanttekeningen/risico’s", exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole("group", { name: "Afstemming" }).getByRole("textbox", { name: "Afgestemd met", exact: true }).count()).resolves.toBeGreaterThan(0);
    // The type's example is part of the field's description ("Bijvoorbeeld: …").
    await expect(descriptionOf(page.getByLabel("Aan", { exact: true }))).resolves.toBe("Het bestuursorgaan waaraan het voorstel is gericht Bijvoorbeeld: Algemeen bestuur");
    // A document's type is shown, not edited.
    await expect(page.getByRole("textbox", { name: /^Type/ }).isEditable()).resolves.toBe(false);
    await expect(count('[data-path="behandelwijze"] select')).resolves.toBe(1);
    // A date is typed dd-mm-jjjj in a text field (not the browser's date input, which follows the browser's locale).
    await expect(count('[data-path="vergaderdatum"] input[type="date"]')).resolves.toBe(0);
    await expect(page.getByRole("textbox", { name: "Vergaderdatum", exact: true }).inputValue()).resolves.toBe("01-10-2020");
    await expect(count('[data-path="steller.email"] input[type="email"]')).resolves.toBe(1);
    // A janee field (true, false, ja or nee) is a checkbox.
    await expect(count('[data-path="hamerstuk"] input[type="checkbox"]')).resolves.toBe(1);
    await expect(count('[data-path="inleiding"] textarea')).resolves.toBe(1);
    // The appendix table: its rows are a list of lists, each cell a field.
    await expect(count('[data-path="bijlagen[0].inhoud[0].tabel.rijen"] > ol > li')).resolves.toBe(9);
    // Prose shows its Markdown formatted on request.
    const argumenten = page.locator('[data-path="argumenten"]');
    await argumenten.getByText("Opgemaakt tonen").click();
    await argumenten.locator(".md strong", { hasText: "Intern vervolgproces:" }).waitFor();
    // A `leeg` section: unticked, it gets a text to fill in, and the preview prints it.
    const vervolg = page.locator('[data-path="vervolg"]').first();
    const leeg = page.getByRole("checkbox", { name: "Leeg: niets te zeggen onder “Vervolg (proces en uitvoering)”" });
    await expect(leeg.isChecked()).resolves.toBe(true);
    await leeg.uncheck();
    await vervolg.getByRole("textbox", { name: "Vervolg (proces en uitvoering)" }).fill("Na besluitvorming volgt een *plan van aanpak*.");
    await page.frameLocator("#preview").locator("em", { hasText: "plan van aanpak" }).waitFor();
    // A beslispunt becomes text with subpunten (the recursive $ref): its text is kept, a subpunt added.
    const punt = await page.getByRole("textbox", { name: "Beslispunten 1", exact: true }).inputValue();
    const form = page.getByLabel("Vorm van Beslispunten 1");
    const withSubpunten = (await form.locator("option").allInnerTexts()).find((o) => o.startsWith("Tekst met subpunten"));
    await form.selectOption({ label: withSubpunten! });
    await expect(page.getByRole("textbox", { name: "Tekst", exact: true }).inputValue()).resolves.toBe(punt);
    await page.getByRole("button", { name: "Toevoegen aan subpunten" }).click();
    await page.getByRole("textbox", { name: "Subpunten 1", exact: true }).fill("met een eerste subpunt;");
    await page.frameLocator("#preview").locator("ol ol li", { hasText: "met een eerste subpunt;" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("adds a beslispunt with the keyboard alone, and the preview numbers it", async () => {
    const page = await context.newPage();
    await openSeed(page);
    const add = page.getByRole("button", { name: "Toevoegen aan beslispunten" });
    await add.focus();
    await page.keyboard.press("Enter");
    // Focus moves into the new item.
    const second = page.getByRole("textbox", { name: "Beslispunten 2", exact: true });
    await expect(focused(second)).resolves.toBe(true);
    await page.keyboard.type("Een tweede beslispunt.");
    await page.frameLocator("#preview").locator("ol li", { hasText: "Een tweede beslispunt." }).waitFor();
    // Arrow keys move between the Formulier and YAML tabs; the YAML view holds the edit.
    await page.getByRole("tab", { name: "Formulier" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: "YAML" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByLabel("YAML-tekst").inputValue()).resolves.toContain("    - Een tweede beslispunt.\n");
    await page.close();
  });

  it("shows an impossible date's message at the date field, and with its line and column in the YAML view", async () => {
    const page = await context.newPage();
    await openSeed(page);
    await page.getByRole("tab", { name: "YAML" }).click();
    const yaml = page.getByLabel("YAML-tekst");
    const text = await yaml.inputValue();
    await yaml.fill(text.replace(/^vergaderdatum: 2020-10-01/m, "vergaderdatum: 2020-02-30"));
    const line = text.split("\n").findIndex((l) => l.startsWith("vergaderdatum:")) + 1;
    await page.locator("#yaml-problems li", { hasText: `Regel ${line}, kolom 16` }).waitFor();
    await expect(page.locator("#yaml-problems").innerText()).resolves.toMatch(/`2020-02-30` is geen bestaande datum \(februari 2020 heeft 29 dagen\)/);
    // Choosing the problem puts the cursor on its line and column.
    await page.getByRole("button", { name: `Regel ${line}, kolom 16` }).click();
    const offset = text.split("\n").slice(0, line - 1).join("\n").length + 1 + 15;
    await expect(yaml.evaluate((el) => (el as unknown as { selectionStart: number }).selectionStart)).resolves.toBe(offset);
    await expect(focused(yaml)).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "yaml-view");
    await page.getByRole("tab", { name: "Formulier" }).click();
    const date = page.getByLabel("Vergaderdatum");
    await expect(date.getAttribute("aria-invalid")).resolves.toBe("true");
    // The impossible date as the form shows dates, for mending.
    await expect(date.inputValue()).resolves.toBe("30-02-2020");
    // The message is part of the field's description, so a screen reader reads it with the field.
    const described = (await date.getAttribute("aria-describedby"))!.split(" ");
    const texts = await Promise.all(described.map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(texts.join(" ")).toMatch(/dd-mm-jjjj.*\s+Probleem:\s+`2020-02-30` is geen bestaande datum \(februari 2020 heeft 29 dagen\)/s);
    // And the summary links to the field.
    await page.locator("#summary a", { hasText: "is geen bestaande datum" }).click();
    await expect(focused(date)).resolves.toBe(true);
    await expect(page.locator("#preview-status").innerText()).resolves.toMatch(/laatste versie zonder problemen/);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.locator("#panel-form").evaluate((el) => void ((el as unknown as { scrollTop: number }).scrollTop = 0));
    await shot(page, "problem-at-field");
    await page.close();
  });

  it("refuses a second tab's save after the first saved, and offers to reload", async () => {
    const rel = "data/proposals/vervanging-tankautospuiten.yaml";
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const p of [a, b]) {
      await p.goto(`http://127.0.0.1:${server.port}/edit?file=${encodeURIComponent(rel.slice("data/".length))}`);
      await p.locator(".schema-form").waitFor();
    }
    await a.getByLabel("Onderwerp").fill("Onderwerp uit het eerste tabblad");
    await a.getByRole("button", { name: "Opslaan" }).click();
    await a.locator("#status", { hasText: / opgeslagen om / }).waitFor();
    const saved = disk(rel);
    expect(saved).toContain("onderwerp: Onderwerp uit het eerste tabblad");

    await b.getByLabel("Onderwerp").fill("Onderwerp uit het tweede tabblad");
    await b.getByRole("button", { name: "Opslaan" }).click();
    const alert = b.getByRole("alert");
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/op schijf veranderd \(in een ander tabblad of programma\) sinds u het opende/);
    expect(disk(rel)).toBe(saved);
    expect(await axeViolations(b)).toEqual([]);
    await b.getByRole("button", { name: "Opnieuw laden van schijf" }).click();
    await b.locator("#status", { hasText: /opnieuw geladen van schijf/ }).waitFor();
    await expect(b.getByLabel("Onderwerp").inputValue()).resolves.toBe("Onderwerp uit het eerste tabblad");
    await expect(alert.isHidden()).resolves.toBe(true);
    await a.close();
    await b.close();
  });

  it("creates a document of a type the project declares, and edits it in a form with the type's Dutch labels", async () => {
    // A project of its own: data/ and one type declared only by this test's fixture.
    const root = tempDir("bp-e2e-type-");
    cpSync(join(ROOT, "data"), join(root, "data"), { recursive: true });
    mkdirSync(join(root, "templates", "inspectierapport"), { recursive: true });
    cpSync(fixture("types", "inspectierapport", "type.yaml"), join(root, "templates", "inspectierapport", "type.yaml"));
    const own = await startServer({ root, port: 0, webDir: web, env: { PATH: process.env.PATH }, log: (l) => console.error(l) });
    const page = await context.newPage();
    try {
      await page.goto(own.url);
      await page.getByRole("table", { name: "Voorstellen" }).waitFor();
      const documents = Number(/^(\d+) documenten/.exec(await page.locator("#loading").innerText())?.[1]);

      // The new-document form offers every type (the project's own after the built-in ones), the default chosen, each described.
      const type = page.getByRole("combobox", { name: "Documenttype" });
      const types = await typesOf(root);
      expect(types.names.at(-1)).toBe("inspectierapport");
      await expect(type.locator("option").allInnerTexts()).resolves.toEqual(types.names);
      await expect(type.inputValue()).resolves.toBe(types.default);
      await type.selectOption("inspectierapport");
      await expect(descriptionOf(type)).resolves.toBe("Inspectierapport van een kazerne, met bevindingen en aanbevelingen");
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "new-document", ".new:not(.import)");
      await page.getByRole("textbox", { name: "Bestandsnaam" }).fill("kazerne-lelystad");
      await page.getByRole("button", { name: "Document maken" }).click();
      await page.waitForURL(/\/edit\?file=proposals%2Fkazerne-lelystad\.yaml$/);
      await page.locator(".schema-form").waitFor();
      const rel = "data/proposals/kazerne-lelystad.yaml";
      expect(readFileSync(join(root, rel), "utf8")).toMatch(/^type: inspectierapport$/m);

      // The form speaks the type's words: its labels, not its keys.
      const titel = page.getByRole("textbox", { name: "Titel van het rapport", exact: true });
      const datum = page.getByLabel("Datum van inspectie", { exact: true });
      const oordeel = page.getByRole("combobox", { name: "Eindoordeel", exact: true });
      const heronderzoek = page.getByRole("checkbox", { name: "Heronderzoek nodig", exact: true });
      // An amount is typed with a decimal comma, in a text field.
      const kosten = page.getByRole("textbox", { name: /^Geraamde herstelkosten/ });
      const inspecteur = page.getByRole("group", { name: "Uitgevoerd door", exact: true });
      const bevindingen = page.getByRole("group", { name: "Bevindingen per onderdeel", exact: true });
      const aanbevelingen = page.getByRole("group", { name: "Aanbevelingen", exact: true });
      const opvolging = page.getByRole("group", { name: "Opvolging en termijnen", exact: true });
      for (const l of [titel, datum, oordeel, heronderzoek, kosten, inspecteur, bevindingen, aanbevelingen, opvolging]) await expect(l.count()).resolves.toBe(1);
      await expect(page.getByRole("group", { name: /^Aanwezigen/ }).count()).resolves.toBe(1);
      for (const key of ["Onderwerp", "Inspectiedatum", "Oordeel", "Kosten herstel", "Bevindingen", "Besluit"]) await expect(page.getByLabel(key, { exact: true }).count()).resolves.toBe(0);
      // The field's description and its example describe it; an empty field shows the example too.
      await expect(descriptionOf(titel)).resolves.toMatch(/^De titel van het inspectierapport Bijvoorbeeld: Inspectie kazerne Lelystad Probleem: nog in te vullen: <<vul in: onderwerp>>/);
      // An amount's example the Dutch way, and how to type it.
      await expect(kosten.getAttribute("placeholder")).resolves.toBe("Bijvoorbeeld: 12.500");
      await expect(descriptionOf(kosten)).resolves.toBe("Wat het herstel naar schatting kost. Een bedrag in euro’s, met een komma voor de centen: 1.250,50. Bijvoorbeeld: 12.500");
      await expect(descriptionOf(datum)).resolves.toMatch(/^De dag waarop is geïnspecteerd\. Schrijf als dd-mm-jjjj, bijvoorbeeld 01-10-2020\./);
      // A field still to be filled in shows the mark `new` left as its placeholder.
      await expect(titel.getAttribute("placeholder")).resolves.toBe("<<vul in: onderwerp>>");
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "editor-declared-type");

      // Fill it in; the preview follows.
      const preview = page.frameLocator("#preview");
      await titel.fill("Inspectie kazerne Lelystad 2024");
      await datum.fill("14-03-2024");
      await oordeel.selectOption("matig");
      await heronderzoek.check();
      // A decimal comma, dots between the thousands: saved as a number.
      await kosten.fill("12.500,75");
      await inspecteur.getByRole("textbox", { name: "Naam", exact: true }).fill("R. Inspecteur");
      await page.getByRole("button", { name: "Toevoegen aan aanwezigen" }).click();
      const aanwezige = page.getByRole("textbox", { name: "Aanwezigen 1", exact: true });
      await expect(focused(aanwezige)).resolves.toBe(true);
      await expect(descriptionOf(aanwezige)).resolves.toMatch(/Bijvoorbeeld: Ploegchef$/);
      await aanwezige.fill("Ploegchef J. de Vries");
      const rij = bevindingen.getByRole("group", { name: "Bevindingen per onderdeel 1", exact: true });
      await rij.getByRole("textbox", { name: "Onderdeel", exact: true }).fill("Ademluchtwerkplaats");
      await rij.getByRole("textbox", { name: "Wat is aangetroffen", exact: true }).fill("Twee maskers over de keuringsdatum");
      await aanbevelingen.getByRole("textbox", { name: "Beslispunten 1", exact: true }).fill("De maskers binnen een week te laten keuren;");
      await opvolging.getByLabel("Uiterlijk hersteld op", { exact: true }).fill("01-04-2024");
      await preview.getByText("Twee maskers over de keuringsdatum").waitFor();
      await preview.getByText("De maskers binnen een week te laten keuren;").waitFor();
      await preview.getByText("Inspectie kazerne Lelystad 2024").first().waitFor();
      // The preview prints the type's labels too.
      await preview.getByText("Bevindingen per onderdeel").first().waitFor();
      // Nothing left to fill in: no problems, and the preview is of this version.
      await page.locator("#summary").waitFor({ state: "hidden" });
      await expect(page.locator("#preview-status").innerText()).resolves.toMatch(/^Het document zoals het gedrukt wordt\./);

      // An edit after that shows in the preview as well.
      await titel.fill("Inspectie kazerne Lelystad, maart 2024");
      await preview.getByText("Inspectie kazerne Lelystad, maart 2024").first().waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "Opslaan" }).click();
      await page.locator("#status", { hasText: / opgeslagen om / }).waitFor();
      await expect(page.locator("#status").innerText()).resolves.toMatch(/de controle vindt geen problemen/);
      const saved = readFileSync(join(root, rel), "utf8");
      expect(saved).toMatch(/^onderwerp: Inspectie kazerne Lelystad, maart 2024$/m);
      expect(saved).toMatch(/^heronderzoek: true$/m);
      expect(saved).toMatch(/^kosten_herstel: 12500\.75$/m);
      expect(saved).toMatch(/^oordeel: matig$/m);
      // The dates typed dd-mm-jjjj, saved YYYY-MM-DD.
      expect(saved).toMatch(/^inspectiedatum: 2024-03-14$/m);
      expect(saved).toMatch(/^ {2}termijn: 2024-04-01$/m);

      // Back in the list: in the proposals' table, with its type.
      await page.goto(`http://127.0.0.1:${own.port}/`);
      const row = page.getByRole("table", { name: "Voorstellen" }).getByRole("row", { name: /Inspectie kazerne Lelystad, maart 2024/ });
      await expect(row.getByRole("cell").allInnerTexts()).resolves.toEqual(["inspectierapport", "—", "—", "✓ in orde", rel]);
      await expect(page.locator("#loading").innerText()).resolves.toMatch(new RegExp(`^${documents + 1} documenten;`));
      await shot(page, "list-with-types");
    } finally {
      await page.close();
      await own.close();
    }
  });

  /** A browser whose own language is American English (navigator.language, Accept-Language), with the editor's access key. */
  async function englishBrowser(): Promise<BrowserContext> {
    const english = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    await english.addInitScript({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
    const first = await english.newPage();
    await first.goto(server.url);
    await first.close();
    return english;
  }

  it("speaks Dutch in an English browser, English after the switch in the page (remembered, and the server's messages too), and Dutch again", async () => {
    const english = await englishBrowser();
    try {
      const page = await english.newPage();
      await page.goto(`http://127.0.0.1:${server.port}/`);
      expect(await page.evaluate("navigator.language")).toBe("en-US");
      // The browser's language does not switch it.
      await page.getByRole("table", { name: "Voorstellen" }).waitFor();
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("nl");
      const switcher = page.getByRole("group", { name: "Taal" });
      await expect(switcher.getByRole("button", { name: "Nederlands" }).getAttribute("aria-pressed")).resolves.toBe("true");

      await switcher.getByRole("button", { name: "English" }).click();
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
      const proposals = page.getByRole("table", { name: "Proposals" });
      await proposals.waitFor();
      await expect(proposals.getByRole("columnheader").allInnerTexts()).resolves.toEqual(["Title", "Type", "Meeting date", "Behandelwijze", "Check", "File"]);
      // Dates stay the Dutch way: the documents are Dutch.
      await expect(proposals.getByRole("row", { name: /Terugblik eerste ronde visitaties/ }).getByRole("cell").allInnerTexts()).resolves.toEqual(["ab-voorstel", "01-10-2020", "ter kennisname", "✓ valid", SEED]);
      await expect(page.locator("#loading").innerText()).resolves.toMatch(/^\d+ documents; all pass check\.$/);
      await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Documents in data/");
      await expect(page.title()).resolves.toBe("Documents — boardpaper");
      await expect(page.getByRole("group", { name: "Language" }).getByRole("button", { name: "English" }).getAttribute("aria-pressed")).resolves.toBe("true");
      expect(await axeViolations(page)).toEqual([]);
      // The server answers in the page's language.
      await page.getByRole("textbox", { name: "File name" }).fill("terugblik-visitaties");
      await page.getByRole("button", { name: "Create document" }).click();
      await page.locator("#new-error", { hasText: "data/proposals/terugblik-visitaties.yaml already exists; choose another name" }).waitFor();

      // Remembered: the next page, and the editor, are English.
      await page.reload();
      await page.getByRole("table", { name: "Proposals" }).waitFor();
      await page.getByRole("link", { name: "Terugblik eerste ronde visitaties 2014-2019" }).click();
      await page.locator(".schema-form").waitFor();
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
      await expect(page.getByRole("button", { name: "Save" }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole("tab", { name: "Form" }).getAttribute("aria-selected")).resolves.toBe("true");
      const date = page.getByRole("textbox", { name: "Vergaderdatum", exact: true });
      await expect(date.inputValue()).resolves.toBe("01-10-2020");
      await expect(descriptionOf(date)).resolves.toMatch(/Write as dd-mm-yyyy, e\.g\. 01-10-2020\./);
      await expect(page.locator(".optional").first().innerText()).resolves.toBe("(optional)");
      await page.frameLocator("#preview").getByRole("heading", { name: "Terugblik eerste ronde visitaties 2014-2019" }).waitFor();
      await expect(page.locator("#preview-status").innerText()).resolves.toMatch(/^The document as it will be printed\./);
      expect(await axeViolations(page)).toEqual([]);

      // And back to Dutch, in place: the form and the page's words.
      await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "Nederlands" }).click();
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("nl");
      await expect(page.getByRole("button", { name: "Opslaan" }).isVisible()).resolves.toBe(true);
      await expect(page.locator(".optional").first().innerText()).resolves.toBe("(niet verplicht)");
      await expect(page.locator("#preview-status").innerText()).resolves.toMatch(/^Het document zoals het gedrukt wordt\./);
      await expect(page.evaluate("localStorage.getItem('boardpaper-lang')")).resolves.toBe("nl");
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await english.close();
    }
  });

  it("shows a date as dd-mm-jjjj in an English browser, and saves a date typed dd-mm-jjjj as YYYY-MM-DD", async () => {
    const english = await englishBrowser();
    try {
      const before = disk(SEED);
      const page = await english.newPage();
      await openSeed(page);
      const date = page.getByRole("textbox", { name: "Vergaderdatum", exact: true });
      // Not 10/01/2020, as the browser's own date field would show it here.
      await expect(date.inputValue()).resolves.toBe("01-10-2020");
      await expect(date.getAttribute("type")).resolves.toBe("text");
      await expect(descriptionOf(date)).resolves.toMatch(/^Datum van de vergadering\. Schrijf als dd-mm-jjjj, bijvoorbeeld 01-10-2020\.$/);
      await date.fill("15-03-2021");
      await date.press("Tab");
      await page.getByRole("button", { name: "Opslaan" }).click();
      await page.locator("#status", { hasText: / opgeslagen om / }).waitFor();
      // That line only, its comment kept.
      expect(changedLines(before, disk(SEED))).toEqual({ removed: [expect.stringMatching(/^vergaderdatum: 2020-10-01( #|$)/)], added: [expect.stringMatching(/^vergaderdatum: 2021-03-15( #|$)/)] });

      // A date that does not exist is said at the field, and not written.
      await date.fill("30-02-2021");
      await date.press("Tab");
      await expect(date.getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(descriptionOf(date)).resolves.toMatch(/“30-02-2021” is geen bestaande datum\./);
      expect(await axeViolations(page)).toEqual([]);
      // Written the one way: 1-10-2020 becomes 01-10-2020.
      await date.fill("1-10-2020");
      await date.press("Tab");
      await expect(date.inputValue()).resolves.toBe("01-10-2020");
      await expect(date.getAttribute("aria-invalid")).resolves.toBe(null);
      await page.getByRole("button", { name: "Opslaan" }).click();
      await expect.poll(() => disk(SEED)).toBe(before);
      await page.close();
    } finally {
      await english.close();
    }
  });

  it("shows and takes an amount with a decimal comma (1.250,50), saved as a number", async () => {
    const rel = "data/gemeente/collegevoorstel-gunning-speeltoestellen.yaml";
    const before = disk(rel);
    expect(before).toMatch(/^kosten: 437500$/m);
    const english = await englishBrowser();
    try {
      const page = await english.newPage();
      await page.goto(`http://127.0.0.1:${server.port}/edit?file=${encodeURIComponent(rel.slice("data/".length))}`);
      await page.locator(".schema-form").waitFor();
      const kosten = page.locator('[data-path="kosten"] input');
      await expect(kosten.inputValue()).resolves.toBe("437.500");
      await expect(kosten.getAttribute("inputmode")).resolves.toBe("decimal");
      await expect(descriptionOf(kosten)).resolves.toMatch(/Een bedrag in euro’s, met een komma voor de centen: 1\.250,50\./);
      await kosten.fill("1250,5");
      await kosten.press("Tab");
      // Shown the one way, with its cents.
      await expect(kosten.inputValue()).resolves.toBe("1.250,50");
      await page.getByRole("button", { name: "Opslaan" }).click();
      await page.locator("#status", { hasText: / opgeslagen om / }).waitFor();
      expect(changedLines(before, disk(rel))).toEqual({ removed: ["kosten: 437500"], added: ["kosten: 1250.5"] });
      // A decimal point is not guessed at: the field says how to write it.
      await kosten.fill("12.5");
      await kosten.press("Tab");
      await expect(kosten.getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(descriptionOf(kosten)).resolves.toMatch(/“12\.5”: schrijf de decimalen na een komma \(1250,50\)/);
      expect(await axeViolations(page)).toEqual([]);
      await kosten.fill("437.500");
      await page.getByRole("button", { name: "Opslaan" }).click();
      await expect.poll(() => disk(rel)).toBe(before);
      await page.close();
    } finally {
      await english.close();
    }
  });

  /** A .docx of the seed as boardpaper writes it (the download route), under a name a user's file might have. */
  async function seedAsWord(name: string): Promise<string> {
    const r = await context.request.post(`http://127.0.0.1:${server.port}/api/download`, { data: { path: SEED.slice("data/".length), format: "docx", draft: { text: disk(SEED) } } });
    expect(r.status()).toBe(200);
    const path = join(tempDir("bp-e2e-word-"), name);
    writeFileSync(path, await r.body());
    return path;
  }

  it("refuses a file that is not a Word document at the file field, and writes nothing", async () => {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.getByRole("table", { name: "Voorstellen" }).waitFor();
    const notWord = join(tempDir("bp-e2e-word-"), "Geen Word.docx");
    writeFileSync(notWord, "Dit is platte tekst, geen Word-document.\n");
    const file = page.getByLabel("Word-document (.docx)");
    await file.setInputFiles(notWord);
    // The new file's name follows the Word file's.
    await expect(page.getByRole("textbox", { name: "Opslaan als" }).inputValue()).resolves.toBe("geen-word");
    await page.getByRole("button", { name: "Importeren", exact: true }).click();
    await page.locator("#import-error").waitFor({ state: "visible" });
    await expect(file.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(focused(file)).resolves.toBe(true);
    // The message is part of the field's description: one line, no stack trace.
    const description = await descriptionOf(file);
    expect(description).toMatch(/\S/);
    expect(await page.locator("#import-error").innerText()).not.toMatch(/\n|\.(ts|js):\d+/);
    expect(existsSync(join(project, "data", "proposals", "geen-word.yaml"))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("imports a .docx from the list: the new document opens in the editor with the report of what was not taken over", async () => {
    const word = await seedAsWord("Terugblik visitaties (Word).docx");
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.getByRole("table", { name: "Voorstellen" }).waitFor();
    const form = page.getByRole("region", { name: "Importeren uit Word" });
    await form.getByLabel("Word-document (.docx)").setInputFiles(word);
    await expect(form.getByRole("textbox", { name: "Opslaan als" }).inputValue()).resolves.toBe("terugblik-visitaties-word");
    await expect(form.getByRole("combobox", { name: "Importeren als" }).inputValue()).resolves.toBe("ab-voorstel");
    await form.getByRole("button", { name: "Importeren", exact: true }).click();
    await page.waitForURL(/\/edit\?file=proposals%2Fterugblik-visitaties-word\.yaml$/);
    await page.locator(".schema-form").waitFor();
    const rel = "data/proposals/terugblik-visitaties-word.yaml";
    expect(disk(rel)).toMatch(/^type: ab-voorstel$/m);
    await expect(page.getByLabel("Onderwerp").inputValue()).resolves.toBe("Terugblik eerste ronde visitaties 2014-2019");

    // The report: what was imported, and each note with its paragraph and first words, or that nothing was left out.
    const report = page.getByRole("region", { name: "Geïmporteerd uit Word" });
    await report.waitFor();
    await expect(report.innerText()).resolves.toContain(`Terugblik visitaties (Word).docx is geïmporteerd als ${rel} (documenttype ab-voorstel).`);
    const notes = await report.locator("li").allInnerTexts();
    if (notes.length === 0) await expect(report.innerText()).resolves.toContain("Alles uit het Word-document is overgenomen.");
    for (const n of notes) expect(n).toMatch(/^(Alinea \d+|Het document als geheel)( — “[^”]*”)? — \S/);
    await expect(page.locator("#status").innerText()).resolves.toMatch(/^Geïmporteerd uit Terugblik visitaties \(Word\)\.docx: /);
    await expect(focused(report)).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "imported");
    await report.getByRole("button", { name: "Dit verslag verbergen" }).click();
    await expect(report.isHidden()).resolves.toBe(true);
    // Shown once: opening the document again does not show it.
    await page.reload();
    await page.locator(".schema-form").waitFor();
    await expect(page.locator("#import-report").isHidden()).resolves.toBe(true);

    // As a type it was not written for, much does not fit: each note with its paragraph and first words.
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await form.getByLabel("Word-document (.docx)").setInputFiles(word);
    await form.getByRole("combobox", { name: "Importeren als" }).selectOption("raadsinformatiebrief");
    await form.getByRole("textbox", { name: "Opslaan als" }).fill("terugblik-als-brief");
    await form.getByRole("button", { name: "Importeren", exact: true }).click();
    await page.waitForURL(/\/edit\?file=proposals%2Fterugblik-als-brief\.yaml$/);
    await page.locator(".schema-form").waitFor();
    expect(disk("data/proposals/terugblik-als-brief.yaml")).toMatch(/^type: raadsinformatiebrief$/m);
    const listed = await report.locator("li").allInnerTexts();
    expect(listed.length).toBeGreaterThan(0);
    for (const n of listed) expect(n).toMatch(/^(Alinea \d+|Het document als geheel)( — “[^”]*”)? — \S/);
    expect(listed.some((n) => /^Alinea \d+ — “/.test(n))).toBe(true);
    await expect(report.getByRole("heading", { name: "Niet overgenomen" }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
