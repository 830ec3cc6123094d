import type { Line } from './linebreak.js'

/** A4 in points, and the text block: 38 ems of body type wide, so a line of Han fills it exactly. */
export const PAGE = { width: 595.28, height: 841.89 } as const
export const BODY_SIZE = 11.5
export const TEXT_WIDTH = 38 * BODY_SIZE
export const MARGIN = { left: (PAGE.width - TEXT_WIDTH) / 2, right: (PAGE.width + TEXT_WIDTH) / 2, top: 78, bottom: PAGE.height - 72 } as const
/** Space between the text and the footnotes, which sit under a short rule. */
const NOTE_GAP = 14
export const NOTE_RULE = TEXT_WIDTH / 4

/** The structure type of a block in the tagged PDF. */
export type StructType = 'P' | 'H1' | 'H2' | 'H3' | 'Note' | 'TOCI' | 'Index'

/** A block of text broken into lines at its width, ready to be put on pages. */
export interface Block {
  readonly lines: readonly Line[]
  /** A hanging number, set on the first line (or a page number, set on the last: `labelLast`). */
  readonly label?: Line
  readonly labelLast?: boolean
  readonly spaceBefore: number
  /** Line height as a multiple of the type size. */
  readonly leading: number
  readonly struct: StructType
  /** Name of the PDF destination at the block's first line (internal links lead there). */
  readonly dest?: string
  /** An outline (bookmark) entry at this block. */
  readonly outline?: { readonly title: string; readonly level: number }
  /** Headings stay on the page of the block that follows them. */
  readonly keepWithNext?: boolean
  readonly newPage?: boolean
}

/** A line on a page: its baseline y, its left x (block edge plus the line's own offset). */
export interface SetLine {
  readonly line: Line
  readonly x: number
  readonly y: number
  /** The block the line belongs to (for the structure tree) and the destination it opens. */
  readonly block: Block
  readonly first: boolean
}

export interface Page {
  /** The page's number as printed, or undefined for an unnumbered page (a title page). */
  number?: number
  /** Running head (the document's symbol); absent on a document's first page, which has the masthead. */
  readonly head?: string
  /** Text and rules drawn by a masthead or a title page, outside the flow. */
  readonly furniture: { readonly line: Line; readonly x: number; readonly y: number }[]
  readonly rules: { readonly y: number; readonly width: number }[]
  /** Filled rectangles drawn with the furniture (a barcode's bars). */
  boxes?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }[]
  readonly lines: SetLine[]
  readonly notes: SetLine[]
  /** Name of a destination at the page's top (where a volume's contents lead). */
  dest?: string
  /** Key of the document the page belongs to (edition: each document's destinations are its own). */
  readonly doc: string
  noteRule?: number
  /** Height the footnotes take at the foot of the page. */
  footHeight: number
}

interface NoteLines {
  readonly key: string
  readonly block: Block
  lines: Line[]
  first: boolean
}

function lineHeight(line: Line, block: Block): number {
  return line.size * block.leading
}

/**
 * Puts blocks on pages, top to bottom, with each footnote at the foot of the page that first
 * references it (and of every later page that references it again); a note too long for the room
 * left continues at the foot of the next page.
 */
export class Flow {
  readonly pages: Page[] = []
  private y = 0
  private noteHeight = 0
  private carried: NoteLines[] = []
  private onPage = new Set<string>()
  private page!: Page

  private doc = ''
  private head: string | undefined

  /** The footnotes of the documents laid out, by key: a line that references one brings it to its page. */
  readonly notes = new Map<string, Block>()

  constructor(private nextNumber = 1) {}

  /** Moves the text's top on the current page (below a masthead). */
  moveTo(y: number): void {
    this.y = y
  }

  /**
   * Starts a document on a new page, which has no running head (its masthead stands there); the
   * pages after it carry `head`.
   */
  startDocument(doc: string, head: string | undefined): Page {
    // A note of the previous document still running over ends on that document's own pages.
    while (this.carried.length > 0) this.newPage()
    this.doc = doc
    this.head = undefined
    this.newPage()
    this.head = head
    return this.page
  }

  private newPage(): void {
    this.page = { number: this.nextNumber++, ...(this.head !== undefined ? { head: this.head } : {}), furniture: [], rules: [], lines: [], notes: [], doc: this.doc, footHeight: 0 }
    this.pages.push(this.page)
    this.y = MARGIN.top
    this.noteHeight = 0
    this.onPage = new Set()
    const carried = this.carried
    this.carried = []
    for (const c of carried) this.setNote(c)
  }

  /**
   * Sets a block's lines. A page break inside it leaves neither its first line alone at the foot
   * of a page nor its last alone at the top of the next; a block kept with the next (a heading,
   * a text's last paragraph before its adoption block or signature) goes over with the next's first lines.
   */
  add(block: Block, following?: Block): void {
    if (block.newPage && this.page.lines.length > 0) this.newPage()
    if (this.page.lines.length > 0) this.y += block.spaceBefore
    const n = block.lines.length
    let breakBefore = -1
    if (this.page.lines.length > 0) {
      let room = this.bottom() - this.y
      let fit = 0
      while (fit < n && (room -= lineHeight(block.lines[fit]!, block)) >= 0) fit++
      if (fit === n && block.keepWithNext && following) {
        room -= following.spaceBefore
        const next = following.lines.slice(0, 2).every((l) => (room -= lineHeight(l, following)) >= 0)
        if (!next) fit = n <= 3 ? 0 : n - 1
      }
      if (fit < n) {
        if (fit <= 1) this.newPage()
        else breakBefore = fit === n - 1 && n >= 3 ? n - 2 : fit
      }
    }
    block.lines.forEach((line, i) => {
      if (i === breakBefore) this.newPage()
      this.setLine(block, line, i === 0, i === n - 1)
    })
  }

  private bottom(): number {
    return MARGIN.bottom - (this.noteHeight > 0 ? this.noteHeight + NOTE_GAP : 0)
  }

  private setLine(block: Block, line: Line, first: boolean, last: boolean): void {
    const h = lineHeight(line, block)
    const keys = [...new Set(line.atoms.flatMap((p) => (p.atom.tag?.note !== undefined ? [p.atom.tag.note] : [])))].filter((k) => this.notes.has(k) && !this.onPage.has(k))
    const notes = keys.map((k) => this.notes.get(k)!)
    const gap = this.noteHeight === 0 && keys.length > 0 ? NOTE_GAP : 0
    // The line goes here if at least the first lines of its new notes fit below it (the rest continue overleaf).
    const firstLines = notes.reduce((sum, b) => sum + b.spaceBefore + lineHeight(b.lines[0]!, b), 0)
    const fits = this.y + h + gap + firstLines <= this.bottom()
    if (!fits && this.page.lines.length > 0) {
      this.newPage()
      this.setLine(block, line, first, last)
      return
    }
    const baseline = this.y + baselineOffset(line, block)
    // A hanging number is drawn (and read, when copied) before its line; a page number after it.
    const label = block.label && (block.labelLast ? last : first) ? { line: block.label, x: MARGIN.left + block.label.x, y: baseline, block, first: false } : undefined
    if (label && !block.labelLast) this.page.lines.push(label)
    this.page.lines.push({ line, x: MARGIN.left + line.x, y: baseline, block, first })
    if (label && block.labelLast) this.page.lines.push(label)
    this.y += h
    for (const k of keys) {
      this.onPage.add(k)
      this.setNote({ key: k, block: this.notes.get(k)!, lines: [...this.notes.get(k)!.lines], first: true })
    }
  }

  /** Sets a note's lines at the foot while they fit below the text set so far; the rest is carried to the next page. */
  private setNote(note: NoteLines): void {
    const gap = this.noteHeight === 0 ? NOTE_GAP : 0
    let used = this.noteHeight === 0 ? 0 : note.block.spaceBefore
    let i = 0
    for (; i < note.lines.length; i++) {
      const line = note.lines[i]!
      const h = lineHeight(line, note.block)
      if (i > 0 && this.y + gap + this.noteHeight + used + h > MARGIN.bottom) break
      const y = this.noteHeight + used + baselineOffset(line, note.block)
      if (note.first && i === 0 && note.block.label) this.page.notes.push({ line: note.block.label, x: MARGIN.left + note.block.label.x, y, block: note.block, first: false })
      this.page.notes.push({ line, x: MARGIN.left + line.x, y, block: note.block, first: note.first && i === 0 })
      used += h
    }
    this.noteHeight += used
    this.page.footHeight = this.noteHeight
    if (i < note.lines.length) this.carried.push({ key: note.key, block: note.block, lines: note.lines.slice(i), first: false })
  }

  /** Ends the flow: each page's notes, measured from the top of the foot, are moved above the bottom margin, under their rule. */
  finish(): Page[] {
    for (const page of this.pages) {
      if (page.notes.length === 0) continue
      const top = MARGIN.bottom - page.footHeight
      page.noteRule = top - NOTE_GAP / 2
      page.notes.splice(0, page.notes.length, ...page.notes.map((n) => ({ ...n, y: n.y + top })))
    }
    return this.pages
  }
}

/** From the top of a line's box to its baseline: half the leading, then the ascent of the type. */
export function baselineOffset(line: Line, block: Block): number {
  return (line.size * (block.leading - 1)) / 2 + line.size * 0.88
}
