import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../pipeline/core/diagnostic.js'
import { placeOf, resolution } from './lint/helpers.js'
import { lintedOnThread } from './on-thread.js'

/**
 * No path of undoc is quadratic in the size of one paragraph: each lint rule is run on a text of
 * a megabyte built to give it the most work (a finding at every few characters, or one finding at
 * the end of a megabyte). The timeouts are bounds against a hang only; the assertions are on what
 * is found and where.
 */
const MB = 1_000_000
const HANG = 300_000

/** `unit` repeated to a megabyte of UTF-8, and how many times it was. */
function megabyteOf(unit: string): { text: string; count: number } {
  const count = Math.ceil(MB / Buffer.byteLength(unit))
  return { text: unit.repeat(count), count }
}

/** The findings of one lint rule on a text built through the real pipeline up to the document (no editions: they are not what is measured). */
async function findingsOf(source: string, ruleId: string, sidecar?: string): Promise<Diagnostic[]> {
  const encode = (text: string) => new TextEncoder().encode(text)
  const input = { path: 'input/test.zh.txt', bytes: encode(source), ...(sidecar ? { sidecar: { path: 'input/test.zh.meta.json', bytes: encode(sidecar) } } : {}) }
  return (await lintedOnThread(input)).filter((d) => d.ruleId === ruleId)
}

const at = (d: Diagnostic) => `${d.line}:${d.column}`

describe('lint rules on a megabyte paragraph built against them', () => {
  it(
    'paired-punctuation: a megabyte of unclosed 《, each reported where it stands',
    async () => {
      const { text, count } = megabyteOf('《')
      const source = resolution({ preamble: [`回顾${text}，`] })
      const found = await findingsOf(source, 'paired-punctuation')
      expect(found).toHaveLength(count)
      expect(at(found[0]!)).toBe(placeOf(source, '《'))
      expect(at(found[count - 1]!)).toBe(placeOf(source, '《', 1, count - 1))
    },
    HANG
  )

  it(
    'paired-punctuation: a megabyte of pairs crossed by one closer',
    async () => {
      const { text, count } = megabyteOf('（《')
      const source = resolution({ preamble: [`回顾${text}）。`] })
      const found = await findingsOf(source, 'paired-punctuation')
      // The closer closes the last （ and reports the 《 inside it; every earlier pair stays open.
      expect(found).toHaveLength(2 * count - 1)
      expect(found.filter((d) => d.reason.startsWith('《 is not closed before the ）'))).toHaveLength(1)
    },
    HANG
  )

  it(
    'halfwidth-punctuation: a megabyte of "汉,"',
    async () => {
      const { text, count } = megabyteOf('汉,')
      const source = resolution({ preamble: [`回顾${text}汉，`] })
      const found = await findingsOf(source, 'halfwidth-punctuation')
      expect(found).toHaveLength(count)
      expect(at(found[count - 1]!)).toBe(placeOf(source, '汉,', count, 1))
    },
    HANG
  )

  it(
    'date-valid: a megabyte of 30 February',
    async () => {
      const { text, count } = megabyteOf('2013年2月30日、')
      const source = resolution({ preamble: [`注意到${text}的会议，`] })
      const found = await findingsOf(source, 'date-valid')
      // Dates listed one after another are one citation (a list of days): it is reported once, where it starts.
      expect(count).toBeGreaterThan(50_000)
      expect(found).toHaveLength(1)
      expect(at(found[0]!)).toBe(placeOf(source, '2013年2月30日'))
      expect(found[0]!.reason).toContain('2013-02 has no day 30')
    },
    HANG
  )

  it(
    'symbol-format: a megabyte of symbols the grammar refuses',
    async () => {
      const { text, count } = megabyteOf('A/67/L.5/rev.1 ')
      const source = resolution({ preamble: [`注意到${text}，`] })
      const found = await findingsOf(source, 'symbol-format')
      expect(found).toHaveLength(count)
      expect(at(found[count - 1]!)).toBe(placeOf(source, 'A/67/L.5/rev.1', count))
    },
    HANG
  )

  it(
    'citation-order: a megabyte-long list of dated resolutions, newest first',
    async () => {
      const item = (k: number) => `${1990 + (k % 30)}年12月${1 + (k % 28)}日第${45 + (k % 30)}/${k}号`
      const items: string[] = []
      for (let length = 0, k = 0; length < MB / 3; k++) {
        items.push(item(29 - (k % 30) + 30 * Math.floor(k / 30)))
        length += items[items.length - 1]!.length
      }
      const source = resolution({ preamble: [`回顾其${items.join('、')}决议，`] })
      const found = await findingsOf(source, 'citation-order')
      // Within each run of 30 the dates fall; from one run to the next they rise again.
      const falls = items.length - Math.ceil(items.length / 30)
      expect(found).toHaveLength(falls)
      expect(at(found[0]!)).toBe(placeOf(source, items[1]!))
    },
    HANG
  )

  it(
    'renamed-organization: a megabyte sentence naming a renamed organization by its former name',
    async () => {
      const { text, count } = megabyteOf('伊斯兰会议组织、')
      const source = resolution({ preamble: [`欢迎${text}同联合国合作，`] })
      const found = await findingsOf(source, 'renamed-organization')
      expect(found).toHaveLength(count)
      expect(at(found[count - 1]!)).toBe(placeOf(source, '伊斯兰会议组织', count))
    },
    HANG
  )

  it(
    'renamed-organization: a megabyte sentence that speaks of the rename only at its end',
    async () => {
      const { text } = megabyteOf('伊斯兰会议组织、')
      const source = resolution({ preamble: [`欢迎${text}已更名为伊斯兰合作组织，`] })
      expect(await findingsOf(source, 'renamed-organization')).toEqual([])
    },
    HANG
  )

  it(
    'clause-punctuation: a megabyte preambular paragraph ending in closing quotes after the wrong mark',
    async () => {
      const { text } = megabyteOf('”')
      const source = resolution({ preamble: [`注意到“${'汉'.repeat(1000)}。${text}`, '注意到秘书长的报告，'] })
      const found = await findingsOf(source, 'clause-punctuation')
      expect(found.map(at)).toEqual([placeOf(source, '。')])
    },
    HANG
  )

  it(
    'paragraph-numbering: a megabyte of paragraphs all numbered 1',
    async () => {
      const { text, count } = megabyteOf('欢迎合作；\n\n 1. ')
      const source = ` 大会，\n\n 1. ${text}决定继续审议。\n`
      const found = await findingsOf(source, 'paragraph-numbering')
      expect(found).toHaveLength(count)
      expect(found.every((d) => d.reason === 'Paragraph 1 repeats the number of the one before it.')).toBe(true)
    },
    HANG
  )

  it(
    'footnote-defined: a megabyte paragraph of references to a footnote that is not there',
    async () => {
      const { text, count } = megabyteOf('报告\n7\n')
      const source = resolution({ preamble: [`注意到${text}，`] })
      const found = await findingsOf(source, 'footnote-defined')
      expect(found).toHaveLength(count)
      expect(at(found[count - 1]!)).toBe(placeOf(source, '\n7\n', count, 1))
    },
    HANG
  )

  it(
    'footnote-referenced: a megabyte of footnotes, all but the first referenced nowhere',
    async () => {
      // Raw texts number their footnotes up to 999 (footnote-blocks.ts): a megabyte of 999 footnotes.
      const note = '注'.repeat(Math.ceil(MB / 3 / 999))
      const source = resolution({ preamble: ['注意到报告，\n1'], footnotes: Array.from({ length: 999 }, (_, k) => `${k + 1}\n ${note}。`) })
      const found = await findingsOf(source, 'footnote-referenced')
      expect(found).toHaveLength(998)
      expect(at(found[997]!)).toBe(placeOf(source, '\n999\n', 1, 1))
    },
    HANG
  )

  it(
    "title-symbol: a megabyte title whose number is not its symbol's",
    async () => {
      const { text } = megabyteOf('联合国同各区域组织的合作')
      const source = resolution({ title: `67/300. ${text}` })
      expect((await findingsOf(source, 'title-symbol', '{"symbol":"A/RES/66/300"}')).map(at)).toEqual(['1:2'])
    },
    HANG
  )
})
