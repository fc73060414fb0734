import { defineConfig } from 'vitest/config';

// Five suites, one runner, so every phase ends with vitest's summary:
// unit (pure code, fast), package (the packed npm tarball, installed offline),
// e2e (built site in Debian's Chromium), stacks (real Docker), swarm (chapter
// 12's stack on real Swarm clusters).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bin/**/*.test.ts', 'tests/oracle/**/*.test.ts', 'tests/stacks-api/**/*.test.ts', 'stacks/*.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          globalSetup: ['tests/package/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'stacks',
          include: ['tests/stacks/**/*.test.ts', 'tests/images/**/*.test.ts', 'tests/cli-image/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'swarm',
          include: ['tests/swarm/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          // The two files use separate Swarms (the host's, the Docker-in-Docker
          // one) and mostly wait: scripts/swarm/test-swarm.sh runs them side by side.
          fileParallelism: true,
        },
      },
    ],
  },
});
