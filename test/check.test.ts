import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, readText, ROOT, run, tempDir } from "./helpers.js";

const MINIMAL = readText(fixture("check", "minimal.yaml"));

/** Write `text` (or bytes) to a fresh temp file and run `check` on it. */
async function checkText(content: string | Uint8Array, name = "p.yaml") {
  const dir = tempDir();
  writeFileSync(join(dir, name), content);
  return run(["check", name], { cwd: dir });
}

/** The minimal proposal with one line replaced; fails the test if the line is not there. */
function edit(from: string, to: string): string {
  expect(MINIMAL).toContain(from);
  return MINIMAL.replace(from, to);
}

/** Line (1-based) of the first line of MINIMAL that starts with `prefix`. */
const lineOf = (text: string, prefix: string): number => text.split("\n").findIndex((l) => l.startsWith(prefix)) + 1;

describe("check: valid input", () => {
  it("accepts the minimal fixture", async () => {
    const r = await checkText(MINIMAL);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/1 bestand gecontroleerd, geen problemen gevonden/);
    expect(r.code).toBe(0);
  });

  it("accepts every file in data/", async () => {
    const r = await run(["check"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("check: one positioned error per kind of mistake", () => {
  it("YAML syntax error", async () => {
    const text = edit("onderwerp: Vaststelling van het testplan", 'onderwerp: "Vaststelling van het testplan');
    const r = await checkText(text);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`p.yaml:${lineOf(text, "onderwerp")}:12: error: YAML: deze tekst tussen aanhalingstekens wordt nooit gesloten; zet het sluitende aanhalingsteken aan het eind van de waarde`);
  });

  it("a value containing `: ` asks for quotes", async () => {
    const text = edit("beoogd_effect: Een getest plan.", "beoogd_effect: Doel: een getest plan.");
    const r = await checkText(text);
    expect(r.stderr.trim().split("\n")[0]).toBe(
      `p.yaml:${lineOf(text, "beoogd_effect")}:16: error: YAML: deze waarde bevat \`: \`, wat YAML leest als een nieuw veld; zet de hele waarde tussen aanhalingstekens, bijv. \`aanhef: "Het bestuur wordt verzocht:"\``,
    );
  });

  it("a choice from a list that is left out is a missing field, with the choices", async () => {
    const text = MINIMAL.split("\n").filter((l) => !l.startsWith("behandelwijze:")).join("\n");
    expect(text).not.toBe(MINIMAL);
    const r = await checkText(text);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^p\.yaml:\d+:\d+: error: verplicht veld `behandelwijze` ontbreekt; kies een van: ter besluitvorming, ter bespreking, ter kennisname, ter vaststelling, ter informatie \(behandelwijze\)$/m);
    expect(r.stderr).not.toContain("undefined");
  });

  it("a bijlage's file that does not exist is a warning of the proposal itself; one outside the project an error", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "proj", "bijlagen"), { recursive: true });
    writeFileSync(join(dir, "proj", "bijlagen", "er.pdf"), "%PDF-1.4\n");
    const missing = `${MINIMAL.trimEnd()}\nbijlagen:\n  - titel: Er is\n    bestand: bijlagen/er.pdf\n  - titel: Weg\n    bestand: bijlagen/weg.pdf\n`;
    writeFileSync(join(dir, "proj", "p.yaml"), missing);
    const warned = `p.yaml:${lineOf(missing, "    bestand: bijlagen/weg.pdf")}:14: warning: bijlagebestand \`bijlagen/weg.pdf\` niet gevonden (gezocht naar bijlagen/weg.pdf) (bijlagen[1].bestand)`;
    for (const command of [["check", "p.yaml"], ["build", "p.yaml", "--out", "o"]]) {
      const r = await run(command, { cwd: join(dir, "proj") });
      expect(r.code).toBe(0);
      expect(r.stderr.trim()).toBe(warned);
    }
    const outside = `${missing.trimEnd()}\n  - titel: Buiten\n    bestand: ../buiten.pdf\n`;
    writeFileSync(join(dir, "proj", "p.yaml"), outside);
    for (const command of [["check", "p.yaml"], ["build", "p.yaml", "--out", "o2"]]) {
      const r = await run(command, { cwd: join(dir, "proj") });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`p.yaml:${lineOf(outside, "    bestand: ../buiten.pdf")}:14: error: bijlage \`../buiten.pdf\` ligt buiten de projectmap (bijlagen[2].bestand)`);
      expect(r.stderr).not.toContain("er.pdf");
    }
  });

  it("duplicate key", async () => {
    const text = edit("portefeuillehouder: J. de Vries", "portefeuillehouder: J. de Vries\nportefeuillehouder: K. Bakker");
    const r = await checkText(text);
    const line = lineOf(text, "portefeuillehouder") + 1;
    expect(r.stderr).toContain(`p.yaml:${line}:1: error: YAML: het veld \`portefeuillehouder\` staat twee keer in dezelfde groep`);
    expect(r.code).toBe(1);
  });

  it("tab indentation", async () => {
    const text = edit("  naam: A. Jansen", "\tnaam: A. Jansen");
    const r = await checkText(text);
    expect(r.stderr).toContain(`p.yaml:${lineOf(text, "\tnaam")}:1: error: YAML: er wordt ingesprongen met een tab; YAML springt alleen in met spaties`);
    expect(r.code).toBe(1);
  });

  it("unknown key, with a did-you-mean hint", async () => {
    const text = edit("portefeuillehouder:", "portefeuilehouder:");
    const r = await checkText(text);
    const line = lineOf(text, "portefeuilehouder");
    expect(r.stderr).toContain(`p.yaml:${line}:1: error: onbekend veld \`portefeuilehouder\`; bedoelt u \`portefeuillehouder\`? (portefeuilehouder)`);
    // …and the real key is then missing, reported at the same time.
    expect(r.stderr).toContain("verplicht veld `portefeuillehouder` ontbreekt");
  });

  it("unknown key in a nested mapping lists the allowed keys when nothing is close", async () => {
    const text = edit("  email: a.jansen@example.nl", "  kamer: B2.14");
    const r = await checkText(text);
    expect(r.stderr).toContain(`p.yaml:${lineOf(text, "  kamer")}:3: error: onbekend veld \`kamer\`; hier kan: naam, functie, afdeling, email, telefoon (steller.kamer)`);
  });

  it("wrong type", async () => {
    const text = edit("    standpunt: Akkoord.", "    standpunt:\n      - Akkoord.");
    const r = await checkText(text);
    expect(r.stderr).toContain(`p.yaml:${lineOf(text, "      - Akkoord")}:7: error: verwacht: tekst; hier staat een lijst (afstemming[0].standpunt)`);
  });

  it("a number where text is expected suggests quotes, keeping the source text", async () => {
    const text = edit('  label: "1.0"', "  label: 1.10");
    const r = await checkText(text);
    expect(r.stderr).toContain(`p.yaml:${lineOf(text, "  label")}:10: error: verwacht: tekst; hier staat een getal (1.1); zet het tussen aanhalingstekens om er tekst van te maken: "1.10" (versie.label)`);
  });

  it("missing required field", async () => {
    const text = edit("beoogd_effect: Een getest plan.\n", "");
    const r = await checkText(text);
    expect(r.stderr).toContain(
      "p.yaml:2:1: error: verplicht veld `beoogd_effect` ontbreekt (schrijf `beoogd_effect: leeg` als de sectie bewust leeg is) (beoogd_effect)",
    );
    expect(r.code).toBe(1);
  });

  it("missing required field in a nested mapping points at its parent key", async () => {
    const text = edit("  naam: A. Jansen\n", "");
    const r = await checkText(text);
    expect(r.stderr).toContain(`p.yaml:${lineOf(text, "steller")}:1: error: verplicht veld \`naam\` ontbreekt in \`steller\` (steller.naam)`);
  });

  it("a section left blank asks for text or `leeg`", async () => {
    const text = edit("vervolg: leeg", "vervolg:");
    const r = await checkText(text);
    expect(r.stderr).toContain(`p.yaml:${lineOf(text, "vervolg")}:1: error: \`vervolg\` heeft geen waarde; schrijf de tekst, of \`leeg\` als de sectie bewust leeg is (vervolg)`);
  });

  it("invalid enum value lists the allowed values and suggests one", async () => {
    const text = edit("behandelwijze: ter besluitvorming", "behandelwijze: ter besluit");
    const r = await checkText(text);
    expect(r.stderr).toContain(
      `p.yaml:${lineOf(text, "behandelwijze")}:16: error: \`ter besluit\` is hier niet toegestaan; toegestaan: ter besluitvorming, ter bespreking, ter kennisname, ter vaststelling, ter informatie; bedoelt u \`ter besluitvorming\`? (behandelwijze)`,
    );
  });

  it("impossible date", async () => {
    const text = edit("  datum: 2026-02-20", "  datum: 2020-02-30");
    const r = await checkText(text);
    expect(r.stderr).toContain(`p.yaml:${lineOf(text, "  datum: 2020")}:10: error: \`2020-02-30\` is geen bestaande datum (februari 2020 heeft 29 dagen); schrijf datums als JJJJ-MM-DD (versie.datum)`);
  });

  it("date in another notation", async () => {
    const text = edit("    datum: 2026-02-01", "    datum: 1 februari 2026");
    const r = await checkText(text);
    expect(r.stderr).toContain(`:${lineOf(text, "    datum: 1 feb")}:12: error: \`1 februari 2026\` is geen datum; schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2020-09-09 (afstemming[0].datum)`);
  });

  it("empty file", async () => {
    const r = await checkText("");
    expect(r.stderr).toMatch(/^p\.yaml:1:1: error: het bestand is leeg;/m);
    expect(r.code).toBe(1);
  });

  it("a file with only comments counts as empty", async () => {
    const r = await checkText("# nothing yet\n\n");
    expect(r.stderr).toMatch(/^p\.yaml:1:1: error: het bestand is leeg;/m);
  });

  it("file that is not UTF-8 text", async () => {
    const latin1 = Buffer.from(MINIMAL.replace("J. de Vries", "J. Cafe\u0301"), "utf8");
    const bytes = Buffer.concat([latin1.subarray(0, latin1.indexOf("Cafe") + 3), Buffer.from([0xe9]), Buffer.from("\n")]);
    const r = await checkText(bytes);
    expect(r.stderr).toContain(`p.yaml:${lineOf(MINIMAL, "portefeuillehouder")}:27: error: byte 0xe9 is geen geldige UTF-8`);
    expect(r.stderr).toContain("sla het op als UTF-8");
  });

  it("binary file", async () => {
    const r = await checkText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(r.stderr).toMatch(/^p\.yaml:1:5: error: het bestand bevat een NUL-byte/m);
  });

  it("alias bomb is refused at once, at the alias, with bounded memory", async () => {
    const lol = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (const [prev, cur] of ["ab", "bc", "cd", "de", "ef", "fg", "gh", "hi"].map((p) => p.split(""))) {
      lol.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const r = await checkText(lol.join("\n") + "\n");
    const elapsed = performance.now() - started;
    expect(r.stderr).toMatch(/^p\.yaml:5:\d+: error: alias `\*d` maakt het document groter dan 20000 waarden/m);
    expect(r.code).toBe(1);
    // 9^9 values would be hundreds of millions of nodes; we never build them.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(elapsed).toBeLessThan(5_000);
  });

  it("a table row with the wrong number of cells", async () => {
    const table = [
      "bijlagen:",
      "  - titel: Overzicht",
      "    inhoud:",
      "      - tabel:",
      "          kolommen: [Punt, Invulling]",
      "          rijen:",
      "            - [Een, Twee]",
      "            - [Alleen een]",
    ].join("\n");
    const text = `${MINIMAL}${table}\n`;
    const r = await checkText(text);
    expect(r.stderr).toContain(`p.yaml:${lineOf(text, "            - [Alleen")}:15: error: rij 2 heeft 1 cel, de tabel heeft 2 kolommen; voeg cellen toe of haal ze weg (bijlagen[0].inhoud[0].tabel.rijen[1])`);
  });
});

describe("check: reporting", () => {
  it("reports every problem of every file at once, sorted by file and line", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.yaml"), edit("behandelwijze: ter besluitvorming", "behandelwijze: besluit").replace("vervolg: leeg\n", ""));
    writeFileSync(join(dir, "b.yaml"), edit("orgaan: Algemeen bestuur", "orgaan: [AB]"));
    writeFileSync(join(dir, "c.yaml"), MINIMAL);
    const r = await run(["check", "."], { cwd: dir });
    const lines = r.stderr.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("a.yaml:"))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith("b.yaml:"))).toHaveLength(1);
    expect(lines.at(-1)).toBe("3 fouten in 2 van 3 bestanden.");
    expect(r.code).toBe(1);
  });

  it("exit code 2 for a path that does not exist or an unknown option", async () => {
    const missing = await run(["check", "nowhere.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nowhere.yaml: bestand of map bestaat niet");
    const option = await run(["check", "--frobnicate"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("onbekende optie `--frobnicate`");
  });

  it("suggests the command meant", async () => {
    const r = await run(["chek"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("onbekende opdracht `chek`; bedoelt u `check`?");
  });

  it("colours only on a terminal and never with NO_COLOR", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), "");
    const tty = await run(["check", "p.yaml"], { cwd: dir, tty: true });
    expect(tty.stderr).toContain("\u001b[31m");
    const noColor = await run(["check", "p.yaml"], { cwd: dir, tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.stderr).not.toContain("\u001b[");
    const pipe = await run(["check", "p.yaml"], { cwd: dir });
    expect(pipe.stderr).not.toContain("\u001b[");
  });

  it("the installed bin never prints a stack trace for bad input", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.yaml"), "onderwerp: [unclosed\n\tfoo: 1\n");
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "boardpaper.js"), "check", "bad.yaml"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^bad\.yaml:\d+:\d+: error: YAML:/m);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it("npx boardpaper works right after install (bin is linked)", () => {
    const out = execFileSync("npx", ["--no-install", "boardpaper", "--version"], { cwd: ROOT, encoding: "utf8" });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
