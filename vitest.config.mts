import { defineConfig } from 'vitest/config';

/**
 * Three projects. `fast`: the pure core, the client's pure modules and the language server run
 * in-process (test/helpers/procLsp.ts LspInProcess): no build needed, seconds; its files share
 * their workers' module cache (`isolate: false`: importing the core once per worker, not once per
 * file, halves its time), so a test leaves no global state behind. `thorough`: the
 * core's fast-check properties over any text and its tests at scale (hundreds of thousands of
 * findings, 250 KB openings, deep nesting), pure too but half a minute. `process`: what only the
 * built bundles as processes show (the CLI, the server over stdio: framing, encodings, exit codes)
 * and the pairs' quality floors. `vitest run` (npm test, CI) runs all three; `npm run test:fast`
 * the first.
 */
const THOROUGH = ['test/core/robustness.test.ts', 'test/core/limits.test.ts', 'test/io/walkScale.test.ts'];
const PROCESS = ['test/cli/**/*.test.ts', 'test/lsp/robust.test.ts', 'test/lsp/conformance.test.ts', 'test/pairs/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // (The word list for the core, as the CLI and the server read it from dist/lexicon.txt.)
    setupFiles: ['test/helpers/lexicon.setup.ts'],
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'node_modules/**', ...THOROUGH, ...PROCESS], testTimeout: 20_000, isolate: false } },
      { extends: true, test: { name: 'thorough', include: THOROUGH, testTimeout: 20_000 } },
      { extends: true, test: { name: 'process', include: PROCESS, testTimeout: 20_000 } },
    ],
  },
});
