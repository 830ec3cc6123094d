import { describe, expect, it } from 'vitest'
import { RawText } from '../../pipeline/core/raw-text.js'
import { DocumentText } from '../../pipeline/lint/text.js'
import { emitMarkdown } from '../../pipeline/emit/markdown/index.js'
import { build, buildSeed, SEEDS, seedText } from '../helpers.js'
import { buildText, resolution } from './helpers.js'

describe('lint positions', () => {
  /** Every character of every block of a built text, looked up in the raw text it was built from. */
  async function expectAllFound(path: string, source: string): Promise<void> {
    const built = await build(path, source)
    const doc = built.document!
    const raw = new RawText(path, source)
    const text = new DocumentText(doc)
    const replaced = doc.removals.filter((r) => r.replacement !== undefined)
    let checked = 0
    for (const block of text.blocks) {
      for (let i = 0; i < block.text.length; i++) {
        const point = block.pointAt(i)
        expect(point).toEqual(raw.pointAt(point.offset))
        const inReplacement = replaced.some((r) => r.position.start.offset <= point.offset && point.offset < r.position.end.offset)
        if (!inReplacement) expect(raw.text[point.offset], `${block.text.slice(0, i + 1)} at ${point.line}:${point.column}`).toBe(block.text[i])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(3000)
  }

  for (const [name, path] of Object.entries(SEEDS)) {
    it(`find every character of every text of the ${name} in the raw file`, async () => {
      await expectAllFound(path, seedText(path))
    })

    it(`find every character of every text of the ${name}'s Markdown edition in it`, async () => {
      const markdown = emitMarkdown(await buildSeed(path))
      await expectAllFound(path.replace(/\.txt$/, '.md'), markdown)
    })
  }

  it('points into a replacement at the raw character it replaced', async () => {
    const source = resolution({ preamble: ['注意到２０１１年的报告，'] })
    const text = new DocumentText(await buildText(source))
    const block = text.blocks.find((b) => b.text.includes('2011'))!
    const raw = new RawText('input/test.zh.txt', source)
    for (let k = 0; k < 4; k++) expect(raw.text[block.pointAt(block.text.indexOf('2011') + k).offset]).toBe('２０１１'[k])
  })
})
