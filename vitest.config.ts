import { defineConfig } from 'vitest/config';

// One suite for the whole repository. Tests sit beside the code (x.ts + x.test.ts).
// Database tests run on embedded PGlite, or on PostgreSQL when DATABASE_URL is set.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
