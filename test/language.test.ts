import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, tempDir } from "./helpers.js";

/** Issue 19: Dutch for the people who use it; English on request; the system locale switches nothing. */
describe("the language of what a user reads", () => {
  const bad = (): string => {
    const dir = tempDir();
    writeFileSync(join(dir, "p.yaml"), "organisatie: Veiligheidsregio\nonderwerp: \"<<vul in: onderwerp>>\"\n");
    return dir;
  };

  it("check speaks Dutch by default, with the path:line:col: error: shape kept", async () => {
    const cwd = bad();
    const r = await run(["check", "p.yaml"], { cwd, env: {} });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^p\.yaml:2:12: error: nog in te vullen: <<vul in: onderwerp>> — vervang het door de echte waarde \(onderwerp\)$/m);
    expect(r.stderr).toMatch(/error: verplicht veld `\w+` ontbreekt/);
    expect(r.stderr).toMatch(/fouten? in 1 van 1 bestand\.$/m);
  });

  it("check speaks English with --lang en and with BOARDPAPER_LANG=en", async () => {
    const cwd = bad();
    for (const [argv, env] of [[["check", "--lang", "en", "p.yaml"], {}], [["check", "p.yaml"], { BOARDPAPER_LANG: "en" }], [["--lang=en", "check", "p.yaml"], {}]] as const) {
      const r = await run([...argv], { cwd, env });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^p\.yaml:2:12: error: still to be filled in: <<vul in: onderwerp>> — replace it with the real value \(onderwerp\)$/m);
      expect(r.stderr).toMatch(/errors? in 1 of 1 file\.$/m);
    }
  });

  it("the system locale does not switch it: LANG=en_US.UTF-8 and LC_ALL still get Dutch", async () => {
    const r = await run(["check", "p.yaml"], { cwd: bad(), env: { LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8", LANGUAGE: "en" } });
    expect(r.stderr).toContain("nog in te vullen");
    expect(r.stderr).not.toContain("still to be filled in");
  });

  it("--lang takes nl or en only (a usage error otherwise), and so does BOARDPAPER_LANG", async () => {
    expect(await run(["--lang", "de", "check"])).toMatchObject({ code: 2, stderr: "boardpaper: --lang is nl of en, niet `de`\n" });
    expect(await run(["check"], { env: { BOARDPAPER_LANG: "fr" } })).toMatchObject({ code: 2, stderr: "boardpaper: BOARDPAPER_LANG is nl of en, niet `fr`\n" });
  });

  it("--help: the overview and a command's help in Dutch, and in English on request", async () => {
    const nl = await run(["--help"]);
    expect(nl.stdout).toContain("Gebruik: boardpaper <opdracht> [opties]");
    expect(nl.stdout).toMatch(/^ {2}check {3}controleer voorstellen, vergaderingen en huisstijlen/m);
    const en = await run(["--help", "--lang", "en"]);
    expect(en.stdout).toContain("Usage: boardpaper <command> [options]");
    expect(en.stdout).toMatch(/^ {2}check {3}validate proposals, meetings and house styles/m);

    const checkNl = await run(["check", "--help"]);
    expect(checkNl.stdout).toMatch(/^Gebruik: boardpaper check /);
    expect(checkNl.stdout).toContain("Controleert elk genoemd YAML-bestand");
    expect(checkNl.stdout).toContain("huisstijl voor elke invoer");
    const checkEn = await run(["check", "--help"], { env: { BOARDPAPER_LANG: "en" } });
    expect(checkEn.stdout).toMatch(/^Usage: boardpaper check /);
    expect(checkEn.stdout).toContain("Validates every YAML file named");
  });

  it("messages of a run: a usage error, an unknown option, the summary of a good check", async () => {
    expect((await run(["chek"])).stderr).toContain("onbekende opdracht `chek`; bedoelt u `check`?");
    expect((await run(["build", "--frobnicate"])).stderr).toContain("onbekende optie `--frobnicate`");
    expect((await run(["check", "data/proposals/terugblik-visitaties.yaml"])).stdout).toBe("1 bestand gecontroleerd, geen problemen gevonden.\n");
    expect((await run(["check", "data/proposals/terugblik-visitaties.yaml", "--lang", "en"])).stdout).toBe("1 file checked, no problems found.\n");
  });

  it("zod's own messages follow the language too", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "huisstijl.yaml"), "accentkleur: rood\n");
    const nl = await run(["check", "huisstijl.yaml"], { cwd });
    expect(nl.stderr).toContain("schrijf een kleur als # en zes hexadecimale cijfers");
    const en = await run(["check", "huisstijl.yaml", "--lang", "en"], { cwd });
    expect(en.stderr).toContain("write a colour as # and six hexadecimal digits");
  });
});
