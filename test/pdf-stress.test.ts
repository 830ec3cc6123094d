import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EMITTERS } from '../pipeline/emit/index.js'
import { documentPages } from '../pipeline/emit/pdf/index.js'
import { MARGIN, type Page } from '../pipeline/emit/pdf/layout.js'
import { zh } from '../pipeline/lang/zh.js'
import type { UndocDocument } from '../pipeline/types/document.js'
import { build, SEEDS } from './helpers.js'
import { documentText, hanLatinSpaces, pdfLines, readPdf, type ReadPdf } from './pdf-helpers.js'

const rules = zh.typesetting
const STRESS = 'test/fixtures/stress/stress.zh.md'

interface Set {
  readonly name: string
  readonly doc: UndocDocument
  readonly bytes: Uint8Array
  readonly pdf: ReadPdf
  readonly pages: Page[]
  readonly warnings: string[]
}

const sets: Set[] = []

beforeAll(async () => {
  for (const path of [STRESS, SEEDS.resolution, SEEDS.letter]) {
    const result = await build(path, undefined, EMITTERS)
    const doc = result.document!
    const bytes = result.outputs.find((o) => o.name.endsWith('.pdf'))!.content as Uint8Array
    sets.push({
      name: path,
      doc,
      bytes,
      pdf: await readPdf(bytes),
      pages: documentPages(doc),
      warnings: result.diagnostics.filter((d) => d.ruleId === 'pdf-forced-break').map((d) => `${d.line}:${d.column}`)
    })
  }
}, 120_000)

const stress = () => sets[0]!
const noSpace = (s: string) => s.replace(/\s+/g, '')
const isFlow = (tag: string) => tag !== 'Artifact'

/** pdftotext, when poppler is installed (for a second reader's view; never required). */
function pdftotext(bytes: Uint8Array, args: string[]): string | undefined {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'undoc-stress-'))
    const file = join(dir, 'in.pdf')
    writeFileSync(file, bytes)
    return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return undefined
  }
}

describe('typesetting under stress (a 300-character URL, an 80-letter word, 500 digits, long symbols, "——" and "……" at every place in a line)', () => {
  it('keeps every glyph of every page inside the text block (a stop at a line end may hang only its blank half)', () => {
    for (const { name, pdf } of sets) {
      for (const i of pdf.items.filter((i) => isFlow(i.tag))) {
        const hang = rules.blankAfter.includes(i.str.trim().at(-1)!) ? i.size / 2 : 0
        expect(i.x, `${name} p${i.page}: ${i.str}`).toBeGreaterThanOrEqual(MARGIN.left - 0.01)
        expect(i.x + i.width, `${name} p${i.page}: ${i.str}`).toBeLessThanOrEqual(MARGIN.right + hang + 0.01)
      }
    }
  })

  it('breaks no line before a closing mark or after an opening one', () => {
    for (const { pdf } of sets) {
      for (const line of pdfLines(pdf.items.filter((i) => isFlow(i.tag) && i.size > 8))) {
        const text = line.text.replace(/\s+/g, '')
        expect(rules.noLineStart, `line starts with a closing mark: ${text}`).not.toContain(text[0])
        expect(rules.noLineEnd, `line ends with an opening mark: ${text}`).not.toContain(text.at(-1))
      }
    }
  })

  // Measured where the text object draws each glyph (at its atom's place, text-object.ts), not where
  // pdf.js's cursor stands: across a Han–Latin gap pdf.js's cursor is held back, so that it reads no space there.
  it('sets every full line of a justified block flush with the right edge, within 0.5 pt', () => {
    let full = 0
    for (const { name, pages } of sets) {
      pages.forEach((page, p) => {
        for (const set of [...page.lines, ...page.notes]) {
          if (set.line === set.block.lines.at(-1) || set.line === set.block.label || !['P', 'Note'].includes(set.block.struct) || set.line.width < 0.8 * (MARGIN.right - set.x)) continue
          const last = set.line.atoms.findLast((a) => a.atom.kind !== 'space')!
          const hang = rules.blankAfter.includes(last.atom.text) ? last.atom.size / 2 : 0
          const end = set.line.hyphen ? set.line.width : last.x + last.atom.width - hang
          expect(Math.abs(set.x + end - MARGIN.right), `${name} p${p + 1}: ${set.line.text}`).toBeLessThanOrEqual(0.5)
          full++
        }
      })
    }
    expect(full).toBeGreaterThan(200)
  })

  it('adds at most 0.1 em between characters on at least 99% of lines (the rest listed)', () => {
    const tracking = sets.flatMap(({ pages }) => pages.flatMap((p) => [...p.lines, ...p.notes].map((s) => s.line)))
    const loose = tracking.filter((l) => l.tracking > 0.1)
    if (loose.length) console.info(`lines with more than 0.1 em between characters: ${loose.map((l) => `${l.tracking.toFixed(3)} em "${l.text}"`).join('; ')}`)
    expect(loose.length / tracking.length).toBeLessThanOrEqual(0.01)
  })

  it('hyphenates the long Latin word, breaks the URL after its marks and warns once for each line the digits force', () => {
    const { pages, warnings } = stress()
    const texts = pages.flatMap((p) => [...p.lines, ...p.notes]).map((s) => s.line)
    expect(texts.some((l) => l.hyphen && /^[a-z]+$/i.test(l.text.slice(-6)))).toBe(true)
    // A URL never gets a hyphen: it breaks after / . - _ ? & = only.
    for (const l of texts.filter((l) => l.text.includes('https:'))) expect(l.hyphen).toBeUndefined()
    expect(warnings.length).toBeGreaterThanOrEqual(2)
    expect(new Set(warnings).size).toBe(1)
  })

  it('copies as the text it stands for: every character in order, no hyphen added, no space at a Han–Latin gap', () => {
    for (const { name, doc, bytes, pdf } of sets) {
      const { body, notes } = documentText(doc)
      // pdf.js reads positions only (it does not honour ActualText yet): no gap may read as a space.
      const flow = pdf.items
        .filter((i) => isFlow(i.tag) && i.tag !== 'Note')
        .map((i) => i.str)
        .join('')
      expect(noSpace(flow), name).toBe(noSpace(body))
      expect(hanLatinSpaces(flow), name).toBe(hanLatinSpaces(body))
      const foot = noSpace(
        pdf.items
          .filter((i) => i.tag === 'Note')
          .map((i) => i.str)
          .join('')
      )
      for (const note of notes) expect(foot, name).toContain(noSpace(note))
      const text = pdftotext(bytes, ['-nopgbrk'])
      if (text === undefined) continue
      // A hanging number stands apart from its text; inside the text no gap reads as a space.
      for (const line of text.split('\n')) expect(line.replace(/^\d+\.?\s+/, '')).not.toMatch(/\p{Script=Han}[ \u00a0]+[A-Za-z0-9]|[A-Za-z0-9][ \u00a0]+\p{Script=Han}/u)
      // Clause by clause (a page's foot and head come between the two halves of a clause broken
      // over a page), hanging numbers aside: pdftotext reads them as a column of their own.
      const unnumbered = (t: string) => noSpace(t).replace(/(?<![\w.])\d{1,2}\.(?![\w])/g, '')
      const joined = unnumbered(text)
      const clauses = body.split(/(?<=[，。；：])/).filter((c) => c.length > 12)
      const whole = clauses.filter((c) => joined.includes(unnumbered(c)))
      expect(whole.length / clauses.length, name).toBeGreaterThan(0.9)
    }
  })
})
