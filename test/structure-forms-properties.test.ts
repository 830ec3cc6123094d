import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RawText } from '../pipeline/core/raw-text.js'
import { zhHant } from '../pipeline/lang/zh.js'
import { normalize } from '../pipeline/normalize/index.js'
import { build, checkConservation, normalizeText } from './helpers.js'

const seed = Number(process.env.FC_SEED ?? 1)
const runs = Number(process.env.FC_RUNS ?? 100)

/** The forms of issue 15, as lines: each may stand anywhere, in any number, in either script. */
const formLine = fc.constantFrom(
  '大会,',
  '安全理事会,',
  '大会',
  '因此,大会,',
  '大会建议:',
  '因此大會訓令秘書長:',
  '大会授权秘书长,依据规则继续聘用.',
  '決議:',
  '大會，',
  '安全理事會：',
  '1.决定继续审议;',
  '1．请秘书长报告；',
  '一.認為此事重要;',
  '一、决定;',
  '壹、決定;',
  '(a)停止;',
  '（a）停止；',
  '(甲)停止;',
  '(乙)解决.(注)',
  '(i)项目;',
  'A',
  'B.',
  '67/150. 标题',
  '四(一九四六). 一九四六年四月二十九日决议案',
  '二一五九(二十一)、标题',
  '第2446(2018)号决议',
  '2016年12月19日大会通过的决议',
  '大会决议',
  '[根据第三委员会的报告(A/67/456)通过]',
  '[未经发交主要委员会而通过(A/71/L.99)]',
  '〔S/296〕',
  '安全理事会主席的声明',
  '安全理事会主席在2008年8月19日安全理事会第5960次会议上,代表安理会发表声明如下:',
  '回顾其决议,',
  '又回顾其决议,又',
  '审议了秘书长的报告，1',
  '会议12及大会13曾通过,',
  '报告1/，',
  '12 参阅文件。',
  '13 同上。',
  '1/ 大会正式记录。',
  '(注)见下文。',
  '第一四八一次全体会议',
  '第1481次会议',
  '第四十二次會議一致通過。',
  '以十三票对零票、两票弃权通过',
  '以14票赞成、0票反对、1票弃权',
  '未经表决而通过。',
  '一九六六年十一月二十九日,',
  '一九四六年二月十四日,第三十一次全会.',
  '维基文库,自由的图书馆',
  '維基文庫,自由的圖書館',
  '联合国安理会第2446号决议 中华文库',
  '← | 2445(2018) | 联合国安理会第2446(2018)号决议 S/RES/2446(2018) 2018年11月15日 |',
  '联合国 | S/RES/2446 (2018) |',
  '安全理事会 | Distr.: General 15 November 2018 |',
  '|',
  '第83次全体会议 |',
  '-“安全理事会欢迎。',
  '本作品来自联合国官方文件。',
  'Public domainPublic domainfalsefalse',
  '跳转到内容',
  '联合国安理会主席声明1998年第1号',
  '聯合國安理會第1463號決議',
  '本作品收录于《联合国安理会2000年主席声明',
  'A/RES/12(I)',
  '又名:任用臨時辦事人員',
  '_______________',
  '大会, 回顾其决议, 又回顾, 1.决定; 2.请秘书长报告。 2000年3月15日 第93次全体会议',
  ''
)
const indent = fc.constantFrom('', ' ', '  ', '\u3000\u3000')
const line = fc.tuple(indent, formLine).map(([i, l]) => i + l)
const text = fc.tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\n\n', '\r\n')).map(([lines, nl]) => lines.join(nl))

describe('the forms of real texts, in any mix', () => {
  it('never lose a character in normalization, in either script', () => {
    fc.assert(
      fc.property(text, (t) => {
        checkConservation(normalizeText(t).text)
        checkConservation(normalize(new RawText('test.zh.txt', t), zhHant).text)
      }),
      { seed, numRuns: runs * 2 }
    )
  })

  it('never throw: every mix is built, or refused with a diagnostic that is not an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const result = await build('mix.zh.txt', t)
        expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error' || d.ruleId === 'schema')).toEqual([])
        if (t.trim() !== '') expect(result.document).toBeDefined()
      }),
      { seed, numRuns: runs }
    )
  }, 120_000)

  it('builds a text the grammar cannot place as plain paragraphs with its unknown-kind warning', async () => {
    const result = await build('plain.zh.txt', '这是一段文字。\n\n这是另一段文字。\n')
    expect(result.document?.metadata.kind).toBe('unknown')
    expect(result.document?.tree.children.flatMap((p) => ('children' in p ? p.children.map((c) => c.type) : []))).toEqual(['paragraph', 'paragraph'])
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('unknown-kind')
  })
})
