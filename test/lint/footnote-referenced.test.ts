import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS } from '../helpers.js'
import { at, buildText, findings, resolution } from './helpers.js'

describe('footnote-referenced', () => {
  it('passes footnotes that are all referenced', async () => {
    const doc = await buildText(resolution({ preamble: ['注意到秘书长的报告，\n1', '回顾其各项决议，\n2'], footnotes: ['1\n A/67/280。', '2\n A/67/281。'] }))
    expect(findings(doc, 'footnote-referenced')).toEqual([])
  })

  it('reports a footnote nothing refers to, at its label', async () => {
    const source = resolution({ preamble: ['注意到秘书长的报告，\n1'], footnotes: ['1\n A/67/280。', '2\n A/67/281。'] })
    const found = findings(await buildText(source), 'footnote-referenced')
    const line = source.split('\n').lastIndexOf('2') + 1
    expect(found.map((d) => [at(d), d.reason, d.endColumn])).toEqual([[`${line}:1`, 'Footnote 2 is never referenced in the text.', 2]])
  })

  it("finds every footnote of the seeds referenced (the resolution's footnote 3 twice)", async () => {
    for (const seed of Object.values(SEEDS)) expect(findings(await buildSeed(seed), 'footnote-referenced')).toEqual([])
  })
})
