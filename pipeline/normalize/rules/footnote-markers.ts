import { splitLines, type Line } from '../../core/lines.js'
import type { Drop, Piece } from '../../model/mapped-text.js'
import { anyOf } from '../../core/chars.js'
import type { FootnoteMarks, LanguageProfile } from '../../lang/profile.js'
import type { NormalizeRule } from '../rule.js'
import { FOOTNOTE_DEFINITION } from '../../model/clause.js'

/** A number set apart by a space after a word or a mark, before a space or the line's end: group 1. */
const SPACED_DIGITS = /(?<=[\p{L},;:)”’]) (\d{1,3})(?= |$)/gmu
/**
 * A year with digits glued after it (group 2), as a web edition sets a footnote's superscript
 * after a date: "Resolution of 17 May 19461" is 17 May 1946 and footnote 1. Group 1 the year.
 */
const YEAR_AND_DIGITS = /(?<![\d\p{L}])(\d{4})(\d{1,3})(?!\d)/gu
/** A label in square brackets, as Wikisource sets its references: "Commission, [1] dated". */
const BRACKET_MARKER = /\[(\d{1,3})\]/g

/** The patterns of a language's footnote marks, made once for each profile. */
interface Patterns {
  /**
   * A footnote set as a line of its own with no rule above it, as web editions and older
   * conversions set them: "12 参阅……", "1/ 见……", "(注)大会……", Wikisource's "[1] Official Records…".
   * Groups: the label `number` and its `slash`; the language's `note` word; a label in square brackets, `bracketed`.
   */
  readonly definition: RegExp
  /** The note word in brackets, "(注)", where the language has one. */
  readonly noteMarker?: RegExp
  /**
   * A run of digits glued to a Han character, a small Latin letter ("Secretary-General1") or a mark
   * of the language (group 1), and a "/" after it (2); or a label with its "/" after a space or a word, as older English texts set it: "first
   * 1/ and", "reports2/" (3, 4).
   */
  readonly gluedDigits: RegExp
}

const patternsOf = new WeakMap<FootnoteMarks, Patterns>()

function patterns(marks: FootnoteMarks): Patterns {
  const made = patternsOf.get(marks)
  if (made) return made
  const blank = '[ \\t\\u3000]*(?=\\S)'
  const note = marks.noteWord?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const p: Patterns = {
    definition: new RegExp(`^(?:(?<number>\\d{1,3})(?<slash>\\/)?${blank}|${note === undefined ? '' : `[(（](?<note>${note})[)）]${blank}|`}\\[(?<bracketed>\\d{1,3})\\]${blank})`, 'u'),
    ...(note === undefined ? {} : { noteMarker: new RegExp(`[(（]${note}[)）]`, 'gu') }),
    gluedDigits: new RegExp(`(?<=[\\p{Script=Han}a-z]|${anyOf(marks.gluedAfter).source})(\\d{1,6})(\\/)?|(?<=[\\s\\p{L}])(\\d{1,3})(\\/)(?![\\d\\p{L}])`, 'gu')
  }
  patternsOf.set(marks, p)
  return p
}

interface Definition {
  readonly line: Line
  readonly label: string
  readonly labelStart: number
  readonly labelEnd: number
  /** Where its text starts, after the label's signs and space. */
  readonly textStart: number
  /** Already written as a footnote ("[^1]: …"). */
  readonly set?: boolean
}

/** A marker: its extent with its signs ("(注)", "1/"), and its label's. */
interface Marker {
  readonly start: number
  readonly end: number
  readonly labelStart: number
  readonly label: string
}

export const footnoteMarkers: NormalizeRule = {
  id: 'footnote-markers',
  doc: 'Reads footnotes set without a rule: a number glued to a word ("会议12", "报告，1", "Secretary-General1", "报告1/") or to the year of a date ("17 May 19461"), a number with its "/" after a space ("first 1/ and"), "[1]" or "(注)" is a reference when a line further on starts with it and gives its text, or is a footnote footnote-blocks has set ("[^12]: …"); both are written as footnotes ("[^12]", "[^12]: …").',
  apply(text, lang) {
    const src = text.text
    const lines = splitLines(src)
    const marks = patterns(lang.footnoteMarks)
    const definitions = candidateDefinitions(src, lines, lang, marks)
    if (definitions.length === 0) return { text }
    const markers = findMarkers(src, definitions, lang, marks)
    const referenced = new Set(markers.map((m) => m.label))
    const confirmed = definitions.filter((d) => referenced.has(d.label))
    if (confirmed.length === 0) return { text }

    const pieces: Piece[] = []
    const drops: Drop[] = []
    let at = 0
    const edits = [
      ...markers.filter((m) => confirmed.some((d) => d.label === m.label)).map((m) => ({ at: m.start, kind: 'marker' as const, m })),
      ...confirmed.filter((d) => !d.set).map((d) => ({ at: d.line.contentStart, kind: 'definition' as const, d }))
    ].sort((a, b) => a.at - b.at)
    for (const e of edits) {
      const [start, labelStart, labelEnd, end] =
        e.kind === 'marker' ? [e.m.start, e.m.labelStart, e.m.labelStart + e.m.label.length, e.m.end] : [e.d.line.contentStart, e.d.labelStart, e.d.labelEnd, e.d.textStart]
      pieces.push({ keep: [at, start] })
      const what = e.kind === 'marker' ? 'footnote marker' : 'footnote label'
      const lead = src[start] === ' ' ? 'space before a footnote marker set apart from its word' : `${what}'s bracket`
      if (labelStart > start) drops.push({ start, end: labelStart, reason: `${lead}, written as a footnote${e.kind === 'marker' ? ' reference' : ''}` })
      pieces.push({ insert: '[^' }, { keep: [labelStart, labelEnd] }, { insert: e.kind === 'marker' ? ']' : ']: ' })
      if (end > labelEnd) drops.push({ start: labelEnd, end, reason: `${what}'s sign${e.kind === 'marker' ? '' : ' and space'}, written as a footnote${e.kind === 'marker' ? ' reference' : ''}` })
      at = end
    }
    if (at < src.length) pieces.push({ keep: [at, src.length] })
    return { text: text.rewrite(this.id, { pieces, drops: drops.sort((a, b) => a.start - b.start) }) }
  }
}

function candidateDefinitions(src: string, lines: readonly Line[], lang: LanguageProfile, marks: Patterns): Definition[] {
  const out: Definition[] = []
  for (const line of lines) {
    const content = src.slice(line.contentStart, line.contentEnd)
    const set = FOOTNOTE_DEFINITION.exec(content)
    if (set) {
      // A footnote footnote-blocks has set already: its markers are still to be read, unless one is written.
      if (isReferenced(src, set[1]!)) continue
      const labelStart = line.contentStart + 2
      out.push({ line, label: set[1]!, labelStart, labelEnd: labelStart + set[1]!.length, textStart: line.contentStart + set[0].length, set: true })
      continue
    }
    // A line that opens with a title's or a paragraph's number ("6 (1946). Resolution of 17 May 19461") is no note.
    if (lang.blockNumber.test(content)) continue
    const m = marks.definition.exec(content)
    const { number, slash, note, bracketed } = m?.groups ?? {}
    // A number and a space, a number and "/", or "(注)": a bare number glued to its text is not one.
    if (!m || (number !== undefined && slash === undefined && !/^\d+[ \t\u3000]/.test(content))) continue
    const label = number ?? note ?? bracketed!
    const labelStart = line.contentStart + (number !== undefined ? 0 : 1)
    out.push({ line, label, labelStart, labelEnd: labelStart + label.length, textStart: line.contentStart + m[0].length })
  }
  return out
}

/** Whether a footnote's reference ("[^1]", not its definition "[^1]:") is written in the text. */
function isReferenced(src: string, label: string): boolean {
  const ref = `[^${label}]`
  for (let at = src.indexOf(ref); at !== -1; at = src.indexOf(ref, at + 1)) if (src[at + ref.length] !== ':') return true
  return false
}

/**
 * The references to the definitions: for each, its first marker before it and after the marker of
 * the one before, glued to a word and not a count ("12年", "第12"). A run of digits may hold several
 * ("第一2325两月" is 23 and 25).
 */
function findMarkers(src: string, definitions: readonly Definition[], lang: LanguageProfile, marks: Patterns): Marker[] {
  const labels = new Map(definitions.map((d) => [d.label, d]))
  const inDefinition = (i: number) => definitions.some((d) => i >= d.line.start && i < d.line.end)
  const found: Marker[] = []
  const used = new Set<string>()
  /** The markers of a run of labels written from `start` on, the last with its sign ("/") when it has one. */
  const markRun = (split: readonly string[], start: number, sign: number) => {
    let at = start
    split.forEach((label, n) => {
      found.push({ start: at, end: at + label.length + (n === split.length - 1 ? sign : 0), labelStart: at, label })
      used.add(label)
      at += label.length
    })
  }
  for (const m of src.matchAll(marks.gluedDigits)) {
    if (inDefinition(m.index)) continue
    const after = src.slice(m.index + m[0].length)
    if (lang.countWords.after.test(after) || countedAfter(src, m.index, lang)) continue
    const split = splitLabels(m[1] ?? m[3]!, labels, used, m.index)
    if (!split) continue
    markRun(split, m.index, (m[2] ?? m[4]) ? 1 : 0)
  }
  for (const m of src.matchAll(YEAR_AND_DIGITS)) {
    const yearEnd = m.index + 4
    // What comes before the year on its line, as far as a date reaches.
    const before = src.slice(Math.max(0, yearEnd - DATE_REACH), yearEnd)
    if (inDefinition(m.index) || !endsDate(before.slice(before.lastIndexOf('\n') + 1), lang)) continue
    const split = splitLabels(m[2]!, labels, used, m.index)
    if (!split) continue
    markRun(split, yearEnd, 0)
  }
  // The marker of a footnote set after the text that the extraction set apart from its word, a superscript read with a
  // space before it ("Conference 1 to", "organizations, 3"): the first such number after the marker of the note before it.
  let from = 0
  for (const d of definitions.filter((x) => x.set && /^\d+$/.test(x.label)).sort((a, b) => Number(a.label) - Number(b.label))) {
    // Before its marker glued to a word, if it has one (a note referred to twice, the first time set apart).
    const glued = found.find((f) => f.label === d.label)
    let spaced = false
    for (const m of src.slice(from, glued?.start ?? d.line.start).matchAll(SPACED_DIGITS)) {
      const at = from + m.index + 1
      if (m[1] !== d.label || inDefinition(at) || lang.countWords.after.test(src.slice(at + d.label.length)) || countedAfter(src, at - 1, lang)) continue
      found.push({ start: at - 1, end: at + d.label.length, labelStart: at, label: d.label })
      used.add(d.label)
      from = at + d.label.length
      spaced = true
      break
    }
    // The next note's first marker comes after this one's first: after its glued marker only where that is its first.
    if (glued && !spaced) from = Math.max(from, glued.end)
  }
  for (const m of src.matchAll(BRACKET_MARKER)) {
    const d = labels.get(m[1]!)
    if (!d || used.has(m[1]!) || inDefinition(m.index) || m.index > d.line.start) continue
    found.push({ start: m.index, end: m.index + m[0].length, labelStart: m.index + 1, label: m[1]! })
    used.add(m[1]!)
  }
  const note = lang.footnoteMarks.noteWord
  if (marks.noteMarker && note !== undefined) {
    for (const m of src.matchAll(marks.noteMarker)) {
      const d = labels.get(note)
      if (!d || used.has(note) || inDefinition(m.index) || m.index > d.line.start) continue
      found.push({ start: m.index, end: m.index + m[0].length, labelStart: m.index + 1, label: note })
      used.add(note)
    }
  }
  return found
}

/**
 * How far before a number the word that makes it a count ("第", "paragraphs") can start: what is
 * looked at for one. The language's pattern is anchored at its end, which a regular expression
 * tries from every place of the text before; given the whole text before each number, a megabyte
 * paragraph of numbers was read once per number.
 */
const COUNT_WORD_REACH = 32

/** Whether the text before `at` ends in a word that makes the number there a count ("第12", "paragraph 3"). */
function countedAfter(src: string, at: number, lang: LanguageProfile): boolean {
  return lang.countWords.before.test(src.slice(Math.max(0, at - COUNT_WORD_REACH), at))
}

/**
 * How far before a year a date that ends with it can start ("17 September 1946", "二〇一三年十二月十七日"
 * is written with its year first): what is looked at for one. The whole line before the year was,
 * which in a paragraph of a megabyte of numbers like "45/12345" read the paragraph again for each
 * (37 s for a megabyte, 280 s for two).
 */
const DATE_REACH = 64

/** Whether a date the language writes ends the text (a year is its last digits, not a longer number's first). */
function endsDate(text: string, lang: LanguageProfile): boolean {
  return lang.dates(text).some((d) => d.index + d.length === text.length)
}

/** A run of digits as labels of footnotes defined after it and not yet referenced, or null. */
function splitLabels(run: string, labels: ReadonlyMap<string, Definition>, used: ReadonlySet<string>, at: number): string[] | null {
  if (run === '') return []
  for (let k = Math.min(3, run.length); k >= 1; k--) {
    const label = run.slice(0, k)
    const d = labels.get(label)
    if (!d || used.has(label) || d.line.start < at) continue
    const rest = splitLabels(run.slice(k), labels, new Set([...used, label]), at)
    if (rest) return [label, ...rest]
  }
  return null
}
