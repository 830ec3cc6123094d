import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // fast-check runs with a fixed seed so that a red run can be replayed exactly.
    env: { FC_SEED: '20261125' }
  }
})
