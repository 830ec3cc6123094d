import type { Point, Removal, Text } from '../types/document.js'

/**
 * Maps a character of a text node back to the raw file. A text node's value is its raw span with
 * the logged removals taken out (and their replacements put in), so between removals the raw
 * characters are the value's own: the walk counts them, and jumps over each removal by its
 * logged position. Pure: it needs the document's removal log only, not the raw file.
 */
export class RawLocator {
  private readonly removals: readonly Removal[]

  constructor(removals: readonly Removal[]) {
    this.removals = [...removals].sort((a, b) => a.position.start.offset - b.position.start.offset)
  }

  /** The raw point of character `index` of the node's value (its end when `index` is the length). */
  pointIn(node: Text, index: number): Point {
    const { start, end } = node.position
    let point: Point = start
    let consumed = 0
    for (let k = this.firstOverlapping(start.offset); k < this.removals.length; k++) {
      const r = this.removals[k]!
      if (r.position.start.offset >= end.offset) break
      const verbatim = Math.max(0, r.position.start.offset - point.offset)
      if (index < consumed + verbatim) return advance(point, node.value, consumed, index - consumed)
      point = advance(point, node.value, consumed, verbatim)
      consumed += verbatim
      if (r.replacement !== undefined && r.position.start.offset >= start.offset) {
        const within = index - consumed
        if (within < r.replacement.length) return replacedPoint(r, within)
        consumed += r.replacement.length
      }
      if (r.position.end.offset > point.offset) point = r.position.end.offset >= end.offset ? end : r.position.end
    }
    return advance(point, node.value, consumed, index - consumed)
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

/** The point `count` characters of `value` (from `from`) after `point`, where they are the raw text itself. */
function advance(point: Point, value: string, from: number, count: number): Point {
  let { line, column, offset } = point
  for (let i = from; i < from + count; i++) {
    const c = value.charCodeAt(i)
    offset++
    if (c === 10 || (c === 13 && value.charCodeAt(i + 1) !== 10)) {
      line++
      column = 1
    } else if (c !== 13) column++
  }
  return { line, column, offset }
}

/** A character of a replacement: the raw character it replaced when the two are one to one on one line, else the replaced span's start. */
function replacedPoint(r: Removal, within: number): Point {
  const { start, end } = r.position
  const oneToOne = r.text.length === r.replacement!.length && start.line === end.line
  return oneToOne ? { line: start.line, column: start.column + within, offset: start.offset + within } : start
}
