import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eitherScript, keyedInEitherScript, simplified, traditionalForms } from '../pipeline/lang/han-script.js'
import { chineseNumber, chineseNumeral, zh } from '../pipeline/lang/zh.js'
import { ROOT } from './helpers.js'

describe('Chinese numerals', () => {
  it.each([
    ['六十七', 67],
    ['一百零二', 102],
    ['二十一', 21],
    ['廿一', 21],
    ['廿', 20],
    ['卅', 30],
    ['卅一', 31],
    ['一九四六', 1946],
    ['二〇〇〇', 2000],
    ['二○○○', 2000],
    ['二零一三', 2013],
    ['兩', 2],
    ['2013', 2013]
  ])('reads %s as %i', (text, n) => {
    expect(chineseNumeral(text)).toBe(n)
  })

  it('refuses what is not a numeral', () => {
    expect(chineseNumeral('大会')).toBeNull()
    expect(chineseNumeral('')).toBeNull()
  })

  it('reads back every number it writes with units (0 to 9999)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), (n) => chineseNumeral(chineseNumber(n)) === n))
  })

  it('reads a number written digit by digit, whichever zero it is written with', () => {
    const zeros = ['〇', '○', '零']
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(...zeros), (n, zero) => {
        const written = [...String(n)].map((d) => (d === '0' ? zero : '〇一二三四五六七八九'[Number(d)])).join('')
        return chineseNumeral(written) === n
      })
    )
  })
})

describe('dates of a line (the structure’s dates)', () => {
  it.each([
    ['2013 年 5 月 17 日', '2013-05-17'],
    ['一九四六年十二月十四日', '1946-12-14'],
    ['二〇〇〇年一月廿一日', '2000-01-21'],
    ['二○○○年十二月卅一日', '2000-12-31'],
    ['一九七三年十月二十二日', '1973-10-22']
  ])('reads %s', (text, iso) => {
    expect(zh.dates(text).map((d) => d.iso)).toEqual([iso])
  })
})

describe('Simplified words read in Traditional script too (OpenCC’s forms)', () => {
  it('gives the Traditional forms of the profile’s characters', () => {
    expect(traditionalForms('会')).toBe('會')
    expect(traditionalForms('号')).toBe('號')
    expect(traditionalForms('决')).toBe('決')
    expect(traditionalForms('大')).toBe('')
  })

  it('widens a pattern’s characters, in and out of character classes, leaving escapes alone', () => {
    expect(eitherScript('第\\d+号决议')).toBe('第\\d+[号號][决決][议議]')
    expect(eitherScript('[两三]\\(')).toBe('[两兩三]\\(')
    const re = eitherScript(/^大会[，,]$/u)
    expect(re.flags).toBe('u')
    expect(re.test('大會，')).toBe(true)
    expect(re.test('大会,')).toBe(true)
  })

  it('reads a Traditional text back in Simplified characters, and keys a record in both', () => {
    expect(simplified('安全理事會第242(1967)號決議')).toBe('安全理事会第242(1967)号决议')
    expect(keyedInEitherScript({ 大会: 'GA' })).toEqual({ 大会: 'GA', 大會: 'GA' })
  })

  it('matches every Simplified word of the profile and its Traditional spelling alike', () => {
    fc.assert(
      fc.property(fc.constantFrom('决议', '号决议', '大会', '安全理事会', '经济及社会理事会', '届会议', '议程项目'), (word) => {
        const re = new RegExp(`^${eitherScript(word)}$`, 'u')
        const traditional = [...word].map((c) => traditionalForms(c)[0] ?? c).join('')
        return re.test(word) && re.test(traditional) && simplified(traditional) === word
      })
    )
  })

  it('keeps the committed table of forms what OpenCC gives for the profiles’ characters', async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { generate, OUTPUT } = (await import('../scripts/generate-traditional-forms.mjs')) as { generate: () => Promise<string>; OUTPUT: string }
    expect(readFileSync(join(ROOT, 'pipeline', 'lang', OUTPUT), 'utf8')).toBe(await generate())
  })
})
