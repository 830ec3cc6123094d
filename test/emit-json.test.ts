import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emitJson } from '../pipeline/emit/json/index.js'
import { buildSeed, SEEDS } from './helpers.js'

describe('emit/json', () => {
  it('writes exactly what JSON.stringify writes, and a final newline', async () => {
    for (const seed of Object.values(SEEDS)) {
      const doc = await buildSeed(seed)
      const chunks = [...emitJson(doc)]
      expect(chunks.join('')).toBe(`${JSON.stringify(doc)}\n`)
    }
  })

  it('writes what JSON.stringify writes for any value, long arrays of small and large items among them', () => {
    // Arrays up to 150 long, some items holding long arrays themselves: walked, with runs of small items between.
    const small = fc.jsonValue({ maxDepth: 1 })
    const items = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 150, size: 'max' })
    const large = fc.oneof(items(small), fc.dictionary(fc.string(), items(small), { minKeys: 1, maxKeys: 2 }))
    const mixed = items(fc.oneof({ weight: 9, arbitrary: small }, { weight: 1, arbitrary: large }))
    fc.assert(
      fc.property(fc.oneof(mixed, fc.dictionary(fc.string(), mixed, { maxKeys: 3 })), (value) => {
        expect([...emitJson(value)].join('')).toBe(`${JSON.stringify(value)}\n`)
      }),
      { seed: 1, numRuns: 100 }
    )
  })
})
