import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eitherScript } from '../pipeline/lang/han-script.js'
import { chineseNumber, chineseNumeral, DATE_PATTERNS, MONTH_OR_DAY, zh } from '../pipeline/lang/zh.js'

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

describe('the vote of an adoption line', () => {
  it('reads the counts in Chinese numerals or digits, in both scripts and every wording', () => {
    expect(zh.vote('以十三票对零票、两票弃权通过')).toEqual({ for: 13, against: 0, abstentions: 2 })
    expect(zh.vote('以14票赞成、0票反对、1票弃权通过')).toEqual({ for: 14, against: 0, abstentions: 1 })
    expect(zh.vote('第8401次会议以15票赞成,0票反对通过')).toEqual({ for: 15, against: 0, abstentions: 0 })
    expect(zh.vote('第二七七次會議以九票對零通過,棄權者二(烏克蘭、蘇聯)。')).toEqual({ for: 9, against: 0, abstentions: 2 })
    expect(zh.vote('第五〇六次會議以七票對三票(中國、古巴)通過,棄權者一(埃及)。')).toEqual({ for: 7, against: 3, abstentions: 1 })
  })
  it('reads "一致通过" as unanimous and "未经表决" as without a vote; a meeting alone has none', () => {
    expect(zh.vote('第一一七次會議一致通過。')).toBe('unanimous')
    expect(zh.vote('未经表决而通过')).toBe('without-vote')
    expect(zh.vote('未舉行表決。')).toBe('without-vote')
    expect(zh.vote('第一四八一次全体会议')).toBeNull()
  })
})

describe('the documents a web page names in its title or navigation', () => {
  const named = (line: string) => zh.web.pageSymbols!(line)
  it.each([
    ['联合国安理会第1263(1999)号决议', ['S/RES/1263(1999)']],
    ['聯合國安理會第1463號決議', ['S/RES/1463']],
    ['聯合國安理會決議案六', ['S/RES/6']],
    ['联合国安理会主席声明1998年第1号', ['S/PRST/1998/1']],
    ['聯合國大會決議案二十一(一)', ['A/RES/21(I)']],
    ['联合国大会第三十二（一）号决议', ['A/RES/32(I)']],
    ['联合国大会决议案二一五九(二十一)', ['A/RES/2159(XXI)']],
    ['联合国大会第67/264号决议', ['A/RES/67/264']],
    ['联合国安理会主席声明2000年第18号 联合国安理会主席声明2000年第19号', ['S/PRST/2000/18', 'S/PRST/2000/19']]
  ])('%s names %j', (line, symbols) => {
    expect(named(line)).toEqual(symbols)
  })
  it('names no symbol for a General Assembly resolution without its session, or for other words', () => {
    expect(named('联合国大会2159号决议')).toEqual([])
    expect(named('安全理事会,')).toEqual([])
    expect(named('大会第二十一届会议决议')).toEqual([])
  })
})

describe('meeting lines and numerals', () => {
  it('reads a meeting number in Chinese numerals, with a date before it or a vote after it', () => {
    for (const [line, number] of [
      ['第一四八一次全体会议', '一四八一'],
      ['第1481次会议', '1481'],
      ['一九四六年二月十四日,第三十一次全会.', '三十一'],
      ['第四十二次會議一致通過', '四十二']
    ] as const) {
      expect(zh.grammar.meeting.exec(line)?.[1]).toBe(number)
    }
    expect(chineseNumeral('一四八一')).toBe(1481)
    expect(chineseNumeral('貳')).toBe(2)
    expect(chineseNumeral('拾壹')).toBe(11)
    expect(chineseNumeral('參拾')).toBe(30)
    expect(chineseNumeral('陸')).toBe(6)
  })
})

describe('the month or day of a Chinese date', () => {
  /** MONTH_OR_DAY as it was first written, with bounded repeats: what the faster form must go on matching. */
  const BOUNDED = '(?:\\d{1,2}|[〇○零0一二三四五六七八九十百千两廿卅]{1,3})'
  const run = eitherScript(MONTH_OR_DAY)
  /** Every pattern of the profile that reads a month or a day: its own, and those of its tables. */
  const patterns: RegExp[] = [...DATE_PATTERNS]
  const collect = (value: unknown): void => {
    if (value instanceof RegExp) {
      if (value.source.includes(run)) patterns.push(value)
    } else if (typeof value === 'string') {
      if (value.includes(run)) patterns.push(new RegExp(value, 'gu'))
    } else if (Array.isArray(value)) value.forEach(collect)
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect)
  }
  collect(zh)
  /** Each match's place and groups, of every match in the text for a global pattern. */
  const matches = (pattern: RegExp, text: string) => (pattern.global ? [...text.matchAll(pattern)] : [pattern.exec(text)]).map((m) => (m ? [m.index, ...m] : null))
  /** Texts made of what dates are made of: runs of digits and numerals of every length around 年, 月, 日 and the words of lists and ranges. */
  const pieces = ['1', '12', '123', '2005', '0', '〇', '二〇〇五', '一九四六', '十', '十二', '二十五', '一二三', '一二三四', '廿一', '兩', '年', '月', '日', '至', '和', '、', ' ', 'x', '第']
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((p) => p.join(''))

  it('is read by every pattern of dates the profile has', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(DATE_PATTERNS.length + 5)
    for (const p of DATE_PATTERNS) expect(p.source).toContain(run)
  })

  it('matches what the bounded repeats matched, in every such pattern', () => {
    const pairs = patterns.map((p) => [p, new RegExp(p.source.replaceAll(run, eitherScript(BOUNDED)), p.flags)] as const)
    for (const text of ['2005年12月7日和8日', '二〇〇〇年九月六日至八日', '1973年10月22日', '一九四六年十二月一二三日', '2012年123月']) {
      for (const [fast, bounded] of pairs) expect(matches(fast, text), `${fast.source} on ${text}`).toEqual(matches(bounded, text))
    }
    fc.assert(
      fc.property(texts, (text) => {
        for (const [fast, bounded] of pairs) expect(matches(fast, text), fast.source).toEqual(matches(bounded, text))
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 500) }
    )
  })
})
