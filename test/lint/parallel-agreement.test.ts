import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../pipeline/core/diagnostic.js'
import { resolution } from './helpers.js'
import { englishResolution, pair } from '../parallel/pairs.js'

const ZH = 'input/test.zh.txt'
const EN = 'input/test.en.txt'

/** Where a string first stands in a text, as "line:column" (1-based). */
function place(text: string, needle: string): string {
  const at = text.indexOf(needle)
  if (at < 0) throw new Error(`"${needle}" is not in the text`)
  const before = text.slice(0, at).split('\n')
  return `${before.length}:${before.at(-1)!.length + 1}`
}

/** A finding as its file and place, and its related file and place. */
const both = (d: Diagnostic) => [`${d.file}:${d.line}:${d.column}`, `${d.related![0]!.file}:${d.related![0]!.line}:${d.related![0]!.column}`]

const findings = async (zh: string, en: string) => (await pair(zh, en)).diagnostics.filter((d) => d.ruleId === 'parallel-agreement')

describe('parallel-agreement', () => {
  it('passes two versions that agree', async () => {
    expect(await findings(resolution(), englishResolution())).toEqual([])
  })

  it('reports the paragraph one version lacks, at it and where it would stand in the other', async () => {
    const zh = resolution({ operative: ['欢迎两组织之间的合作；', '请秘书长提出报告；', '决定继续审议这个问题。'] })
    const en = englishResolution({ operative: ['1. Welcomes the cooperation between the two organizations;', '3. Decides to continue its consideration of the question.'] })
    const found = await findings(zh, en)
    expect(found.map(both)).toEqual([[`${ZH}:${place(zh, '2. 请秘书长')}`, `${EN}:${place(en, '1. Welcomes')}`]])
    expect(found[0]!.reason).toBe(`The operative paragraph 2 has no counterpart in ${EN} (it would stand near ${EN}:${place(en, '1. Welcomes')}) (3 operative paragraphs here, 2 there).`)
    expect(found[0]!.severity).toBe('error')
  })

  it('reports a citation one version changed, on each side, by canonical symbol', async () => {
    const zh = resolution()
    const en = englishResolution({ preamble: ['Recalling its resolution 65/141 of 16 December 2010,', 'Noting the report of the Secretary-General,'] })
    const found = await findings(zh, en)
    expect(found.map((d) => [...both(d), d.reason])).toEqual([
      [`${EN}:${place(en, 'resolution 65/141')}`, `${ZH}:${place(zh, '回顾')}`, `This cites A/RES/65/141, which its counterpart at ${ZH}:${place(zh, '回顾')} does not cite.`],
      [`${ZH}:${place(zh, '2010年')}`, `${EN}:${place(en, 'Recalling')}`, `This cites A/RES/65/140, which its counterpart at ${EN}:${place(en, 'Recalling')} does not cite.`]
    ])
  })

  it('reports a different date, a different number and a missing footnote', async () => {
    const zh = resolution({
      preamble: ['回顾其2010年12月16日第65/140号决议，', '注意到秘书长的报告，\n1'],
      operative: ['欢迎两组织之间的合作；', '决定继续审议这个问题。'],
      footnotes: ['1\n A/67/280。']
    })
    const en = englishResolution({
      preamble: ['Recalling its resolution 65/140 of 16 December 2011,', 'Noting the report of the Secretary-General,'],
      operative: ['1. Welcomes the cooperation between the two organizations;', '3. Decides to continue its consideration of the question.']
    })
    const reasons = (await findings(zh, en)).map((d) => `${d.file}:${d.line} ${d.reason.replace(/ at input\S+/, '').replace(/ \(it would stand.*/, '')}`)
    expect(reasons).toEqual([
      `${EN}:${place(en, 'Recalling').split(':')[0]} The date 2011-12-16 is not in its counterpart`,
      `${ZH}:${place(zh, '回顾').split(':')[0]} The date 2010-12-16 is not in its counterpart`,
      `${ZH}:${place(zh, '注意到').split(':')[0]} This preambular paragraph has 1 footnote references and its counterpart has 0.`,
      `${ZH}:${place(zh, '2. 决定').split(':')[0]} This operative paragraph 2 is numbered 3 in ${EN}:${place(en, '3. Decides')}.`,
      `${ZH}:${place(zh, '1\n A/67/280').split(':')[0]} The footnote 1 has no counterpart in ${EN}`
    ])
  })
})
