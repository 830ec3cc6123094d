import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BODY_SIZE, MARGIN } from '../pipeline/emit/pdf/layout.js'
import { zh } from '../pipeline/lang/zh.js'
import type { UndocDocument } from '../pipeline/types/document.js'
import { undoc, workspace } from './cli-helpers.js'
import { buildSeed, SEEDS } from './helpers.js'
import { documentHan, han, pdfLines, readPdf, type ReadPdf } from './pdf-helpers.js'

const TITLE = '联合国同伊斯兰合作组织的合作：文件汇编'

let dir: string
let bytes: Buffer
let pdf: ReadPdf
let docs: UndocDocument[]

beforeAll(async () => {
  dir = workspace()
  const run = await undoc(dir, 'edition', 'input', '--title', TITLE, '-o', 'out/volume.pdf')
  expect(run.stderr).toMatch(/2 documents set in out\/volume\.pdf/)
  expect(run.code).toBe(0)
  bytes = readFileSync(join(dir, 'out', 'volume.pdf'))
  pdf = await readPdf(bytes)
  // In the order the edition sets them: by path.
  docs = [await buildSeed(SEEDS.letter), await buildSeed(SEEDS.resolution)]
})

/** A dot leader as pdf.js reads it: dots, with the spaces it sees between them. */
const LEADER = /^(?:\.\s*){3,}$/

/** The printed page number of each page (pages without one are absent). */
function printedNumbers(): Map<number, number> {
  const numbers = new Map<number, number>()
  for (const i of pdf.items) if (i.tag === 'Artifact' && /^\d+$/.test(i.str) && i.y > 780) numbers.set(i.page, Number(i.str))
  return numbers
}

describe('undoc edition', () => {
  it('opens with a title page, then the contents, each entry with the page its document starts on', () => {
    expect(pdf.info.Title).toBe(TITLE)
    expect(
      han(
        pdf.items
          .filter((i) => i.page === 1)
          .map((i) => i.str)
          .join('')
      )
    ).toContain(han(TITLE))
    const numbers = printedNumbers()
    expect(numbers.has(1)).toBe(false)
    // Continuous numbering: the printed number is the page's place in the volume.
    for (const [page, n] of numbers) expect(n).toBe(page)
    const entries = pdfLines(pdf.items.filter((i) => i.tag === 'TOCI'))
    expect(entries).toHaveLength(docs.length)
    docs.forEach((doc, k) => {
      const entry = entries[k]!
      expect(han(entry.text)).toBe(han(doc.metadata.title!))
      const start = Number(/(\d+)$/.exec(entry.text.trim())![1])
      // The document's title is on that page, its masthead begins it, and the page before belongs to something else.
      const titleOnPage = han(
        pdf.items
          .filter((i) => i.page === start && i.tag === 'H1')
          .map((i) => i.str)
          .join('')
      )
      expect(titleOnPage).toContain(han(doc.metadata.title!))
      expect(pdf.items.some((i) => i.page === start && i.tag === 'Artifact' && i.str === zh.typesetting.organization)).toBe(true)
    })
  })

  it('leads the eye from each entry of the contents and the index to its page numbers with dots on one grid', () => {
    const leaders = (tag: string) => pdfLines(pdf.items.filter((i) => i.tag === tag)).map((l) => l.items.find((i) => LEADER.test(i.str)))
    for (const leader of [...leaders('TOCI'), ...leaders('Index')]) {
      expect(leader!.str.replace(/\s/g, '').length).toBeGreaterThan(5)
      // Its first dot on the grid of half ems from the text's left edge.
      expect(((leader!.x - MARGIN.left) / (BODY_SIZE / 2)) % 1).toBeCloseTo(0, 3)
    }
  })

  it('sets the documents in the order the command line names them', async () => {
    const run = await undoc(dir, 'edition', SEEDS.resolution, SEEDS.letter, '--title', TITLE, '-o', 'out/reversed.pdf')
    expect(run.code).toBe(0)
    const reversed = await readPdf(readFileSync(join(dir, 'out', 'reversed.pdf')))
    const entries = pdfLines(reversed.items.filter((i) => i.tag === 'TOCI'))
    expect(entries.map((e) => han(e.text))).toEqual([han(docs[1]!.metadata.title!), han(docs[0]!.metadata.title!)])
  })

  it('sets every document whole, in order, with its symbol as running head on its later pages', () => {
    const first = Number(/(\d+)$/.exec(pdfLines(pdf.items.filter((i) => i.tag === 'TOCI'))[0]!.text.trim())![1])
    const body = han(
      pdf.items
        .filter((i) => i.page >= first && i.tag !== 'Artifact' && i.tag !== 'Note')
        .map((i) => i.str)
        .join('')
    )
    let at = 0
    for (const doc of docs) {
      const text = documentHan(doc).body
      const found = body.indexOf(text, at)
      expect(found).toBeGreaterThanOrEqual(at)
      at = found + text.length
    }
    const resolution = docs[1]!
    const pages = pdf.items.filter((i) => i.tag === 'Artifact' && i.str === resolution.metadata.symbol).map((i) => i.page)
    expect(new Set(pages).size).toBeGreaterThan(1)
  })

  it('indexes the resolutions cited, with the pages that cite them', () => {
    const index = pdfLines(pdf.items.filter((i) => i.tag === 'Index'))
    expect(index.map((l) => l.text.replace(/(?:\.\s*){3,}/, ' '))).toEqual(expect.arrayContaining([expect.stringMatching(/^A\/RES\/37\/4\s*\d/), expect.stringMatching(/^S\/RES\/1624\(2005\)\s*\d/)]))
    for (const line of index) {
      // The page numbers are set apart at the right of the entry.
      const symbol = line.items
        .slice(0, -1)
        .filter((i) => !LEADER.test(i.str))
        .map((i) => i.str)
        .join('')
        .trim()
      const pages = line.items.at(-1)!.str
      // The text names the resolution by its number: "第37/4号", "第1624(2005)号决议".
      const number = symbol.replace(/^[A-Z]+\/(?:RES|DEC)\//, '')
      expect(pages).toMatch(/^\d+(, \d+)*$/)
      // Each number leads to its page.
      const targets = pdf.links.filter((l) => l.page === line.page && l.to !== undefined).map((l) => l.to)
      expect(targets).toEqual(expect.arrayContaining(pages.split(', ').map(Number)))
      for (const page of pages.split(',').map(Number)) {
        const text = pdf.items
          .filter((i) => i.page === page)
          .map((i) => i.str)
          .join('')
          .replace(/\s+/g, '')
        expect(text, `${symbol} on page ${page}`).toContain(number)
      }
    }
  })

  it('has an outline with the contents, each document and the index', () => {
    expect(pdf.outline[0]).toBe(zh.typesetting.contents)
    expect(pdf.outline.at(-1)).toBe(zh.typesetting.citedIndex)
    for (const doc of docs) expect(pdf.outline.some((t) => t.includes(doc.metadata.title!))).toBe(true)
  })

  it('writes the same bytes again', async () => {
    await undoc(dir, 'edition', 'input', '--title', TITLE, '-o', 'out/again.pdf')
    expect(readFileSync(join(dir, 'out', 'again.pdf'))).toEqual(bytes)
  })

  it('writes nothing when a document has errors, and exits 1', async () => {
    const bad = workspace()
    writeFileSync(join(bad, 'input', 'empty.zh.txt'), '   \n')
    const run = await undoc(bad, 'edition', 'input', '--title', TITLE, '-o', 'volume.pdf')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/empty-input/)
    expect(existsSync(join(bad, 'volume.pdf'))).toBe(false)
  })

  it('asks for a title and an output file', async () => {
    expect((await undoc(dir, 'edition', 'input', '-o', 'v.pdf')).code).toBe(2)
    expect((await undoc(dir, 'edition', 'input', '--title', TITLE)).code).toBe(2)
  })
})
