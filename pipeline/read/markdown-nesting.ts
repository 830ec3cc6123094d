import { splitLines } from '../core/lines.js'

/**
 * How deep a Markdown source nests, measured before it is parsed. The Markdown parser and the
 * tree walkers after it go down one level of nesting at a time: a source nested 10,000 deep
 * overflows the stack, and one a few thousand deep takes minutes (the parser's work grows with
 * the square of the depth). UN documents nest a few levels (paragraph, (a), (i)); undoc refuses
 * a source deeper than these limits before the parser sees it.
 */
export const MAX_CONTAINER_DEPTH = 32
/** Emphasis marks and brackets left open at once in one paragraph ("**" * 1,000 opens 1,000 levels). */
export const MAX_OPEN_INLINE = 64

/**
 * Emphasis and strikethrough delimiter runs ("*", "__", "~") in one paragraph, open or not. The
 * parser pairs each closing run by looking back over the runs before it, so its time grows with
 * the square of their number: "*_" 8,000 times in one paragraph took 9 s and 16,000 times two
 * minutes. A UN paragraph has a few.
 */
export const MAX_DELIMITER_RUNS = 1000

/** Where a source nests past a limit (the line, by its offsets), what nests, and how deep it goes there. */
export interface TooDeep {
  readonly start: number
  readonly end: number
  readonly what: 'containers' | 'inline' | 'delimiters'
  /** How deep it nests there, or for delimiters how many runs the paragraph has reached. */
  readonly depth: number
}

type Container = { readonly kind: 'quote' } | { readonly kind: 'item'; readonly indent: number }

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/

/**
 * The first line at which the source nests past a limit, or undefined. One pass over the lines,
 * with CommonMark's container rules (a block quote goes on where its ">" does, a list item
 * where its indent does), each line matched against at most the limit's number of open containers;
 * and per paragraph the emphasis runs and brackets still open. Where it cannot tell, it counts
 * deeper than the parser would (any line that opens no container may continue them all; "*" in
 * code counts), never shallower.
 */
export function tooDeep(src: string): TooDeep | undefined {
  const open: Container[] = []
  let inline = new OpenInline()
  const lines = splitLines(src)
  for (const { start, end, contentStart, contentEnd } of lines) {
    const line = src.slice(start, end)
    if (contentStart === contentEnd) {
      // A blank line continues every list item, ends block quotes, and ends the paragraph.
      let kept = 0
      while (kept < open.length && open[kept]!.kind === 'item') kept++
      open.length = kept
      inline = new OpenInline()
      continue
    }
    const cursor = new Cursor(line)
    let matched = 0
    for (const container of open) {
      if (!(container.kind === 'quote' ? cursor.quoteMarker() : cursor.indent(container.indent))) break
      matched++
    }
    const first = cursor.container()
    if (first) {
      // A new container closes the ones the line does not go on with, and begins a new paragraph.
      open.length = matched
      inline = new OpenInline()
      for (let opened: Container | undefined = first; opened; opened = cursor.container()) open.push(opened)
      if (open.length > MAX_CONTAINER_DEPTH) return { start, end, what: 'containers', depth: open.length }
    }
    // Else a line that does not go on with every open container is taken for a lazy continuation
    // of the paragraph inside them, which keeps them all open.
    inline.line(line.slice(cursor.at))
    if (inline.most > MAX_OPEN_INLINE) return { start, end, what: 'inline', depth: inline.most }
    if (inline.runs > MAX_DELIMITER_RUNS) return { start, end, what: 'delimiters', depth: inline.runs }
  }
  return undefined
}

/** A place in one line, in columns (a tab reaches the next multiple of 4) and characters. */
class Cursor {
  at = 0
  private column = 0
  private readonly plainStarts = new Map<string, number>()

  constructor(private readonly line: string) {}

  /** Goes past a block quote's ">" (up to 3 spaces before it, one after): whether there was one. */
  quoteMarker(): boolean {
    const back = [this.at, this.column] as const
    this.spaces(3)
    if (this.line[this.at] !== '>') {
      ;[this.at, this.column] = back
      return false
    }
    this.step()
    if (this.line[this.at] === ' ') this.step()
    return true
  }

  /** Goes past `width` columns of indent: whether the line has them. */
  indent(width: number): boolean {
    const from = this.column
    this.spaces(width)
    return this.column - from >= width
  }

  /** A block quote or list item that opens here, gone past; undefined when none does. */
  container(): Container | undefined {
    const from = this.column
    const back = [this.at, this.column] as const
    this.spaces(3)
    const rest = this.line.slice(this.at)
    if (rest.startsWith('>')) {
      this.step()
      if (this.line[this.at] === ' ') this.step()
      return { kind: 'quote' }
    }
    const marker = LIST_MARKER.exec(rest)
    if (!marker || (this.at >= this.plainFrom(rest[0]!) && THEMATIC_BREAK.test(rest))) {
      ;[this.at, this.column] = back
      return undefined
    }
    for (let k = 0; k < marker[0].length; k++) this.step()
    const afterMarker = this.column
    this.spaces(4)
    // Five spaces or more after the marker: the item's text is indented code, one space in.
    const gap = this.column - afterMarker
    return { kind: 'item', indent: afterMarker - from + (gap >= 1 && gap <= 4 && this.at < this.line.length ? gap : 1) }
  }

  /**
   * Where the line's last stretch of `mark`, spaces and tabs starts: a thematic break ("- - -")
   * can start no earlier, so "- - - … x" is not read again from each of its markers.
   */
  private plainFrom(mark: string): number {
    let from = this.plainStarts.get(mark)
    if (from === undefined) {
      from = this.line.length
      while (from > 0 && (this.line[from - 1] === mark || this.line[from - 1] === ' ' || this.line[from - 1] === '\t')) from--
      this.plainStarts.set(mark, from)
    }
    return from
  }

  /** Goes past up to `most` columns of spaces and tabs. */
  private spaces(most: number): void {
    const limit = this.column + most
    while (this.at < this.line.length && this.column < limit && (this.line[this.at] === ' ' || this.line[this.at] === '\t')) this.step()
  }

  private step(): void {
    this.column = this.line[this.at] === '\t' ? this.column + 4 - (this.column % 4) : this.column + 1
    this.at++
  }
}

/**
 * The emphasis marks and brackets open in a paragraph, line by line, and the most that were
 * open at once: a run of "*", "_" or "~" that can close takes its length off the open marks of
 * its kind (when there are any), else one that can open adds its length; "[" adds one and "]"
 * takes one off. An escaped character counts for nothing. And how many runs that can open or
 * close the paragraph has.
 */
class OpenInline {
  private readonly open = new Map<string, number>()
  private total = 0
  most = 0
  runs = 0

  line(line: string): void {
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!
      if (c === '\\') {
        i++
        continue
      }
      if (c === '[') this.add(c, 1)
      else if (c === ']') this.add(c, -1)
      else if (c === '*' || c === '_' || c === '~') {
        let j = i
        while (line[j] === c) j++
        const canClose = i > 0 && !/\s/.test(line[i - 1]!)
        const canOpen = j < line.length && !/\s/.test(line[j]!)
        if (canClose || canOpen) this.runs++
        if (canClose && (this.open.get(c) ?? 0) > 0) this.add(c, -(j - i))
        else if (canOpen) this.add(c, j - i)
        i = j - 1
      }
    }
  }

  private add(kind: string, count: number): void {
    const before = this.open.get(kind) ?? 0
    const after = Math.max(0, before + count)
    this.open.set(kind, after)
    this.total += after - before
    this.most = Math.max(this.most, this.total)
  }
}
