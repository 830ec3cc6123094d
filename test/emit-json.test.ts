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
})
