import type { MappedText } from './mapped-text.js'
import type { Inline, Position, Text } from '../types/document.js'
import { FOOTNOTE_DEFINITION } from './clause.js'

/** One block of the canonical text (a line between blank lines), by its canonical offsets. */
export interface Block {
  readonly start: number
  readonly end: number
  readonly text: string
}

/** The blocks of a canonical text: main blocks in order, then footnote definitions. */
export function splitBlocks(text: MappedText): { main: Block[]; footnotes: Block[] } {
  const main: Block[] = []
  const footnotes: Block[] = []
  const src = text.text
  let start = 0
  while (start <= src.length) {
    let end = src.indexOf('\n\n', start)
    if (end === -1) end = src.length
    const t = src.slice(start, end)
    if (t.trim() !== '') (FOOTNOTE_DEFINITION.test(t) ? footnotes : main).push({ start, end, text: t })
    start = end + 2
  }
  return { main, footnotes }
}

/** Builds positions in the raw text from canonical offsets. */
export class Positions {
  constructor(private readonly text: MappedText) {}

  of(start: number, end: number): Position {
    const [rs, re] = this.text.toRawRange(start, end)
    return this.text.raw.position(rs, re)
  }

  /** Text nodes for the canonical range, one per contiguous stretch of the raw text. */
  texts(start: number, end: number): Text[] {
    const out: Text[] = []
    for (const run of this.text.rawRuns(start, end)) {
      const value = this.text.text.slice(run.start, run.end)
      if (value === '') continue
      out.push({ type: 'text', value, position: this.text.raw.position(run.rawStart, Math.max(run.rawStart, run.rawEnd)) })
    }
    return out
  }

  /** Inline content of a canonical range: text, and footnote references written "[^n]". */
  inlines(start: number, end: number): Inline[] {
    const out: Inline[] = []
    const src = this.text.text.slice(start, end)
    let at = 0
    for (const m of src.matchAll(/\[\^([^\]\s]+)\]/g)) {
      out.push(...this.texts(start + at, start + m.index))
      const label = m[1]!
      out.push({ type: 'footnoteReference', identifier: label, label, position: this.of(start + m.index + 2, start + m.index + 2 + label.length) })
      at = m.index + m[0].length
    }
    out.push(...this.texts(start + at, end))
    return out
  }
}
