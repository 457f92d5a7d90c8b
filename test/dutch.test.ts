import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleOf, boardName, withArticle, withArticleCapitalised } from "../src/template/dutch.js";
import { fixture, readText, run, tempDir } from "./helpers.js";

describe("a board's name in running Dutch text", () => {
  it.each([
    ["Algemeen bestuur", "het algemeen bestuur"],
    ["Dagelijks bestuur", "het dagelijks bestuur"],
    ["Auditcommissie", "de auditcommissie"],
    ["Raad", "de raad"],
    ["Gemeenteraad", "de gemeenteraad"],
    ["College van burgemeester en wethouders", "het college van burgemeester en wethouders"],
    ["Algemeen Bestuur", "het Algemeen Bestuur"],
    ["Raad van Toezicht", "de Raad van Toezicht"],
    ["MT", "het MT"],
    ["GGD-bestuur", "het GGD-bestuur"],
    ["Portefeuillehoudersoverleg", "het portefeuillehoudersoverleg"],
    ["Veiligheidsdirectie", "de veiligheidsdirectie"],
    ["Het presidium", "het presidium"],
    ["de commissie Bestuur", "de commissie Bestuur"],
  ])("%s → %s", (name, expected) => {
    expect(withArticle(name)).toBe(expected);
    expect(withArticleCapitalised(name)).toBe(expected.charAt(0).toUpperCase() + expected.slice(1));
  });

  it("keeps acronyms and title-cased names, lowers only a sentence-start capital", () => {
    expect(boardName("Algemeen bestuur")).toBe("algemeen bestuur");
    expect(boardName("AB")).toBe("AB");
    expect(boardName("Provinciale Staten")).toBe("Provinciale Staten");
    expect(articleOf("Stuurgroep")).toBe("de");
  });

  it("the proposal's lead sentence and subject use the board's own article", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), readText(fixture("check", "minimal.yaml")).replace(/^orgaan: .*$/m, "orgaan: Auditcommissie"));
    const r = await run(["build", "p.yaml", "--out", "o", "--format", "text,html"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(readText(join(dir, "o", "p.txt"))).toContain("De auditcommissie wordt verzocht:");
    expect(readText(join(dir, "o", "p.html"))).toContain('content="Voorstel aan de auditcommissie"');
  });
});
