import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectScript, eitherScript, inEitherScript, keyedInEitherScript, simplified, traditionalForms } from '../pipeline/lang/han-script.js'
import { ROOT } from './helpers.js'

describe('the Traditional forms of the profiles’ characters (OpenCC, generated at build time)', () => {
  it('gives the forms of a phrase’s conversion and every variant OpenCC reads as the character', () => {
    expect(traditionalForms('会')).toBe('會')
    expect(traditionalForms('号')).toBe('號')
    expect(traditionalForms('决')).toBe('決')
    expect(traditionalForms('为')).toBe('為爲')
    expect(traditionalForms('鉴')).toBe('鑑鑒')
    expect(traditionalForms('大')).toBe('')
  })

  it('gives no forms to a Traditional character a profile writes beside its Simplified one', () => {
    expect(traditionalForms('並')).toBe('')
    expect(traditionalForms('貳')).toBe('')
  })

  it('keeps the committed table what OpenCC gives for the profiles’ characters', async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { generate, OUTPUT } = (await import('../scripts/generate-traditional-forms.mjs')) as { generate: () => Promise<string>; OUTPUT: string }
    expect(readFileSync(join(ROOT, 'pipeline', 'lang', OUTPUT), 'utf8')).toBe(await generate())
  })
})

describe('Simplified patterns that read both scripts', () => {
  it('widens a source’s characters, in and out of classes, leaving escapes and the ends of ranges alone', () => {
    expect(eitherScript('第\\d+号决议')).toBe('第\\d+[号號][决決][议議]')
    expect(eitherScript('[两三]\\(')).toBe('[两兩三]\\(')
    expect(eitherScript('大会|鉴于')).toBe('大[会會]|[鉴鑑鑒][于於]')
    expect(eitherScript('^[〇一-九]$')).toBe('^[〇一-九]$')
    expect(eitherScript('\\p{Script=Han}会')).toBe('\\p{Script=Han}[会會]')
  })

  it('rewrites a regular expression, its flags and groups kept', () => {
    const title = eitherScript(/^第(\d+)\s?\((\d{4})\)号决议$/)
    expect(title.exec('第2326(2016)號決議')?.slice(1)).toEqual(['2326', '2016'])
    expect(title.exec('第2326(2016)号决议')?.slice(1)).toEqual(['2326', '2016'])
    expect(eitherScript(/^[^为]$/).test('爲')).toBe(false)
    const formula = eitherScript(/^大会[，,]$/u)
    expect(formula.flags).toBe('u')
    expect(formula.test('大會，')).toBe(true)
    expect(formula.test('大会,')).toBe(true)
  })

  it('maps every pattern of a table and leaves its other values', () => {
    const table = inEitherScript({ formula: [{ pattern: /^大会$/, organ: 'GA' }], tag: '会' })
    expect(table.formula[0]!.pattern.test('大會')).toBe(true)
    expect(table).toMatchObject({ tag: '会', formula: [{ organ: 'GA' }] })
  })

  it('reads a Traditional text back in Simplified characters, and keys a record in both', () => {
    expect(simplified('安全理事會第242(1967)號決議')).toBe('安全理事会第242(1967)号决议')
    expect(keyedInEitherScript({ 大会: 'GA' })).toEqual({ 大会: 'GA', 大會: 'GA' })
  })

  it('matches every Simplified word of the profile and each of its Traditional spellings alike', () => {
    fc.assert(
      fc.property(fc.constantFrom('决议', '号决议', '大会', '安全理事会', '经济及社会理事会', '届会议', '议程项目', '鉴于', '为此', '安全理事会主席'), fc.nat(), (word, pick) => {
        const re = new RegExp(`^${eitherScript(word)}$`, 'u')
        const traditional = [...word]
          .map((c) => {
            const forms = [...traditionalForms(c)]
            return forms.length ? forms[pick % forms.length]! : c
          })
          .join('')
        return re.test(word) && re.test(traditional) && simplified(traditional) === word
      })
    )
  })
})

describe('the script of a Chinese text', () => {
  it('is Traditional when more of the profiles’ characters are in their Traditional forms', () => {
    expect(detectScript('聯合國安理會決議案二十')).toBe('Hant')
    expect(detectScript('联合国安理会决议案二十')).toBe('Hans')
    expect(detectScript('大会 2012')).toBe('Hans')
    expect(detectScript('一二三 S/RES/1')).toBeUndefined()
  })

  it('counts every character once, its Traditional forms and Simplified ones alike, whatever else the text holds (astral characters, lone surrogates)', () => {
    // The count as the profiles' tables say it, character by character.
    const byCharacter = (text: string) => {
      let traditional = 0
      let simple = 0
      for (const c of text) {
        if (simplified(c) !== c) traditional++
        else if (traditionalForms(c) !== '') simple++
      }
      return traditional === 0 && simple === 0 ? undefined : traditional > simple ? 'Hant' : 'Hans'
    }
    const pieces = fc.constantFrom('会', '會', '议', '議', '于', '於', '联合国', '聯合國', '𠀀', '\ud800', '\udc00', 'a', ' ', '一')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('')
        expect(detectScript(text)).toBe(byCharacter(text))
      })
    )
  })
})
