import { describe, expect, it } from 'vitest'
import { detectScript, eitherScript, eitherScriptPattern, inEitherScript } from '../pipeline/lang/script.js'

describe('Simplified words that read both scripts (OpenCC character table)', () => {
  it('gives each word with every Traditional form of its characters', () => {
    expect(eitherScript(['大会', '鉴于'])).toEqual(['大[会會]', '[鉴鑑鑒][于於]'])
    const statement = new RegExp(`^${eitherScript(['安全理事会主席'])[0]}$`)
    expect(statement.test('安全理事會主席')).toBe(true)
    expect(statement.test('安全理事会主席')).toBe(true)
    expect(statement.test('安全理事會主持')).toBe(false)
  })

  it('rewrites a pattern: Han characters outside and inside classes, escapes and groups kept', () => {
    const title = eitherScriptPattern(/^第(\d+)\s?\((\d{4})\)号决议$/)
    expect(title.exec('第2326(2016)號決議')?.slice(1)).toEqual(['2326', '2016'])
    expect(title.exec('第2326(2016)号决议')?.slice(1)).toEqual(['2326', '2016'])
    expect(eitherScriptPattern(/^[^为]$/).test('爲')).toBe(false)
    expect(eitherScriptPattern(/^(?:大会|安全理事会)[，,]$/u).flags).toBe('u')
    expect(eitherScriptPattern(/^[〇一-九]$/).source).toBe('^[〇一-九]$')
  })

  it('maps every pattern of a table and leaves its other values', () => {
    const table = inEitherScript({ formula: [{ pattern: /^大会$/, organ: 'GA' }], tag: '会' })
    expect(table.formula[0]!.pattern.test('大會')).toBe(true)
    expect(table).toMatchObject({ tag: '会', formula: [{ organ: 'GA' }] })
  })
})

describe('the script of a Chinese text', () => {
  it('is Traditional when more characters exist only in Traditional', () => {
    expect(detectScript('聯合國安理會決議案二十')).toBe('Hant')
    expect(detectScript('联合国安理会决议案二十')).toBe('Hans')
    expect(detectScript('大会 2012')).toBe('Hans')
    expect(detectScript('一二三 S/RES/1')).toBeUndefined()
  })
})
