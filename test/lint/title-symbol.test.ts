import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS, seedText } from '../helpers.js'
import { at, buildText, findings } from './helpers.js'

describe('title-symbol', () => {
  it('passes a resolution whose symbol is the number of its title', async () => {
    expect(findings(await buildText(seedText(SEEDS.resolution), 'input/a-res-67-264.zh.txt', { symbol: 'A/RES/67/264' }), 'title-symbol')).toEqual([])
  })

  it("reports a symbol that does not match the title's number, at the title", async () => {
    const found = findings(await buildText(seedText(SEEDS.resolution), 'input/a-res-67-264.zh.txt', { symbol: 'A/RES/66/264' }), 'title-symbol')
    expect(found.map((d) => [at(d), d.reason, d.severity])).toEqual([
      ['1:2', 'The title numbers this document 67/264, which is A/RES/67/264, but its symbol is A/RES/66/264: one of them is wrong.', 'error']
    ])
  })

  it('finds the seeds consistent', async () => {
    for (const seed of Object.values(SEEDS)) expect(findings(await buildSeed(seed), 'title-symbol')).toEqual([])
  })
})
