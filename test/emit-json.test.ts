import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emitJson } from '../pipeline/emit/json/index.js'
import { buildSeed, SEEDS } from './helpers.js'

describe('emit/json', () => {
  it('writes exactly what JSON.stringify writes, and a final newline', async () => {
    for (const seed of Object.values(SEEDS)) {
      const doc = await buildSeed(seed)
      const chunks = [...emitJson(doc)]
      expect(chunks).toEqual([`${JSON.stringify(doc)}\n`])
      // Cut into chunks of about 4,000 characters, walking the document.
      const cut = [...emitJson(doc, 4000)]
      expect(cut.length).toBeGreaterThan(2)
      expect(cut.join('')).toBe(chunks[0])
    }
  })

  it('writes what JSON.stringify writes for any value, long arrays of small and large items among them', () => {
    // Arrays up to 150 long, some items holding long arrays themselves: walked, with runs of small items between.
    const small = fc.jsonValue({ maxDepth: 1 })
    const items = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 150, size: 'max' })
    const large = fc.oneof(items(small), fc.dictionary(fc.string(), items(small), { minKeys: 1, maxKeys: 2 }))
    const mixed = items(fc.oneof({ weight: 9, arbitrary: small }, { weight: 1, arbitrary: large }))
    fc.assert(
      fc.property(fc.oneof(mixed, fc.dictionary(fc.string(), mixed, { maxKeys: 3 })), fc.integer({ min: 1, max: 2000 }), (value, chunk) => {
        // Whole when it fits in a chunk, walked when it may not.
        expect([...emitJson(value)].join('')).toBe(`${JSON.stringify(value)}\n`)
        expect([...emitJson(value, chunk)].join('')).toBe(`${JSON.stringify(value)}\n`)
      }),
      { seed: 1, numRuns: 100 }
    )
  })
})
