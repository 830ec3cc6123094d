import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCorpusIndex, summarize } from '../pipeline/batch/corpus-index.js'
import { parseCitations } from '../pipeline/model/citation-grammar.js'
import { officialHref, resolveCitations } from '../pipeline/model/citation-links.js'
import { isUnSymbol, splitJointSymbol } from '../pipeline/model/un-symbol.js'
import { tokenize } from '../pipeline/model/citation-tokens.js'
import { zh } from '../pipeline/lang/zh.js'
import type { Citation, CitationKind, UndocDocument } from '../pipeline/types/document.js'
import { validate } from '../pipeline/validate/index.js'
import { build, buildSeed, canonicalOfRaw, ROOT, SEEDS, seedText } from './helpers.js'

/** A citation as the labelled sets write it: kind, the text it covers, and what it resolves to. */
function label(c: { kind: string; text: string; symbol?: string; date?: string; value?: string; target?: string }): string {
  return [c.kind, c.text, [c.symbol, c.date, c.value, c.target].filter(Boolean).join(' ')].join('\t')
}

function extract(text: string): string[] {
  return parseCitations(tokenize(text, zh), text, zh).map((m) => label({ ...m, text: text.slice(m.start, m.end) }))
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
      const name = path.split('/').pop()!.replace(/\.txt$/, '')
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
    ['回顾其1982年10月22日第37/4号和1983年10月28日第38/4号决议，', ['ga-resolution\t1982年10月22日第37/4号\tA/RES/37/4 1982-10-22 37/4', 'ga-resolution\t1983年10月28日第38/4号决议\tA/RES/38/4 1983-10-28 38/4']],
    ['又回顾其第3369(XXX)号决议，', ['ga-resolution\t第3369(XXX)号决议\tA/RES/3369(XXX) 3369(XXX)']],
    ['回顾其第66/555号决定，', ['ga-decision\t第66/555号决定\tA/DEC/66/555 66/555']],
    ['安全理事会第242(1967)号、第338(1973)号及第1624(2005)号决议', ['sc-resolution\t第242(1967)号\tS/RES/242(1967) 242(1967)', 'sc-resolution\t第338(1973)号\tS/RES/338(1973) 338(1973)', 'sc-resolution\t第1624(2005)号决议\tS/RES/1624(2005) 1624(2005)']],
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
    ['伊斯兰会议组织和世卫组织', ['organization\t伊斯兰会议组织\toic', 'organization\t世卫组织\twho']]
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
    'A/B测试和AB/CD' // upper-case words with a slash that no series starts
  ]
  it('finds no citation in look-alikes', () => {
    expect(negatives.flatMap(extract)).toEqual([])
  })

  it('scores precision and recall of 1 over the constructed set', () => {
    const found = cases.flatMap(([t]) => extract(t)).concat(negatives.flatMap(extract))
    expect(score(found, cases.flatMap(([, e]) => e))).toEqual({ precision: 1, recall: 1 })
  })
})

describe('the symbol grammar', () => {
  it.each(['A/RES/67/264', 'A/60/633', 'S/2005/826', 'A/67/L.12', 'A/C.3/67/L.5', 'E/CN.4/2005/L.10', 'S/PRST/2005/1', 'A/67/280/Add.1', 'A/C.5/66/L.1/Rev.2', 'A/RES/3369(XXX)', 'S/RES/242(1967)'])('accepts %s', (s) => {
    expect(isUnSymbol(s)).toBe(true)
  })
  it.each(['A/B', 'AB/CD', 'a/67/1', 'A', 'X/67/1', 'A/67/ L.1'])('refuses %s', (s) => {
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
  const text = ['67/999. 委员会', '', '大会，', '', ' 1. 决定设立委员会；', '', ' 2. 请委员会执行上文第1段；', '', ' 3. 又请委员会执行下文第9段（见附件）。', '', '2013年5月17日', '第82次全体会议', ''].join('\n')
  it('links paragraph references to the paragraph, leaves unknown ones unlinked, and names the meeting’s record', async () => {
    const result = await build('test/a-res-67-999.zh.txt', text)
    expect(result.document).toBeDefined()
    const cs = citations(result.document!)
    expect(cs.find((c) => c.kind === 'paragraph' && c.value === '1')).toMatchObject({ target: 'para-1' })
    expect(cs.find((c) => c.kind === 'paragraph' && c.value === '9')?.target).toBeUndefined()
    expect(cs.find((c) => c.kind === 'annex')?.target).toBeUndefined()
    expect(cs.find((c) => c.kind === 'meeting')).toMatchObject({ symbol: 'A/67/PV.82', value: '82' })
  })

  it('gives an instrument the symbol of the resolution that adopted it, where the text says so', async () => {
    const result = await build('test/a-res-67-998.zh.txt', ['67/998. 成果', '', '大会，', '', ' 回顾其2005年9月16日第60/1号决议通过的《2005年世界首脑会议成果》和《联合国宪章》，', '', ' 1. 决定继续。', ''].join('\n'))
    const instruments = citations(result.document!).filter((c) => c.kind === 'instrument')
    expect(instruments.map((c) => [c.value, c.symbol])).toEqual([
      ['2005年世界首脑会议成果', 'A/RES/60/1'],
      ['联合国宪章', undefined]
    ])
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
    const summary = (name: string, symbol: string | undefined, citations: [string, CitationKind, number][]) => ({ name, path: `input/${name}.txt`, ...(symbol ? { symbol } : {}), kind: 'ga-resolution' as const, citations: citations.map(([s, kind, count]) => ({ symbol: s, kind, count })) })
    const index = await buildCorpusIndex([
      summary('b', 'A/RES/2', [['A/RES/1', 'document', 1], ['A/RES/1', 'ga-resolution', 2], ['A/RES/9', 'document', 1], ['A/RES/9', 'ga-resolution', 1]]),
      summary('a', 'A/RES/1', [['A/RES/9', 'ga-resolution', 3]]),
      summary('c', undefined, [['A/RES/1', 'ga-resolution', 1]]),
      summary('d', 'A/RES/1', [])
    ])
    expect(validate('index.schema.json', index)).toEqual([])
    expect(index.documents.map((d) => d.name)).toEqual(['a', 'b', 'c', 'd'])
    expect(index.documents[0]!.citedBy).toEqual([{ name: 'b', symbol: 'A/RES/2', count: 3 }, { name: 'c', count: 1 }])
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
