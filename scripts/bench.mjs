#!/usr/bin/env node
// Benchmark: prints figures, asserts nothing (timings on shared machines are noisy).
//   npm run bench            1,000 generated proposals; BENCH_N=200 for a quicker run
// Figures: documents/second, ms/document and peak RSS for a batch `build` (.docx and .html);
// cold time of one `build` of the seed against a bare `node -e 0`; our cost per document
// against the docx package alone (the floor of our approach); pandoc, one process per
// document, when it is installed.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "boardpaper.js");
const N = Number(process.env.BENCH_N ?? 1000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 1) => x.toFixed(d);

/** Proposals of the seed's size and shape: the seed with its words shuffled a little per copy. */
function generate(dir, n) {
  mkdirSync(join(dir, "data", "proposals"), { recursive: true });
  cpSync(join(ROOT, "data", "huisstijl.yaml"), join(dir, "data", "huisstijl.yaml"));
  cpSync(join(ROOT, "data", "logo-veiligheidsregio.svg"), join(dir, "data", "logo-veiligheidsregio.svg"));
  const seed = readFileSync(join(ROOT, "data", "proposals", "terugblik-visitaties.yaml"), "utf8");
  for (let i = 0; i < n; i++) {
    const text = seed
      .replace(/^onderwerp: .*$/m, `onderwerp: Terugblik visitaties, versie ${i}`)
      .replace(/^agendapunt: .*$/m, `agendapunt: "${(i % 40) + 1}"`)
      .replace("Het versterken van de strategische sturing", `Het versterken (${i}) van de strategische sturing`);
    writeFileSync(join(dir, "data", "proposals", `voorstel-${String(i).padStart(4, "0")}.yaml`), text);
  }
}

/** Run a command, return wall time (ms) and peak RSS (MB) of the process and its threads. */
function measure(args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let peak = 0;
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    // VmHWM is the process's peak resident set (worker threads included); polled as a fallback
    // measure where /proc exists.
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {}
    }, 20);
    child.on("exit", (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${args.join(" ")} exited ${code}: ${err}`));
      else resolve({ ms: performance.now() - start, rssMb: peak });
    });
  });
}

const work = mkdtempSync(join(tmpdir(), "bp-bench-"));
try {
  console.log(`boardpaper benchmark — ${availableParallelism()} cores, Node ${process.version}, N = ${N}`);
  generate(work, N);

  // 1. The batch.
  const batch = await measure([BIN, "build"], work);
  console.log(`batch build of ${N} proposals (.docx + .html): ${fmt(batch.ms / 1000, 2)} s, ${fmt(N / (batch.ms / 1000), 0)} documents/s, ${fmt(batch.ms / N, 2)} ms/document, peak RSS ${fmt(batch.rssMb, 0)} MB`);
  for (const [workers, label] of [["1", "one thread, streaming (BOARDPAPER_WORKERS=1)"], ["0", "one thread, in memory (BOARDPAPER_WORKERS=0)"]]) {
    rmSync(join(work, "out"), { recursive: true, force: true });
    const one = await measure([BIN, "build"], work, { BOARDPAPER_WORKERS: workers });
    console.log(`  ${label}: ${fmt(one.ms / 1000, 2)} s, ${fmt(N / (one.ms / 1000), 0)} documents/s, peak RSS ${fmt(one.rssMb, 0)} MB`);
  }

  // 2. Cold start.
  const seedDir = join(work, "seed");
  mkdirSync(seedDir, { recursive: true });
  const colds = [];
  const bares = [];
  for (let i = 0; i < 7; i++) {
    bares.push((await measure(["-e", "0"], work)).ms);
    colds.push((await measure([BIN, "build", join(ROOT, "data", "proposals", "terugblik-visitaties.yaml"), "--out", seedDir], ROOT)).ms);
  }
  console.log(`cold build of the seed: ${fmt(median(colds), 0)} ms; bare node -e 0: ${fmt(median(bares), 0)} ms; ratio ${fmt(median(colds) / median(bares), 2)}×`);

  // 3. Our cost per document against the docx package alone, warm, in one thread.
  const floor = execFileSync(process.execPath, [join(ROOT, "scripts", "bench-floor.mjs")], { cwd: ROOT, encoding: "utf8" });
  process.stdout.write(floor);

  // 4. pandoc, one process per document.
  if (spawnSync("pandoc", ["--version"]).status === 0) {
    const sample = Math.min(N, 40);
    const md = readFileSync(join(ROOT, "seeds", "000_5a9ebb66a1787e57.txt"), "utf8");
    writeFileSync(join(work, "seed.md"), md);
    const t = performance.now();
    for (let i = 0; i < sample; i++) execFileSync("pandoc", [join(work, "seed.md"), "-o", join(work, `p${i}.docx`)]);
    const per = (performance.now() - t) / sample;
    console.log(`pandoc, one process per document (seed text, ${sample} runs): ${fmt(per, 0)} ms/document, ${fmt(1000 / per, 1)} documents/s (.docx only)`);
  } else {
    console.log("pandoc: not installed, skipped");
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
