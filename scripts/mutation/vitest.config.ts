import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The unit tests of the engine and the objectives only: Stryker's vitest
// runner loads every project of the root config, and the e2e and stacks
// projects have nothing to say about a mutant in src/engine/.

/** Tests that replace a module with `vi.mock`: they need a module graph of their own. */
const mocking = ['src/engine/check-never-throws.test.ts', 'src/engine/rules/nginx/nginx-unknown-variable.test.ts'];

export default defineConfig({
  // Stryker copies the repository into a sandbox: the root is wherever this file sits, two levels up.
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    environment: 'node',
    // Instrumented code on a loaded machine: the corpus tests take longer than vitest's 5 s.
    testTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          // With the recorded verdicts of the real tools on the course's corpora (Compose's `config`, `nginx -t`,
          // `docker stack config`): outside judges of the whole engine, seconds per mutant. The real-world corpus
          // (tests/oracle/real-world, 11 s) is left to `npm test`.
          include: ['src/engine/**/*.test.ts', 'src/objectives/**/*.test.ts', 'tests/oracle/{compose,nginx,swarm,lessons}/*.test.ts'],
          // The contract tests (any input, time bounds) run seconds per mutant and
          // assert "no crash", not behaviour: run them with `npm test`, not here.
          exclude: ['**/node_modules/**', 'src/engine/compose/robustness.test.ts', 'src/engine/rules/swarm/robustness.test.ts', 'src/engine/**/*.property.test.ts', ...mocking],
          // Each mutant re-runs the tests that cover it; importing the engine once
          // per worker instead of once per test file is most of the time saved.
          // Mutants are switched at run time (Stryker's mutant schemata), so one
          // import serves them all.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: mocking } },
    ],
  },
});
