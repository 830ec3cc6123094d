import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emitMarkdown } from '../pipeline/emit/markdown/index.js'
import { build, buildSeed, SEEDS, seedText } from './helpers.js'

const seed = Number(process.env.FC_SEED ?? 1)
const runs = Number(process.env.FC_RUNS ?? 60)

/** Every diagnostic points at a real place of the raw text: an existing line, a column within it. */
function pointsIntoRaw(raw: string, path: string, diagnostics: readonly { line: number; column: number; file: string }[]): void {
  const lines = raw.split(/\r\n|\r|\n/)
  for (const d of diagnostics) {
    if (d.file !== path) continue
    expect(d.line).toBeGreaterThanOrEqual(1)
    expect(d.line).toBeLessThanOrEqual(lines.length)
    expect(d.column).toBeGreaterThanOrEqual(1)
    expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1)
  }
}

async function neverThrowsAs(path: string, raw: string | Uint8Array): Promise<void> {
  const result = await build(path, raw)
  expect(result.document !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true)
  expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([])
  if (typeof raw === 'string') pointsIntoRaw(raw, path, result.diagnostics)
}

const neverThrows = (raw: string | Uint8Array) => neverThrowsAs('input/fuzz.zh.txt', raw)
const neverThrowsAsMarkdown = (raw: string) => neverThrowsAs('input/fuzz.zh.md', raw)

/** Edits a text the way extraction and hand-editing damage it. */
const mutation = (text: string) => {
  const lines = text.split('\n')
  return fc.oneof(
    fc.integer({ min: 0, max: lines.length - 2 }).map((i) => [...lines.slice(0, i), lines[i]! + lines[i + 1]!, ...lines.slice(i + 2)].join('\n')),
    fc.tuple(fc.integer({ min: 0, max: lines.length - 1 }), fc.nat()).map(([i, at]) => {
      const l = lines[i]!
      const k = l.length ? at % l.length : 0
      return [...lines.slice(0, i), l.slice(0, k), l.slice(k), ...lines.slice(i + 1)].join('\n')
    }),
    fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(' ', '  ', '\u3000', '\n', '\n\n')).map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
    fc.tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 40 })).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length })).map(([a, b]) => {
      // Move the first footnote block (rule and notes) somewhere else.
      const rule = text.indexOf('_______________')
      if (rule === -1) return text
      const end = text.indexOf('\n \n', rule) === -1 ? rule + 80 : text.indexOf('\n \n', rule)
      const block = text.slice(rule, end)
      const rest = text.slice(0, rule) + text.slice(end)
      const at = Math.min(rest.length, (a + b) % (rest.length + 1))
      return rest.slice(0, at) + block + rest.slice(at)
    })
  )
}

describe('fuzzing the whole build', () => {
  it('turns any string into a document or diagnostics, never an exception', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), neverThrows), { seed, numRuns: runs })
  })

  it('turns any bytes into a document or diagnostics, never an exception', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), neverThrows), { seed, numRuns: runs })
  })

  for (const [name, path] of Object.entries(SEEDS)) {
    it(`survives mutations of the ${name} with diagnostics at real raw places`, async () => {
      const text = seedText(path)
      await fc.assert(
        fc.asyncProperty(
          fc.array(mutation(text), { minLength: 1, maxLength: 1 }).chain(([first]) => mutation(first!)),
          neverThrows
        ),
        { seed, numRuns: runs }
      )
    })
  }

  it('reads any string as a Markdown source into a document or diagnostics, never an exception', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), neverThrowsAsMarkdown), { seed, numRuns: runs })
  })

  for (const [name, path] of Object.entries(SEEDS)) {
    it(`survives mutations of the ${name}'s Markdown with diagnostics at real places of it`, async () => {
      const text = emitMarkdown(await buildSeed(path))
      await fc.assert(fc.asyncProperty(mutation(text), neverThrowsAsMarkdown), { seed, numRuns: runs })
    })
  }
})
