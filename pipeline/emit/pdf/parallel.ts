import type { Typesetting } from '../../lang/profile.js'
import type { Alignment } from '../../model/alignment.js'
import type { FootnoteDefinition, UndocDocument } from '../../types/document.js'
import { compose, destName, DOCUMENT_START, noteKey } from './compose.js'
import { entry, heading } from './edition.js'
import { reportSetting, typesettingFor } from './index.js'
import { baselineOffset, BODY_SIZE, Flow, MARGIN, TEXT_WIDTH, type Block, type Page } from './layout.js'
import { settingReport, type ForcedBreak, type Line, type MissingGlyph, type SettingReport, type Style } from './linebreak.js'
import { singleLine } from './masthead.js'
import { renderPdf } from './render.js'

/** Two language versions of one document and their alignment, as a parallel edition sets them. */
export interface ParallelDocument {
  readonly a: UndocDocument
  readonly b: UndocDocument
  readonly alignment: Alignment
  /** Running head of the pair's pages when the versions have no symbol. */
  readonly name: string
}

/** Space between the two columns. */
const GUTTER = 1.5 * BODY_SIZE
const COLUMN = (TEXT_WIDTH - GUTTER) / 2
const LEFT = { a: 0, b: COLUMN + GUTTER } as const
/** Fewest lines of a side's text left alone at the foot of a page or carried to the top of the next. */
const WIDOW = 2

type Side = 'a' | 'b'

/** A line of one side, ready to be put on a page: its block, and the room it takes. */
interface SideLine {
  readonly line: Line
  readonly block: Block
  readonly first: boolean
  /** Space above the line: its block's, on the block's first line. */
  readonly before: number
  readonly height: number
}

/** Each side's lines of one row of the alignment: what stands side by side. */
interface Row {
  readonly a: SideLine[]
  readonly b: SideLine[]
  readonly keepWithNext: boolean
  readonly newPage: boolean
}

function linesOf(blocks: readonly Block[]): SideLine[] {
  return blocks.flatMap((block) => block.lines.map((line, i) => ({ line, block, first: i === 0, before: i === 0 ? block.spaceBefore : 0, height: line.size * block.leading })))
}

/** The blocks of each side's units, row by row of the alignment, in each side's own column. */
function rowsOf(pair: ParallelDocument, report: SettingReport): Row[] {
  const sides = { a: pair.a, b: pair.b }
  const blocksByNode = { a: new Map<object, Block[]>(), b: new Map<object, Block[]>() }
  for (const side of ['a', 'b'] as const) {
    const document = sides[side]
    const composed = compose(document, typesettingFor(document), side, new Map(), COLUMN)
    report.missing.push(...composed.report.missing.map((m) => ({ ...m, file: document.source.path })))
    report.forced.push(...composed.report.forced.map((f) => ({ ...f, file: document.source.path })))
    composed.blocks.forEach((block, i) => {
      const node = composed.origins[i]!
      blocksByNode[side].set(node, [...(blocksByNode[side].get(node) ?? []), block])
    })
    // Footnotes are set as rows of their own, after the text: the pair of a note stands beside it, not at two feet of a page.
    for (const unit of pair.alignment[side]) {
      if (unit.kind !== 'footnote') continue
      const note = composed.notes.get(noteKey(side, (unit.node as FootnoteDefinition).identifier))
      if (note) blocksByNode[side].set(unit.node, [{ ...note, spaceBefore: BODY_SIZE * 0.6 }])
    }
  }
  return pair.alignment.rows.map((r) => {
    const blocks = { a: r.a !== undefined ? (blocksByNode.a.get(pair.alignment.a[r.a]!.node) ?? []) : [], b: r.b !== undefined ? (blocksByNode.b.get(pair.alignment.b[r.b]!.node) ?? []) : [] }
    const all = [...blocks.a, ...blocks.b]
    return { a: linesOf(blocks.a), b: linesOf(blocks.b), keepWithNext: all.some((b) => b.keepWithNext === true), newPage: all.some((b) => b.newPage === true) }
  })
}

/** Room a stretch of lines takes. */
const height = (lines: readonly SideLine[]) => lines.reduce((sum, l) => sum + l.before + l.height, 0)

/**
 * How many of a side's lines go on the page with `room` left: all, or as many as fit but never
 * fewer than WIDOW (then none) nor so many that fewer than WIDOW are left over.
 */
function fitting(lines: readonly SideLine[], room: number): number {
  let n = 0
  let used = 0
  while (n < lines.length && (used += lines[n]!.before + lines[n]!.height) <= room) n++
  if (n === lines.length) return n
  if (n < WIDOW) return 0
  return Math.max(0, Math.min(n, lines.length - WIDOW))
}

/**
 * Sets the pair's rows on pages, two columns, the first version on the left: the two sides of a
 * row start at one height and the next row starts below the longer; a row too long for the room
 * left breaks across the page with both sides going on together on the next.
 */
class ParallelFlow {
  readonly pages: Page[] = []
  private page!: Page
  private y = 0

  constructor(
    private readonly head: string,
    private readonly rulesA: Typesetting,
    private number = 1
  ) {}

  newPage(first = false): void {
    this.page = { number: this.number++, ...(first ? {} : { head: this.head }), furniture: [], rules: [], lines: [], notes: [], doc: 'pair', footHeight: 0 }
    this.pages.push(this.page)
    this.y = MARGIN.top
  }

  /** The first page's head: the symbol over a heavy rule, each version's organ in its column over a light rule. */
  startDocument(pair: ParallelDocument, rulesB: Typesetting, report: SettingReport): void {
    this.newPage(true)
    const put = (text: string, style: Style, x: number, y: number, width: number, rules: Typesetting, align: 'left' | 'right' = 'left') => {
      const line = singleLine(text, style, align, width, rules, report)
      this.page.furniture.push({ line, x: MARGIN.left + x + line.x, y })
    }
    const symbol = pair.a.metadata.symbol ?? pair.b.metadata.symbol
    put(this.rulesA.organization, { face: 'heading', size: 12 }, LEFT.a, 56, COLUMN, this.rulesA)
    put(rulesB.organization, { face: 'heading', size: 12 }, LEFT.b, 56, COLUMN, rulesB)
    if (symbol) put(symbol, { face: 'heading', size: 14 }, 0, 56, TEXT_WIDTH, this.rulesA, 'right')
    this.page.rules.push({ y: 64, width: 1.5 })
    const organ = (d: UndocDocument, rules: Typesetting) => (d.metadata.organ && d.metadata.organ !== 'other' ? rules.organs[d.metadata.organ] : undefined)
    const organA = organ(pair.a, this.rulesA)
    const organB = organ(pair.b, rulesB)
    if (organA) put(organA, { face: 'heading', size: 15 }, LEFT.a, 88, COLUMN, this.rulesA)
    if (organB) put(organB, { face: 'heading', size: 15 }, LEFT.b, 88, COLUMN, rulesB)
    this.page.rules.push({ y: 100, width: 0.5 })
    this.y = 112
  }

  /** Sets a side's lines from `top` down; the space above the first is left out at the top of a page. Returns where they end. */
  private setLines(side: Side, lines: readonly SideLine[], top: number, atTop: boolean): number {
    let y = top
    lines.forEach((l, i) => {
      if (i > 0 || !atTop) y += l.before
      const baseline = y + baselineOffset(l.line, l.block)
      const x = MARGIN.left + LEFT[side]
      if (l.first && l.block.label) this.page.lines.push({ line: l.block.label, x: x + l.block.label.x, y: baseline, block: l.block, first: false })
      this.page.lines.push({ line: l.line, x: x + l.line.x, y: baseline, block: l.block, first: l.first })
      y += l.height
    })
    return y
  }

  add(row: Row, next: Row | undefined): void {
    if (row.newPage && this.page.lines.length > 0) this.newPage()
    let a = row.a
    let b = row.b
    // A heading goes over with the first lines of what follows it.
    const keep = row.keepWithNext && next ? Math.max(height(next.a.slice(0, WIDOW)), height(next.b.slice(0, WIDOW))) : 0
    for (;;) {
      const atTop = this.page.lines.length === 0
      // The two first lines share a baseline: the side whose type sits higher in its line (a
      // smaller size or leading) is moved down to the other's.
      const baseline = (lines: readonly SideLine[]) => (lines[0] ? (atTop ? 0 : lines[0].before) + baselineOffset(lines[0].line, lines[0].block) : 0)
      const shared = Math.max(baseline(a), baseline(b))
      const drop = { a: shared - baseline(a), b: shared - baseline(b) }
      const room = MARGIN.bottom - this.y
      const whole = Math.max(drop.a + height(a), drop.b + height(b))
      if (whole + keep <= room || (atTop && whole <= room)) {
        this.y = Math.max(this.setLines('a', a, this.y + drop.a, atTop), this.setLines('b', b, this.y + drop.b, atTop))
        return
      }
      let na = fitting(a, room - drop.a)
      let nb = fitting(b, room - drop.b)
      const stranded = (na === 0 && a.length > 0) || (nb === 0 && b.length > 0)
      if (!atTop && (stranded || keep > 0)) {
        this.newPage()
        continue
      }
      // The row is longer than the room left: each side fills it, and both go on together overleaf.
      if (atTop) {
        na = Math.max(na, Math.min(1, a.length))
        nb = Math.max(nb, Math.min(1, b.length))
      }
      this.setLines('a', a.slice(0, na), this.y + drop.a, atTop)
      this.setLines('b', b.slice(0, nb), this.y + drop.b, atTop)
      a = a.slice(na)
      b = b.slice(nb)
      this.newPage()
    }
  }
}

/** The pages of a parallel edition from page `first` on: each pair starts on a page of its own, with its head; `starts`: the number of each pair's first page. */
function parallelPages(pairs: readonly ParallelDocument[], report: SettingReport, first = 1): { pages: Page[]; starts: number[] } {
  const pages: Page[] = []
  const starts: number[] = []
  for (const pair of pairs) {
    const rulesA = typesettingFor(pair.a)
    const rulesB = typesettingFor(pair.b)
    starts.push(first + pages.length)
    const flow = new ParallelFlow(pair.a.metadata.symbol ?? pair.b.metadata.symbol ?? pair.name, rulesA, first + pages.length)
    flow.startDocument(pair, rulesB, report)
    const rows = rowsOf(pair, report)
    rows.forEach((row, i) => flow.add(row, rows[i + 1]))
    flow.pages[0]!.dest = pairStart(starts.length - 1)
    pages.push(...flow.pages)
  }
  return { pages, starts }
}

/** The destination at the top of a pair's first page. */
const pairStart = (i: number) => destName(`p${i}`, DOCUMENT_START)

/**
 * The contents of a volume of pairs, as a single-language edition's: each pair's symbol and its
 * title in both languages, with a dot leader to the page the pair starts on (`starts`; room is
 * kept for the numbers when they are not known yet), text and number linked to the pair's first page.
 */
function contentsPages(pairs: readonly ParallelDocument[], starts: readonly number[] | undefined, report: SettingReport): Page[] {
  const rules = typesettingFor(pairs[0]!.a)
  const flow = new Flow()
  flow.startDocument('contents', rules.contents)
  const toc = [heading(rules.contents, rules, report, destName('contents', DOCUMENT_START))]
  pairs.forEach((pair, i) => {
    const titles = [pair.a.metadata.symbol ?? pair.b.metadata.symbol, pair.a.metadata.title, pair.b.metadata.title].filter(Boolean)
    const start = starts?.[i]
    toc.push(entry(titles.join(rules.contentsSpace) || pair.name, start === undefined ? '0000' : String(start), { dest: pairStart(i) }, 'TOCI', rules, report))
  })
  toc.forEach((b, i) => flow.add(b, toc[i + 1]))
  return flow.finish()
}

/** A volume of several pairs opens with its contents; a single pair is its own first page. */
function volumePages(pairs: readonly ParallelDocument[], report: SettingReport): Page[] {
  if (pairs.length === 1) return parallelPages(pairs, report).pages
  const { pages, starts } = parallelPages(pairs, report, contentsPages(pairs, undefined, settingReport()).length + 1)
  return [...contentsPages(pairs, starts, report), ...pages]
}

/** The PDF of a parallel edition: one or more pairs of language versions, side by side. */
export async function parallelPdf(
  pairs: readonly ParallelDocument[],
  title: string,
  warn: (reason: string, ruleId: string, at: MissingGlyph | ForcedBreak) => void = () => undefined
): Promise<Uint8Array> {
  if (pairs.length === 0) throw new Error('a parallel edition needs at least one pair of versions')
  const report = settingReport()
  const pages = volumePages(pairs, report)
  reportSetting(report, warn)
  const symbols = [...new Set(pairs.flatMap((p) => [p.a.metadata.symbol ?? p.b.metadata.symbol ?? []].flat()))]
  const dates = pairs.flatMap((p) => [p.a.metadata.date ?? p.b.metadata.date ?? []].flat()).sort()
  return renderPdf(pages, {
    title,
    ...(symbols.length ? { subject: symbols.join(', ') } : {}),
    lang: pairs[0]!.a.metadata.language,
    ...(dates.length ? { date: dates.at(-1)! } : {}),
    identity: [title, ...pairs.flatMap((p) => [p.a, p.b].map((d) => `${d.undoc}\n${d.source.sha256}`))].join('\n')
  })
}
