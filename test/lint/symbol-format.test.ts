import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS } from '../helpers.js'
import { at, buildText, findings, placeOf, resolution } from './helpers.js'

describe('symbol-format', () => {
  it('passes well-formed symbols, joint ones and a sidecar symbol of the grammar', async () => {
    const source = resolution({ preamble: ['注意到秘书长的报告(A/67/280-S/2012/614)和决议草案A/C.3/67/L.5/Rev.1，'] })
    expect(findings(await buildText(source), 'symbol-format')).toEqual([])
    expect(findings(await buildText(source, 'input/test.zh.txt', { symbol: 'A/RES/67/300' }), 'symbol-format')).toEqual([])
  })

  it('reports a symbol-shaped string the grammar refuses, where it stands', async () => {
    const source = resolution({ preamble: ['注意到决议草案A/C.3/67/L.5/rev.1和报告A/67/280，'] })
    const found = findings(await buildText(source), 'symbol-format')
    expect(found.map(at)).toEqual([placeOf(source, 'A/C.3/67/L.5/rev.1')])
    expect(found[0]!.reason).toMatch(/^"A\/C\.3\/67\/L\.5\/rev\.1" looks like a document symbol but does not follow the symbol grammar/)
    expect(found[0]!.endColumn! - found[0]!.column).toBe('A/C.3/67/L.5/rev.1'.length)
  })

  it('reports a document symbol given in a sidecar that is not one', async () => {
    const found = findings(await buildText(resolution(), 'input/test.zh.txt', { symbol: 'A/67/xxx' }), 'symbol-format')
    expect(found.map((d) => [at(d), d.reason.split(':')[0]])).toEqual([['1:1', 'The document\'s symbol "A/67/xxx" does not follow the symbol grammar']])
  })

  it('reports a cited document whose symbol is not one (a document made by other means than this pipeline)', async () => {
    const doc = structuredClone(await buildSeed(SEEDS.resolution))
    const citation = doc.tree.children
      .flatMap((p) => (p.type === 'footnotes' ? p.children : []))
      .flatMap((f) => f.children)
      .find((c) => c.type === 'citation' && c.kind === 'document')
    if (citation?.type !== 'citation') throw new Error('the seed cites documents in its footnotes')
    citation.symbol = 'A/60/633/rev.1'
    const found = findings(doc, 'symbol-format')
    expect(found.map((d) => [at(d), d.reason.split(':')[0]])).toEqual([['110:2', 'The cited symbol "A/60/633/rev.1" does not follow the symbol grammar']])
  })

  it('finds every symbol of the seeds well formed', async () => {
    for (const seed of Object.values(SEEDS)) expect(findings(await buildSeed(seed), 'symbol-format')).toEqual([])
  })
})
