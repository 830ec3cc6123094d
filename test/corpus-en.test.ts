import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Citation, Paragraph, UndocDocument } from '../pipeline/types/document.js'
import { build, nodesOf, ROOT } from './helpers.js'

// The English part of the real-text corpus (test/corpus/en/, gold in the format of GOLD.md), built
// by the real pipeline and read back field by field, as the eval will read it.

interface Gold {
  readonly kind: string
  readonly symbol: string | null
  readonly operative: number
  readonly paragraphNumbers: readonly string[]
  readonly subItems: number
  readonly preambular: number
  readonly footnotes: number
  readonly citations: readonly string[]
  readonly dates: readonly string[]
}

const DIR = join(ROOT, 'test/corpus/en')
const TEXTS = readdirSync(DIR)
  .filter((f) => f.endsWith('.en.txt'))
  .sort()

/** What a built document says, in the gold's terms. */
function observed(doc: UndocDocument): Gold {
  const paragraphs = nodesOf<Paragraph>(doc.tree, 'paragraph')
  // The gold lists the document's own symbol only where the body cites it, not in its title lines.
  const own = doc.metadata.symbol
  const inPreface = new Set(doc.tree.children.filter((p) => p.type === 'preface').flatMap((p) => nodesOf<Citation>(p, 'citation')))
  const citations = nodesOf<Citation>(doc.tree, 'citation').filter((c) => !(inPreface.has(c) && c.symbol === own))
  const footnotes = nodesOf(doc.tree, 'footnoteDefinition').length
  const operative = paragraphs.filter((p) => p.role === 'operative')
  const top = operative.filter((p) => (p.level ?? 1) === 1)
  const dates = new Set<string>()
  const addDates = (value: string | undefined) => {
    for (const d of value?.split(/[,/]/) ?? []) if (/^\d{4}-\d{2}-\d{2}$/.test(d)) dates.add(d)
  }
  for (const c of citations) addDates(c.date)
  addDates(doc.metadata.date)
  // The masthead's date of issue is a date the text states, as the gold counts it.
  addDates(doc.metadata.issued)
  return {
    // The schema's kinds name a presidential statement a statement.
    kind: doc.metadata.kind === 'statement' && doc.metadata.symbol?.startsWith('S/PRST/') ? 'sc-presidential-statement' : doc.metadata.kind,
    symbol: doc.metadata.symbol ?? null,
    operative: top.length,
    paragraphNumbers: top.flatMap((p) => (p.number === undefined ? [] : [p.number])),
    subItems: operative.length - top.length,
    preambular: paragraphs.filter((p) => p.role === 'preambular').length,
    footnotes,
    citations: [...new Set(citations.filter((c) => c.symbol && c.kind !== 'meeting').map((c) => c.symbol!))].sort(),
    dates: [...dates].sort()
  }
}

/** Hits of a found set against a gold set. */
function overlap(found: readonly string[], gold: readonly string[]): { hits: number; found: number; gold: number } {
  const want = new Set(gold)
  return { hits: found.filter((f) => want.has(f)).length, found: found.length, gold: gold.length }
}

describe('the English corpus against its gold', async () => {
  const rows = await Promise.all(
    TEXTS.map(async (file) => {
      const result = await build(join('test/corpus/en', file), readFileSync(join(DIR, file)))
      const gold = JSON.parse(readFileSync(join(DIR, file.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold
      return { file, result, gold, found: result.document ? observed(result.document) : undefined }
    })
  )

  it('builds every text to a schema-valid document with no error', () => {
    for (const { file, result } of rows) {
      expect(
        result.diagnostics.filter((d) => d.severity === 'error'),
        file
      ).toEqual([])
      expect(result.document?.metadata.language, file).toBe('en')
    }
  })

  const fields = ['kind', 'symbol', 'operative', 'paragraphNumbers', 'subItems', 'preambular', 'footnotes'] as const
  const exact = Object.fromEntries(fields.map((f) => [f, rows.filter((r) => JSON.stringify(r.found?.[f]) === JSON.stringify(r.gold[f])).length]))
  const sum = (k: 'citations' | 'dates') => {
    const all = rows.map((r) => overlap(r.found?.[k] ?? [], r.gold[k]))
    const hits = all.reduce((a, o) => a + o.hits, 0)
    return {
      precision:
        hits /
        Math.max(
          1,
          all.reduce((a, o) => a + o.found, 0)
        ),
      recall:
        hits /
        Math.max(
          1,
          all.reduce((a, o) => a + o.gold, 0)
        )
    }
  }
  const citations = sum('citations')
  const dates = sum('dates')

  it('reports its figures per field', () => {
    const misses = rows.flatMap((r) =>
      [...fields, 'citations', 'dates']
        .filter((f) => JSON.stringify(r.found?.[f as keyof Gold]) !== JSON.stringify(r.gold[f as keyof Gold]))
        .map((f) => `${r.file} ${f}: ${JSON.stringify(r.found?.[f as keyof Gold])} ≠ ${JSON.stringify(r.gold[f as keyof Gold])}`)
    )
    console.log(
      [
        `texts: ${rows.length}`,
        ...fields.map((f) => `${f}: ${exact[f]}/${rows.length} exact`),
        `citations: precision ${citations.precision.toFixed(3)}, recall ${citations.recall.toFixed(3)}`,
        `dates: precision ${dates.precision.toFixed(3)}, recall ${dates.recall.toFixed(3)}`,
        ...misses
      ].join('\n')
    )
    expect(rows.length).toBe(25)
  })

  // Floors at what has been reached, so that a change cannot lose ground unseen; raise them as the
  // grammar learns the web copies' forms (see the misses printed above).
  it('keeps kind, symbol, structure, citations and dates at least as good as reached', () => {
    expect(exact.kind).toBeGreaterThanOrEqual(25)
    // S/RES/1513(2003): its masthead misprints its symbol ("S/RES/11513 (2003)"); title-symbol reports the disagreement.
    expect(exact.symbol).toBeGreaterThanOrEqual(24)
    expect(exact.operative).toBeGreaterThanOrEqual(25)
    expect(exact.paragraphNumbers).toBeGreaterThanOrEqual(25)
    expect(exact.subItems).toBeGreaterThanOrEqual(25)
    expect(exact.preambular).toBeGreaterThanOrEqual(25)
    expect(exact.footnotes).toBeGreaterThanOrEqual(25)
    expect(citations).toEqual({ precision: 1, recall: 1 })
    expect(dates).toEqual({ precision: 1, recall: 1 })
  })
})
