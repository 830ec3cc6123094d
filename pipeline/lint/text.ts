import type { Adoption, Citation, FootnoteDefinition, FootnoteReference, Formula, Heading, Paragraph, Part, Point, Position, SignatureLine, Text, UndocDocument } from '../types/document.js'
import { RawLocator } from './locate.js'

/** A node whose children are inline content. */
export type Block = Heading | Formula | Paragraph | Adoption | SignatureLine | FootnoteDefinition

/** Where a block stands: the main text, an annex (1, 2, …), or the footnotes. */
export interface BlockPlace {
  readonly part: 'preface' | 'preamble' | 'body' | 'conclusions' | 'footnotes'
  /** 0 for the main text, n for the n-th annex. */
  readonly annex: number
}

/** A stretch of a block's text that comes from one text node (inside a citation or not). */
interface Piece {
  readonly start: number
  readonly node: Text
}

/**
 * One block's inline content as one string (citations by their text, footnote references as
 * nothing), each character of which can be found in the raw file.
 */
export class BlockText {
  readonly block: Block
  readonly place: BlockPlace
  readonly text: string
  /** Footnote references, with the index in `text` at which each stands. */
  readonly references: readonly { readonly at: number; readonly node: FootnoteReference }[]
  /** Citations, with the span of `text` each covers. */
  readonly citations: readonly { readonly start: number; readonly end: number; readonly node: Citation }[]
  private readonly pieces: Piece[] = []
  private readonly locator: RawLocator

  constructor(block: Block, place: BlockPlace, locator: RawLocator) {
    this.block = block
    this.place = place
    this.locator = locator
    const parts: string[] = []
    const references: { at: number; node: FootnoteReference }[] = []
    const citations: { start: number; end: number; node: Citation }[] = []
    let length = 0
    const addText = (node: Text) => {
      this.pieces.push({ start: length, node })
      parts.push(node.value)
      length += node.value.length
    }
    for (const child of block.children) {
      if (child.type === 'text') addText(child)
      else if (child.type === 'footnoteReference') references.push({ at: length, node: child })
      else {
        const start = length
        for (const t of child.children) addText(t)
        citations.push({ start, end: length, node: child })
      }
    }
    this.text = parts.join('')
    this.references = references
    this.citations = citations
  }

  /** The raw point of character `index` of the block's text. */
  pointAt(index: number): Point {
    const piece = this.pieceAt(index)
    if (!piece) return this.block.position.start
    return this.locator.pointIn(piece.node, index - piece.start)
  }

  /** The raw span of characters `start` to `end` (exclusive) of the block's text. */
  span(start: number, end: number): Position {
    const last = Math.max(start, end - 1)
    const endPoint = this.pointAt(last)
    return { start: this.pointAt(start), end: { ...endPoint, column: endPoint.column + 1, offset: endPoint.offset + 1 } }
  }

  private pieceAt(index: number): Piece | undefined {
    let lo = 0
    let hi = this.pieces.length - 1
    if (hi < 0) return undefined
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.pieces[mid]!.start <= index) lo = mid
      else hi = mid - 1
    }
    return this.pieces[lo]
  }
}

/** A document's blocks in reading order (main text, annexes, footnotes), each with its text. */
export class DocumentText {
  readonly blocks: readonly BlockText[]
  readonly locator: RawLocator

  constructor(document: UndocDocument) {
    this.locator = new RawLocator(document.removals)
    const blocks: BlockText[] = []
    let annexes = 0
    const visit = (parts: readonly Part[], annex: number) => {
      for (const part of parts) {
        if (part.type === 'attachment') {
          visit(part.children, ++annexes)
          continue
        }
        const place: BlockPlace = { part: part.type, annex }
        for (const node of part.children) {
          if (node.type === 'signature') for (const line of node.children) blocks.push(new BlockText(line, place, this.locator))
          else blocks.push(new BlockText(node, place, this.locator))
        }
      }
    }
    visit(document.tree.children, 0)
    this.blocks = blocks
  }
}

/** The document's footnotes, in order. */
export function footnoteDefinitions(text: DocumentText): FootnoteDefinition[] {
  return text.blocks.flatMap((b) => (b.block.type === 'footnoteDefinition' ? [b.block] : []))
}
