#!/usr/bin/env node
// The command line's build (`tsc -p tsconfig.build.json`, then scripts/bundle.mjs), skipped when
// nothing it depends on changed since the last successful one.
//
//   node scripts/build-if-stale.mjs            build only when stale (npm start, bench, preview,
//                                              test:quick); prints nothing when up to date
//   node scripts/build-if-stale.mjs --always   build in any case (npm run build, so npm ci)
//
// Stale means: the fingerprint of the build's inputs — the CONTENTS (sha256) of every file in
// INPUTS, never their mtimes, which a git checkout sets arbitrarily — or of the Node that runs it
// (the bundle's V8 code cache belongs to one Node) differs from the one in dist/.build-stamp; or
// dist/ is not what that build left there (a file missing, or changed by another build, such as
// test/global-setup.ts). The stamp is written only after both steps succeed, and removed
// before a build starts, so a failed or interrupted build is never taken for a good one.
//
// tsc runs with --incremental (its state in dist/.tsbuildinfo), which turns a rebuild after a
// small change from ~10 s into a few; when dist/ was not left by our own last build, that state
// is thrown away first and tsc compiles everything.
//
// Also a vitest global setup (see vitest.config.ts): its default export builds when stale.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-stamp");
const TSBUILDINFO = join(DIST, ".tsbuildinfo");
const LOCK = join(DIST, ".build-lock");

/**
 * Everything the build reads, relative to the project (a folder means all files below it).
 * Generous on purpose: a needless rebuild costs seconds, a missed input a wrong dist/.
 * - src/, tsconfig*.json: what tsc compiles, and how;
 * - scripts/bundle.mjs, bin/ (bundle.mjs loads bin/bundle.js): the bundle;
 * - templates/, and the seed with its house style (the nearest huisstijl.yaml) and logo: the
 *   bundle holds the templates compiled ahead and the parts its warm-up build of the seed
 *   deflated (a path that does not exist counts too: making it changes the fingerprint);
 * - package.json, package-lock.json, node_modules/.package-lock.json: tsc, esbuild, the
 *   libraries bundled and their versions;
 * - this file: how the build is run.
 */
export const INPUTS = [
  "src",
  "templates",
  "bin",
  "scripts/bundle.mjs",
  "scripts/build-if-stale.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "package.json",
  "package-lock.json",
  "node_modules/.package-lock.json",
  "data/proposals/terugblik-visitaties.yaml",
  "data/proposals/huisstijl.yaml",
  "data/huisstijl.yaml",
  "data/logo-veiligheidsregio.svg",
];

/** What a successful build must have left in dist/. */
const OUTPUTS = ["dist/cli/run.js", "dist/bundle/boardpaper.cjs", "dist/bundle/boardpaper.cjs.cache"];

/** The build itself: the same two steps `build:cli` always ran. */
function build(incremental) {
  const tsc = [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json", "--incremental", "--tsBuildInfoFile", relative(ROOT, TSBUILDINFO)];
  if (!incremental) rmSync(TSBUILDINFO, { force: true });
  for (const args of [tsc, [join(ROOT, "scripts", "bundle.mjs")]]) {
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) return r.status ?? 1;
  }
  return 0;
}

/** All files at or below `rel` (relative to ROOT), sorted, `/`-separated; none if it is missing. */
function files(rel) {
  const abs = join(ROOT, rel);
  let st;
  try {
    st = statSync(abs);
  } catch {
    return [];
  }
  if (!st.isDirectory()) return [rel];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(ROOT, join(d.parentPath, d.name)).split(sep).join("/"))
    .sort();
}

/** sha256 over the names and contents of `paths`, and `extra`. */
function digest(paths, extra = "") {
  const h = createHash("sha256").update(extra);
  for (const rel of paths) {
    const bytes = readFileSync(join(ROOT, rel));
    h.update(`\0${rel}\0${bytes.length}\0`).update(bytes);
  }
  return h.digest("hex");
}

/** The fingerprint of the build's inputs, and of the Node that builds and runs it. */
export function inputsFingerprint() {
  const paths = [...new Set(INPUTS.flatMap(files))];
  return digest(paths, `${process.version} ${process.platform} ${process.arch}\n`);
}

/**
 * The fingerprint of what the build left in dist/ (all of it but the web app, which vite builds,
 * and our own files). The code cache is left out: V8 does not write it the same twice, and it is
 * always written together with the bundle, which is in.
 */
function outputsFingerprint() {
  const ours = new Set([STAMP, TSBUILDINFO].map((p) => relative(ROOT, p).split(sep).join("/")));
  const paths = files("dist").filter((p) => !p.startsWith("dist/web/") && !p.startsWith("dist/.build-lock/") && !ours.has(p) && !p.endsWith(".cjs.cache"));
  return digest(paths);
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return undefined;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * One build at a time in this folder (`npm start` beside a test run, or several test runs):
 * a lock folder holding the owner's pid; one whose owner is gone is taken over.
 */
function withLock(fn) {
  mkdirSync(DIST, { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "pid"), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(LOCK, "pid"), "utf8"));
      } catch {}
      let alive = true;
      if (Number.isInteger(owner) && owner > 0) {
        try {
          process.kill(owner, 0);
        } catch (k) {
          alive = k.code === "EPERM";
        }
      } else alive = waited < 2000; // the owner has not written its pid yet
      if (!alive) rmSync(LOCK, { recursive: true, force: true });
      else {
        if (waited === 2000) process.stderr.write(`build-if-stale: waiting for the build running in process ${owner}\n`);
        sleep(200);
      }
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Whether dist/ is the build of the current inputs. */
function fresh(stamp, inputs) {
  return stamp?.inputs === inputs && OUTPUTS.every((p) => existsSync(join(ROOT, p))) && stamp.outputs === outputsFingerprint();
}

/** Build if stale (or `always`); returns the exit status. */
export function buildIfStale({ always = false } = {}) {
  let stamp = readStamp();
  if (!always && fresh(stamp, inputsFingerprint())) return 0;
  return withLock(() => {
    // Another process may have built while this one waited.
    stamp = readStamp();
    const inputs = inputsFingerprint();
    if (!always && fresh(stamp, inputs)) return 0;
    // tsc's incremental state is only to be trusted beside the dist/ our last build left.
    const incremental = stamp !== undefined && stamp.outputs === outputsFingerprint();
    rmSync(STAMP, { force: true });
    const status = build(incremental);
    if (status !== 0) return status;
    writeFileSync(STAMP, `${JSON.stringify({ inputs, outputs: outputsFingerprint() })}\n`);
    return 0;
  });
}

/** As a vitest global setup: the end-to-end tests spawn the real bin, which runs dist/. */
export default function setup() {
  const status = buildIfStale();
  if (status !== 0) throw new Error(`the build (scripts/build-if-stale.mjs) failed with exit status ${status}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = buildIfStale({ always: process.argv.includes("--always") });
}
