import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS } from '../helpers.js'
import { at, buildText, findings, resolution } from './helpers.js'

describe('footnote-defined', () => {
  it('passes references that all have footnotes', async () => {
    const doc = await buildText(resolution({ preamble: ['注意到秘书长的报告，\n1'], footnotes: ['1\n A/67/280。'] }))
    expect(findings(doc, 'footnote-defined')).toEqual([])
  })

  it('reports a reference with no footnote, at the reference', async () => {
    const source = resolution({ preamble: ['注意到秘书长的报告，\n1', '回顾其各项决议，\n2'], footnotes: ['1\n A/67/280。'] })
    const found = findings(await buildText(source), 'footnote-defined')
    expect(found.map((d) => [at(d), d.reason, d.severity])).toEqual([['9:1', 'Footnote 2 is referenced here but there is no footnote 2.', 'error']])
    expect(source.split('\n')[8]).toBe('2')
  })

  it('finds every reference of the seeds defined', async () => {
    for (const seed of Object.values(SEEDS)) expect(findings(await buildSeed(seed), 'footnote-defined')).toEqual([])
  })
})
