import { execFile } from 'node:child_process'
import { inflateSync } from 'node:zlib'
import { BitArray, Code39Reader } from '@zxing/library'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { EMITTERS } from '../pipeline/emit/index.js'
import { documentPages, emitPdf } from '../pipeline/emit/pdf/index.js'
import { MARGIN, PAGE } from '../pipeline/emit/pdf/layout.js'
import { atomize, breakLines, type Line } from '../pipeline/emit/pdf/linebreak.js'
import { en } from '../pipeline/lang/en.js'
import { zh } from '../pipeline/lang/zh.js'
import { elementIds } from '../pipeline/model/element-ids.js'
import type { Citation, UndocDocument } from '../pipeline/types/document.js'
import { build, buildSeed, nodesOf, ROOT, SEEDS, seedText } from './helpers.js'
import { documentHan, han, pdfLines, readPdf, type ReadPdf } from './pdf-helpers.js'

const rules = zh.typesetting

interface Built {
  readonly doc: UndocDocument
  readonly bytes: Uint8Array
  /** The pages the writer says it set. */
  readonly pages?: number
  readonly pdf: ReadPdf
}

const seeds = new Map<string, Built>()

beforeAll(async () => {
  for (const path of Object.values(SEEDS)) {
    const doc = await buildSeed(path)
    const { content: bytes, pages } = await emitPdf(doc, { corpus: new Map() })
    seeds.set(path, { doc, bytes, pages, pdf: await readPdf(bytes) })
  }
})

/** Text of the flow (not the page furniture, not the footnotes). */
const isBody = (tag: string) => tag !== 'Artifact' && tag !== 'Note'

/** The Han characters of a PDF's flow, in reading order. */
const flowHan = (pdf: { items: readonly { tag: string; str: string }[] }) =>
  han(
    pdf.items
      .filter((i) => isBody(i.tag))
      .map((i) => i.str)
      .join('')
  )

describe.each(Object.entries(SEEDS))('PDF of the %s seed', (_, path) => {
  it('holds every Han character of the text, in reading order, and nothing else in the flow', () => {
    const { doc, pdf } = seeds.get(path)!
    const { body } = documentHan(doc)
    expect(flowHan(pdf)).toBe(body)
  })

  it('sets each footnote at the foot of every page that references it', () => {
    const { doc, pdf } = seeds.get(path)!
    const { notes } = documentHan(doc)
    const refs = pdf.items.filter((i) => isBody(i.tag) && i.size < 8 && notes.has(i.str))
    for (const ref of refs) {
      const foot = han(
        pdf.items
          .filter((i) => i.page === ref.page && i.tag === 'Note')
          .map((i) => i.str)
          .join('')
      )
      expect(foot).toContain(notes.get(ref.str))
      // The note is below the text that references it.
      expect(Math.min(...pdf.items.filter((i) => i.page === ref.page && i.tag === 'Note').map((i) => i.y))).toBeGreaterThan(ref.y)
    }
    expect(new Set(refs.map((r) => r.str))).toEqual(new Set(notes.keys()))
  })

  it('breaks no line before a closing mark or after an opening one (clreq)', () => {
    const { pdf } = seeds.get(path)!
    const lines = pdfLines(pdf.items.filter((i) => i.tag !== 'Artifact' && i.size > 8))
    expect(lines.length).toBeGreaterThan(20)
    for (const line of lines) {
      const text = line.text.replace(/\s+/g, '')
      expect(rules.noLineStart, `line starts with a closing mark: ${text}`).not.toContain(text[0])
      expect(rules.noLineEnd, `line ends with an opening mark: ${text}`).not.toContain(text.at(-1))
    }
  })

  it('keeps every glyph inside the margins (a stop at a line end may hang only its blank half)', () => {
    const { pdf } = seeds.get(path)!
    for (const i of pdf.items) {
      if (i.tag === 'Artifact') {
        expect(i.x).toBeGreaterThanOrEqual(MARGIN.left - 0.01)
        expect(i.x + i.width).toBeLessThanOrEqual(MARGIN.right + 0.01)
        expect(i.y).toBeGreaterThan(36)
        expect(i.y).toBeLessThan(PAGE.height - 30)
        continue
      }
      const hang = rules.blankAfter.includes(i.str.trim().at(-1)!) ? i.size / 2 : 0
      expect(i.x, i.str).toBeGreaterThanOrEqual(MARGIN.left - 0.01)
      expect(i.x + i.width, i.str).toBeLessThanOrEqual(MARGIN.right + hang + 0.01)
      expect(i.y - i.size).toBeGreaterThanOrEqual(MARGIN.top - 0.01)
      expect(i.y).toBeLessThanOrEqual(MARGIN.bottom)
    }
  })

  it('embeds its fonts as subsets', () => {
    const raw = Buffer.from(seeds.get(path)!.bytes).toString('latin1')
    const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? []
    expect(descriptors.length).toBeGreaterThanOrEqual(2)
    expect((raw.match(/\/FontFile[23] /g) ?? []).length).toBe(descriptors.length)
    for (const name of raw.match(/\/BaseFont \/\S+/g) ?? []) expect(name).toMatch(/^\/BaseFont \/[A-Z]{6}\+Noto/)
  })

  it('says what it is: title, subject, language, producer; its outline; its links', () => {
    const { doc, pdf } = seeds.get(path)!
    expect(pdf.info.Title).toBe(doc.metadata.title)
    expect(pdf.info.Language).toBe('zh-Hans')
    expect(pdf.info.Producer).toMatch(/^undoc /)
    if (doc.metadata.symbol) expect(pdf.info.Subject).toBe(doc.metadata.symbol)
    // Tagged for screen readers: a document of headings and paragraphs on every page.
    for (const roles of pdf.roles) expect([...roles]).toEqual(expect.arrayContaining(['Document', 'P']))
    expect(pdf.roles[0]).toContain('H1')
    expect(pdf.outline[0]).toContain(doc.metadata.title)
    const annexes = doc.tree.children.filter((p) => p.type === 'attachment')
    expect(pdf.outline.length).toBe(1 + annexes.length)
    // Every internal link leads to a destination the file has; citations with an address link to it.
    for (const link of pdf.links) if (link.dest) expect(pdf.dests).toContain(link.dest)
    // Destinations are named by the Akoma Ntoso edition's eIds.
    const ids = elementIds(doc.tree)
    for (const annex of annexes) expect([...pdf.dests].some((d) => d.endsWith(`/${ids.of(annex)}`))).toBe(true)
    const hrefs = new Set<string>()
    JSON.stringify(doc.tree, (k, v: unknown) => (k === 'href' && typeof v === 'string' ? (hrefs.add(v), v) : v))
    expect(new Set(pdf.links.flatMap((l) => (l.url ? [l.url] : [])))).toEqual(hrefs)
  })
})

describe('PDF of the resolution', () => {
  it('links footnote references to their notes and repeats the running head with the symbol', () => {
    const { pdf, pages } = seeds.get(SEEDS.resolution)!
    expect(pages).toBe(pdf.pages)
    expect(pdf.links.filter((l) => l.dest?.includes('#')).length).toBeGreaterThanOrEqual(3)
    const heads = pdf.items.filter((i) => i.tag === 'Artifact' && i.str === 'A/RES/67/264')
    expect(heads.map((h) => h.page)).toEqual(Array.from({ length: pdf.pages }, (_, i) => i + 1))
  })

  it('is the same bytes on every build, whatever the clock and the time zone', async () => {
    const { doc, bytes } = seeds.get(SEEDS.resolution)!
    expect((await emitPdf(doc, { corpus: new Map() })).content).toEqual(bytes)
    const out = mkdtempSync(join(tmpdir(), 'undoc-pdf-'))
    // Not execFileSync: a build that holds this thread for a minute on a busy machine starves the test runner's messages.
    await promisify(execFile)(process.execPath, [join(ROOT, 'dist/pipeline/cli/main.js'), 'build', join(ROOT, SEEDS.resolution), '--out', out], {
      env: { ...process.env, TZ: 'Pacific/Kiritimati' }
    })
    expect(new Uint8Array(readFileSync(join(out, 'a-res-67-264.zh.pdf')))).toEqual(bytes)
  })

  it('continues a footnote too long for its page at the foot of the next page', async () => {
    const raw = seedText(SEEDS.resolution)
    const long = '伊斯兰会议组织于二〇一一年六月二十八日起更名为伊斯兰合作组织，本脚注为测试续页而加长。'.repeat(45)
    const result = await build('long-note.zh.txt', raw.replace('伊斯兰会议组织 2011 年 6 月 28 日起更名为伊斯兰合作组织。', long))
    const pdf = await readPdf((await emitPdf(result.document!, { corpus: new Map() })).content)
    const ref = pdf.items.find((i) => i.tag !== 'Note' && i.tag !== 'Artifact' && i.size < 8 && i.str === '1')!
    const foot = (page: number) =>
      han(
        pdf.items
          .filter((i) => i.page === page && i.tag === 'Note')
          .map((i) => i.str)
          .join('')
      )
    const here = foot(ref.page)
    const next = foot(ref.page + 1)
    expect(here.startsWith(han(long).slice(0, 20))).toBe(true)
    expect(here.length).toBeLessThan(han(long).length)
    expect(here + next).toContain(han(long))
    expect(flowHan(pdf)).toBe(documentHan(result.document!).body)
  })

  it('warns, at its raw position, about a character no font has', async () => {
    const raw = seedText(SEEDS.resolution).replace('满意地注意到秘书长的报告', '满意地注意到秘书长的\u{F0000}报告')
    const result = await build('missing.zh.txt', raw, EMITTERS)
    const warnings = result.diagnostics.filter((d) => d.ruleId === 'pdf-missing-glyph')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.severity).toBe('warning')
    const line = raw.split('\n').findIndex((l) => l.includes('\u{F0000}')) + 1
    expect(warnings[0]!.line).toBeLessThanOrEqual(line)
    expect(warnings[0]!.endLine).toBeGreaterThanOrEqual(line)
  })
})

describe('Mastheads and running heads for every kind', () => {
  it('gives a letter its organ from the agenda line and a running head (its title) on every page after the first', () => {
    const { doc, pdf } = seeds.get(SEEDS.letter)!
    expect(doc.metadata.organ).toBe('GA')
    expect(pdf.items.some((i) => i.page === 1 && i.tag === 'Artifact' && i.str === rules.organs.GA)).toBe(true)
    const head = pdf.items.filter((i) => i.tag === 'Artifact' && i.y < MARGIN.top && i.str === doc.metadata.title)
    expect(head.map((h) => h.page)).toEqual(Array.from({ length: pdf.pages - 1 }, (_, i) => i + 2))
  })

  it("prints the UN's recycling note at the foot of a first page, right, whether or not the source gives a job number", () => {
    for (const seed of [SEEDS.letter, SEEDS.resolution]) {
      const { pdf } = seeds.get(seed)!
      const notes = pdf.items.filter((i) => i.tag === 'Artifact' && i.str === rules.recycle)
      expect(
        notes.map((n) => n.page),
        seed
      ).toEqual([1])
      expect(notes[0]!.y, seed).toBeGreaterThan(MARGIN.bottom)
      expect(notes[0]!.x + notes[0]!.width, seed).toBeCloseTo(MARGIN.right, 0)
    }
  })

  it('lifts the job number into the metadata and prints it, with its barcode line, at the foot of the first page; the symbol as the UN writes it', async () => {
    const result = await build('test/fixtures/kinds/s-res-1624-2005.zh.txt')
    expect(result.document!.metadata.jobNumber).toBe('05-51055 (C)')
    const pdf = await readPdf((await emitPdf(result.document!, { corpus: new Map() })).content)
    const foot = pdf.items.filter((i) => i.tag === 'Artifact' && i.y > MARGIN.bottom).map((i) => `${i.page}:${i.str}`)
    expect(foot).toEqual(expect.arrayContaining(['1:05-51055 (C)', '1:*0551055*']))
    expect(foot.filter((f) => /05-51055|0551055/.test(f))).toHaveLength(2)
    expect(pdf.items.some((i) => i.page === 1 && i.tag === 'Artifact' && i.str === 'S/RES/1624 (2005)')).toBe(true)
  })

  it('draws the job number as a Code 39 barcode (vector bars) that a barcode reader decodes to its digits', async () => {
    const result = await build('test/fixtures/kinds/s-res-1624-2005.zh.txt')
    const bytes = (await emitPdf(result.document!, { corpus: new Map() })).content
    // The bars are the only filled rectangles the writer draws: read them from the content streams.
    const raw = Buffer.from(bytes)
    const bars: { x: number; w: number }[] = []
    for (const m of raw.toString('latin1').matchAll(/stream\r?\n/g)) {
      const start = m.index + m[0].length
      let content: string
      try {
        content = inflateSync(raw.subarray(start, raw.indexOf('endstream', start))).toString('latin1')
      } catch {
        continue
      }
      for (const r of content.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)) bars.push({ x: Number(r[1]), w: Number(r[3]) })
    }
    expect(bars.length).toBeGreaterThan(20)
    bars.sort((a, b) => a.x - b.x)
    expect(bars[0]!.x).toBeGreaterThanOrEqual(MARGIN.left - 0.01)
    // One row of a scan at 10 pixels to the point, with a quiet zone either side.
    const scale = 10
    const end = bars.at(-1)!.x + bars.at(-1)!.w
    const quiet = 20 * scale
    const row = new BitArray(Math.ceil((end - bars[0]!.x) * scale) + 2 * quiet)
    for (const b of bars) for (let p = Math.round((b.x - bars[0]!.x) * scale); p < Math.round((b.x + b.w - bars[0]!.x) * scale); p++) row.set(p + quiet)
    expect(new Code39Reader().decodeRow(0, row, new Map()).getText()).toBe('0551055')
  })

  it('says "Distr.: General" on a resolution whose source has no distribution line', () => {
    const { doc, pdf } = seeds.get(SEEDS.resolution)!
    expect(doc.metadata.distribution).toBeUndefined()
    expect(pdf.items.some((i) => i.page === 1 && i.tag === 'Artifact' && i.str === `${rules.distribution}General`)).toBe(true)
  })
})

describe('PDF of the other kinds', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'kinds')
  it.each(readdirSync(dir).filter((n) => n.endsWith('.txt')))('%s: every Han character of the text, in order, and its notes on their pages', async (name) => {
    const result = await build(`test/fixtures/kinds/${name}`)
    const pdf = await readPdf((await emitPdf(result.document!, { corpus: new Map() })).content)
    const { body, notes } = documentHan(result.document!)
    expect(flowHan(pdf)).toBe(body)
    for (const [label, text] of notes) {
      const pages = pdf.items.filter((i) => isBody(i.tag) && i.size < 8 && i.str === label).map((i) => i.page)
      for (const page of pages)
        expect(
          han(
            pdf.items
              .filter((i) => i.page === page && i.tag === 'Note')
              .map((i) => i.str)
              .join('')
          )
        ).toContain(text)
    }
  })
})

describe('Chinese line breaking (clreq)', () => {
  const size = 10
  const set = (text: string, ems: number, align: 'justify' | 'left' = 'justify'): Line[] =>
    breakLines(atomize([{ text, style: { face: 'body', size } }], rules), { firstIndent: 0, indent: 0, width: ems * size, align }, rules)
  const texts = (lines: Line[]) => lines.map((l) => l.atoms.map((p) => p.atom.text).join(''))

  it('never starts a line with a stop or closing mark, never ends one with an opening mark, at any width', () => {
    const text = '他说：“《宪章》——联合国的基本文件……”（见附件）。又说，「我们」『同意』！？各国、各组织；以及：《公约》（1966年）……'
    for (let ems = 4; ems <= 20; ems++) {
      const lines = texts(set(text, ems))
      expect(lines.join('')).toBe(text)
      for (const l of lines) {
        expect(rules.noLineStart).not.toContain(l[0])
        expect(rules.noLineEnd).not.toContain(l.at(-1))
      }
      for (let i = 1; i < lines.length; i++) {
        const pair = lines[i - 1]!.at(-1)! + lines[i]![0]!
        expect(pair === '——' || pair === '……', `split ${pair} at ${ems} ems`).toBe(false)
      }
    }
  })

  it('fills every line but the last to the measure exactly (justified)', () => {
    const lines = set('大会回顾其各项决议，欢迎伊斯兰合作组织同联合国合作，充分尊重《联合国宪章》，努力加强该组织在预防冲突方面的作用。', 13)
    for (const l of lines.slice(0, -1)) {
      const last = l.atoms.at(-1)!
      const end = last.x + last.atom.width - (rules.blankAfter.includes(last.atom.text) ? size / 2 : 0)
      expect(Math.abs(end - 13 * size)).toBeLessThan(0.01)
    }
  })

  it('puts a quarter em between Han and Latin or digits, never at a line start or end', () => {
    const [line] = set('第37/4号决议', 20, 'left')
    const [di, num, hao] = line!.atoms
    expect(num!.x - (di!.x + di!.atom.width)).toBeCloseTo(size / 4)
    expect(hao!.x - (num!.x + num!.atom.width)).toBeCloseTo(size / 4)
    for (const l of set('各国于2005年和2008年在A/60/633号文件中回顾第37/4号决议', 5, 'left')) expect(l.atoms[0]!.x).toBe(0)
  })

  it('takes out the blank half of adjacent punctuation', () => {
    const [line] = set('报告》，“决议', 20, 'left')
    const at = (c: string) => line!.atoms.find((p) => p.atom.text === c)!
    expect(at('，').x - at('》').x).toBeCloseTo(size / 2)
    expect(at('“').x - at('，').x).toBeCloseTo(size / 2)
  })
})

/** An English resolution with what the UN's English layout sets apart: the formula, opening verbs, an instrument, lettered and roman sub-items, a long footnote, the adoption lines. */
const LAYOUT_TEXT = `67/999. Cooperation between the United Nations and regional organizations

The General Assembly,

Recalling its resolution 67/264 of 17 May 2013 and the Convention on the Rights of the Child,

Deeply concerned by the slow progress of cooperation between the organizations in the fields named in the report of the Secretary-General,1/

1. Decides that the measures shall apply to:

(a) All States;

(b) The following entities:

(i) The first entity;

(ii) The second entity;

(iii) The third entity, with a description long enough to run over more than one line of the page, so that its second line shows where the hanging number leaves the text;

(iv) The fourth entity;

2. Also requests the Secretary-General to report to the General Assembly at its sixty-ninth session on the implementation of the present resolution.

82nd plenary meeting
17 May 2013

1/ A/67/280-S/2012/614, a report long enough for its note to run over two lines at the foot of the page where it is referenced, in the small type of the notes.
`

describe('English PDF (UN English layout)', () => {
  const englishRules = en.typesetting
  const texts = readdirSync(join(ROOT, 'test/corpus/en')).filter((f) => f.endsWith('.en.txt'))
  const built = new Map<string, { doc: UndocDocument; bytes: Uint8Array; pdf: ReadPdf }>()

  beforeAll(async () => {
    for (const name of texts) {
      const doc = await buildSeed(`test/corpus/en/${name}`)
      const { content: bytes } = await emitPdf(doc, { corpus: new Map() })
      built.set(name, { doc, bytes, pdf: await readPdf(bytes, { fonts: true }) })
    }
    const layout = (await build('layout.en.txt', LAYOUT_TEXT)).document!
    const bytes = (await emitPdf(layout, { corpus: new Map() })).content
    built.set('layout.en.txt', { doc: layout, bytes, pdf: await readPdf(bytes, { fonts: true }) })
  }, 120_000)

  it('has real English texts to set', () => {
    expect(texts.length).toBeGreaterThanOrEqual(3)
  })

  it("sets the text in the English profile's faces (Tinos) at its body size, and nothing in the Chinese faces", () => {
    for (const [name, { bytes, pdf }] of built) {
      const fonts =
        Buffer.from(bytes)
          .toString('latin1')
          .match(/\/BaseFont \/\S+/g) ?? []
      expect(fonts.length, name).toBeGreaterThanOrEqual(2)
      for (const f of fonts) expect(f, name).toMatch(/^\/BaseFont \/[A-Z]{6}\+Tinos-(?:Regular|Bold|Italic)$/)
      // The paragraphs of the flow (footnote markers and notes aside) are set at 10 pt.
      const sizes = pdf.items.filter((i) => i.tag === 'P' && i.size > 8).map((i) => Math.round(i.size * 100) / 100)
      expect(sizes.filter((s) => s === englishRules.fonts.bodySize).length, name).toBeGreaterThan(sizes.length / 2)
    }
  })

  it('keeps every glyph inside the text block', () => {
    for (const [name, { pdf }] of built)
      for (const i of pdf.items) {
        if (i.tag === 'Artifact') continue
        expect(i.x, `${name}: ${i.str}`).toBeGreaterThanOrEqual(MARGIN.left - 0.01)
        expect(i.x + i.width, `${name}: ${i.str}`).toBeLessThanOrEqual(MARGIN.right + 0.01)
        expect(i.y).toBeLessThanOrEqual(MARGIN.bottom)
      }
  })

  it('reads back with no spaced brackets and no word broken at a hyphen with a space ("( S/", "Secretary- General")', () => {
    for (const [name, { pdf }] of built) {
      const text = pdf.items.map((i) => i.str).join('\n')
      expect(text, name).not.toMatch(/\(\s+S\//)
      expect(text, name).not.toMatch(/\( | \)/)
      expect(text, name).not.toMatch(/[a-z]- [A-Z]/)
    }
    expect([...built.values()].some(({ pdf }) => pdf.items.some((i) => i.str.includes('Secretary-General')))).toBe(true)
  })

  it('justifies by the word spaces alone: no space between letters or beside Han, each word space within its bounds', () => {
    const space = englishRules.justification.space
    let spaces = 0
    for (const [name, { doc }] of built)
      for (const page of documentPages(doc))
        for (const { line } of page.lines) {
          expect(line.tracking, `${name}: ${line.text}`).toBe(0)
          const atoms = line.atoms
          for (let k = 0; k + 1 < atoms.length; k++) {
            const a = atoms[k]!
            const next = atoms[k + 1]!
            const gap = next.x - a.x
            if (a.atom.kind !== 'space') {
              // Letters, digits and marks abut: their glyphs' advances, nothing added.
              if (next.atom.kind !== 'space') expect(gap - a.atom.width, `${name}: ${line.text}`).toBeCloseTo(0, 6)
              continue
            }
            if (next.atom.kind === 'space') continue
            spaces++
            const em = a.atom.size
            // A space gives up at most its share and takes what justifying asks: a line with a
            // very long word aside, never more than a word space and two thirds of an em.
            expect(gap, `${name}: ${line.text}`).toBeGreaterThanOrEqual(a.atom.width * (1 - space.shrink) - 1e-6)
            expect(gap, `${name}: ${line.text}`).toBeLessThanOrEqual(a.atom.width + (2 / 3) * em)
          }
        }
    expect(spaces).toBeGreaterThan(500)
  })

  const italic = (name: string) =>
    built
      .get(name)!
      .pdf.items.filter((i) => i.font === 'Tinos-Italic')
      .map((i) => i.str.trim())

  it('sets the formula and the opening verb of each preambular and operative paragraph in italics, as the UN does', () => {
    expect(italic('a-res-67-264.en.txt')).toEqual(
      expect.arrayContaining([
        'The General Assembly',
        'Recalling',
        'Recalling also',
        'Having considered',
        'Taking into account',
        'Noting with appreciation',
        'Expresses its appreciation',
        'Requests',
        'Decides'
      ])
    )
    expect(italic('s-res-87-1950.en.txt')).toEqual(['The Security Council', 'Considering', 'Considering', 'Considering', 'Having noted', 'Decides'])
    expect(italic('layout.en.txt')).toEqual(['The General Assembly', 'Recalling', 'Convention on the Rights of the Child', 'Deeply concerned', 'Decides', 'Also requests'])
    for (const [name, { pdf }] of built) {
      // The formula's comma, the words after the verb, the numbers before it and the sub-items are roman; italics stand in
      // paragraphs and notes only (an instrument's title in a note: "Charter of the United Nations", "Treaty Series").
      expect(
        pdf.items.filter((i) => /^(?:The General Assembly|The Security Council),$|^\d+\.$|^\([a-z]+\)$|^To /.test(i.str.trim()) && i.font !== 'Tinos-Regular'),
        name
      ).toEqual([])
      expect(
        pdf.items.filter((i) => i.font === 'Tinos-Italic' && i.tag !== 'P' && i.tag !== 'Note').map((i) => i.str),
        name
      ).toEqual([])
    }
  })

  it('is the same bytes on every build, its italics included', async () => {
    for (const name of ['a-res-67-264.en.txt', 'layout.en.txt']) {
      const { doc, bytes } = built.get(name)!
      expect((await emitPdf(doc, { corpus: new Map() })).content, name).toEqual(bytes)
    }
  })

  it('sets curly quotes and apostrophes inside their words, never as units a line may end at ("the Council’ / s consideration")', () => {
    const atoms = atomize([{ text: 'the Council’s “consideration” of the Secretary-General’s report — in full…', style: { face: 'body', size: 10 } }], englishRules)
    expect(atoms.filter((a) => a.kind === 'wide')).toEqual([])
    for (let width = 60; width <= 200; width++)
      for (const line of breakLines(atoms, { firstIndent: 0, indent: 0, width, align: 'justify' }, englishRules)) expect(line.text, `${width}`).not.toMatch(/[’“]$/)
    // An em dash inside a word is a place to break, with nothing added.
    const dashed = atomize([{ text: 'international peace—and security', style: { face: 'body', size: 10 } }], englishRules)
    expect(breakLines(dashed, { firstIndent: 0, indent: 0, width: 90, align: 'justify' }, englishRules).map((l) => l.text.trim())).toEqual(['international peace—', 'and security'])
  })

  it("sets instruments' titles in italics, every one the citation finder names", () => {
    let titles = 0
    for (const [name, { doc }] of built) {
      // Spaces aside: a title may run over a line, or be hyphenated at its end.
      const set = italic(name).join('').replace(/\s+/g, '')
      for (const c of nodesOf<Citation>(doc.tree, 'citation').filter((c) => c.kind === 'instrument')) {
        titles++
        expect(set, name).toContain(
          c.children
            .map((t) => t.value)
            .join('')
            .replace(/\s+/g, '')
        )
      }
    }
    expect(titles).toBeGreaterThanOrEqual(5)
    expect(italic('a-res-67-264.en.txt')).toContain('Charter of the United Nations')
  })

  it('sets its title flush left in 13 pt bold, its number hanging, the lines over it flush left in roman', () => {
    const { pdf } = built.get('a-res-67-264.en.txt')!
    const header = pdf.items.find((i) => i.str.startsWith('Resolution adopted by the General Assembly'))!
    const number = pdf.items.find((i) => i.str === '67/264.' && i.tag === 'H1')!
    const title = pdf.items.filter((i) => i.tag === 'H1' && i !== number)
    expect([header.font, header.size, header.x]).toEqual(['Tinos-Regular', 10, expect.closeTo(MARGIN.left, 2)])
    expect([number.font, number.size, number.x]).toEqual(['Tinos-Bold', 13, expect.closeTo(MARGIN.left, 2)])
    expect(title.map((i) => i.str.trim()).join(' ')).toBe('Cooperation between the United Nations and the Organization of Islamic Cooperation')
    // Two lines, both starting past the number.
    expect(new Set(title.map((i) => i.y)).size).toBe(2)
    for (const line of title) expect([line.font, line.size, line.x]).toEqual(['Tinos-Bold', 13, expect.closeTo(title[0]!.x, 2)])
    expect(title[0]!.x).toBeGreaterThan(number.x + number.width)
  })

  it('hangs lettered and roman sub-item numbers: right-aligned on their bracket, the text of every line at one indent', () => {
    const { pdf } = built.get('layout.en.txt')!
    const item = (label: string) => pdf.items.find((i) => i.str === label)!
    const textAfter = (label: string) => pdf.items.find((i) => i.y === item(label).y && i.x > item(label).x + 1)!
    const right = (label: string) => item(label).x + item(label).width
    for (const [level, labels] of [
      [2, ['(a)', '(b)']],
      [3, ['(i)', '(ii)', '(iii)', '(iv)']]
    ] as const) {
      for (const l of labels) {
        expect(right(l), l).toBeCloseTo(right(labels[0]), 1)
        expect(textAfter(l).x, l).toBeCloseTo(textAfter(labels[0]).x, 1)
        expect(textAfter(l).font, l).toBe('Tinos-Regular')
      }
      // Each level further in than the one above it.
      expect(textAfter(labels[0]).x, `level ${level}`).toBeGreaterThan(level === 2 ? textAfter('1.').x : textAfter('(a)').x)
    }
    // The long item's second line starts where its first line's text does, not under its number.
    const first = textAfter('(iii)')
    const second = pdf.items.find((i) => i.y > first.y && i.y < first.y + 15)!
    expect(second.x).toBeCloseTo(first.x, 1)
  })

  it('sets the footnotes 8 on 9 pt', () => {
    const notes = built.get('layout.en.txt')!.pdf.items.filter((i) => i.tag === 'Note')
    const text = notes.filter((i) => i.size > 6)
    expect(text.length).toBeGreaterThanOrEqual(2)
    for (const n of text) expect(n.size).toBe(englishRules.notes.size)
    const baselines = [...new Set(text.map((n) => n.y))].sort((a, b) => a - b)
    expect(baselines[1]! - baselines[0]!).toBeCloseTo(9, 6)
  })

  it('keeps the adoption lines together as one block: the meeting over the date, one line apart, space above them', () => {
    for (const name of ['a-res-67-264.en.txt', 'layout.en.txt']) {
      const { pdf } = built.get(name)!
      const meeting = pdf.items.find((i) => i.str === '82nd plenary meeting')!
      const date = pdf.items.find((i) => i.str === '17 May 2013' && i.tag === 'P')!
      expect([date.page, date.x], name).toEqual([meeting.page, meeting.x])
      expect(date.y - meeting.y, name).toBeCloseTo(englishRules.fonts.bodySize * englishRules.fonts.leading, 6)
      const above = Math.max(...pdf.items.filter((i) => i.page === meeting.page && i.tag === 'P' && i.y < meeting.y).map((i) => i.y))
      expect(meeting.y - above, name).toBeGreaterThan(2 * englishRules.fonts.bodySize)
    }
  })
})

describe("a language's own faces", () => {
  it('have a glyph for every character the typesetter adds to a text: the contents space, headings and labels', async () => {
    const { faceFor, roleFace } = await import('../pipeline/emit/pdf/fonts.js')
    for (const { tag, typesetting: t } of [zh, en]) {
      const own = [roleFace(t.fonts, 'body'), roleFace(t.fonts, 'heading')]
      for (const c of new Set([...t.contentsSpace, ...t.contents, ...t.citedIndex, ...t.distribution, ...t.organization])) {
        if (c === ' ') continue
        expect(own, `${tag}: U+${c.codePointAt(0)!.toString(16)}`).toContain(faceFor(t.fonts, 'body', c))
      }
    }
  })
})
