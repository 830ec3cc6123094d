import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS } from './helpers.js'

describe('build', () => {
  it('builds the resolution seed into a GA resolution', async () => {
    const doc = await buildSeed(SEEDS.resolution)
    expect(doc.metadata.kind).toBe('ga-resolution')
    expect(doc.metadata.symbol).toBe('A/RES/67/264')
  })
})
