import { configDefaults, defineConfig } from "vitest/config";

/**
 * `npm run test:quick` (`vitest run --mode quick`): the suite without the tests below, for the
 * edit-and-check loop; `npm test` (CI) runs everything. A new test file is quick unless listed.
 */
const SLOW_FILES = [
  "test/clients.test.ts", // every document in out/ through LibreOffice, pandoc, mammoth and axe-core in Chromium
  "test/pdf.test.ts", // LibreOffice makes PDFs
  "test/serve-e2e.test.ts", // the editor driven in Chromium
  "test/robustness.test.ts", // interrupts builds (kills processes) and builds concurrently
  "test/fuzz.test.ts", // property tests: many generated proposals
  "test/start.test.ts", // builds all of data/ twice through the bin, bundled and not
  "test/import-foreign.test.ts", // sets foreign proposals as .docx with pandoc and LibreOffice, then imports them
];
/** Single tests of quick files that are slow, by a word in their name. */
const SLOW_TESTS = [
  "LibreOffice", // opens a .docx in soffice (~10 s each)
  "ECMA-376", // the schema check of every .docx in out/ (xmllint, ~13 s)
];

export default defineConfig(({ mode }) => {
  const quick = mode === "quick";
  return {
    test: {
      include: ["test/**/*.test.ts"],
      exclude: quick ? [...configDefaults.exclude, ...SLOW_FILES] : configDefaults.exclude,
      testNamePattern: quick ? new RegExp(`^(?!.*(?:${SLOW_TESTS.join("|")}))`) : undefined,
      // The end-to-end tests spawn the real bin, which runs the compiled dist/ (on Node 20 through
      // the start-up bundle): it is built first when any of its inputs changed.
      globalSetup: ["scripts/build-if-stale.mjs"],
      // Quick: the test files share their workers' module cache instead of each importing the
      // sources anew in a fresh process (about half the time), and use every core (vitest's
      // default leaves one free). The full run keeps each file isolated, so a test that passes
      // only after another one has run is still caught there.
      ...(quick && { isolate: false, maxWorkers: "100%" }),
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
});
