import type { CorpusGold } from '../types/corpus-gold.js'
import type { Reading } from './reading.js'

/** The fields a text has one value of: scored by the share of texts read exactly. */
export const SCALAR_FIELDS = ['language', 'kind', 'symbol', 'operative', 'paragraphNumbers', 'subItems', 'preambular', 'footnotes', 'vote'] as const
export type ScalarField = (typeof SCALAR_FIELDS)[number]

/** The fields a text has a set of values of: scored by precision and recall over the corpus. */
export const SET_FIELDS = ['citations', 'dates'] as const
export type SetField = (typeof SET_FIELDS)[number]

export interface PrecisionRecall {
  readonly precision: number
  readonly recall: number
}

/** How well undoc reads the corpus. */
export interface Figures {
  readonly exact: Readonly<Record<ScalarField, number>>
  readonly sets: Readonly<Record<SetField, PrecisionRecall>>
}

/** What a text's reading got wrong: a field, what the gold says, what undoc read. */
export interface Miss {
  readonly field: ScalarField | SetField
  readonly expected: string
  readonly found: string
}

export interface Scored {
  readonly name: string
  readonly gold: CorpusGold
  readonly reading: Reading
}

export interface Evaluation {
  readonly documents: number
  readonly figures: Figures
  readonly misses: readonly { readonly name: string; readonly misses: readonly Miss[] }[]
}

/** Scores readings against their gold: exact-match rates, micro-averaged precision and recall, and each text's misses. */
export function evaluate(texts: readonly Scored[]): Evaluation {
  const exact = Object.fromEntries(SCALAR_FIELDS.map((f) => [f, 0])) as Record<ScalarField, number>
  const counts = Object.fromEntries(SET_FIELDS.map((f) => [f, { found: 0, expected: 0, hits: 0 }])) as Record<SetField, { found: number; expected: number; hits: number }>
  const misses: { name: string; misses: Miss[] }[] = []
  for (const { name, gold, reading } of texts) {
    const own: Miss[] = []
    for (const field of SCALAR_FIELDS) {
      const expected = JSON.stringify(gold[field])
      const found = JSON.stringify(reading[field])
      if (expected === found) exact[field]++
      else own.push({ field, expected, found })
    }
    for (const field of SET_FIELDS) {
      const expected = new Set(gold[field])
      const found = new Set(reading[field])
      const hits = [...found].filter((x) => expected.has(x)).length
      counts[field].found += found.size
      counts[field].expected += expected.size
      counts[field].hits += hits
      const missing = [...expected].filter((x) => !found.has(x))
      const extra = [...found].filter((x) => !expected.has(x))
      if (missing.length || extra.length) own.push({ field, expected: missing.join(' '), found: extra.join(' ') })
    }
    if (own.length) misses.push({ name, misses: own })
  }
  const n = texts.length
  return {
    documents: n,
    figures: {
      exact: Object.fromEntries(SCALAR_FIELDS.map((f) => [f, n ? exact[f] / n : 1])) as Record<ScalarField, number>,
      sets: Object.fromEntries(
        SET_FIELDS.map((f) => {
          const c = counts[f]
          return [f, { precision: c.found ? c.hits / c.found : 1, recall: c.expected ? c.hits / c.expected : 1 }]
        })
      ) as Record<SetField, PrecisionRecall>
    },
    misses
  }
}

/** The figures that fall below their floor, named ("kind", "dates.recall"): none when the corpus is read at least as well as the floors say. */
export function belowFloors(figures: Figures, floors: Figures): string[] {
  const out: string[] = []
  for (const f of SCALAR_FIELDS) if (figures.exact[f] < floors.exact[f]) out.push(`${f} ${figures.exact[f].toFixed(3)} < ${floors.exact[f]}`)
  for (const f of SET_FIELDS) {
    for (const m of ['precision', 'recall'] as const) if (figures.sets[f][m] < floors.sets[f][m]) out.push(`${f}.${m} ${figures.sets[f][m].toFixed(3)} < ${floors.sets[f][m]}`)
  }
  return out
}
