import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lint } from '../../pipeline/lint/index.js'
import { DocumentText } from '../../pipeline/lint/text.js'
import { buildSeed, ROOT, SEEDS } from '../helpers.js'
import { at } from './helpers.js'

describe('lint with the default settings', () => {
  it('finds in the resolution seed the three former names of paragraph 17 and the unpaired ” of paragraph 22, all warnings', async () => {
    const found = lint(await buildSeed(SEEDS.resolution))
    expect(found.map((d) => [at(d), d.ruleId, d.severity])).toEqual([
      ['266:27', 'renamed-organization', 'warning'],
      ['268:4', 'renamed-organization', 'warning'],
      ['270:5', 'renamed-organization', 'warning'],
      ['299:28', 'paired-punctuation', 'warning']
    ])
  })

  it('finds in the letter of 8 July 2011 every use of the former name of the organization renamed on 28 June 2011, and nothing else', async () => {
    const doc = await buildSeed(SEEDS.letter)
    const former = new DocumentText(doc).blocks.flatMap((b) => b.citations.filter((c) => b.text.slice(c.start, c.end) === '伊斯兰会议组织').map((c) => c.node.position.start))
    const found = lint(doc)
    expect(found.every((d) => d.ruleId === 'renamed-organization' && d.severity === 'warning')).toBe(true)
    expect(found.map(at)).toEqual(former.sort((a, b) => a.offset - b.offset).map((p) => `${p.line}:${p.column}`))
    expect(found).toHaveLength(31)
  })

  it('finds nothing in the other kinds of document, which are well formed', async () => {
    const dir = 'test/fixtures/kinds'
    // The constructed fixtures write the variant forms of real texts (ASCII marks, early numbering) on purpose: the rules report those.
    for (const name of readdirSync(join(ROOT, dir)).filter((n) => !n.startsWith('constructed-'))) expect(lint(await buildSeed(`${dir}/${name}`)), name).toEqual([])
  })
})
