#!/usr/bin/env node
// Benchmark: prints figures, asserts nothing (timings on shared machines are noisy).
//   npm run bench            300 generated proposals of the seed's size, each measure run 3 times
//   BENCH_N=1000 BENCH_RUNS=5 npm run bench
// Figures, each for the whole process (start-up included): a `build` of N proposals (.docx and
// .html, and .docx alone) against the floor — the docx package making and writing the same
// documents by itself; the cold `build` of the seed against a bare `node -e 0`; our cost per
// document against the docx package's, warm, in one process; pandoc, one process per document.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "boardpaper.js");
const FLOOR = join(ROOT, "scripts", "bench-floor.mjs");
const N = Number(process.env.BENCH_N ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 1) => x.toFixed(d);
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

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

/**
 * Run a node command: wall time (ms), CPU time (user + system, ms) and peak RSS (MB) of the
 * whole process, from /usr/bin/time when there is one (else wall time only).
 */
function measure(args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const [cmd, argv] = TIME ? [TIME, ["-f", "%U %S %M", process.execPath, ...args]] : [process.execPath, args];
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      const ms = performance.now() - start;
      if (code !== 0) return reject(new Error(`${args.join(" ")} exited ${code}: ${err}`));
      const m = /(\d+\.\d+) (\d+\.\d+) (\d+)\s*$/.exec(err);
      resolve(m ? { ms, cpuMs: (Number(m[1]) + Number(m[2])) * 1000, rssMb: Number(m[3]) / 1024 } : { ms });
    });
  });
}

/** `runs` measurements of a command (a fresh output folder each time): medians and ranges. */
async function repeat(args, cwd, out, env = {}) {
  const all = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(out, { recursive: true, force: true });
    all.push(await measure(args, cwd, env));
  }
  const pick = (k) => all.map((r) => r[k]).filter((x) => x !== undefined);
  return { ms: pick("ms"), cpuMs: pick("cpuMs"), rssMb: pick("rssMb") };
}

const range = (xs, d = 0) => (xs.length ? `${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)}` : "?");
const perDoc = (xs) => `${range(xs.map((x) => x / N), 2)} ms/document (median ${fmt(median(xs) / N, 2)})`;

const work = mkdtempSync(join(tmpdir(), "bp-bench-"));
try {
  console.log(`boardpaper benchmark — ${availableParallelism()} cores, Node ${process.version}, N = ${N}, ${RUNS} runs each (ranges; whole processes)`);
  generate(work, N);
  const out = join(work, "out");

  // 1. A build of N proposals, and the floor: the docx package alone on the same documents.
  const both = await repeat([BIN, "build", "data", "--out", out], work, out);
  const docx = await repeat([BIN, "build", "data", "--out", out, "--format", "docx"], work, out);
  execFileSync(process.execPath, [FLOOR, "trees", work, join(work, "trees")], { cwd: ROOT });
  const floor = await repeat([FLOOR, "write", join(work, "trees"), out], ROOT, out);
  console.log(`build of ${N} (.docx + .html): wall ${perDoc(both.ms)}, CPU ${perDoc(both.cpuMs)}, peak RSS ${range(both.rssMb)} MB`);
  console.log(`build of ${N} (.docx only):    wall ${perDoc(docx.ms)}, CPU ${perDoc(docx.cpuMs)}, peak RSS ${range(docx.rssMb)} MB`);
  console.log(`floor: docx package alone, making and writing the same ${N} documents: wall ${perDoc(floor.ms)}, CPU ${perDoc(floor.cpuMs)}, peak RSS ${range(floor.rssMb)} MB`);
  console.log(`  ours against the floor (medians, wall): .docx only ${fmt(median(docx.ms) / median(floor.ms), 2)}×; .docx + .html ${fmt(median(both.ms) / median(floor.ms), 2)}×`);

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

  // 3. Our cost per document against the docx package alone, warm, in one process.
  process.stdout.write(execFileSync(process.execPath, [FLOOR, "warm"], { cwd: ROOT, encoding: "utf8" }));

  // 4. Import: the seed's .docx back to YAML, cold (one process) and warm (in one process, mammoth included).
  const seedDocx = join(seedDir, "terugblik-visitaties.docx");
  const imports = [];
  for (let i = 0; i < 7; i++) imports.push((await measure([BIN, "import", seedDocx, "--out", join(work, `import-${i}.yaml`)], ROOT)).ms);
  const { importWord } = await import(join(ROOT, "dist", "import", "import-word.js"));
  const { Pipeline } = await import(join(ROOT, "dist", "pipeline", "pipeline.js"));
  const { nodeHost } = await import(join(ROOT, "dist", "host", "host.js"));
  const quiet = { write: () => undefined, isTTY: false };
  const pipeline = await Pipeline.open(nodeHost(process, { cwd: ROOT, env: {}, stdout: quiet, stderr: quiet }));
  const bytes = readFileSync(seedDocx);
  for (let i = 0; i < 5; i++) await importWord(pipeline, bytes);
  const warm = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await importWord(pipeline, bytes);
    warm.push(performance.now() - t);
  }
  console.log(`import of the seed's .docx: cold ${fmt(median(imports), 0)} ms (whole process); warm ${fmt(median(warm), 1)} ms (${range(warm, 1)} ms)`);

  // 5. pandoc, one process per document.
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
