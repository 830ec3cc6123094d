import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // One test file per core. Vitest's default leaves one core free, which on a 2-core machine is one
    // file at a time, while the end-to-end files spend much of their time waiting on the builds'
    // worker threads and child processes: two at once took the suite from 338 s to 269 s.
    maxWorkers: availableParallelism(),
    // Bounds against a hang, not checks of speed: a busy machine may take many times as long as an idle one.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // fast-check runs with a fixed seed so that a red run can be replayed exactly.
    env: { FC_SEED: '20261125' }
  }
})
