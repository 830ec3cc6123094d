import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS } from '../helpers.js'
import { at, buildText, findings, placeOf, resolution } from './helpers.js'

/** A resolution whose operative paragraphs carry the numbers given, as written. */
function numberedAs(numbers: string[]): string {
  return resolution({ operative: [] }).replace(' 大会，', ` 大会，\n\n${numbers.map((n, i) => ` ${n} 欢迎第${i + 1}项合作${i === numbers.length - 1 ? '。' : '；'}`).join('\n\n')}`)
}

describe('paragraph-numbering', () => {
  it('passes paragraphs numbered 1, 2, 3 with subparagraphs (a), (b) and (i), (ii)', async () => {
    const doc = await buildText(resolution({ operative: ['请秘书长：', '(a) 提出报告；', '(b) 继续：', '(i) 合作；', '(ii) 协调；', '决定继续审议这个问题。'] }))
    expect(findings(doc, 'paragraph-numbering')).toEqual([])
  })

  it('reports a gap, a repeat and a number out of order, at the number', async () => {
    const source = numberedAs(['1.', '3.', '3.', '2.'])
    const found = findings(await buildText(source), 'paragraph-numbering')
    expect(found.map((d) => [at(d), d.reason])).toEqual([
      [placeOf(source, '3.'), 'Paragraph 3 follows paragraph 1: paragraph 2 is missing.'],
      [placeOf(source, '3.', 2), 'Paragraph 3 repeats the number of the one before it.'],
      [placeOf(source, '2.'), 'Paragraph 2 comes after paragraph 3: the numbers must run in order.']
    ])
  })

  it('reports numbering that does not start at 1, and subparagraphs that skip a letter', async () => {
    const source = resolution({ operative: ['请秘书长：', '(b) 提出报告；', '(c) 继续合作；', '决定继续审议这个问题。'] })
      .replace(' 1. 请秘书长', ' 2. 请秘书长')
      .replace(' 2. 决定', ' 3. 决定')
    const found = findings(await buildText(source), 'paragraph-numbering')
    expect(found.map((d) => [at(d), d.reason])).toEqual([
      [placeOf(source, '2.'), 'Paragraph 2 is the first of its series: numbering starts at 1.'],
      [placeOf(source, '(b)'), 'Subparagraph (b) is the first of its series: numbering starts at (a).']
    ])
    expect(findings(await buildText(source), 'paragraph-numbering', { severity: 'error', options: { subparagraphs: false } }).map(at)).toEqual([placeOf(source, '2.')])
  })

  it('names every number missing from a wider gap', async () => {
    const source = resolution({ operative: ['请秘书长：', '(a) 提出报告；', '(d) 继续合作；', '决定继续审议这个问题。'] }).replace(' 2. 决定', ' 5. 决定')
    const found = findings(await buildText(source), 'paragraph-numbering')
    expect(found.map((d) => [at(d), d.reason])).toEqual([
      [placeOf(source, '(d)'), 'Subparagraph (d) follows subparagraph (a): subparagraphs (b) to (c) are missing.'],
      [placeOf(source, '5.'), 'Paragraph 5 follows paragraph 1: paragraphs 2 to 4 are missing.']
    ])
  })

  it('finds the seeds numbered 1 to 22 and 1 to 26 without fault', async () => {
    for (const seed of Object.values(SEEDS)) expect(findings(await buildSeed(seed), 'paragraph-numbering')).toEqual([])
  })
})
