import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS } from '../helpers.js'
import { at, buildText, findings, placeOf, resolution } from './helpers.js'

describe('citation-order', () => {
  it('passes a dated list that runs from the oldest, and undated or separate citations in any order', async () => {
    const doc = await buildText(
      resolution({ preamble: ['回顾其2008年12月5日第63/114号和2010年12月16日第65/140号决议，', '又回顾第65/140号和第63/114号决议以及2010年12月16日第65/140号决议和2008年12月5日第63/114号决议，'] })
    )
    expect(findings(doc, 'citation-order')).toEqual([])
  })

  it('reports the resolution that breaks the order of a dated list', async () => {
    const source = resolution({ preamble: ['回顾其2008年12月5日第63/114号、2010年12月16日第65/140号和2006年12月4日第61/49号决议，'] })
    const found = findings(await buildText(source), 'citation-order')
    expect(found.map((d) => [at(d), d.reason])).toEqual([
      [placeOf(source, '2006年12月4日'), 'Resolution 61/49 (2006-12-04) is listed after resolution 65/140 (2010-12-16): a list of resolutions runs from the oldest.']
    ])
  })

  it("finds the seed resolution's list of 24 resolutions in order", async () => {
    const doc = await buildSeed(SEEDS.resolution)
    expect(findings(doc, 'citation-order')).toEqual([])
  })
})
