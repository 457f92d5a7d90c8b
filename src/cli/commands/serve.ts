import { DATA } from "../../serve/files.js";
import type { Running } from "../../serve/server.js";
import { UsageError, type Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

export const DEFAULT_PORT = 4311;

export const serve: Command = {
  name: "serve",
  usage: "boardpaper serve [--port N]",
  help: `Starts a local web editor over the data/ folder of the current folder: the proposals and
meetings, with whether each passes \`check\`; a form generated from the schema (or the YAML
itself) beside a live preview of the document; the problems \`check\` finds, at the field they
concern; saving that keeps your comments and layout; downloads as .docx, HTML and (with
LibreOffice) PDF; and the changes since the last git commit.

It listens on 127.0.0.1 only and prints an address with a random access key: open that
address in your browser. Only .yaml files inside data/ can be read or written.
Stop it with Ctrl+C.

Options:
  --port N   the port to listen on (default ${DEFAULT_PORT}; 0 for any free port)

Example:
  boardpaper serve --port 8080`,
  options: { port: { type: "string" } },
  async run({ host, values }) {
    const port = parsePort(values.port);
    if ((await host.kind(DATA)) !== "dir") throw new UsageError(`there is no ${DATA}/ folder in ${host.cwd}; start boardpaper serve in the project folder`);
    const say = (line: string) => host.stderr.write(`${line}\n`);
    // Loaded here, not at start-up: the other commands have no use for a web server.
    const { startServer, WEB_DIR } = await import("../../serve/server.js");
    const { ensureWebApp } = await import("../../serve/web-app.js");
    const web = await ensureWebApp(WEB_DIR, say);
    if (!web.ok) {
      say(`boardpaper serve: error: ${web.message}`);
      return EXIT.invalid;
    }
    let running: Running;
    try {
      running = await startServer({ root: host.cwd, port, env: host.env, log: say });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EADDRINUSE" && code !== "EACCES") throw e;
      say(`boardpaper serve: error: ${code === "EADDRINUSE" ? `port ${port} is in use` : `not allowed to listen on port ${port}`}; choose another with --port N (--port 0 takes any free port)`);
      return EXIT.invalid;
    }
    host.stdout.write(
      `boardpaper serve: editing ${DATA}/ in ${host.cwd}\n\n` +
        `  Open ${running.url}\n\n` +
        "The address carries the access key: do not share it. Stop with Ctrl+C.\n",
    );
    // The command runs until it is stopped; then open connections are closed too.
    await new Promise<void>((done) => {
      process.once("SIGINT", done);
      process.once("SIGTERM", done);
    });
    await running.close();
    host.stdout.write("boardpaper serve: stopped.\n");
    return EXIT.ok;
  },
};

/** `--port` as a number, or a usage error. */
export function parsePort(value: unknown): number {
  if (value === undefined) return DEFAULT_PORT;
  if (typeof value !== "string" || !/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not \`${String(value)}\``);
  return Number(value);
}
