import { createHash } from 'node:crypto'
import PDFDocument from 'pdfkit'
import { VERSION } from '../../core/package-root.js'
import { profileFor } from '../../lang/index.js'
import { face, glyphsOf, roleFace, type Face, type FaceKey, type RunGlyph } from './fonts.js'
import { MARGIN, NOTE_RULE, PAGE, type Block, type Page, type SetLine } from './layout.js'
import type { Atom, Placed } from './linebreak.js'
import { textObject, type FontResource } from './text-object.js'

/** What the PDF says about itself. */
export interface PdfInfo {
  readonly title: string
  /** The document's symbol (or the edition's symbols). */
  readonly subject?: string
  readonly lang: string
  /** ISO date the PDF's dates are taken from (never the clock: the bytes must not change between builds). */
  readonly date?: string
  /** Text the file identifier is derived from: the content's identity (source hashes, undoc's version). */
  readonly identity: string
}

const RUNNING_SIZE = 9

/** What the text object needs of pdfkit's embedded font: its resource name, its subset, widths and ToUnicode map. */
interface PdfkitFont {
  readonly id: string
  readonly scale: number
  readonly subset: { includeGlyph(id: number): number }
  readonly widths: number[]
  readonly unicode: number[][]
  ref(): unknown
}

/** pdfkit's embedded-font class, as pdfkit opens fonts: (document, parsed fontkit font, resource id). */
type EmbeddedFontClass = new (document: PDFKit.PDFDocument, font: unknown, id: string) => object
let embeddedFont: EmbeddedFontClass | undefined

/** What pdfkit's embedded font draws a run of text with: glyphs and their positions, in thousandths of an em. */
interface GlyphRun {
  readonly glyphs: readonly RunGlyph[]
  readonly positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]
  readonly advanceWidth: number
}

/** A run as the typesetter measured it: each code point's glyph at its advance, nothing shaped. */
function glyphRun(f: Face, text: string): GlyphRun {
  const scale = 1000 / f.unitsPerEm
  const glyphs = glyphsOf(f, text)
  const positions = glyphs.map(({ advanceWidth }) => ({ xAdvance: advanceWidth * scale, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advanceWidth * scale }))
  return { glyphs, positions, advanceWidth: positions.reduce((sum, p) => sum + p.xAdvance, 0) }
}

/**
 * pdfkit parses a font anew for every document it is given as bytes, and the tables of a complete
 * CJK face take far longer to parse than a page takes to set. Its embedded-font class (not exported)
 * takes a parsed font, so each document gets one built on the faces parsed once per process: the
 * class is taken, once, from a font pdfkit opened itself. Its runs are laid out as the typesetter
 * measured them (`glyphRun`), not shaped by fontkit, whose layout tables cost more to read than a
 * document takes to set and whose kerning the measures would not know.
 */
function embedded(doc: PDFKit.PDFDocument, key: FaceKey): void {
  const f = face(key)
  if (!embeddedFont) {
    const probe = new PDFDocument({ autoFirstPage: false })
    probe.font(f.bytes)
    embeddedFont = (probe as unknown as { _font: { constructor: EmbeddedFontClass } })._font.constructor
  }
  const internals = doc as unknown as { _fontCount: number; _fontFamilies: Record<string, object> }
  const font = new embeddedFont(doc, f.font, `F${++internals._fontCount}`) as { layoutRun: (text: string) => GlyphRun }
  font.layoutRun = (text) => glyphRun(f, text)
  internals._fontFamilies[key] = font
}

/** Where a link leads: an address, a named destination, or a page. */
type Target = { url: string } | { dest: string } | { page: number }

/**
 * Whether two links lead to one place. Compared field by field, not as JSON: a destination can be
 * as long as the text it is named from, and a line of 100,000 atoms wrote it out for each of them.
 */
function sameTarget(a: Target, b: Target): boolean {
  if ('url' in a) return 'url' in b && a.url === b.url
  if ('dest' in a) return 'dest' in b && a.dest === b.dest
  return 'page' in b && a.page === b.page
}

function targetOf(tag: Atom['tag']): Target | undefined {
  if (tag?.url !== undefined) return { url: tag.url }
  if (tag?.dest !== undefined) return { dest: tag.dest }
  if (tag?.page !== undefined) return { page: tag.page }
  return undefined
}

/** Runs of atoms on a line with the same link, as rectangles to annotate. */
function linkRuns(placed: readonly Placed[]): { target: Target; x: number; w: number; size: number }[] {
  const runs: { target: Target; x: number; w: number; size: number }[] = []
  let current: (typeof runs)[number] | undefined
  for (const p of placed) {
    const target = targetOf(p.atom.tag)
    if (!target) current = undefined
    else if (current && sameTarget(current.target, target)) current.w = p.x + p.atom.width - current.x
    else runs.push((current = { target, x: p.x, w: p.atom.width, size: p.atom.size }))
  }
  return runs
}

/**
 * Writes laid-out pages as a PDF: fonts embedded as subsets, text tagged by structure (running
 * heads and page numbers as artifacts), named destinations at every block with an id, links for
 * citations and footnote references, an outline, and the document information. The bytes depend
 * only on the pages and `info`: the dates come from the document and the file identifier from
 * `info.identity`.
 */
export function renderPdf(pages: readonly Page[], info: PdfInfo): Promise<Uint8Array> {
  const date = new Date(`${info.date ?? '1970-01-01'}T00:00:00Z`)
  const doc = new PDFDocument({
    autoFirstPage: false,
    // No default font: pdfkit would open and parse Helvetica's metrics for every document, and
    // every run of text here is set in a face of the language's profile.
    font: null as unknown as undefined,
    size: 'A4',
    margin: 0,
    tagged: true,
    lang: info.lang,
    pdfVersion: '1.7',
    displayTitle: true,
    info: { Title: info.title, ...(info.subject ? { Subject: info.subject } : {}), Producer: `undoc ${VERSION} (PDFKit)`, Creator: 'undoc', CreationDate: date, ModDate: date }
  })
  // pdfkit derives the file identifier from the clock; a reproducible file takes it from its content.
  ;(doc as unknown as { _id: Buffer })._id = createHash('md5').update(info.identity).digest()
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })

  // Running heads and page numbers in the heading face of the (first) document's language.
  const runningFace = roleFace(profileFor(info.lang)!.typesetting.fonts, 'heading')
  const registered = new Set<FaceKey>()
  const useFont = (name: FaceKey, size: number) => {
    if (!registered.has(name)) {
      embedded(doc, name)
      registered.add(name)
    }
    doc.font(name).fontSize(size)
  }
  // A face's font on the current page: its glyphs are added to its subset as pdfkit's own text calls add them.
  const resources = new Map<FaceKey, FontResource & { readonly font: PdfkitFont }>()
  const fontResource = (name: FaceKey): FontResource => {
    let resource = resources.get(name)
    if (!resource) {
      useFont(name, RUNNING_SIZE)
      const font = (doc as unknown as { _fontFamilies: Record<string, PdfkitFont> })._fontFamilies[name]!
      const codes = new Map<number, string>()
      resource = {
        id: font.id,
        font,
        code(glyph) {
          let code = codes.get(glyph.id)
          if (code === undefined) {
            const gid = font.subset.includeGlyph(glyph.id)
            font.widths[gid] ??= glyph.advanceWidth * font.scale
            font.unicode[gid] ??= glyph.codePoints
            codes.set(glyph.id, (code = gid.toString(16).padStart(4, '0')))
          }
          return code
        }
      }
      resources.set(name, resource)
    }
    ;(doc.page as unknown as { fonts: Record<string, unknown> }).fonts[resource.id] ??= resource.font.ref()
    return resource
  }
  // The Han–Latin gaps and the added space are positions, which extractors read as spaces: each
  // line says what text it stands for (pdftotext and Acrobat read it); pdf.js, which does not
  // yet, is kept from reading a gap as a space by the text object (text-object.ts).
  const drawLine = (set: Pick<SetLine, 'line' | 'x' | 'y'>) => {
    doc.markContent('Span', { actual: set.line.text })
    doc.addContent(textObject(set.line.atoms, set.x, set.y, fontResource))
    const hyphen = set.line.hyphen
    if (hyphen) drawOutline(hyphen.face, '-', hyphen.size, set.x + hyphen.x, set.y)
    doc.endMarkedContent()
  }
  // An added hyphen is drawn as its glyph's outline, not as text: copying the line gives the word whole.
  const drawOutline = (name: FaceKey, c: string, size: number, x: number, y: number) => {
    const { font, unitsPerEm } = face(name)
    const scale = size / unitsPerEm
    doc
      .save()
      .translate(x, y)
      .scale(scale, -scale)
      .path(font.glyphForCodePoint(c.codePointAt(0)!).path.toSVG())
      .fill()
      .restore()
  }

  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Pagination' })
    draw()
    doc.endMarkedContent()
  }

  const root = doc.struct('Document')
  doc.addStructure(root)
  const elements = new Map<Block, PDFKit.PDFStructureElement>()
  const dests = new Set<string>()
  let topOutline: PDFKit.PDFOutline | undefined

  // Lines of one block set one after the other form one marked-content sequence of its structure element.
  const drawFlow = (lines: readonly SetLine[]) => {
    let i = 0
    while (i < lines.length) {
      const block = lines[i]!.block
      let el = elements.get(block)
      if (!el) {
        el = doc.struct(block.struct)
        root.add(el)
        elements.set(block, el)
      }
      const content = doc.markStructureContent(block.struct)
      for (; i < lines.length && lines[i]!.block === block; i++) {
        const set = lines[i]!
        if (set.first && block.dest && !dests.has(block.dest)) {
          dests.add(block.dest)
          doc.addNamedDestination(block.dest, 'XYZ', MARGIN.left, set.y - set.line.size * 1.5, null)
        }
        if (set.first && block.outline) {
          if (block.outline.level === 0 || !topOutline) topOutline = doc.outline.addItem(block.outline.title)
          else topOutline.addItem(block.outline.title)
        }
        drawLine(set)
        for (const run of linkRuns(set.line.atoms)) {
          const rect = [set.x + run.x, set.y - run.size * 0.9, run.w, run.size * 1.15] as const
          const t = run.target
          if ('dest' in t) doc.goTo(...rect, t.dest)
          else if ('url' in t) doc.link(...rect, t.url)
          // pdfkit links to a page by its index (its types know only addresses).
          else doc.link(...rect, t.page as unknown as string)
        }
      }
      doc.endMarkedContent()
      el.add(content)
    }
  }

  for (const page of pages) {
    doc.addPage({ size: 'A4', margin: 0 })
    if (page.dest) doc.addNamedDestination(page.dest, 'XYZ', 0, 0, null)
    const outer = page.number !== undefined && page.number % 2 === 0 ? 'left' : 'right'
    artifact(() => {
      for (const f of page.furniture) drawLine(f)
      for (const r of page.rules) doc.moveTo(MARGIN.left, r.y).lineTo(MARGIN.right, r.y).lineWidth(r.width).stroke()
      for (const b of page.boxes ?? []) doc.rect(b.x, b.y, b.width, b.height)
      if (page.boxes?.length) doc.fill()
      if (page.head) drawRunning(page.head, outer, MARGIN.top - 30)
      if (page.number !== undefined) drawRunning(String(page.number), outer, PAGE.height - 40)
      if (page.noteRule !== undefined)
        doc
          .moveTo(MARGIN.left, page.noteRule)
          .lineTo(MARGIN.left + NOTE_RULE, page.noteRule)
          .lineWidth(0.5)
          .stroke()
    })
    drawFlow(page.lines)
    drawFlow(page.notes)
  }
  root.end()
  doc.end()
  return done

  function drawRunning(text: string, side: 'left' | 'right', y: number): void {
    useFont(runningFace, RUNNING_SIZE)
    const width = doc.widthOfString(text)
    doc.text(text, side === 'left' ? MARGIN.left : MARGIN.right - width, y, { lineBreak: false, baseline: 'alphabetic' })
  }
}
