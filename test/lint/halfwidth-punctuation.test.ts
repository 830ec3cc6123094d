import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS } from '../helpers.js'
import { at, buildText, findings, placeOf, resolution } from './helpers.js'

describe('halfwidth-punctuation', () => {
  it('passes full-width marks, and ASCII marks beside Latin letters and digits', async () => {
    const doc = await buildText(resolution({ preamble: ['注意到秘书长的报告(A/67/280)，其中载有 1,000 项建议，'] }))
    expect(findings(doc, 'halfwidth-punctuation')).toEqual([])
  })

  it('reports ASCII , ; : ? ! between Han characters, with the full-width mark to write', async () => {
    const source = resolution({ preamble: ['注意到秘书长的报告,认识到合作的重要性，'], operative: ['欢迎两组织之间的合作 ; 并鼓励其继续合作；', '决定继续审议这个问题。'] })
    const found = findings(await buildText(source), 'halfwidth-punctuation')
    expect(found.map((d) => [at(d), d.reason])).toEqual([
      [placeOf(source, ','), 'ASCII "," between Han characters: write "，".'],
      [placeOf(source, ';'), 'ASCII ";" between Han characters: write "；".']
    ])
  })

  it('finds none in the seeds', async () => {
    for (const seed of Object.values(SEEDS)) expect(findings(await buildSeed(seed), 'halfwidth-punctuation')).toEqual([])
  })
})
