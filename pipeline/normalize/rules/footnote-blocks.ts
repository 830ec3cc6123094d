import { splitLines, isBlankLine, type Line } from '../../core/lines.js'
import type { Drop, Piece } from '../../model/mapped-text.js'
import { endsClause, FOOTNOTE_RULE } from '../../model/clause.js'
import { joiner } from '../../model/join.js'
import type { RawMessage } from '../../core/diagnostic.js'
import type { NormalizeRule } from '../rule.js'
import type { ClauseMarks } from '../../lang/profile.js'

/**
 * A footnote's number. Long reports number their footnotes past 999; a number of four digits
 * stands for a footnote only where it follows the one before (1000 after 999), since a year or a
 * page number alone on a line looks the same.
 */
const LONE_NUMBER = /^(\d{1,4})$/
const INLINE_NUMBER = /^(\d{1,4})[\s\u3000]+\S/

/**
 * Whether line `i` starts a block of footnotes set with no rule above it, as PDF extractions of the
 * 1990s give them at the foot of a page: the next footnote's number alone on its line after a blank
 * line, with text under it, and that number glued to a word or a mark in the text above, since its
 * last block ("Secretary-General1", "Group,2", "”,1"), as the marker of that footnote.
 */
function startsRulelessBlock(src: string, lines: readonly Line[], i: number, lastLabel: number, since: number): boolean {
  const line = lines[i]!
  const label = src.slice(line.contentStart, line.contentEnd)
  if (!LONE_NUMBER.test(label) || Number(label) !== lastLabel + 1 || i === 0 || !isBlankLine(lines[i - 1]!)) return false
  return new RegExp(`[\\p{L}\\p{P}]${label}(?!\\d)`, 'u').test(src.slice(since, line.start))
}

/**
 * The footnote numbers alone on their lines from line `k` on, in sequence, and as many lines of
 * text after them, one a note: a number out of sequence among them is a page number. Null when
 * the texts are not there.
 */
function numberColumn(src: string, lines: readonly Line[], k: number): { labels: Line[]; texts: Line[]; pageNumbers: [number, number][] } | null {
  const content = (l: Line) => src.slice(l.contentStart, l.contentEnd)
  const labels = [lines[k]!]
  const pageNumbers: [number, number][] = []
  let q = k + 1
  for (; q < lines.length; q++) {
    const line = lines[q]!
    if (isBlankLine(line)) continue
    if (!LONE_NUMBER.test(content(line))) break
    if (Number(content(line)) === Number(content(labels[labels.length - 1]!)) + 1) labels.push(line)
    else pageNumbers.push([line.contentStart, line.contentEnd])
  }
  const texts: Line[] = []
  for (; q < lines.length && texts.length < labels.length; q++) {
    const line = lines[q]!
    if (isBlankLine(line)) continue
    if (LONE_NUMBER.test(content(line)) || FOOTNOTE_RULE.test(content(line))) return null
    texts.push(line)
  }
  return texts.length === labels.length ? { labels, texts, pageNumbers } : null
}

interface Note {
  label: string
  labelRange: [number, number]
  /** Content ranges of the note's text, one per line. */
  parts: [number, number][]
}

/**
 * A note's number that an extraction set alone under the block, out of its place ("3 / See A/ES-10/273 and
 * Corr.1. / See A/43/928, annex. / 5 / A/56/1026-S/2002/932, annex II. / 4"): a number the block skips, between two
 * of its notes, is the note whose text the note before it holds from its second sentence on, a line under one that
 * ended a clause. Put in its place when that note has such a line; false, leaving the number, when not.
 */
function placeStray(src: string, notes: Note[], label: string, labelRange: [number, number], marks: ClauseMarks): boolean {
  const n = Number(label)
  const before = notes.findIndex((x) => Number(x.label) === n - 1)
  if (before === -1 || !notes.some((x) => Number(x.label) > n) || notes.some((x) => x.label === label)) return false
  const parts = notes[before]!.parts
  const cut = parts.findIndex((_, p) => p > 0 && endsClause(src.slice(parts[p - 1]![0], parts[p - 1]![1]), marks))
  if (cut === -1) return false
  notes.splice(before + 1, 0, { label, labelRange, parts: parts.splice(cut) })
  return true
}

export const footnoteBlocks: NormalizeRule = {
  id: 'footnote-blocks',
  doc: 'Lifts the footnotes under a "_______________" rule, or set with no rule at the foot of a page as numbers alone over their text that the text above refers to, out of the running text (which is thereby joined again) and sets them as "[^n]: text" after it.',
  apply(text, lang) {
    const src = text.text
    const lines = splitLines(src)
    const content = (l: Line) => src.slice(l.contentStart, l.contentEnd)
    const messages: RawMessage[] = []
    const blocks: { start: number; end: number; notes: Note[]; ruleLine: Line | null; pageNumbers: [number, number][] }[] = []
    let lastLabel = 0

    let blockEnd = 0
    for (let i = 0; i < lines.length; i++) {
      const ruleLine = lines[i]!
      const ruled = FOOTNOTE_RULE.test(content(ruleLine))
      if (!ruled && !startsRulelessBlock(src, lines, i, lastLabel, blockEnd)) continue
      const notes: Note[] = []
      const pageNumbers: [number, number][] = []
      let last = i
      // A block with no rule starts at its first number.
      let j = ruled ? i + 1 : i
      for (;;) {
        let k = j
        while (k < lines.length && isBlankLine(lines[k]!)) k++
        if (k >= lines.length) break
        const line = lines[k]!
        const c = content(line)
        const lone = LONE_NUMBER.exec(c)
        const inline = INLINE_NUMBER.exec(c)
        const follows = (label: string) => Number(label) === (notes.length > 0 ? Number(notes[notes.length - 1]!.label) : lastLabel) + 1
        // Notes number on through the text: a number below one already read is a page number.
        const fresh = (label: string) => Number(label) > Math.max(lastLabel, ...notes.map((n) => Number(n.label)))
        const column = lone && fresh(lone[1]!) && (ruled ? lone[1]!.length < 4 || follows(lone[1]!) : follows(lone[1]!)) ? numberColumn(src, lines, k) : null
        if (column) {
          // Footnote numbers alone on their lines, each note's text under them in the same order: under its number, or,
          // as an extraction sets the two columns of a page's foot one after the other, under the numbers that follow it.
          column.labels.forEach((label, n) =>
            notes.push({ label: content(label), labelRange: [label.contentStart, label.contentEnd], parts: [[column.texts[n]!.contentStart, column.texts[n]!.contentEnd]] })
          )
          pageNumbers.push(...column.pageNumbers)
          last = lines.indexOf(column.texts[column.texts.length - 1]!)
        } else if (inline && follows(inline[1]!)) {
          const textStart = line.contentStart + inline[0].length - 1
          notes.push({ label: inline[1]!, labelRange: [line.contentStart, line.contentStart + inline[1]!.length], parts: [[textStart, line.contentEnd]] })
          last = k
        } else if (notes.length > 0 && line.contentStart === line.start && !FOOTNOTE_RULE.test(c) && !lone) {
          // An unindented line under an unfinished note continues it (a note wrapped over lines), and so does one
          // right under it with no blank line between, as PDF extractions set a note's lines.
          const note = notes[notes.length - 1]!
          const lastPart = note.parts[note.parts.length - 1]!
          if (endsClause(src.slice(lastPart[0], lastPart[1]), lang.clauseMarks) && k !== last + 1) break
          note.parts.push([line.contentStart, line.contentEnd])
          last = k
        } else if (lone && placeStray(src, notes, lone[1]!, [line.contentStart, line.contentEnd], lang.clauseMarks)) last = k
        else break
        j = last + 1
      }
      if (notes.length === 0 && ruled) {
        messages.push({
          ruleId: 'footnote-blocks',
          severity: 'warning',
          reason: 'A footnote rule with no footnote under it: expected a footnote number and its text.',
          rawStart: text.toRaw(ruleLine.contentStart),
          rawEnd: text.toRaw(ruleLine.contentEnd)
        })
        blocks.push({ start: ruleLine.start, end: ruleLine.breakEnd, notes, ruleLine, pageNumbers })
        continue
      }
      if (notes.length === 0) continue
      lastLabel = Number(notes[notes.length - 1]!.label)
      // The blank lines after the block go with it, so that the text it cut is set apart by one blank line only.
      let end = last
      while (end + 1 < lines.length && isBlankLine(lines[end + 1]!)) end++
      blocks.push({ start: ruleLine.start, end: lines[end]!.breakEnd, notes, ruleLine: ruled ? ruleLine : null, pageNumbers })
      i = end
      blockEnd = lines[end]!.breakEnd
    }
    if (blocks.length === 0) return { text }

    const pieces: Piece[] = []
    const drops: Drop[] = []
    const moved: Piece[] = []
    let at = 0
    for (const b of blocks) {
      if (b.start > at) pieces.push({ keep: [at, b.start] })
      if (b.ruleLine) drops.push({ start: b.ruleLine.start, end: b.ruleLine.breakEnd, reason: b.notes.length ? 'footnote separator rule' : 'footnote separator rule with no footnotes' })
      let cursor = b.ruleLine?.breakEnd ?? b.start
      for (const note of b.notes) {
        moved.push({ insert: '\n\n[^' }, { keep: note.labelRange }, { insert: ']: ' })
        note.parts.forEach((part, n) => {
          if (n > 0) moved.push({ insert: joiner(src.slice(note.parts[n - 1]![0], note.parts[n - 1]![1]), src.slice(part[0], part[1]), lang.typesetting.widePunctuation) })
          moved.push({ keep: part })
        })
      }
      // What the block keeps, in the order of the text (a column's numbers come before their texts), and its page numbers.
      const held = [
        ...b.notes.flatMap((note) => [note.labelRange, ...note.parts].map((range) => ({ range, reason: null }))),
        ...b.pageNumbers.map((range) => ({ range, reason: 'page furniture: page number' }))
      ]
      for (const { range, reason } of held.sort((x, y) => x.range[0] - y.range[0])) {
        const [s, e] = range
        if (s > cursor) drops.push({ start: cursor, end: s, reason: 'line break and white space around a footnote, which is moved after the text' })
        if (reason) drops.push({ start: s, end: e, reason })
        cursor = Math.max(cursor, e)
      }
      if (b.end > cursor) drops.push({ start: cursor, end: b.end, reason: 'line break and white space around a footnote, which is moved after the text' })
      at = b.end
    }
    if (at < src.length) pieces.push({ keep: [at, src.length] })
    return { text: text.rewrite(this.id, { pieces: [...pieces, ...moved], drops }), messages }
  }
}
