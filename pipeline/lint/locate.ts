import { firstAtOrAfter } from '../core/order.js'
import type { Point, Removal, Text } from '../types/document.js'

/**
 * Maps a character of a text node back to the raw file. A text node's value is its raw span with
 * the logged removals taken out (and their replacements put in), so between removals the raw
 * characters are the value's own. Pure: it needs the document's removal log only, not the raw file.
 *
 * A node is indexed once, on its first lookup: its value cut into stretches (verbatim raw text, or
 * the replacement of one removal), each with the raw point where it starts, and the line breaks
 * of its value. A lookup is then two binary searches, whatever the length of the node or the
 * number of findings in it: a paragraph with 64,000 findings is looked up 64,000 times.
 */
export class RawLocator {
  private readonly removals: readonly Removal[]
  private readonly indexes = new WeakMap<Text, NodeIndex>()

  constructor(removals: readonly Removal[]) {
    this.removals = [...removals].sort((a, b) => a.position.start.offset - b.position.start.offset)
  }

  /** The raw point of character `index` of the node's value (its end when `index` is the length). */
  pointIn(node: Text, index: number): Point {
    let nodeIndex = this.indexes.get(node)
    if (!nodeIndex) {
      nodeIndex = this.indexNode(node)
      this.indexes.set(node, nodeIndex)
    }
    const { stretches, breaks } = nodeIndex
    const stretch = stretches[lastAtOrBefore(stretches, index)]!
    return stretch.removal ? replacedPoint(stretch.removal, index - stretch.from) : breaks.advance(stretch.point, stretch.from, index - stretch.from)
  }

  /**
   * The node's stretches in order. Where a stretch is empty, the one after it at the same index
   * holds that index; the last is verbatim and runs to the end of the value.
   */
  private indexNode(node: Text): NodeIndex {
    const { start, end } = node.position
    const breaks = new LineBreaks(node.value)
    const stretches: Stretch[] = []
    let point: Point = start
    let consumed = 0
    for (let k = this.firstOverlapping(start.offset); k < this.removals.length; k++) {
      const r = this.removals[k]!
      if (r.position.start.offset >= end.offset) break
      const verbatim = Math.max(0, r.position.start.offset - point.offset)
      stretches.push({ from: consumed, point })
      point = breaks.advance(point, consumed, verbatim)
      consumed += verbatim
      if (r.replacement !== undefined && r.position.start.offset >= start.offset) {
        stretches.push({ from: consumed, point, removal: r })
        consumed += r.replacement.length
      }
      if (r.position.end.offset > point.offset) point = r.position.end.offset >= end.offset ? end : r.position.end
    }
    stretches.push({ from: consumed, point })
    return { stretches, breaks }
  }

  /** Index of the first removal that may reach into a span starting at `offset`. */
  private firstOverlapping(offset: number): number {
    let lo = 0
    let hi = this.removals.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.removals[mid]!.position.start.offset < offset) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && this.removals[lo - 1]!.position.end.offset > offset ? lo - 1 : lo
  }
}

/** A stretch of a node's value from index `from`: raw text from `point`, or the replacement of `removal`. */
interface Stretch {
  readonly from: number
  readonly point: Point
  readonly removal?: Removal
}

interface NodeIndex {
  readonly stretches: readonly Stretch[]
  readonly breaks: LineBreaks
}

/**
 * The line breaks of a value (LF, CRLF, CR), so that the point some characters on from another is
 * found without walking them. A CR before an LF is part of its break and takes no column.
 */
class LineBreaks {
  /** Indexes of the characters that end a line: LF, and CR not before LF. */
  private readonly ends: number[] = []
  /** Indexes of the CRs that stand before an LF. */
  private readonly crBeforeLf: number[] = []

  constructor(value: string) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i)
      if (c === 10) this.ends.push(i)
      else if (c === 13) (value.charCodeAt(i + 1) === 10 ? this.crBeforeLf : this.ends).push(i)
    }
  }

  /** The point `count` characters of the value (from index `from`) after `point`, where they are the raw text itself. */
  advance(point: Point, from: number, count: number): Point {
    const to = from + count
    const endsBefore = firstAtOrAfter(this.ends, to)
    const lines = endsBefore - firstAtOrAfter(this.ends, from)
    const offset = point.offset + count
    if (lines === 0) return { line: point.line, column: point.column + count - this.crsBetween(from, to), offset }
    const lineStart = this.ends[endsBefore - 1]! + 1
    return { line: point.line + lines, column: 1 + to - lineStart - this.crsBetween(lineStart, to), offset }
  }

  private crsBetween(from: number, to: number): number {
    return firstAtOrAfter(this.crBeforeLf, to) - firstAtOrAfter(this.crBeforeLf, from)
  }
}

/** Index of the last stretch that starts at or before `index` (stretches start in order, the first at 0). */
function lastAtOrBefore(stretches: readonly Stretch[], index: number): number {
  let lo = 0
  let hi = stretches.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (stretches[mid]!.from <= index) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** A character of a replacement: the raw character it replaced when the two are one to one on one line, else the replaced span's start. */
function replacedPoint(r: Removal, within: number): Point {
  const { start, end } = r.position
  const oneToOne = r.text.length === r.replacement!.length && start.line === end.line
  return oneToOne ? { line: start.line, column: start.column + within, offset: start.offset + within } : start
}
