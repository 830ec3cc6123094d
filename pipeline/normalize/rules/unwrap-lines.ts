import { visualWidth } from '../../core/chars.js'
import { splitLines, isBlankLine, type Line } from '../../core/lines.js'
import type { Drop, Piece } from '../../model/mapped-text.js'
import { endsClause, firstWordWidth, FOOTNOTE_DEFINITION } from '../../model/clause.js'
import { joiner } from '../../model/join.js'
import type { NormalizeRule } from '../rule.js'
import type { LanguageProfile } from '../../lang/profile.js'

interface TextLine {
  readonly line: Line
  readonly content: string
  /** Visual width of the line as set, its indent included. */
  readonly width: number
  /** Visual width of the indent. */
  readonly indent: number
  readonly indented: boolean
  /** Blank lines between this line and the one before. */
  readonly blanksBefore: number
  readonly definition: boolean
}

/** Lines at least this wide (in half-em units) can tell the measure of a hard-wrapped text. */
const MIN_MEASURE = 40
/** A line this close to the measure was ended by the wrap, not by its author. */
const FULL = 0.85
/** An unfinished line this close to the measure was ended by the wrap, not by its author, even if short of full. */
const LONG_UNFINISHED = 0.6
/** In a hard-wrapped text at least this share of the lines end unfinished (short texts of short clauses have few). */
const UNFINISHED_SHARE = 0.1

export const unwrapLines: NormalizeRule = {
  id: 'unwrap-lines',
  doc: 'Rebuilds paragraphs from hard-wrapped lines: a full line runs on; an indent, a paragraph number, a short line, a vertical gap or the line under a statement’s title starts a new block, except an indent after an unfinished full line (a page break) and the line under a paragraph number set alone.',
  apply(text, lang) {
    const src = text.text
    const wide = lang.typesetting.widePunctuation
    const lines = textLines(src, wide)
    const measure = measureOf(lines, lang)
    // Indents mark paragraphs where more than one line has one: a single indented line (a web page's stray space) is no layout.
    const indentLayout = lines.filter((l) => l.indented).length > 1
    const blocks: TextLine[][] = []
    let prev: TextLine | undefined
    for (const tl of lines) {
      if (prev === undefined || startsBlock(prev, tl, measure, indentLayout, lang)) blocks.push([tl])
      else blocks[blocks.length - 1]!.push(tl)
      prev = tl
    }

    const pieces: Piece[] = []
    const drops: Drop[] = []
    let at = 0
    const dropTo = (end: number, reason: string) => {
      if (end > at) drops.push({ start: at, end, reason })
      at = Math.max(at, end)
    }
    blocks.forEach((block, b) => {
      if (b > 0) pieces.push({ insert: '\n\n' })
      block.forEach((tl, n) => {
        if (n === 0) dropTo(tl.line.contentStart, b === 0 ? 'white space before the text' : tl.indented ? 'line break and paragraph indent' : 'line break between blocks')
        else {
          const before = block[n - 1]!.content
          const join = joiner(before, tl.content, wide)
          if (join) pieces.push({ insert: join })
          const reason = tl.indented ? 'line break and indent of a line continued after a page break' : 'hard line wrap'
          if (tl.line.contentStart > at) drops.push({ start: at, end: tl.line.contentStart, reason, ...(join ? { replacement: join } : {}) })
          at = tl.line.contentStart
        }
        pieces.push({ keep: [tl.line.contentStart, tl.line.contentEnd] })
        at = tl.line.contentEnd
      })
    })
    dropTo(src.length, 'white space after the text')
    const out = text.rewrite(this.id, { pieces, drops })
    return { text: out.text === text.text ? text : out }
  }
}

/**
 * The text lines, each marked indented when it is indented beyond the text's margin: the indent
 * most lines have (none in most extractions, one space in some, where a paragraph's first line
 * then has more).
 */
function textLines(src: string, widePunctuation: string): TextLine[] {
  const found: { line: Line; indent: number; blanksBefore: number }[] = []
  const counts = new Map<number, number>()
  let blanks = 0
  for (const line of splitLines(src)) {
    if (isBlankLine(line)) {
      blanks++
      continue
    }
    const indent = visualWidth(src.slice(line.start, line.contentStart), widePunctuation)
    counts.set(indent, (counts.get(indent) ?? 0) + 1)
    found.push({ line, indent, blanksBefore: blanks })
    blanks = 0
  }
  let margin = 0
  let most = 0
  for (const [indent, n] of counts) if (n > most || (n === most && indent < margin)) [margin, most] = [indent, n]
  return found.map(({ line, indent, blanksBefore }) => {
    const content = src.slice(line.contentStart, line.contentEnd)
    return {
      line,
      content,
      width: visualWidth(src.slice(line.start, line.contentEnd), widePunctuation),
      indent,
      indented: indent > margin,
      blanksBefore,
      definition: FOOTNOTE_DEFINITION.test(content)
    }
  })
}

/**
 * The measure of a hard-wrapped text: the width its wrapped lines fill. Wrapped lines end
 * unfinished and cluster tightly at one width, and in a wrapped text they are a good share of all
 * lines (most paragraphs run over several). A text without such a cluster (one paragraph per
 * line, as on the web or in undoc's own canonical text, where only some headings end unfinished)
 * has no measure, and no line of it runs on.
 */
function measureOf(lines: readonly TextLine[], lang: LanguageProfile): number | null {
  const body = lines.filter((l) => !l.definition)
  // A line the grammar reads whole (a title, a header, a meeting line) ends unfinished where its author ended it, not the wrap.
  const widths = body.filter((l) => l.width >= MIN_MEASURE && !endsClause(l.content, lang.clauseMarks) && !readWhole(l.content, lang) && !isStatementTitle(l.content, lang)).map((l) => l.width)
  if (widths.length < 3 || widths.length < body.length * UNFINISHED_SHARE) return null
  widths.sort((a, b) => a - b)
  const measure = widths[Math.floor((widths.length - 1) * 0.9)]!
  const cluster = widths.filter((w) => w >= measure * FULL && w <= measure * 1.1).length
  return cluster >= Math.max(3, widths.length * 0.6) ? measure : null
}

/**
 * A paragraph or title number alone on its line ("1.", "52/7.", "(a)"), as a PDF extraction sets a
 * hanging number apart from its text: it runs on into the line under it. A part's letter ("B")
 * over its formula stands alone by right.
 */
function isLoneNumber(line: string, lang: LanguageProfile): boolean {
  const m = lang.blockNumber.exec(`${line} `)
  return m !== null && m[0].trimEnd() === line.trimEnd() && !lang.grammar.partHeading.test(line)
}

/** A line the grammar reads whole, which no line above runs on into: a formula, a header, a session, a meeting, a date. */
function readWhole(line: string, lang: LanguageProfile): boolean {
  const g = lang.grammar
  return g.formula.some((f) => f.pattern.test(line)) || [g.resolutionHeader, g.basis, g.session, g.agendaItem, g.meeting, g.dateLine].some((p) => p.test(line))
}

/** A statement's title, which the grammar reads whole and no line under it continues, however near the measure it comes. */
function isStatementTitle(line: string, lang: LanguageProfile): boolean {
  const g = lang.grammar
  return g.statementTitle.test(line) || g.presidentialStatement.title.test(line)
}

function startsBlock(prev: TextLine, next: TextLine, measure: number | null, indentLayout: boolean, lang: LanguageProfile): boolean {
  if (next.definition || prev.definition || isStatementTitle(prev.content, lang)) return true
  if (next.blanksBefore >= 2) return true
  if (isLoneNumber(prev.content, lang) && !isLoneNumber(next.content, lang)) return false
  if (lang.blockNumber.test(next.content) || isLoneNumber(next.content, lang)) return true
  if (lang.clauseOpening?.test(next.content) && endsClause(prev.content, lang.clauseMarks)) return true
  if (lang.runsOn?.(prev.content, next.content)) return false
  // A paragraph's first line is set narrower by its indent or hanging number, and a justified line of a proportional
  // face holds fewer characters where its spaces are wide: a long line that ends no clause runs on, unless into a
  // line the grammar reads whole.
  if (measure !== null && prev.width >= measure * LONG_UNFINISHED && !endsClause(prev.content, lang.clauseMarks) && !readWhole(next.content, lang)) return false
  // Too few wrapped lines to measure (a short text): where indents mark paragraphs, a line under a
  // long unfinished one and indented no further than it can only be its continuation (a first line
  // is indented beyond the lines that follow it). So is a line set further left than a long
  // unfinished one (its text alone that long): a web edition that indents every paragraph breaks one
  // at its left edge ("  回顾……联盟" over "缔结合作协定，……"). (undoc's canonical
  // text has no indents, so this never joins its blocks.)
  if (measure === null) {
    if (endsClause(prev.content, lang.clauseMarks)) return true
    const under = indentLayout && next.indent <= prev.indent && prev.width >= MIN_MEASURE
    const outdented = next.indent < prev.indent && prev.width - prev.indent >= MIN_MEASURE && !readWhole(next.content, lang)
    return !(under || outdented)
  }
  const full = prev.width >= measure * FULL || prev.width + 1 + firstWordWidth(next.content, lang.typesetting.widePunctuation) > measure
  if (!full) return true
  // An indented line after a full, unfinished line is the first line of a new page.
  if (next.indented) return endsClause(prev.content, lang.clauseMarks)
  return false
}
