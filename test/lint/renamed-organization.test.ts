import { describe, expect, it } from 'vitest'
import { DocumentText } from '../../pipeline/lint/text.js'
import { buildSeed, SEEDS, seedText } from '../helpers.js'
import { at, buildText, findings, placeOf, resolution } from './helpers.js'

const FORMER = '伊斯兰会议组织'

describe('renamed-organization', () => {
  it('passes the current name, the former name before the rename, and a sentence that speaks of the rename', async () => {
    const current = await buildText(resolution({ preamble: ['欢迎伊斯兰合作组织同联合国合作，'] }))
    expect(findings(current, 'renamed-organization')).toEqual([])
    const before = await buildText(resolution({ preamble: ['欢迎伊斯兰会议组织同联合国合作，'], date: '2010 年 12 月 16 日' }))
    expect(findings(before, 'renamed-organization')).toEqual([])
    const rename = await buildText(resolution({ preamble: ['注意到伊斯兰会议组织已更名为伊斯兰合作组织，'] }))
    expect(findings(rename, 'renamed-organization')).toEqual([])
  })

  it('reports the former name in a text dated after the rename, and not when told to ignore it', async () => {
    const source = resolution({ preamble: ['欢迎伊斯兰会议组织同联合国合作，'] })
    const doc = await buildText(source)
    const found = findings(doc, 'renamed-organization')
    expect(found.map((d) => [at(d), d.reason])).toEqual([
      [
        placeOf(source, FORMER),
        `"${FORMER}" is the former name of 伊斯兰合作组织, renamed on 2011-06-28; this text is dated 2013-05-17. Use the current name, or say in the sentence that it was renamed.`
      ]
    ])
    expect(findings(doc, 'renamed-organization', { severity: 'warning', options: { ignore: ['oic'] } })).toEqual([])
  })

  it("reports the resolution seed's paragraph 17 and neither its footnote about the rename nor the name it footnotes", async () => {
    const doc = await buildSeed(SEEDS.resolution)
    const formerNames = new DocumentText(doc).blocks.flatMap((b) =>
      b.citations.filter((c) => b.text.slice(c.start, c.end) === FORMER).map((c) => `${c.node.position.start.line}:${c.node.position.start.column}`)
    )
    // The 1975 invitation (footnoted with the rename), the footnote itself, and paragraph 17 three times.
    expect(formerNames).toEqual(['27:38', '266:27', '268:4', '270:5', '43:2'])
    const found = findings(doc, 'renamed-organization')
    expect(found.map(at)).toEqual(['266:27', '268:4', '270:5'])
    const text = seedText(SEEDS.resolution)
    expect(found.map(at)).toEqual([placeOf(text, FORMER, 3), placeOf(text, FORMER, 4), placeOf(text, FORMER, 5)])
    expect(text.split('\n')[265]).toContain(' 17. ')
  })
})
