import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { visit } from 'unist-util-visit'
import type { Node } from 'unist'
import type { Text } from '../pipeline/types/document.js'
import { build, canonicalOfRaw, checkConservation, normalizeText, SEEDS, seedText } from './helpers.js'

const seed = Number(process.env.FC_SEED ?? 1)
const runs = Number(process.env.FC_RUNS ?? 150)

const han = fc.constantFrom(...'联合国大会伊斯兰合作组织决议秘书长报告和平安全发展的在了与及其'.split(''))
const punct = fc.constantFrom('，', '。', '；', '：', '、', '《', '》', '“', '”', '(', ')')
const latin = fc.constantFrom('A/RES/67/264', 'S/2005/826', 'General', 'Assembly', '2011', '12', '(s)')
const piece = fc.oneof({ weight: 8, arbitrary: han }, { weight: 2, arbitrary: punct }, { weight: 1, arbitrary: latin.map((w) => ` ${w} `) })
const textLine = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join(''))
/** A line as UN PDFs give them: text (maybe indented, maybe numbered), blank, furniture, footnote parts. */
const rawLine = fc.oneof(
  { weight: 10, arbitrary: textLine },
  { weight: 3, arbitrary: textLine.map((l) => ` ${l}`) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 30 }), textLine).map(([n, l]) => ` ${n}. ${l}`) },
  { weight: 3, arbitrary: fc.constantFrom('', ' ', '  ') },
  { weight: 1, arbitrary: fc.constantFrom('_______________ ', '1', '2', '3', '12-48653 (C)', '*1248653*', '2/5', 'A/RES/67/264', '请回收', '\t', '\u3000\u3000') }
)
const rawText = fc.tuple(fc.array(rawLine, { maxLength: 60 }), fc.constantFrom('\n', '\n\n', '\r\n', '\r')).map(([lines, nl]) => lines.join(nl))

describe('normalization invariants', () => {
  it('conserves every character of the seeds', () => {
    for (const path of Object.values(SEEDS)) checkConservation(normalizeText(seedText(path), path).text)
  })

  it('conserves every character of UN-like texts and of arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(rawText, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (raw) => {
        checkConservation(normalizeText(raw).text)
      }),
      { seed, numRuns: runs }
    )
  })

  it('is idempotent on the seeds', () => {
    for (const path of Object.values(SEEDS)) {
      const once = normalizeText(seedText(path), path).text.text
      expect(normalizeText(once).text.text).toBe(once)
    }
  })

  it('is idempotent on UN-like texts', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        const once = normalizeText(raw).text.text
        expect(normalizeText(once).text.text).toBe(once)
      }),
      { seed, numRuns: runs }
    )
  })
})

describe('tree positions', () => {
  const checkTexts = async (path: string, raw: string) => {
    const result = await build(path, raw)
    const doc = result.document
    if (!doc) return
    visit(doc.tree as Node, 'text', (node) => {
      const t = node as unknown as Text
      expect(t.position.start.offset).toBeGreaterThanOrEqual(0)
      expect(t.position.end.offset).toBeLessThanOrEqual(raw.length)
      expect(canonicalOfRaw(raw, doc.removals, t.position.start.offset, t.position.end.offset)).toBe(t.value)
    })
  }

  it('point every text node of the seeds at the raw characters it says', async () => {
    for (const path of Object.values(SEEDS)) await checkTexts(path, seedText(path))
  })

  it('point every text node of UN-like texts at the raw characters it says', async () => {
    await fc.assert(
      fc.asyncProperty(rawText, async (raw) => {
        await checkTexts('generated.zh.txt', raw)
      }),
      { seed, numRuns: Math.ceil(runs / 3) }
    )
  })
})
