import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.js";
import { parameterNames, parseMessage } from "../src/i18n/format.js";
import { language, setLanguage, t, tIn } from "../src/i18n/i18n.js";
import { nl } from "../src/i18n/nl.js";

describe("the message catalogues", () => {
  it("every message exists in both languages", () => {
    const only = (a: object, b: object) => Object.keys(a).filter((k) => !(k in b));
    expect(only(nl, en), "in nl.ts only").toEqual([]);
    expect(only(en, nl), "in en.ts only").toEqual([]);
    for (const [k, v] of [...Object.entries(nl), ...Object.entries(en)]) expect(v.trim(), k).not.toBe("");
  });

  it("every message parses, and uses the same parameters in both languages", () => {
    const differ: string[] = [];
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(() => parseMessage(nl[key]), `nl ${key}`).not.toThrow();
      expect(() => parseMessage(en[key]), `en ${key}`).not.toThrow();
      const a = [...parameterNames(nl[key])].sort();
      const b = [...parameterNames(en[key])].sort();
      if (a.join() !== b.join()) differ.push(`${key}: nl {${a.join("}, {")}} / en {${b.join("}, {")}}`);
    }
    expect(differ).toEqual([]);
  });

  it("fills in parameters by name and plurals through Intl.PluralRules", () => {
    expect(tIn("nl", "render.upToDate", { dir: "out", n: 1 })).toBe("out is bijgewerkt (1 bestand).\n");
    expect(tIn("nl", "render.upToDate", { dir: "out", n: 3 })).toBe("out is bijgewerkt (3 bestanden).\n");
    expect(tIn("en", "render.upToDate", { dir: "out", n: 1 })).toBe("out is up to date (1 file).\n");
    expect(tIn("en", "render.outOfDate", { dir: "out", n: 2 })).toMatch(/^2 files in out differ from/);
    expect(tIn("nl", "render.outOfDate", { dir: "out", n: 1 })).toMatch(/^1 bestand in out verschilt van/);
  });

  it("speaks Dutch unless told otherwise, and the language can be switched and restored", () => {
    expect(language()).toBe("nl");
    expect(t("render.nothingWritten")).toBe("Er is niets geschreven.");
    const before = setLanguage("en");
    try {
      expect(t("render.nothingWritten")).toBe("Nothing was written.");
    } finally {
      setLanguage(before);
    }
    expect(t("render.nothingWritten")).toBe("Er is niets geschreven.");
  });
});
