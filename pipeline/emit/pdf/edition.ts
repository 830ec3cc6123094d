import type { Typesetting } from '../../lang/profile.js'
import type { UndocDocument } from '../../types/document.js'
import { destName, DOCUMENT_START, setBlock } from './compose.js'
import { layDocument, reportSetting, typesettingFor } from './index.js'
import { BODY_SIZE, Flow, MARGIN, PAGE, TEXT_WIDTH, type Block, type Page } from './layout.js'
import { atomize, breakLines, settingReport, type ForcedBreak, type Line, type MissingGlyph, type Placed, type Segment, type SettingReport, type Style, type Tag } from './linebreak.js'
import { singleLine } from './masthead.js'
import { renderPdf } from './render.js'

/** A document of an edition, with its output name (what citations of it in the other documents name). */
export interface EditionDocument {
  readonly name: string
  readonly document: UndocDocument
}

/** Where a volume's parts start, and the pages that cite each resolution. */
export interface VolumeLayout {
  readonly pages: Page[]
  /** Printed page number of each document's first page, in the volume's order. */
  readonly starts: number[]
  /** Printed page number of the contents' first page. */
  readonly contents: number
  /** Symbol of each cited resolution or decision → the printed pages that cite it, in order. */
  readonly cited: Map<string, number[]>
}

const ENTRY: Style = { face: 'body', size: BODY_SIZE }
const HEADING: Style = { face: 'heading', size: 16 }
/** Room kept for a page number at the right of an entry of the contents or the index. */
const NUMBER_ROOM = 4 * BODY_SIZE

/** An entry of the contents (TOCI) or of the index (Index): its text, then its page numbers at the right of its last line; both lead to `to`. */
export function entry(text: string, numbers: string | readonly Segment[], to: Tag | undefined, struct: 'TOCI' | 'Index', rules: Typesetting, report: SettingReport): Block {
  const segments = [{ text, style: ENTRY, ...(to ? { tag: to } : {}) }]
  const label = typeof numbers === 'string' ? [{ text: numbers, style: ENTRY, ...(to ? { tag: to } : {}) }] : numbers
  const block = setBlock(
    {
      segments,
      measure: { firstIndent: 0, indent: 2 * BODY_SIZE, width: TEXT_WIDTH - NUMBER_ROOM, align: 'left' },
      label,
      labelRight: TEXT_WIDTH,
      labelStyle: ENTRY,
      labelLast: true,
      struct,
      spaceBefore: BODY_SIZE * 0.4,
      leading: 1.6
    },
    rules,
    report
  )
  return { ...block, label: withLeader(block.lines.at(-1)!, block.label!, rules) }
}

/** Distance between the dots of a leader: they stand on one grid, so the dots of all entries line up. */
const LEADER_STEP = BODY_SIZE / 2

/**
 * A page number with a dot leader that leads the eye to it from the end of its entry. The dots
 * are drawn but are no part of the line's text: copying an entry gives its text and its number.
 */
function withLeader(last: Line, numbers: Line, rules: Typesetting): Line {
  const [dot] = atomize([{ text: '.', style: ENTRY }], rules)
  const from = last.x + last.width + LEADER_STEP / 2
  const to = numbers.x - LEADER_STEP / 2 - dot!.width
  const dots: Placed[] = []
  for (let x = Math.ceil(from / LEADER_STEP) * LEADER_STEP; x <= to; x += LEADER_STEP) dots.push({ atom: dot!, x: x - numbers.x })
  return { ...numbers, atoms: [...dots, ...numbers.atoms] }
}

export function heading(text: string, rules: Typesetting, report: SettingReport, dest: string): Block {
  return setBlock(
    {
      segments: [{ text, style: HEADING }],
      measure: { firstIndent: 0, indent: 0, width: TEXT_WIDTH, align: 'center' },
      struct: 'H1',
      spaceBefore: 0,
      leading: 2.4,
      outline: { title: text, level: 0 },
      dest,
      keepWithNext: true
    },
    rules,
    report
  )
}

/**
 * Lays out a volume: a title page, the contents (each document's symbol and title with the page it
 * starts on), the documents one after the other with continuous page numbers and each document's
 * symbol as running head, and an index of the resolutions and decisions they cite with the pages
 * that cite them. The contents need the page numbers of what follows them: `starts` gives the
 * numbers of a previous pass (or none, for the first pass, which reserves the room).
 */
function layVolume(docs: readonly EditionDocument[], title: string, starts: readonly number[] | undefined, report: SettingReport): VolumeLayout {
  const rules = typesettingFor(docs[0]!.document)
  const volume = new Map(docs.map((d, i) => [d.name, `d${i}`]))
  const flow = new Flow()
  const titlePage = flow.startDocument('title', undefined)
  titlePage.number = undefined
  // The Organization's name, then the title centred, broken into as many lines as it needs, over a rule.
  const top = PAGE.height * 0.36
  const organization = singleLine(rules.organization, { face: 'heading', size: 14 }, 'center', TEXT_WIDTH, rules, report)
  titlePage.furniture.push({ line: organization, x: MARGIN.left + organization.x, y: top })
  const titleLines = breakLines(
    atomize([{ text: title, style: { face: 'heading', size: 22 } }], rules, report.missing),
    { firstIndent: 0, indent: 0, width: TEXT_WIDTH, align: 'center' },
    rules,
    report.forced
  )
  titleLines.forEach((line, i) => titlePage.furniture.push({ line, x: MARGIN.left + line.x, y: top + 48 + i * 34 }))
  titlePage.rules.push({ y: top + 48 + (titleLines.length - 1) * 34 + 24, width: 0.5 })

  const contentsPage = flow.startDocument('contents', rules.contents)
  const toc = [heading(rules.contents, rules, report, destName('contents', DOCUMENT_START))]
  docs.forEach(({ document: d }, i) => {
    const text = [d.metadata.symbol, d.metadata.title].filter(Boolean).join(rules.contentsSpace) || d.source.name
    toc.push(entry(text, starts ? String(starts[i]) : '0000', { dest: destName(`d${i}`, DOCUMENT_START) }, 'TOCI', rules, report))
  })
  toc.forEach((b, i) => flow.add(b, toc[i + 1]))

  const firsts = docs.map(({ document }, i) => layDocument(flow, document, `d${i}`, report, volume).number!)
  const cited = new Map<string, number[]>()
  for (const page of flow.pages) {
    if (!page.doc.startsWith('d')) continue
    for (const set of [...page.lines, ...page.notes]) {
      for (const p of set.line.atoms) {
        const symbol = p.atom.tag?.cites
        if (!symbol) continue
        const pages = cited.get(symbol) ?? []
        if (!pages.includes(page.number!)) pages.push(page.number!)
        cited.set(symbol, pages)
      }
    }
  }
  if (cited.size > 0) {
    flow.startDocument('index', rules.citedIndex)
    const index = [heading(rules.citedIndex, rules, report, destName('index', DOCUMENT_START))]
    // Each page number links to its page: the volume is numbered from its title page on, so page N is the N-th.
    const pageLinks = (pages: readonly number[]): Segment[] => pages.flatMap((n, i) => [...(i > 0 ? [{ text: ', ', style: ENTRY }] : []), { text: String(n), style: ENTRY, tag: { page: n - 1 } }])
    for (const symbol of [...cited.keys()].sort(compareSymbols)) index.push(entry(symbol, pageLinks(cited.get(symbol)!), undefined, 'Index', rules, report))
    index.forEach((b, i) => flow.add(b, index[i + 1]))
  }
  return { pages: flow.finish(), starts: firsts, contents: contentsPage.number!, cited }
}

/** Symbols in a reader's order: A/RES/37/4 before A/RES/38/4 before A/RES/100/1 (numbers compared as numbers). */
function compareSymbols(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}

/**
 * Lays a volume out until its contents give the page numbers its documents really start on. The
 * numbers are set in room kept for them, so the second pass places everything where the first did.
 */
export function volumeLayout(docs: readonly EditionDocument[], title: string, report: SettingReport = settingReport()): VolumeLayout {
  let starts: number[] | undefined
  for (let pass = 0; ; pass++) {
    if (pass > 3) throw new Error('the contents of the edition do not settle')
    const found = settingReport()
    const layout = layVolume(docs, title, starts, found)
    if (starts && layout.starts.every((s, i) => s === starts![i])) {
      report.missing.push(...found.missing)
      report.forced.push(...found.forced)
      return layout
    }
    starts = layout.starts
  }
}

/** The PDF of an edition of several documents in one volume. */
export async function editionPdf(
  docs: readonly EditionDocument[],
  title: string,
  warn: (reason: string, ruleId: string, at: MissingGlyph | ForcedBreak) => void = () => undefined
): Promise<Uint8Array> {
  if (docs.length === 0) throw new Error('an edition needs at least one document')
  const report = settingReport()
  const layout = volumeLayout(docs, title, report)
  reportSetting(report, warn)
  const symbols = docs.map((d) => d.document.metadata.symbol).filter(Boolean)
  const dates = docs.flatMap((d) => (d.document.metadata.date ? [d.document.metadata.date] : [])).sort()
  return renderPdf(layout.pages, {
    title,
    ...(symbols.length ? { subject: symbols.join(', ') } : {}),
    lang: docs[0]!.document.metadata.language,
    ...(dates.length ? { date: dates.at(-1)! } : {}),
    identity: [title, ...docs.map((d) => `${d.document.undoc}\n${d.document.source.sha256}`)].join('\n')
  })
}
