import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lint } from '../../pipeline/lint/index.js'
import { build, SEEDS, seedText } from '../helpers.js'

const seed = Number(process.env.FC_SEED ?? 1)
const runs = Number(process.env.FC_RUNS ?? 40)

/** Characters the rules look at: pairs, clause marks, ASCII marks, digits, line breaks, a footnote rule. */
const interesting = fc.constantFrom(
  '《',
  '》',
  '（',
  '）',
  '“',
  '”',
  '‘',
  '’',
  '，',
  '；',
  '。',
  '：',
  ',',
  ';',
  ':',
  '?',
  '!',
  '1',
  '2',
  '\n',
  '\n\n',
  ' 3. ',
  '(a) ',
  '年',
  '月',
  '日',
  'A/67/x',
  '伊斯兰会议组织',
  '\n_______________\n4\n'
)

/** A seed with characters put in and stretches taken out at random places. */
const damaged = (text: string) =>
  fc.array(fc.tuple(fc.nat({ max: text.length }), fc.oneof(interesting, fc.integer({ min: -30, max: -1 }))), { minLength: 1, maxLength: 8 }).map((edits) => {
    let out = text
    for (const [at, edit] of edits) {
      const k = Math.min(at, out.length)
      out = typeof edit === 'string' ? out.slice(0, k) + edit + out.slice(k) : out.slice(0, k) + out.slice(k - edit)
    }
    return out
  })

describe('lint on damaged texts', () => {
  for (const [name, path] of Object.entries(SEEDS)) {
    it(`never fails on a damaged ${name}, and points at real places of it`, async () => {
      await fc.assert(
        fc.asyncProperty(damaged(seedText(path)), async (text) => {
          const result = await build(path, text)
          if (!result.document) return
          const lines = text.split(/\r\n|\r|\n/)
          for (const d of lint(result.document)) {
            expect(d.ruleId).not.toBe('internal-error')
            expect(d.line).toBeLessThanOrEqual(lines.length)
            expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1)
          }
        }),
        { seed, numRuns: runs }
      )
    })
  }
})
