import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusTexts, evaluateCorpus } from '../pipeline/eval/corpus.js'
import { readingOf } from '../pipeline/eval/reading.js'
import { belowFloors, evaluate, type Figures } from '../pipeline/eval/score.js'
import type { CorpusGold } from '../pipeline/types/corpus-gold.js'
import { validate } from '../pipeline/validate/index.js'
import { build, ROOT } from './helpers.js'

const FLOORS = JSON.parse(readFileSync(join(ROOT, 'test', 'eval-floors.json'), 'utf8')) as Figures

const gold = (over: Partial<CorpusGold> = {}): CorpusGold => ({
  language: 'zh-Hans',
  kind: 'ga-resolution',
  symbol: 'A/RES/67/999',
  operative: 2,
  paragraphNumbers: ['1', '2'],
  subItems: 0,
  preambular: 1,
  footnotes: 0,
  citations: ['A/RES/60/1', 'S/RES/242(1967)'],
  dates: ['2013-05-17'],
  vote: null,
  ...over
})

describe('the evaluation corpus (test/corpus, gold written by reading the texts)', () => {
  it('is read at least as well as the recorded floors, with no faulty gold', async () => {
    const evaluation = await evaluateCorpus(ROOT, 'test/corpus')
    expect(evaluation.problems).toEqual([])
    expect(evaluation.documents).toBeGreaterThanOrEqual(2)
    expect(belowFloors(evaluation.figures, FLOORS)).toEqual([])
  })
})

describe('scoring readings against gold', () => {
  it('counts exact fields per text and citations and dates by precision and recall over the corpus', () => {
    const reading = { ...gold(), operative: 3, citations: ['A/RES/60/1', 'A/RES/61/1'], dates: ['2013-05-17', '2013-05-18'] }
    const evaluation = evaluate([
      { name: 'a', gold: gold(), reading },
      { name: 'b', gold: gold(), reading: gold() }
    ])
    expect(evaluation.figures.exact.operative).toBe(0.5)
    expect(evaluation.figures.exact.kind).toBe(1)
    expect(evaluation.figures.sets.citations).toEqual({ precision: 3 / 4, recall: 3 / 4 })
    expect(evaluation.figures.sets.dates).toEqual({ precision: 2 / 3, recall: 1 })
    expect(evaluation.misses).toEqual([
      {
        name: 'a',
        misses: [
          { field: 'operative', expected: '2', found: '3' },
          { field: 'citations', expected: 'S/RES/242(1967)', found: 'A/RES/61/1' },
          { field: 'dates', expected: '', found: '2013-05-18' }
        ]
      }
    ])
  })

  it('names every figure that falls below its floor', () => {
    const figures = evaluate([{ name: 'a', gold: gold(), reading: { ...gold(), kind: 'unknown', dates: [] } }]).figures
    // Perfect floors, not the corpus's: this pins the check, whatever the corpus is read at now.
    const perfect = evaluate([{ name: 'a', gold: gold(), reading: gold() }]).figures
    expect(belowFloors(figures, perfect)).toEqual(['kind 0.000 < 1', 'dates.recall 0.000 < 1'])
  })

  it('reads a built document as the gold counts it: own paragraphs, cited symbols without meeting records, every stated day', async () => {
    const text = [
      '67/999. 合作',
      '',
      '大会，',
      '',
      ' 回顾其2005年9月16日第60/1号决议和安全理事会第242(1967)号决议，',
      '',
      ' 1. 决定继续；',
      '',
      ' 2. 请秘书长报告。',
      '',
      '2013年5月17日',
      '第82次全体会议',
      ''
    ].join('\n')
    const result = await build('test/a-res-67-999.zh.txt', text)
    const doc = result.document!
    expect(readingOf(doc)).toEqual({ ...gold(), kind: doc.metadata.kind, symbol: doc.metadata.symbol, dates: ['2005-09-16', '2013-05-17'] })
    expect(readingOf(undefined).kind).toBe('')
  })
})

describe('the corpus files', () => {
  it('refuses gold that is not in the shape of schemas/corpus-gold.schema.json', () => {
    expect(validate('corpus-gold.schema.json', gold())).toEqual([])
    expect(validate('corpus-gold.schema.json', gold({ vote: { for: 13, against: 0, abstentions: 2 } }))).toEqual([])
    expect(validate('corpus-gold.schema.json', gold({ dates: ['17 May 2013'] }))).not.toEqual([])
    expect(validate('corpus-gold.schema.json', { ...gold(), operative: undefined })).not.toEqual([])
    expect(validate('corpus-gold.schema.json', gold({ kind: 'treaty' as CorpusGold['kind'] }))).not.toEqual([])
  })

  it('pairs each text with its gold and reports a text without gold, gold without a text, and gold that is not valid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undoc-corpus-'))
    try {
      mkdirSync(join(dir, 'zh'))
      writeFileSync(join(dir, 'zh', 'a.zh.txt'), '大会，\n\n 1. 决定继续。\n')
      writeFileSync(join(dir, 'zh', 'a.zh.gold.json'), JSON.stringify({ ...gold(), symbol: 7 }))
      writeFileSync(join(dir, 'zh', 'b.zh.txt'), '大会，\n')
      writeFileSync(join(dir, 'zh', 'c.zh.gold.json'), JSON.stringify(gold()))
      const { texts, problems } = await corpusTexts(dir, '.')
      expect(texts).toEqual([{ path: 'zh/a.zh.txt', goldPath: 'zh/a.zh.gold.json' }])
      expect(problems).toEqual(['zh/b.zh.txt: no gold file beside it (zh/b.zh.gold.json)', 'zh/c.zh.gold.json: no text beside it (zh/c.zh.txt)'])
      const evaluation = await evaluateCorpus(dir, '.')
      expect(evaluation.documents).toBe(0)
      expect(evaluation.problems.some((p) => p.startsWith('zh/a.zh.gold.json at /symbol'))).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
