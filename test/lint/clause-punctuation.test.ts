import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS } from '../helpers.js'
import { at, buildText, findings, placeOf, resolution } from './helpers.js'

describe('clause-punctuation', () => {
  it('passes a resolution whose clauses end as they should, subparagraphs introduced by "："', async () => {
    const doc = await buildText(resolution({ operative: ['请秘书长：', '(a) 提出报告；', '(b) 继续合作；', '决定继续审议这个问题。'] }))
    expect(findings(doc, 'clause-punctuation')).toEqual([])
  })

  it('reports a preambular, an operative and a last paragraph that end wrongly, at the mark', async () => {
    const source = resolution({ preamble: ['回顾其2010年12月16日第65/140号决议；', '注意到秘书长的报告，'], operative: ['欢迎两组织之间的合作，', '决定继续审议这个问题；'] })
    const found = findings(await buildText(source), 'clause-punctuation')
    expect(found.map((d) => [at(d), d.reason])).toEqual([
      [placeOf(source, '决议；', 1, 2), 'A preambular paragraph ends with "，", not "；".'],
      [placeOf(source, '合作，', 1, 2), 'An operative paragraph ends with "；", not "，".'],
      [placeOf(source, '问题；', 1, 2), 'The last operative paragraph ends with "。", not "；".']
    ])
  })

  it('checks only the kinds of document it is told to', async () => {
    const doc = await buildText(resolution({ operative: ['欢迎两组织之间的合作，', '决定继续审议这个问题。'] }))
    expect(findings(doc, 'clause-punctuation', { severity: 'warning', options: { kinds: ['sc-resolution'] } })).toEqual([])
  })

  it('finds every clause of the seed resolution well ended (a footnote after the mark changes nothing)', async () => {
    expect(findings(await buildSeed(SEEDS.resolution), 'clause-punctuation')).toEqual([])
  })
})
