import { defineConfig } from 'vitest/config';

/** Integration files that time themselves or kill a server: they run alone, after the others. */
const SOLO = ['durability', 'pglite-durability', 'export-jobs', 'registry-import', 'database-away'].map((f) => `packages/server/test/${f}.int.test.ts`);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/server/test/**/*.int.test.ts'],
          exclude: [...SOLO, '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Two files at a time: each has a database of its own (PostgreSQL: a copy of one seeded template; PGlite: one
          // seeded image), so they cannot see each other's rows (test/helpers.ts).
          maxWorkers: 2,
          // The server's modules are imported once per worker, not once per file (PGlite tier 275 → 218 s on two cores):
          // every file builds its own app on its own database (createTestApp), and a file that changes the environment,
          // the clock or a spy puts it back in its own hooks or in the test itself.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'integration-solo',
          include: SOLO,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // After the others, one at a time: these measure time or kill servers, and need the cores to themselves.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          exclude: ['e2e/crawl-*.e2e.test.ts', '**/node_modules/**'],
          // expect.poll gives up after 1 s by default: a page on a busy two-core machine can take longer.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One file at a time (the crawl runs beside them): two of these side by side on two cores made pages miss their
          // deadlines and lazy chunks fail to load under the load of two servers and two browsers.
          fileParallelism: false,
          // A failed browser test runs once more (the output marks it): a real defect fails twice; a test that passes
          // only on its retry is a bug of the test or of the page to chase, not a green run to forget.
          retry: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e-crawl',
          include: ['e2e/crawl-*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Its two halves one after the other, in a process of its own beside the other browser files (`npm run test:e2e`,
          // scripts/side-by-side.mjs): the crawl waits on pages far more than it computes (a third of a core, measured) and
          // has no deadline shorter than its 15 s settle, so it shares the two cores with the behaviour files.
          fileParallelism: false,
          // As the other browser files: once more on failure (an axe fault is checked again on the retry, e2e/crawl.ts).
          retry: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
