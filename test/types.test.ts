import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers.js'

describe('types derived from the schemas', () => {
  it('are what the schemas give now (run npm run types after editing a schema)', async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { generate } = (await import('../scripts/generate-types.mjs')) as { generate: () => Promise<Map<string, string>> }
    const generated = await generate()
    expect(generated.size).toBeGreaterThan(0)
    for (const [name, ts] of generated) expect(readFileSync(join(ROOT, 'pipeline', 'types', name), 'utf8'), name).toBe(ts)
  })
})
