import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatMessage, parameterNames, parseMessage } from "../src/i18n/format.js";
import { en as serveEn, Message, nl as serveNl, say } from "../src/serve/messages.js";
import { parseDate, parseNumber, showDate, showDates, showNumber } from "../web/src/dutch.js";
import { en as webEn } from "../web/src/i18n/en.js";
import { nl as webNl } from "../web/src/i18n/nl.js";
import { ROOT } from "./helpers.js";

/**
 * The editor in Dutch and English (issue 19): its two catalogues (the browser app's, web/src/i18n/,
 * and the server's, src/serve/messages.ts) have every message in both languages with the same
 * parameters; the pages name only messages that exist; dates and numbers are read and shown the
 * Dutch way whatever the locale. test/serve-e2e.test.ts drives the pages in both languages.
 */

const catalogues = [
  ["the browser app's (web/src/i18n/)", webNl, webEn],
  ["the server's (src/serve/messages.ts)", serveNl, serveEn],
] as const;

describe.each(catalogues)("the editor's catalogue: %s", (_, nl, en) => {
  it("has every message in both languages, none empty", () => {
    const only = (a: object, b: object) => Object.keys(a).filter((k) => !(k in b));
    expect(only(nl, en), "in nl only").toEqual([]);
    expect(only(en, nl), "in en only").toEqual([]);
    for (const [k, v] of [...Object.entries(nl), ...Object.entries(en)]) expect((v as string).trim(), k).not.toBe("");
  });

  it("has messages that parse, with the same parameters in both languages", () => {
    const differ: string[] = [];
    for (const [key, text] of Object.entries(nl) as [string, string][]) {
      const other = (en as Record<string, string>)[key]!;
      expect(() => parseMessage(text), `nl ${key}`).not.toThrow();
      expect(() => parseMessage(other), `en ${key}`).not.toThrow();
      const a = [...parameterNames(text)].sort().join();
      const b = [...parameterNames(other)].sort().join();
      if (a !== b) differ.push(`${key}: nl {${a}} / en {${b}}`);
    }
    expect(differ).toEqual([]);
  });
});

describe("the editor's words", () => {
  it("names in its pages only messages that exist", () => {
    for (const page of ["index.html", "edit.html"]) {
      const html = readFileSync(join(ROOT, "web", page), "utf8");
      const keys = [...html.matchAll(/data-i18n(?:-label|-title)?="([^"]+)"/g)].map((m) => m[1]!);
      expect(keys.length, page).toBeGreaterThan(5);
      expect(keys.filter((k) => !(k in webNl)), page).toEqual([]);
      // The page is Dutch before its script runs.
      expect(html).toMatch(/<html lang="nl">/);
    }
  });

  it("fills in parameters by name, and plurals through Intl.PluralRules", () => {
    expect(formatMessage(webNl["list.problems"], { n: 1 }, "nl-NL")).toBe("✗ 1 probleem");
    expect(formatMessage(webNl["list.problems"], { n: 3 }, "nl-NL")).toBe("✗ 3 problemen");
    expect(formatMessage(webEn["list.problems"], { n: 1 }, "en-GB")).toBe("✗ 1 problem");
    expect(formatMessage(webNl["save.problems"], { file: "data/x.yaml", time: "14:05", n: 2 }, "nl-NL")).toBe("data/x.yaml opgeslagen om 14:05; de controle vindt nog 2 problemen.");
    expect(formatMessage(webEn["save.problems"], { file: "data/x.yaml", time: "14:05", n: 1 }, "en-GB")).toBe("Saved data/x.yaml at 14:05; check still finds 1 problem.");
    expect(formatMessage(webNl["preview.none"], { n: 1 }, "nl-NL")).toBe("Nog geen voorbeeld: los eerst het genoemde probleem op.");
    expect(formatMessage(webNl["preview.none"], { n: 4 }, "nl-NL")).toBe("Nog geen voorbeeld: los eerst de 4 genoemde problemen op.");
  });

  it("says the server's messages in the language asked for, Dutch by default", () => {
    const m = Message.of("file.exists", { label: "data/x.yaml" });
    expect(m.in("nl")).toBe("data/x.yaml bestaat al; kies een andere naam");
    expect(m.in("en")).toBe("data/x.yaml already exists; choose another name");
    expect(String(m)).toBe(m.in("nl"));
    expect(say("nl", "import.tooLarge", { mb: 20 })).toBe("het bestand is te groot: hoogstens 20 MB");
  });
});

describe("dates and numbers the Dutch way", () => {
  it("shows YYYY-MM-DD as dd-mm-jjjj, and leaves other text alone", () => {
    expect(showDate("2020-10-01")).toBe("01-10-2020");
    expect(showDate("<<datum>>")).toBe("<<datum>>");
    expect(showDates("Algemeen bestuur, 2020-10-01")).toBe("Algemeen bestuur, 01-10-2020");
    expect(showDates("Terugblik visitaties 2014-2019")).toBe("Terugblik visitaties 2014-2019");
  });

  it("reads a typed date as dd-mm-jjjj (or as pasted YYYY-MM-DD) into YYYY-MM-DD", () => {
    expect(parseDate("15-03-2021")).toEqual({ ok: true, value: "2021-03-15" });
    expect(parseDate("1-3-2021")).toEqual({ ok: true, value: "2021-03-01" });
    expect(parseDate("01/10/2020")).toEqual({ ok: true, value: "2020-10-01" });
    expect(parseDate("29.02.2024")).toEqual({ ok: true, value: "2024-02-29" });
    expect(parseDate("2021-03-15")).toEqual({ ok: true, value: "2021-03-15" });
    // Never month first, as an English browser would have it.
    expect(parseDate("10-01-2020")).toEqual({ ok: true, value: "2020-01-10" });
    expect(parseDate("29-02-2021")).toEqual({ ok: false, why: "not-real" });
    expect(parseDate("15-13-2021")).toEqual({ ok: false, why: "not-real" });
    for (const partial of ["1", "15-", "15-03", "15-03-", "15-03-202"]) expect(parseDate(partial), partial).toEqual({ ok: false, why: "incomplete" });
    expect(parseDate("morgen")).toEqual({ ok: false, why: "invalid" });
  });

  it("shows numbers with a decimal comma and dots between thousands; amounts with their cents", () => {
    expect(showNumber(12500)).toBe("12.500");
    expect(showNumber(1250.5)).toBe("1.250,5");
    expect(showNumber(1250.5, true)).toBe("1.250,50");
    expect(showNumber(1250, true)).toBe("1.250");
    expect(showNumber(0.125, true)).toBe("0,125");
    expect(showNumber(-3)).toBe("-3");
  });

  it("reads a typed number with a decimal comma; a dot only between thousands", () => {
    expect(parseNumber("1.250,50")).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumber("1250,5")).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumber("€ 12.500")).toEqual({ ok: true, value: 12500 });
    expect(parseNumber("1 250 000")).toEqual({ ok: true, value: 1250000 });
    expect(parseNumber("-7")).toEqual({ ok: true, value: -7 });
    expect(parseNumber("12.5")).toEqual({ ok: false, why: "dot" });
    expect(parseNumber("1250.50")).toEqual({ ok: false, why: "dot" });
    expect(parseNumber("12,")).toEqual({ ok: false, why: "incomplete" });
    expect(parseNumber("twaalf")).toEqual({ ok: false, why: "invalid" });
    expect(parseNumber("2,5", true)).toEqual({ ok: false, why: "integer" });
  });
});
