import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildCorpusIndex, summarize } from '../pipeline/batch/corpus-index.js'
import { carried } from '../pipeline/core/calendar-day.js'
import { parseCitations } from '../pipeline/model/citation-grammar.js'
import { officialHref, resolveCitations } from '../pipeline/model/citation-links.js'
import { isUnSymbol, splitJointSymbol } from '../pipeline/model/un-symbol.js'
import { tokenize } from '../pipeline/model/citation-tokens.js'
import { en } from '../pipeline/lang/en.js'
import type { LanguageProfile } from '../pipeline/lang/profile.js'
import { zh } from '../pipeline/lang/zh.js'
import type { Citation, CitationKind, UndocDocument } from '../pipeline/types/document.js'
import { validate } from '../pipeline/validate/index.js'
import { build, buildSeed, canonicalOfRaw, ROOT, SEEDS, seedText } from './helpers.js'

/** A citation as the labelled sets write it: kind, the text it covers, and what it resolves to (and which end of a range it is). */
function label(c: { kind: string; text: string; symbol?: string; date?: string; value?: string; target?: string; range?: string }): string {
  return [c.kind, c.text, [c.symbol, c.date, c.value, c.target, c.range].filter(Boolean).join(' ')].join('\t')
}

function extract(text: string, lang: LanguageProfile = zh): string[] {
  return parseCitations(tokenize(text, lang), text, lang).map((m) => label({ ...m, text: text.slice(m.start, m.end) }))
}

function citations(doc: UndocDocument): Citation[] {
  const out: Citation[] = []
  const walk = (n: { type: string; children?: unknown[] }) => {
    if (n.type === 'citation') out.push(n as Citation)
    for (const c of (n.children ?? []) as { type: string }[]) walk(c)
  }
  walk(doc.tree)
  return out
}

/** The hand-checked labels of a seed: `raw span (line:column-line:column), kind, text, resolved` per citation. */
function labelled(name: string): string[] {
  return readFileSync(join(ROOT, 'test/fixtures/citations', `${name}.tsv`), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
}

function asLabels(doc: UndocDocument): string[] {
  const at = (p: { line: number; column: number }) => `${p.line}:${p.column}`
  return citations(doc).map((c) => `${at(c.position.start)}-${at(c.position.end)}\t${label({ ...c, text: c.children.map((t) => t.value).join('') })}`)
}

/** Precision and recall of found labels against expected ones (as multisets). */
function score(found: readonly string[], expected: readonly string[]): { precision: number; recall: number } {
  const left = new Map<string, number>()
  for (const e of expected) left.set(e, (left.get(e) ?? 0) + 1)
  let hits = 0
  for (const f of found) {
    const n = left.get(f) ?? 0
    if (n > 0) {
      hits++
      left.set(f, n - 1)
    }
  }
  return { precision: found.length ? hits / found.length : 1, recall: expected.length ? hits / expected.length : 1 }
}

describe('citations in the seeds (hand-checked labelled sets)', () => {
  for (const [seed, path] of Object.entries(SEEDS)) {
    it(`finds every citation of the ${seed} and nothing else, at its raw line and column`, async () => {
      const doc = await buildSeed(path)
      const name = path
        .split('/')
        .pop()!
        .replace(/\.txt$/, '')
      const found = asLabels(doc)
      expect(score(found, labelled(name))).toEqual({ precision: 1, recall: 1 })
      expect(found).toEqual(labelled(name))
    })

    it(`positions every citation of the ${seed} on exactly the raw text it covers`, async () => {
      const doc = await buildSeed(path)
      const raw = seedText(path)
      for (const c of citations(doc)) {
        expect(canonicalOfRaw(raw, doc.removals, c.position.start.offset, c.position.end.offset)).toBe(c.children.map((t) => t.value).join(''))
      }
    })
  }

  it('reads the resolution’s list of 25 resolutions, each with its own adoption date', async () => {
    const doc = await buildSeed(SEEDS.resolution)
    const list = citations(doc).filter((c) => c.kind === 'ga-resolution' && c.position.start.line < 27)
    expect(list).toHaveLength(25)
    expect(list[0]).toMatchObject({ symbol: 'A/RES/37/4', date: '1982-10-22', href: 'https://undocs.org/zh/A/RES/37/4' })
    expect(list[24]).toMatchObject({ symbol: 'A/RES/65/140', date: '2010-12-16' })
  })
})

describe('the citation grammar on constructed sentences', () => {
  const cases: [string, string[]][] = [
    [
      '回顾其1982年10月22日第37/4号和1983年10月28日第38/4号决议，',
      ['ga-resolution\t1982年10月22日第37/4号\tA/RES/37/4 1982-10-22 37/4', 'ga-resolution\t1983年10月28日第38/4号决议\tA/RES/38/4 1983-10-28 38/4']
    ],
    ['又回顾其第3369(XXX)号决议，', ['ga-resolution\t第3369(XXX)号决议\tA/RES/3369(XXX) 3369(XXX)']],
    ['回顾其第66/555号决定，', ['ga-decision\t第66/555号决定\tA/DEC/66/555 66/555']],
    [
      '安全理事会第242(1967)号、第338(1973)号及第1624(2005)号决议',
      ['sc-resolution\t第242(1967)号\tS/RES/242(1967) 242(1967)', 'sc-resolution\t第338(1973)号\tS/RES/338(1973) 338(1973)', 'sc-resolution\t第1624(2005)号决议\tS/RES/1624(2005) 1624(2005)']
    ],
    ['见A/67/280-S/2012/614。', ['document\tA/67/280\tA/67/280', 'document\tS/2012/614\tS/2012/614']],
    ['载于A/C.3/67/L.5/Rev.1和E/CN.4/2005/L.10/Add.1的草案', ['document\tA/C.3/67/L.5/Rev.1\tA/C.3/67/L.5/Rev.1', 'document\tE/CN.4/2005/L.10/Add.1\tE/CN.4/2005/L.10/Add.1']],
    ['主席声明S/PRST/2005/1和A/67/L.12/Corr.1。', ['document\tS/PRST/2005/1\tS/PRST/2005/1', 'document\tA/67/L.12/Corr.1\tA/67/L.12/Corr.1']],
    ['(A/RES/67/264)', ['document\tA/RES/67/264\tA/RES/67/264']],
    ['大会第六十九届会议', ['session\t大会第六十九届会议\tGA/69']],
    ['安全理事会第5261次会议', ['meeting\t第5261次会议\t5261']],
    ['议程项目 122(s)', ['agenda-item\t议程项目 122(s)\t122(s)']],
    ['2011年6月28日至30日', ['date\t2011年6月28日至30日\t2011-06-28/2011-06-30']],
    ['2005年12月7日和8日', ['date\t2005年12月7日和8日\t2005-12-07,2005-12-08']],
    ['一九七五年十月十日', ['date\t一九七五年十月十日\t1975-10-10']],
    ['上文第12段和第5段(b)分段', ['paragraph\t上文第12段\t12', 'paragraph\t第5段(b)分段\t5(b)']],
    ['《消除对妇女一切形式歧视公约》', ['instrument\t《消除对妇女一切形式歧视公约》\t消除对妇女一切形式歧视公约']],
    ['伊斯兰会议组织和世卫组织', ['organization\t伊斯兰会议组织\toic', 'organization\t世卫组织\twho']],
    // A run of numbers under one ordinal and one "号决议": a citation per resolution.
    [
      '回顾其第2121(2013)、2127(2013)和2399(2018)号决议，',
      ['sc-resolution\t第2121(2013)\tS/RES/2121(2013) 2121(2013)', 'sc-resolution\t2127(2013)\tS/RES/2127(2013) 2127(2013)', 'sc-resolution\t2399(2018)号决议\tS/RES/2399(2018) 2399(2018)']
    ],
    [
      '第1267(1999)，1333(2000)、1390(2002)以及1455(2003)与1526(2004)及第1617(2005)号决议',
      [
        'sc-resolution\t第1267(1999)\tS/RES/1267(1999) 1267(1999)',
        'sc-resolution\t1333(2000)\tS/RES/1333(2000) 1333(2000)',
        'sc-resolution\t1390(2002)\tS/RES/1390(2002) 1390(2002)',
        'sc-resolution\t1455(2003)\tS/RES/1455(2003) 1455(2003)',
        'sc-resolution\t1526(2004)\tS/RES/1526(2004) 1526(2004)',
        'sc-resolution\t1617(2005)号决议\tS/RES/1617(2005) 1617(2005)'
      ]
    ],
    // A range is its two ends, marked as such, under one ordinal or each under its own.
    ['第1267(1999)至1333(2000)号决议', ['sc-resolution\t第1267(1999)\tS/RES/1267(1999) 1267(1999) from', 'sc-resolution\t1333(2000)号决议\tS/RES/1333(2000) 1333(2000) upTo']],
    ['回顾第1267(1999)号至第1989(2011)号决议，', ['sc-resolution\t第1267(1999)号\tS/RES/1267(1999) 1267(1999) from', 'sc-resolution\t第1989(2011)号决议\tS/RES/1989(2011) 1989(2011) upTo']],
    [
      '第2121(2013)、2127(2013)至2399(2018)号决议',
      ['sc-resolution\t第2121(2013)\tS/RES/2121(2013) 2121(2013)', 'sc-resolution\t2127(2013)\tS/RES/2127(2013) 2127(2013) from', 'sc-resolution\t2399(2018)号决议\tS/RES/2399(2018) 2399(2018) upTo']
    ],
    // The end of one range opens no other.
    [
      '第1001(1995)至1002(1995)至1003(1995)号决议',
      ['sc-resolution\t第1001(1995)\tS/RES/1001(1995) 1001(1995) from', 'sc-resolution\t1002(1995)\tS/RES/1002(1995) 1002(1995) upTo', 'sc-resolution\t1003(1995)号决议\tS/RES/1003(1995) 1003(1995)']
    ],
    // Ends of two kinds make no range: each stands alone.
    ['第1267(1999)号至第52/4号决议', ['sc-resolution\t第1267(1999)号\tS/RES/1267(1999) 1267(1999)', 'ga-resolution\t第52/4号决议\tA/RES/52/4 52/4']],
    ['上文第3至5段', ['paragraph\t上文第3\t3 from', 'paragraph\t5段\t5 upTo']],
    ['第3段(a)分段至第5段', ['paragraph\t第3段(a)分段\t3(a) from', 'paragraph\t第5段\t5 upTo']],
    ['第60/1、61/2和62/3号决议', ['ga-resolution\t第60/1\tA/RES/60/1 60/1', 'ga-resolution\t61/2\tA/RES/61/2 61/2', 'ga-resolution\t62/3号决议\tA/RES/62/3 62/3']],
    ['第55/488和56/464号决定', ['ga-decision\t第55/488\tA/DEC/55/488 55/488', 'ga-decision\t56/464号决定\tA/DEC/56/464 56/464']],
    // Full-width brackets and spaces inside the number.
    ['第242（1967）号决议', ['sc-resolution\t第242（1967）号决议\tS/RES/242(1967) 242(1967)']],
    ['第 242 (1967) 号决议', ['sc-resolution\t第 242 (1967) 号决议\tS/RES/242(1967) 242(1967)']],
    ['第3369（XXX）号和第3370 (XXX)号决议', ['ga-resolution\t第3369（XXX）号\tA/RES/3369(XXX) 3369(XXX)', 'ga-resolution\t第3370 (XXX)号决议\tA/RES/3370(XXX) 3370(XXX)']],
    // Before 1976: numbers and sessions in Chinese numerals, "决议案" before the number; Traditional script.
    ['大会决议案三九六(五)', ['ga-resolution\t决议案三九六(五)\tA/RES/396(V) 396(V)']],
    ['決議案一(一)', ['ga-resolution\t決議案一(一)\tA/RES/1(I) 1(I)']],
    ['决议案二0二五(二十)', ['ga-resolution\t决议案二0二五(二十)\tA/RES/2025(XX) 2025(XX)']], // an ASCII 0 among Chinese digits
    ['1995年12月6日第50/28 B号决议', ['ga-resolution\t1995年12月6日第50/28 B号决议\tA/RES/50/28 1995-12-06 50/28 B']], // a part of a resolution
    ['第三十二(一)号决议', ['ga-resolution\t第三十二(一)号决议\tA/RES/32(I) 32(I)']],
    ['大会第二二二二(二十一)号决议', ['ga-resolution\t第二二二二(二十一)号决议\tA/RES/2222(XXI) 2222(XXI)']],
    ['第一八一（二）號決議案', ['ga-resolution\t第一八一（二）號決議案\tA/RES/181(II) 181(II)']],
    ['安全理事會第二四二(一九六七)號決議', ['sc-resolution\t第二四二(一九六七)號決議\tS/RES/242(1967) 242(1967)']],
    ['大會第二屆會議', ['session\t大會第二屆會議\tGA/2']],
    // Symbols inside "第…号", and words of the Council's agenda.
    ['第S/Agenda/1769/Rev.1号文件', ['document\tS/Agenda/1769/Rev.1\tS/Agenda/1769/Rev.1']],
    ['[未经发交主要委员会而通过(A/53/L.23/Rev.1和Rev.1/Add.1)]', ['document\tA/53/L.23/Rev.1\tA/53/L.23/Rev.1', 'document\tRev.1/Add.1\tA/53/L.23/Rev.1/Add.1']],
    ['A/60/L.1和Add.1、Add.2', ['document\tA/60/L.1\tA/60/L.1', 'document\tAdd.1\tA/60/L.1/Add.1', 'document\tAdd.2\tA/60/L.1/Add.2']],
    ['参见2003年6月12日SC/7791-IK/365号文件', ['date\t2003年6月12日\t2003-06-12', 'document\tSC/7791\tSC/7791', 'document\tIK/365\tIK/365']],
    ['E/CN.4/Sub.2/1999/2', ['document\tE/CN.4/Sub.2/1999/2\tE/CN.4/Sub.2/1999/2']],
    // A year or a month carried over from the date before it.
    [
      '一九七三年十月二十二日第338(1973)号、十月二十五日第340(1973)号和十月二十六日第341(1973)号决议',
      [
        'sc-resolution\t一九七三年十月二十二日第338(1973)号\tS/RES/338(1973) 1973-10-22 338(1973)',
        'sc-resolution\t十月二十五日第340(1973)号\tS/RES/340(1973) 1973-10-25 340(1973)',
        'sc-resolution\t十月二十六日第341(1973)号决议\tS/RES/341(1973) 1973-10-26 341(1973)'
      ]
    ],
    ['1960年4月8日、四月十二日和十三日', ['date\t1960年4月8日、四月十二日和十三日\t1960-04-08,1960-04-12,1960-04-13']],
    ['1960年4月8日以及四月十二日和十三日', ['date\t1960年4月8日\t1960-04-08', 'date\t四月十二日和十三日\t1960-04-12,1960-04-13']],
    ['2000年9月6日至8日', ['date\t2000年9月6日至8日\t2000-09-06/2000-09-08']],
    ['2000年9月6日至10月8日', ['date\t2000年9月6日至10月8日\t2000-09-06/2000-10-08']],
    ['1999年12月30日至1月2日', ['date\t1999年12月30日至1月2日\t1999-12-30/2000-01-02']],
    ['2000年12月30日至2001年1月2日', ['date\t2000年12月30日至2001年1月2日\t2000-12-30/2001-01-02']],
    ['一九四六年十二月十四日', ['date\t一九四六年十二月十四日\t1946-12-14']],
    ['二○○○年一月廿一日与卅一日', ['date\t二○○○年一月廿一日与卅一日\t2000-01-21,2000-01-31']],
    ['2011年6月28日举行会议。8月29日', ['date\t2011年6月28日\t2011-06-28']], // no year across a sentence
    ['2009年12月2日第64/35号决议宣布8月29日为国际日', ['ga-resolution\t2009年12月2日第64/35号决议\tA/RES/64/35 2009-12-02 64/35']],
    // A date the calendar does not have is still the date the text states, for date-valid to report.
    ['2012年13月5日', ['date\t2012年13月5日\t2012-13-05']]
  ]
  for (const [text, expected] of cases) {
    it(`reads “${text}”`, () => {
      expect(extract(text)).toEqual(expected)
    })
  }

  const negatives = [
    '其中3/4的国家和1/2的人口', // fractions are not resolutions
    '第3届论坛和第十一届会议', // a session of no UN organ
    '见http://example.org/A/B。', // a path in an address is not a symbol
    'A/B测试和AB/CD', // upper-case words with a slash that no series starts
    '宣布8月29日为国际日', // a day with no year stated, and no date before it to take one from
    '第三十八届会议和第十次会议', // ordinals that number no resolution
    '第2121(2013)、2127(2013)和', // a run that no "号" closes
    '见其报告和Rev.1' // suffixes with no symbol before them
  ]
  it('finds no citation in look-alikes', () => {
    expect(negatives.flatMap((t) => extract(t))).toEqual([])
  })

  it('scores precision and recall of 1 over the constructed set', () => {
    const found = cases.flatMap(([t]) => extract(t)).concat(negatives.flatMap((t) => extract(t)))
    expect(
      score(
        found,
        cases.flatMap(([, e]) => e)
      )
    ).toEqual({ precision: 1, recall: 1 })
  })
})

describe('ranges of references in English', () => {
  const cases: [string, string[]][] = [
    [
      'Recalling its resolutions 1267 (1999) to 1989 (2011),',
      ['sc-resolution\tresolutions 1267 (1999)\tS/RES/1267(1999) 1267(1999) from', 'sc-resolution\t1989 (2011)\tS/RES/1989(2011) 1989(2011) upTo']
    ],
    ['resolutions 60/1–62/3', ['ga-resolution\tresolutions 60/1\tA/RES/60/1 60/1 from', 'ga-resolution\t62/3\tA/RES/62/3 62/3 upTo']],
    [
      'resolutions 1267 (1999), 1333 (2000) to 1390 (2002)',
      [
        'sc-resolution\tresolutions 1267 (1999)\tS/RES/1267(1999) 1267(1999)',
        'sc-resolution\t1333 (2000)\tS/RES/1333(2000) 1333(2000) from',
        'sc-resolution\t1390 (2002)\tS/RES/1390(2002) 1390(2002) upTo'
      ]
    ],
    ['paragraphs 3 to 5 above', ['paragraph\tparagraphs 3\t3 from', 'paragraph\t5 above\t5 upTo']],
    ['paragraphs 3–5', ['paragraph\tparagraphs 3\t3 from', 'paragraph\t5\t5 upTo']],
    ['paragraph 7 (b) above', ['paragraph\tparagraph 7 (b) above\t7(b)']],
    // "to" that joins no two references: a vote, a resolution and what it is sent to.
    ['adopted by 7 votes to 3', []],
    ['resolution 1267 (1999) to the Committee', ['sc-resolution\tresolution 1267 (1999)\tS/RES/1267(1999) 1267(1999)']]
  ]
  for (const [text, expected] of cases) {
    it(`reads “${text}”`, () => {
      expect(extract(text, en)).toEqual(expected)
    })
  }
})

describe('resolutions of other bodies, and the Assembly’s special sessions', () => {
  const cases: [string, string[], LanguageProfile][] = [
    // Numbered as the Assembly numbers its own, after another body's name.
    ['Human Rights Council resolution 31/1 of 23 March 2016', ['date\t23 March 2016\t2016-03-23'], en],
    ['Economic and Social Council resolutions 1235 (XLII) and 1503 (XLVIII)', [], en],
    ['人权理事会第31/1号决议', [], zh],
    // The Assembly's own, and a Security Council resolution after the Council's name.
    ['General Assembly resolution 60/1', ['ga-resolution\tresolution 60/1\tA/RES/60/1 60/1'], en],
    ['Security Council resolution 1645 (2005)', ['sc-resolution\tresolution 1645 (2005)\tS/RES/1645(2005) 1645(2005)'], en],
    // Numbered so before the Assembly's thirty-first session, or with a year: another body's (the League of Arab States' in an annex, ECOSOC's).
    ['A/56/1026-S/2002/932, annex II, resolution 14/221.', ['document\tA/56/1026\tA/56/1026', 'document\tS/2002/932\tS/2002/932'], en],
    ['resolution 1996/31', [], en],
    ['第14/221号决议', [], zh],
    // An emergency special session's document and its corrigendum.
    ['See A/ES-10/273 and Corr.1.', ['document\tA/ES-10/273\tA/ES-10/273', 'document\tCorr.1\tA/ES-10/273/Corr.1'], en]
  ]
  for (const [text, expected, lang] of cases) {
    it(`reads “${text}”`, () => {
      expect(extract(text, lang)).toEqual(expected)
    })
  }
})

describe('runs, carried dates and OCR symbols (invariants)', () => {
  const day = fc.record({ year: fc.integer({ min: 1945, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  const order = (d: { year: number; month: number; day: number }) => d.year * 10000 + d.month * 100 + d.day

  it('never carries a date over to one before the date it comes from', () => {
    fc.assert(
      fc.property(day, fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fc.integer({ min: 1, max: 31 }), (before, month, d) => {
        const after = carried(before, undefined, month, d)
        return order(after) >= order(before) && after.day === d && (month === undefined || after.month === month)
      })
    )
  })

  it('reads a run of resolution numbers under one “第…号决议” as one citation each, whatever separates them', () => {
    const item = fc.record({ n: fc.integer({ min: 1, max: 2999 }), year: fc.integer({ min: 1946, max: 2030 }), fullWidth: fc.boolean() })
    const separator = fc.constantFrom('、', '，', ',', '和', '及', '以及', '与', '、第')
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), fc.array(separator, { minLength: 7, maxLength: 7 }), (items, seps) => {
        const written = items.map(({ n, year, fullWidth }) => (fullWidth ? `${n}（${year}）` : `${n}(${year})`))
        const text = `回顾其第${written.map((w, i) => (i === 0 ? w : seps[i - 1]! + w)).join('')}号决议，`
        const found = parseCitations(tokenize(text, zh), text, zh)
        expect(found.map((m) => m.symbol)).toEqual(items.map(({ n, year }) => `S/RES/${n}(${year})`))
      })
    )
  })

  it('reads an OCR “Rev.l” as Rev.1 and warns at the symbol’s raw place', async () => {
    const result = await build('test/a-res-67-997.zh.txt', ['67/997. 草案', '', '大会，', '', ' 审议了决议草案A/C.3/67/L.5/Rev.l，', '', ' 1. 决定继续。', ''].join('\n'))
    const cited = citations(result.document!).find((c) => c.kind === 'document')
    expect(cited).toMatchObject({ symbol: 'A/C.3/67/L.5/Rev.1' })
    expect(cited!.children.map((t) => t.value).join('')).toBe('A/C.3/67/L.5/Rev.l')
    const warning = result.diagnostics.find((d) => d.ruleId === 'ocr-symbol')
    expect(warning).toMatchObject({ severity: 'warning', line: 5, column: 9 })
    expect(warning!.reason).toContain('A/C.3/67/L.5/Rev.1')
    expect(extract('A/67/280-S/2012/614/Add.l')).toEqual(['document\tA/67/280\tA/67/280', 'document\tS/2012/614/Add.l\tS/2012/614/Add.1'])
  })
})

describe('the symbol grammar', () => {
  it.each([
    'S/Agenda/1769',
    'E/CN.4/Sub.2/1999/2',
    'A/RES/67/264',
    'A/60/633',
    'S/2005/826',
    'A/67/L.12',
    'A/C.3/67/L.5',
    'E/CN.4/2005/L.10',
    'S/PRST/2005/1',
    'A/67/280/Add.1',
    'A/C.5/66/L.1/Rev.2',
    'A/RES/3369(XXX)',
    'S/RES/242(1967)',
    'A/ES-10/273',
    'A/RES/ES-10/19',
    'A/S-27/19/Rev.1',
    'A/RES/S-27/2'
  ])('accepts %s', (s) => {
    expect(isUnSymbol(s)).toBe(true)
  })
  it.each(['A/B', 'AB/CD', 'a/67/1', 'A', 'X/67/1', 'A/67/ L.1', 'A/67/L.5/Rev.l', 'S/agenda/1769', 'A/ES-/273', 'A/X-10/273'])('refuses %s', (s) => {
    expect(isUnSymbol(s)).toBe(false)
  })
  it('splits a joint symbol into its documents', () => {
    expect(splitJointSymbol('A/67/280-S/2012/614')).toEqual(['A/67/280', 'S/2012/614'])
    expect(splitJointSymbol('A/67/280-X')).toBeNull()
  })
  it('links the official address in the document’s language', () => {
    expect(officialHref('S/RES/242(1967)', 'zh-Hans')).toBe('https://undocs.org/zh/S/RES/242(1967)')
  })
})

describe('internal references and meetings in built documents', () => {
  const text = [
    '67/999. 委员会',
    '',
    '大会，',
    '',
    ' 1. 决定设立委员会；',
    '',
    ' 2. 请委员会执行上文第1段；',
    '',
    ' 3. 又请委员会执行下文第9段（见附件）。',
    '',
    '2013年5月17日',
    '第82次全体会议',
    ''
  ].join('\n')
  it('links paragraph references to the paragraph, leaves unknown ones unlinked, and names the meeting’s record', async () => {
    const result = await build('test/a-res-67-999.zh.txt', text)
    expect(result.document).toBeDefined()
    const cs = citations(result.document!)
    expect(cs.find((c) => c.kind === 'paragraph' && c.value === '1')).toMatchObject({ target: 'para-1' })
    expect(cs.find((c) => c.kind === 'paragraph' && c.value === '9')?.target).toBeUndefined()
    expect(cs.find((c) => c.kind === 'annex')?.target).toBeUndefined()
    expect(cs.find((c) => c.kind === 'meeting')).toMatchObject({ symbol: 'A/67/PV.82', value: '82' })
  })

  it('links each end of a range of paragraphs to its paragraph and marks them as the range’s ends', async () => {
    const result = await build('test/a-res-67-999.zh.txt', ['大会，', '', ' 1. 决定甲；', '', ' 2. 决定乙；', '', ' 3. 执行上文第1至2段。', ''].join('\n'))
    const ends = citations(result.document!).filter((c) => c.kind === 'paragraph')
    expect(ends.map((c) => [c.children.map((t) => t.value).join(''), c.target, c.range])).toEqual([
      ['上文第1', 'para-1', 'from'],
      ['2段', 'para-2', 'upTo']
    ])
  })

  it('gives an instrument the symbol of the resolution that adopted it, where the text says so', async () => {
    const result = await build(
      'test/a-res-67-998.zh.txt',
      ['67/998. 成果', '', '大会，', '', ' 回顾其2005年9月16日第60/1号决议通过的《2005年世界首脑会议成果》和《联合国宪章》，', '', ' 1. 决定继续。', ''].join('\n')
    )
    const instruments = citations(result.document!).filter((c) => c.kind === 'instrument')
    expect(instruments.map((c) => [c.value, c.symbol])).toEqual([
      ['2005年世界首脑会议成果', 'A/RES/60/1'],
      ['联合国宪章', undefined]
    ])
  })

  it('reads a citation across a page break and the footnotes set in it, in the text nodes either side', async () => {
    const result = await build(
      'test/a-res-67-997.en.txt',
      [
        '67/997. Cooperation',
        '',
        'The General Assembly,',
        '',
        'Noting the adoption by the Conference, held in Dakar on 13 and',
        '_______________',
        '1',
        'A/60/633, annex.',
        '',
        '14 March 2008, of its Charter,1',
        '',
        '1. Decides to continue.',
        ''
      ].join('\n')
    )
    const dates = citations(result.document!).filter((c) => c.kind === 'date')
    expect(dates.map((c) => [c.date, c.children.map((t) => t.value)])).toEqual([['2008-03-13,2008-03-14', ['13 and', ' 14 March 2008']]])
    expect(dates[0]!.children.map((t) => t.position.start.line)).toEqual([5, 10])
  })

  it('names a pre-1976 General Assembly meeting record without the session (A/PV.2383)', async () => {
    const result = await build('test/fixtures/kinds/a-res-3369-xxx.zh.txt')
    expect(citations(result.document!).find((c) => c.kind === 'meeting')).toMatchObject({ symbol: 'A/PV.2383' })
  })
})

describe('the corpus index', () => {
  it('records outgoing citations, backlinks and missing symbols, valid against its schema', async () => {
    const resolution = await buildSeed(SEEDS.resolution)
    const citing = await build('input/a-res-68-1.zh.txt', ['68/1. 合作', '', '大会，', '', ' 回顾其2013年5月17日第67/264号决议，', '', ' 1. 决定继续合作。', ''].join('\n'))
    const index = await buildCorpusIndex([summarize(resolution), summarize(citing.document!)])
    expect(validate('index.schema.json', index)).toEqual([])
    const res = index.documents.find((d) => d.name === 'a-res-67-264.zh')!
    expect(res.citedBy).toEqual([{ name: 'a-res-68-1.zh', symbol: 'A/RES/68/1', count: 1 }])
    expect(index.documents.find((d) => d.name === 'a-res-68-1.zh')!.citations).toEqual([{ symbol: 'A/RES/67/264', kind: 'ga-resolution', count: 1, target: 'a-res-67-264.zh' }])
    expect(index.missing.map((m) => m.symbol)).toContain('A/RES/37/4')
    expect(index.missing.map((m) => m.symbol)).not.toContain('A/RES/67/264')
  })

  it('adds the counts of a symbol cited as two kinds into one backlink, lists each citing document once, and gives a symbol two documents have to the first', async () => {
    const summary = (name: string, symbol: string | undefined, citations: [string, CitationKind, number][]) => ({
      name,
      path: `input/${name}.txt`,
      ...(symbol ? { symbol } : {}),
      kind: 'ga-resolution' as const,
      citations: citations.map(([s, kind, count]) => ({ symbol: s, kind, count }))
    })
    const index = await buildCorpusIndex([
      summary('b', 'A/RES/2', [
        ['A/RES/1', 'document', 1],
        ['A/RES/1', 'ga-resolution', 2],
        ['A/RES/9', 'document', 1],
        ['A/RES/9', 'ga-resolution', 1]
      ]),
      summary('a', 'A/RES/1', [['A/RES/9', 'ga-resolution', 3]]),
      summary('c', undefined, [['A/RES/1', 'ga-resolution', 1]]),
      summary('d', 'A/RES/1', [])
    ])
    expect(validate('index.schema.json', index)).toEqual([])
    expect(index.documents.map((d) => d.name)).toEqual(['a', 'b', 'c', 'd'])
    expect(index.documents[0]!.citedBy).toEqual([
      { name: 'b', symbol: 'A/RES/2', count: 3 },
      { name: 'c', count: 1 }
    ])
    expect(index.documents[3]!.citedBy).toEqual([])
    expect(index.documents[2]!.citations[0]!.target).toBe('a')
    expect(index.missing).toEqual([{ symbol: 'A/RES/9', citedBy: ['a', 'b'] }])
  })

  it('points a citation at the cited document when it is in the corpus, keeping the official address', async () => {
    const citing = await build('input/a-res-68-1.zh.txt', ['大会，', '', ' 回顾其第67/264号决议，', ''].join('\n'))
    const resolved = resolveCitations(citing.document!, new Map([['A/RES/67/264', 'a-res-67-264.zh']]))
    expect(citations(resolved)[0]).toMatchObject({ target: 'a-res-67-264.zh', href: 'https://undocs.org/zh/A/RES/67/264' })
    expect(citations(citing.document!)[0]!.target).toBeUndefined()
  })
})
