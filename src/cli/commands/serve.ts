import { DATA } from "../../serve/files.js";
import type { Running } from "../../serve/server.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";
import { t } from "../../i18n/i18n.js";

export const DEFAULT_PORT = 4311;

export const serve: Command = {
  name: "serve",
  usage: "boardpaper serve [--port N]",
  get help() {
    return t("help.serve", { port: DEFAULT_PORT });
  },
  options: { port: { type: "string" } },
  async run({ host, values }) {
    const port = parsePort(values.port);
    if ((await host.kind(DATA)) !== "dir") throw new UsageError(t("serve.noData", { data: DATA, cwd: host.cwd }));
    const say = (line: string) => host.stderr.write(`${line}\n`);
    // Loaded here, not at start-up: the other commands have no use for a web server.
    const { startServer, WEB_DIR } = await import("../../serve/server.js");
    const { ensureWebApp } = await import("../../serve/web-app.js");
    const web = await ensureWebApp(WEB_DIR, say);
    if (!web.ok) {
      say(t("serve.error", { message: web.message }));
      return EXIT.invalid;
    }
    let running: Running;
    try {
      running = await startServer({ root: host.cwd, port, env: host.env, log: say });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EADDRINUSE" && code !== "EACCES") throw e;
      say(t("serve.error", { message: t("serve.choosePort", { why: code === "EADDRINUSE" ? t("serve.portInUse", { port: String(port) }) : t("serve.portNotAllowed", { port: String(port) }) }) }));
      return EXIT.invalid;
    }
    host.stdout.write(t("serve.started", { data: DATA, cwd: host.cwd, url: running.url }));
    // The command runs until it is stopped; then open connections are closed too.
    await new Promise<void>((done) => {
      process.once("SIGINT", done);
      process.once("SIGTERM", done);
    });
    await running.close();
    host.stdout.write(t("serve.stopped"));
    return EXIT.ok;
  },
};

/** `--port` as a number, or a usage error. */
export function parsePort(value: unknown): number {
  if (value === undefined) return DEFAULT_PORT;
  if (typeof value !== "string" || !/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(t("serve.badPort", { value: String(value) }));
  return Number(value);
}
