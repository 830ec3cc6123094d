import { firstAtOrAfter } from '../core/order.js'
import type { RawText } from '../core/raw-text.js'

/**
 * A stretch of the current text and where it came from in the raw text. `copy` means the text is
 * the raw slice itself; otherwise it was put there by a rule: a replacement of the raw range, or
 * an insertion (an empty raw range) such as a paragraph separator.
 */
export interface Segment {
  readonly text: string
  readonly rawStart: number
  readonly rawEnd: number
  readonly copy: boolean
}

/** A stretch of raw text that a rule took out of the text (or replaced), and why. */
export interface RemovalRecord {
  readonly rule: string
  readonly reason: string
  readonly rawStart: number
  readonly rawEnd: number
  readonly text: string
  readonly replacement?: string
}

/**
 * One piece of a rewrite: a slice of the current text kept (possibly moved), or new text; new
 * text that stands for a dropped range (`replaces`) maps back to that range's raw text, so that
 * a node made of it alone still points at the raw characters it stands for.
 */
export type Piece = { readonly keep: readonly [number, number] } | { readonly insert: string; readonly replaces?: readonly [number, number] }

/** A range of the current text that a rewrite drops, with the reason recorded in the log. */
export interface Drop {
  readonly start: number
  readonly end: number
  readonly reason: string
  /** Text that stands in its place, for the log (the inserted piece carries it in the text). */
  readonly replacement?: string
}

export interface Rewrite {
  readonly pieces: readonly Piece[]
  readonly drops: readonly Drop[]
}

/** Thrown when a rule would lose or duplicate text: a bug in undoc, never a fault of the input. */
export class ConservationError extends Error {}

/**
 * Text under normalization, with a map back to the raw text. Every rewrite must say, for each
 * character of the current text, whether it is kept (once) or dropped with a reason: this is
 * how "nothing lost" is enforced while the text is transformed, not only checked afterwards.
 */
export class MappedText {
  readonly raw: RawText
  readonly segments: readonly Segment[]
  readonly removals: readonly RemovalRecord[]
  readonly text: string
  /** Start offset in `text` of each segment, for binary search. */
  private readonly starts: number[]

  constructor(raw: RawText, segments: readonly Segment[], removals: readonly RemovalRecord[]) {
    this.raw = raw
    this.segments = segments
    this.removals = removals
    this.starts = []
    let offset = 0
    const parts: string[] = []
    for (const s of segments) {
      this.starts.push(offset)
      offset += s.text.length
      parts.push(s.text)
    }
    this.text = parts.join('')
  }

  static fromRaw(raw: RawText): MappedText {
    const segments = raw.text.length > 0 ? [{ text: raw.text, rawStart: 0, rawEnd: raw.text.length, copy: true }] : []
    return new MappedText(raw, segments, [])
  }

  /** Index of the segment containing current offset `offset` (the last one at the end). */
  private segmentIndex(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** Raw offset of a current-text offset. Inserted and replaced text map to their raw anchor. */
  toRaw(offset: number): number {
    if (this.segments.length === 0) return 0
    if (offset >= this.text.length) {
      const last = this.segments[this.segments.length - 1]!
      return last.rawEnd
    }
    const i = this.segmentIndex(offset)
    const s = this.segments[i]!
    return s.copy ? s.rawStart + (offset - this.starts[i]!) : s.rawStart
  }

  /** Raw range covered by the current range [start, end): from the first character to after the last. */
  toRawRange(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = this.toRaw(start)
      return [at, at]
    }
    const rawStart = this.toRaw(start)
    const i = this.segmentIndex(end - 1)
    const s = this.segments[i]!
    const rawEnd = s.copy ? s.rawStart + (end - this.starts[i]!) : s.rawEnd
    return [rawStart, Math.max(rawStart, rawEnd)]
  }

  private rawIndex: number[] | undefined

  /**
   * The current range [start, end) cut into runs that are each one contiguous stretch of the raw
   * text: a run ends where the next character comes from elsewhere (text moved here, such as a
   * footnote, or text moved away from between them, such as a footnote block that cut a paragraph).
   */
  rawRuns(start: number, end: number): { start: number; end: number; rawStart: number; rawEnd: number }[] {
    const runs: { start: number; end: number; rawStart: number; rawEnd: number }[] = []
    let at = start
    for (const s of this.slice(start, end)) {
      const len = s.text.length
      const prev = runs[runs.length - 1]
      const rawEnd = s.copy ? s.rawEnd : Math.max(s.rawStart, s.rawEnd)
      if (prev && (s.rawStart < prev.rawEnd || this.anyTextFrom(prev.rawEnd, s.rawStart))) {
        runs.push({ start: at, end: at + len, rawStart: s.rawStart, rawEnd })
      } else if (prev) {
        prev.end = at + len
        prev.rawEnd = Math.max(prev.rawEnd, rawEnd)
      } else runs.push({ start: at, end: at + len, rawStart: s.rawStart, rawEnd })
      at += len
    }
    return runs
  }

  private byRaw: number[] | undefined

  /**
   * The current offset of the character at raw offset `raw`, or -1 when that raw character is not
   * in the text (removed, or only the anchor of inserted text).
   */
  toCurrent(raw: number): number {
    if (this.byRaw === undefined) {
      this.byRaw = this.segments.map((_, i) => i).filter((i) => this.segments[i]!.rawEnd > this.segments[i]!.rawStart)
      this.byRaw.sort((a, b) => this.segments[a]!.rawStart - this.segments[b]!.rawStart)
    }
    const idx = this.byRaw
    let lo = 0
    let hi = idx.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.segments[idx[mid]!]!.rawStart <= raw) lo = mid
      else hi = mid - 1
    }
    const i = idx[lo]
    if (i === undefined) return -1
    const s = this.segments[i]!
    if (raw < s.rawStart || raw >= s.rawEnd) return -1
    return s.copy ? this.starts[i]! + (raw - s.rawStart) : this.starts[i]!
  }

  /** Whether some text of the current text comes from the raw range [from, to). */
  private anyTextFrom(from: number, to: number): boolean {
    if (to <= from) return false
    if (this.rawIndex === undefined) {
      this.rawIndex = this.segments
        .filter((s) => s.rawEnd > s.rawStart)
        .map((s) => s.rawStart)
        .sort((a, b) => a - b)
    }
    const idx = this.rawIndex
    const lo = firstAtOrAfter(idx, from)
    return lo < idx.length && idx[lo]! < to
  }

  /** Segments of the current range [start, end), cut at its ends. */
  slice(start: number, end: number): Segment[] {
    const out: Segment[] = []
    if (end <= start || this.segments.length === 0) return out
    for (let i = this.segmentIndex(start); i < this.segments.length; i++) {
      const s = this.segments[i]!
      const segStart = this.starts[i]!
      const segEnd = segStart + s.text.length
      if (segStart >= end) break
      const from = Math.max(start, segStart) - segStart
      const to = Math.min(end, segEnd) - segStart
      if (to <= from) continue
      if (from === 0 && to === s.text.length) out.push(s)
      else if (s.copy) {
        out.push({ text: s.text.slice(from, to), rawStart: s.rawStart + from, rawEnd: s.rawStart + to, copy: true })
      } else {
        // Part of a replacement: the raw range stays with the first part so that it is owned once.
        out.push({ text: s.text.slice(from, to), rawStart: s.rawStart, rawEnd: from === 0 ? s.rawEnd : s.rawStart, copy: false })
      }
    }
    return out
  }

  /**
   * Applies a rewrite made by `rule`. Kept ranges must not overlap; kept and dropped ranges
   * together must cover the current text exactly once.
   */
  rewrite(rule: string, rewrite: Rewrite): MappedText {
    const n = this.text.length
    const cover = new Int8Array(n)
    const mark = (start: number, end: number, what: string) => {
      if (start < 0 || end > n || start > end) throw new ConservationError(`${rule}: ${what} range [${start}, ${end}) is outside the text`)
      for (let i = start; i < end; i++) {
        if (cover[i]) throw new ConservationError(`${rule}: offset ${i} is ${what} twice`)
        cover[i] = 1
      }
    }
    for (const p of rewrite.pieces) if ('keep' in p) mark(p.keep[0], p.keep[1], 'kept')
    for (const d of rewrite.drops) mark(d.start, d.end, 'dropped')
    const lost = cover.indexOf(0)
    if (lost !== -1) {
      throw new ConservationError(`${rule}: offset ${lost} (${JSON.stringify(this.text.slice(lost, lost + 10))}) is neither kept nor dropped`)
    }

    const segments: Segment[] = []
    const pieces = rewrite.pieces
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k]!
      if ('keep' in p) {
        for (const s of this.slice(p.keep[0], p.keep[1])) pushMerged(segments, s)
      } else if (p.insert.length > 0) {
        const [rawStart, rawEnd] = p.replaces ? this.toRawRange(p.replaces[0], p.replaces[1]) : [insertAnchor(this, pieces, k), insertAnchor(this, pieces, k)]
        segments.push({ text: p.insert, rawStart, rawEnd, copy: false })
      }
    }

    const removals = [...this.removals]
    const drops = [...rewrite.drops].sort((a, b) => a.start - b.start)
    for (const d of drops) {
      let first = true
      for (const s of this.slice(d.start, d.end)) {
        // Only raw text is logged: text a rule put in was logged, as a replacement, when it went in.
        if (!s.copy || s.rawEnd <= s.rawStart) continue
        const record: RemovalRecord = {
          rule,
          reason: d.reason,
          rawStart: s.rawStart,
          rawEnd: s.rawEnd,
          text: this.raw.text.slice(s.rawStart, s.rawEnd),
          ...(first && d.replacement !== undefined ? { replacement: d.replacement } : {})
        }
        first = false
        const prev = removals[removals.length - 1]
        if (prev && prev.rule === rule && prev.reason === record.reason && prev.rawEnd === record.rawStart && record.replacement === undefined) {
          removals[removals.length - 1] = { ...prev, rawEnd: record.rawEnd, text: prev.text + record.text }
        } else removals.push(record)
      }
    }
    return new MappedText(this.raw, segments, removals)
  }

  /** Applies in-order replacements: each edit replaces [start, end) by `text`, logging `reason`. */
  edit(rule: string, edits: readonly { start: number; end: number; text: string; reason: string }[]): MappedText {
    if (edits.length === 0) return this
    const pieces: Piece[] = []
    const drops: Drop[] = []
    let at = 0
    for (const e of [...edits].sort((a, b) => a.start - b.start)) {
      if (e.start > at) pieces.push({ keep: [at, e.start] })
      if (e.text) pieces.push({ insert: e.text, ...(e.end > e.start ? { replaces: [e.start, e.end] as const } : {}) })
      if (e.end > e.start) drops.push({ start: e.start, end: e.end, reason: e.reason, ...(e.text ? { replacement: e.text } : {}) })
      at = Math.max(at, e.end)
    }
    if (at < this.text.length) pieces.push({ keep: [at, this.text.length] })
    return this.rewrite(rule, { pieces, drops })
  }
}

function pushMerged(segments: Segment[], s: Segment): void {
  const prev = segments[segments.length - 1]
  if (prev && prev.copy && s.copy && prev.rawEnd === s.rawStart) {
    segments[segments.length - 1] = { text: prev.text + s.text, rawStart: prev.rawStart, rawEnd: s.rawEnd, copy: true }
  } else segments.push(s)
}

/** Inserted text is anchored in the raw text at the start of what follows it (or the end of what precedes). */
function insertAnchor(text: MappedText, pieces: readonly Piece[], k: number): number {
  for (let j = k + 1; j < pieces.length; j++) {
    const p = pieces[j]!
    if ('keep' in p && p.keep[1] > p.keep[0]) return text.toRaw(p.keep[0])
  }
  for (let j = k - 1; j >= 0; j--) {
    const p = pieces[j]!
    if ('keep' in p && p.keep[1] > p.keep[0]) return text.toRawRange(p.keep[0], p.keep[1])[1]
  }
  return 0
}
