import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bounds against a hang, not checks of speed: a busy machine may take many times as long as an idle one.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // fast-check runs with a fixed seed so that a red run can be replayed exactly.
    env: { FC_SEED: '20261125' }
  }
})
