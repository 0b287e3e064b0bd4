import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Browser tests poll what the page shows; a loaded CI machine needs more than the default second.
    expect: { poll: { timeout: 10_000 } },
  },
});
