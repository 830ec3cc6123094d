import { describe, expect, it } from 'vitest'
import { MAX_CONTAINER_DEPTH, MAX_DELIMITER_RUNS, MAX_OPEN_INLINE } from '../pipeline/read/markdown-nesting.js'
import { build } from './helpers.js'

/**
 * Markdown nested deeper than a UN document ever is is refused before it is parsed, with an
 * error that says how deep and where; the parser never overflows its stack or runs for minutes.
 */
const HANG = 60_000

async function refusal(markdown: string) {
  const result = await build('input/deep.zh.md', `大会，\n\n${markdown}\n`)
  expect(result.outputs).toEqual([])
  expect(result.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([])
  const unfit = result.diagnostics.filter((d) => d.ruleId === 'markdown-unfit')
  expect(unfit).toHaveLength(1)
  return unfit[0]!
}

/** A list nested `depth` deep, each item on its own line under the one before, indented past its marker. */
function orderedList(depth: number, lazy = false): string {
  return Array.from({ length: depth }, (_, k) => `${' '.repeat(3 * k)}1. 决定${lazy ? '\n继续' : ''}`).join('\n')
}

describe('Markdown nested too deep', () => {
  it(
    'refuses 10,000 nested block quotes, saying how deep',
    async () => {
      const d = await refusal(`${'>'.repeat(10_000)} 汉`)
      expect([d.line, d.column]).toEqual([3, 1])
      expect(d.reason).toBe(`Block quotes and lists nest 10000 deep on this line, more than the ${MAX_CONTAINER_DEPTH} levels undoc reads: a UN document nests a few (paragraph, (a), (i)).`)
    },
    HANG
  )

  it(
    'refuses 10,000 bullets on one line',
    async () => {
      expect((await refusal(`${'- '.repeat(10_000)}汉`)).reason).toMatch(/^Block quotes and lists nest 10000 deep on this line/)
    },
    HANG
  )

  it(
    'refuses a 2,000-deep ordered list (6 MB) at the line where it passes the limit',
    async () => {
      const d = await refusal(orderedList(2000))
      expect(d.line).toBe(3 + MAX_CONTAINER_DEPTH)
      expect(d.reason).toMatch(new RegExp(`^Block quotes and lists nest ${MAX_CONTAINER_DEPTH + 1} deep`))
    },
    HANG
  )

  it(
    'refuses a deep list whose items each go on on a lazy continuation line',
    async () => {
      const d = await refusal(orderedList(2000, true))
      expect(d.line).toBe(3 + 2 * MAX_CONTAINER_DEPTH)
    },
    HANG
  )

  it(
    'refuses block quotes and list items mixed on one line',
    async () => {
      expect((await refusal(`${'> 1. '.repeat(5000)}汉`)).reason).toMatch(/^Block quotes and lists nest 10000 deep/)
    },
    HANG
  )

  it(
    'refuses emphasis and links nested thousands deep',
    async () => {
      const strong = await refusal(`${'**'.repeat(10_000)}汉${'**'.repeat(10_000)}`)
      expect(strong.reason).toBe(
        `20000 emphasis marks and brackets are open at once on this line, more than the ${MAX_OPEN_INLINE} undoc reads: close them, or escape the marks that are text (\\*, \\[).`
      )
      expect((await refusal(`${'[*'.repeat(10_000)}汉${'*](x)'.repeat(10_000)}`)).reason).toMatch(/^\d{5} emphasis marks and brackets are open at once/)
    },
    HANG
  )

  it(
    'refuses a paragraph of thousands of emphasis runs, which the parser pairs in time that grows with their square',
    async () => {
      const reason = (runs: number) =>
        `The paragraph has ${runs} runs of emphasis marks (*, _, ~) by this line, more than the ${MAX_DELIMITER_RUNS} undoc reads in one paragraph: escape the marks that are text (\\*, \\_), or split the paragraph.`
      // Runs that never pair ("*_" 16,000 times took the parser two minutes), and runs that all pair, over many lines.
      const unpaired = await refusal('*_'.repeat(16_000))
      expect([unpaired.line, unpaired.reason]).toEqual([3, reason(32_000)])
      const paired = await refusal(Array.from({ length: 2000 }, (_, k) => `决定*${k}*`).join('\n'))
      expect([paired.line, paired.reason]).toEqual([3 + MAX_DELIMITER_RUNS / 2, reason(MAX_DELIMITER_RUNS + 2)])
    },
    HANG
  )

  it(
    'reads paragraph after paragraph of emphasis up to the limit each: the count starts again with each paragraph',
    async () => {
      const paragraph = Array.from({ length: MAX_DELIMITER_RUNS / 2 }, (_, k) => `决定*${k}*`).join(' ')
      const result = await build('input/emphasis.zh.md', `大会，\n\n${Array.from({ length: 5 }, () => paragraph).join('\n\n')}\n`)
      expect(result.diagnostics.filter((d) => d.ruleId === 'markdown-unfit' || d.ruleId === 'internal-error')).toEqual([])
      expect(result.document).toBeDefined()
    },
    HANG
  )

  it(
    'reads a list nested as deep as the limit, thematic breaks and escaped marks without counting them as nesting',
    async () => {
      const deepest = await build('input/deepest.zh.md', `大会，\n\n${orderedList(MAX_CONTAINER_DEPTH)}\n`)
      expect(deepest.diagnostics.filter((d) => d.ruleId === 'markdown-unfit' || d.ruleId === 'internal-error')).toEqual([])
      const marks = await build('input/marks.zh.md', `大会，\n\n${'\\*'.repeat(1000)}决定${'\\['.repeat(1000)}。\n\n${'- '.repeat(1000)}\n`)
      const unfit = marks.diagnostics.filter((d) => d.ruleId === 'markdown-unfit')
      expect(unfit.map((d) => d.reason)).toEqual(['A horizontal rule has no place in a UN document: write it as paragraphs, numbered paragraphs, headings or footnotes.'])
    },
    HANG
  )
})
