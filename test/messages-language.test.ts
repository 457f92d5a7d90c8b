import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { setLanguage } from "../src/i18n/i18n.js";
import { svgProblem } from "../src/style/svg-safety.js";
import { ROOT, run, tempDir } from "./helpers.js";

/**
 * Issue 19: the messages of templates, logos and LibreOffice in Dutch by default and in English
 * on request, with the `path:line:col: error: …` shape kept. (The tests of each behaviour are
 * written with the English messages: markup, cell-blocks, cross-refs-tree, house-style, pdf.)
 */
const SEED = join(ROOT, "data", "proposals", "terugblik-visitaties.yaml");

describe("template, logo and LibreOffice messages, in the language of the run", () => {
  it("a template outside the document's elements: at its file and line, in Dutch and in English", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "tpl", "partials"), { recursive: true });
    writeFileSync(join(dir, "tpl", "partials", "soort-proza.hbs"), "<h2>{{label}}</h2>\n{{#unless leeg}}\n<section>{{md waarde}}</section>{{/unless}}\n");
    cpSync(SEED, join(dir, "p.yaml"));
    const nl = await run(["check", "p.yaml", "--templates", "tpl"], { cwd: dir });
    expect(nl.code).toBe(1);
    expect(nl.stderr).toMatch(/^tpl\/partials\/soort-proza\.hbs:3:1: error: <section> hoort niet bij de elementen van een document; gebruik een van: /m);
    const en = await run(["check", "p.yaml", "--templates", "tpl", "--lang", "en"], { cwd: dir });
    expect(en.stderr).toMatch(/^tpl\/partials\/soort-proza\.hbs:3:1: error: <section> is not part of the document vocabulary; use one of: /m);
  });

  it("a template's syntax error: Dutch lead, at its file and line", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "tpl", "partials"), { recursive: true });
    writeFileSync(join(dir, "tpl", "partials", "soort-proza.hbs"), "<h2>{{label}}</h2>\n{{#if leeg}}\n");
    cpSync(SEED, join(dir, "p.yaml"));
    const nl = await run(["check", "p.yaml", "--templates", "tpl"], { cwd: dir });
    expect(nl.stderr).toMatch(/^tpl\/partials\/soort-proza\.hbs:\d+:\d+: error: sjabloonsyntaxis: /m);
    const en = await run(["check", "p.yaml", "--templates", "tpl", "--lang", "en"], { cwd: dir });
    expect(en.stderr).toMatch(/^tpl\/partials\/soort-proza\.hbs:\d+:\d+: error: template syntax: /m);
  });

  it("a logo that is not an image", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "huisstijl.yaml"), "logo:\n  bestand: p.yaml\n  alt: Logo\n");
    writeFileSync(join(dir, "p.yaml"), "niets: hier\n");
    const nl = await run(["check", "huisstijl.yaml"], { cwd: dir });
    expect(nl.stderr).toContain("huisstijl.yaml:2:12: error: p.yaml: het logo moet een PNG- of SVG-bestand zijn (logo.bestand)");
    const en = await run(["check", "huisstijl.yaml", "--lang", "en"], { cwd: dir });
    expect(en.stderr).toContain("huisstijl.yaml:2:12: error: p.yaml: the logo must be a PNG or an SVG file (logo.bestand)");
  });

  it("an SVG logo that reaches outside itself, in both languages", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>';
    expect(svgProblem(svg)).toMatch(/^het SVG-logo verwijst naar iets buiten zichzelf \(href="file:\/\/\/etc\/passwd"\)/);
    const before = setLanguage("en");
    try {
      expect(svgProblem(svg)).toMatch(/^the SVG logo refers to something outside itself \(href="file:\/\/\/etc\/passwd"\)/);
    } finally {
      setLanguage(before);
    }
  });

  it("--format pdf without LibreOffice: says what to install, in Dutch and in English", async () => {
    const env = { PATH: tempDir("bp-empty-path-") };
    const nl = await run(["build", SEED, "--format", "pdf", "--out", tempDir()], { env });
    expect(nl.code).toBe(1);
    expect(nl.stderr).toContain("boardpaper build: error: voor PDF is LibreOffice nodig, en er is geen programma `soffice` gevonden op PATH; installeer LibreOffice");
    expect(nl.stderr).toContain("of zet BOARDPAPER_SOFFICE op het programma soffice");
    const en = await run(["build", SEED, "--format", "pdf", "--out", tempDir(), "--lang", "en"], { env });
    expect(en.stderr).toContain("boardpaper build: error: PDF output needs LibreOffice, and no `soffice` program was found on PATH; install LibreOffice");
  });

  it("types describes the built-in kinds in the language of the run", async () => {
    const nl = await run(["types"]);
    expect(nl.stdout).toMatch(/^vergadering +vergadering: de agenda, haar voorstellen gestempeld met hun nummers/m);
    expect(nl.stdout).toMatch(/^huisstijl +huisstijl: logo, lettertypes, kleuren/m);
    const en = await run(["types", "--lang", "en"]);
    expect(en.stdout).toMatch(/^vergadering +vergadering: the agenda, its proposals stamped with their numbers/m);
  });

  it("BOARDPAPER_SOFFICE naming a missing program", async () => {
    const r = await run(["build", SEED, "--format", "pdf", "--out", tempDir()], { env: { BOARDPAPER_SOFFICE: "/nonexistent/soffice" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("boardpaper build: error: BOARDPAPER_SOFFICE staat op `/nonexistent/soffice`, en dat is geen uitvoerbaar programma");
  });
});
