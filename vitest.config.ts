import { defineConfig } from 'vitest/config';

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
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One file at a time: on PostgreSQL each file copies its own database from one seeded template
          // (test/helpers.ts), and the latency and durability tests need the cores to themselves.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // expect.poll gives up after 1 s by default: a page on a busy two-core machine can take longer.
          expect: { poll: { timeout: 10_000 } },
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One file at a time: two side by side on two cores made pages miss their deadlines and lazy chunks fail
          // to load under the load of two servers and two browsers.
          fileParallelism: false,
        },
      },
    ],
  },
});
