import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { undoc } from '../cli-helpers.js'
import { parallelPdf } from '../../pipeline/emit/pdf/parallel.js'
import { PAGE } from '../../pipeline/emit/pdf/layout.js'
import { zh as zhProfile } from '../../pipeline/lang/zh.js'
import { destinationPage, pdfLines, readPdf } from '../pdf-helpers.js'
import { resolution } from '../lint/helpers.js'
import { englishResolution, pair } from './pairs.js'

/** Ten operative paragraphs, the fifth of the English far longer than its Chinese: it runs over a page. */
const zhRules = zhProfile.typesetting
const COUNT = 10
const LONG = 5
const zh = resolution({ operative: Array.from({ length: COUNT }, (_, i) => `请秘书长就第${i + 1}个问题提出报告；`) })
const en = englishResolution({
  operative: Array.from({ length: COUNT }, (_, i) =>
    i + 1 === LONG
      ? `Requests the Secretary-General to report on question ${LONG}, ${'taking into account the views expressed by Member States and by the regional organizations concerned, '.repeat(14)}and to do so in time;`
      : `Requests the Secretary-General to report on question ${i + 1};`
  )
})

describe('parallel edition (PDF)', () => {
  it('sets the versions side by side: each pair of paragraphs starts at one height, and a long pair breaks across pages together', async () => {
    const built = await pair(zh, en)
    const bytes = await parallelPdf([{ ...built.pair!, name: built.name }], 'Test')
    const pdf = await readPdf(bytes)
    const middle = PAGE.width / 2
    const starts = Array.from({ length: COUNT }, (_, i) => {
      // A hanging number is drawn before its line: a run of its own, or the start of its line's first words.
      const label = new RegExp(`^${i + 1}\\.(?:\\s|$)`)
      const labels = pdf.items.filter((t) => label.test(t.str))
      const left = labels.filter((t) => t.x < middle)
      const right = labels.filter((t) => t.x > middle)
      expect([left.length, right.length]).toEqual([1, 1])
      return { left: left[0]!, right: right[0]! }
    })
    for (const { left, right } of starts) {
      expect(right.page).toBe(left.page)
      expect(right.y).toBeCloseTo(left.y, 1)
    }
    // The long English paragraph goes over the page; the paragraph after it starts, on both sides, below its end.
    const long = pdf.items.filter((t) => t.x > middle && /in time;/.test(t.str))
    expect(long.length).toBe(1)
    expect(long[0]!.page).toBeGreaterThan(starts[LONG - 1]!.left.page)
    expect(starts[LONG]!.left.page).toBe(long[0]!.page)
    expect(starts[LONG]!.left.y).toBeGreaterThan(long[0]!.y)
    // Each column holds its own version.
    const text = (side: (x: number) => boolean) =>
      pdf.items
        .filter((t) => side(t.x))
        .map((t) => t.str)
        .join('')
    expect(text((x) => x < middle)).toContain('联合国同各区域组织')
    expect(text((x) => x > middle)).toContain('Cooperation between')
    expect(text((x) => x > middle)).not.toMatch(/\p{Script=Han}/u)
    // The same input gives the same bytes.
    expect(Buffer.from(await parallelPdf([{ ...built.pair!, name: built.name }], 'Test')).equals(Buffer.from(bytes))).toBe(true)
  }, 60_000)

  it('undoc edition --parallel writes the PDF of several pairs, each starting on a page of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undoc-parallel-pdf-'))
    mkdirSync(join(dir, 'input'))
    writeFileSync(join(dir, 'input/r.zh.txt'), resolution())
    writeFileSync(join(dir, 'input/r.en.txt'), englishResolution())
    writeFileSync(join(dir, 'input/s.zh.txt'), zh)
    writeFileSync(join(dir, 'input/s.en.txt'), en)
    const run = await undoc(dir, 'edition', '--parallel', 'input/r.zh.txt', 'input/r.en.txt', 'input/s.zh.txt', 'input/s.en.txt', '-o', 'out/r.zh-en.pdf')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('2 pairs of versions set side by side in out/r.zh-en.pdf')
    const bytes = new Uint8Array(readFileSync(join(dir, 'out/r.zh-en.pdf')))
    const pdf = await readPdf(bytes)
    const firstPage = (needle: string) => pdf.items.find((t) => t.str.includes(needle))!.page
    expect(firstPage('question 1;')).toBeGreaterThan(firstPage('Welcomes'))
    expect(pdf.items.filter((t) => t.page === firstPage('question 1;')).some((t) => t.str.includes('Welcomes'))).toBe(false)
    // The volume opens with its contents: each pair's title in both languages, with a dot leader to the page it starts on, linked there.
    const contents = pdf.items.filter((t) => t.page === 1)
    expect(contents.some((t) => t.str.includes(zhRules.contents))).toBe(true)
    const lines = pdfLines(contents.filter((t) => t.tag === 'TOCI'))
    const starts = [firstPage('Welcomes'), firstPage('question 1;')]
    // An entry ends at its page number, after a dot leader.
    const ends = lines.filter((l) => /(?:\.\s*){3,}\d+$/.test(l.text))
    expect(ends.map((l) => l.text.match(/(\d+)$/)![1])).toEqual(starts.map(String))
    const toc = lines.map((l) => l.text).join('')
    expect(toc.match(/Cooperation between/g)).toHaveLength(2)
    expect(toc.match(/联合国同/g)).toHaveLength(2)
    const links = pdf.links.filter((l) => l.page === 1)
    expect(links.length).toBeGreaterThanOrEqual(2)
    for (const l of links) expect(pdf.dests).toContain(l.dest)
    expect(new Set(await Promise.all([...new Set(links.map((l) => l.dest!))].map((d) => destinationPage(bytes, d))))).toEqual(new Set(starts))
  }, 60_000)

  it('sets each column by its own profile: the English in Tinos at 10 pt, by its word spaces, with no spaced brackets or hyphens', async () => {
    const report = 'Welcoming the report of the Secretary-General of 8 September 1999 (S/1999/954) and the observations and recommendations contained therein,'
    const built = await pair(resolution(), englishResolution({ preamble: [report, report, report] }))
    const bytes = await parallelPdf([{ ...built.pair!, name: built.name }], 'Test')
    const fonts =
      Buffer.from(bytes)
        .toString('latin1')
        .match(/\/BaseFont \/\S+/g) ?? []
    expect(fonts.some((f) => /\+Tinos-Regular$/.test(f))).toBe(true)
    expect(fonts.some((f) => /\+NotoSerifSC-Regular$/.test(f))).toBe(true)
    const pdf = await readPdf(bytes)
    const right = pdf.items.filter((t) => t.x > PAGE.width / 2 && t.tag === 'P')
    expect(right.some((t) => t.str.includes('Welcoming') && Math.abs(t.size - 10) < 0.01)).toBe(true)
    const text = right.map((t) => t.str).join('\n')
    expect(text).toContain('Secretary-')
    expect(text).not.toMatch(/\( | \)|\(S\/ |[a-z]- [A-Z]|\/ \d/)
  }, 60_000)
})
