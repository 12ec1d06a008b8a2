import { defineConfig } from 'vitest/config';

/**
 * Two projects. `fast`: the pure core, the client's pure modules and the language server run
 * in-process (test/helpers/procLsp.ts LspInProcess): no build needed, seconds. `process`: what
 * only the built bundles as processes show (the CLI, the server over stdio: framing, encodings,
 * exit codes) and the pairs' quality floors (the CLI on every pair). `vitest run` runs both;
 * `npm run test:fast` the first.
 */
const PROCESS = ['test/cli/**/*.test.ts', 'test/lsp/robust.test.ts', 'test/lsp/conformance.test.ts', 'test/pairs/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      { test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'node_modules/**', ...PROCESS], testTimeout: 20_000 } },
      { test: { name: 'process', include: PROCESS, testTimeout: 20_000 } },
    ],
  },
});
