import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS, seedText } from '../helpers.js'
import { at, buildText, findings, placeOf, resolution } from './helpers.js'

describe('paired-punctuation', () => {
  it('passes balanced, nested pairs', async () => {
    const doc = await buildText(resolution({ preamble: ['回顾《联合国宪章》（特别是题为“《宪章》的宗旨”的第一章），'] }))
    expect(findings(doc, 'paired-punctuation')).toEqual([])
  })

  it('passes a quotation over several paragraphs, each opening it again and the last closing it', async () => {
    const doc = await buildText(resolution({ preamble: ['回顾其声明：“安全理事会回顾其各项决议，', '“安全理事会强调合作的重要性。”，'] }))
    expect(findings(doc, 'paired-punctuation')).toEqual([])
  })

  it('reports a quotation left open when the next paragraph does not go on with it', async () => {
    const source = resolution({ preamble: ['回顾其声明：“安全理事会回顾其各项决议，', '注意到秘书长的报告，'] })
    expect(findings(await buildText(source), 'paired-punctuation').map(at)).toEqual([placeOf(source, '“')])
  })

  it('reports an unpaired closer, an unclosed opener and crossing pairs where they stand', async () => {
    const source = resolution({ preamble: ['注意到题为联合国同各区域组织的合作”的报告，', '回顾《联合国宪章（第一章》），'], operative: ['欢迎（两组织之间的合作；', '决定继续审议这个问题。'] })
    const found = findings(await buildText(source), 'paired-punctuation')
    expect(found.map((d) => [at(d), d.reason])).toEqual([
      [placeOf(source, '”'), 'Unpaired ”: no “ opens it in this paragraph.'],
      [placeOf(source, '（'), '（ is not closed before the 》 that closes the 《 around it: add ） or move it.'],
      [placeOf(source, '）'), 'Unpaired ）: no （ opens it in this paragraph.'],
      [placeOf(source, '（', 2), 'Unpaired （: no ） closes it in this paragraph.']
    ])
    expect(found.every((d) => d.severity === 'warning' && d.source === 'undoc-lint')).toBe(true)
  })

  it("reports the unpaired ” of the resolution seed's paragraph 22 at its raw line and column", async () => {
    const found = findings(await buildSeed(SEEDS.resolution), 'paired-punctuation')
    expect(found.map(at)).toEqual(['299:28'])
    const line = seedText(SEEDS.resolution).split('\n')[298]!
    expect(line[27]).toBe('”')
    expect(line.slice(0, 28)).toBe('织的合作”的项目下列入题为联合国同伊斯兰合作组织的合作”')
    expect(found[0]).toMatchObject({ file: SEEDS.resolution, endLine: 299, endColumn: 29 })
  })

  it('finds nothing unpaired in the letter seed', async () => {
    expect(findings(await buildSeed(SEEDS.letter), 'paired-punctuation')).toEqual([])
  })
})
