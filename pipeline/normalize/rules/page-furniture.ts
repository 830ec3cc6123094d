import { splitLines, isBlankLine, type Line } from '../../core/lines.js'
import { isUnSymbol, splitJointSymbol } from '../../model/un-symbol.js'
import type { Drop, Piece } from '../../model/mapped-text.js'
import type { LiftedMeta } from '../../model/normalized-text.js'
import type { NormalizeRule } from '../rule.js'
import { endsClause, FOOTNOTE_RULE } from '../../model/clause.js'

// Furniture every UN PDF carries, whatever the language: job numbers ("12-48653 (C)" with its
// dates, "*1248653*"), page numbers written "2/5" or "- 3 -", and a running header that is the
// document symbol (alone, or with the page number).
// Some extractions lose the job number's hyphen ("00 35654"), or glue a rule of hyphens before it
// ("----98-00784 (E)", the 1990s); a page that goes on overleaf ends "/...".
const JOB_NUMBER = /^(?:-{2,})?(\d{2}-\d{4,6}|\d{2} \d{5})\s?(?:\(([A-Z])\))?(?:\s+\d{6}){0,2}$/
const CONTINUED = /^\/\s?(?:\.{3}|…)$/
/** A job number has seven digits at least, and its barcode as many. */
const BARCODE_DIGITS = 7
const BARCODE = new RegExp(`^\\*\\d{${BARCODE_DIGITS},}\\*$`)
/**
 * What an extraction sets on a line of its own under a job number: its date ("171202", day, month and
 * year), or its barcode read in another font ("`````````").
 */
const BESIDE_JOB_NUMBER = /^(?:\d{6}|`{3,})$/
const JOB_NUMBER_REASON = 'page furniture: job number'
const PAGE_OF = /^(?:\d{1,4}\s?\/\s?\d{1,4}|[-–—]\s?\d{1,4}\s?[-–—])$/
/** The issue date in the UN masthead, written in English in every language version ("19 January 2012"). */
const MASTHEAD_DATE = /^(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})$/
const ENGLISH_DATE = new RegExp(MASTHEAD_DATE.source.slice(1, -1))
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
/** The longest line that can be a masthead line merged from two columns. */
const MASTHEAD_LINE = 120
/** How far below a footnote rule a symbol under a number is still read as a footnote text. */
const FOOTNOTE_BLOCK_LINES = 40
const SYMBOL_WITH_PAGE = /^(\S+)\s+\d{1,4}\s?\/\s?\d{1,4}$|^\d{1,4}\s?\/\s?\d{1,4}\s+(\S+)$/

export const pageFurniture: NormalizeRule = {
  id: 'page-furniture',
  doc: 'Removes page furniture (masthead, running headers and running titles, page and job numbers, recycling notes) and the blank lines under it into the log, lifting the symbol, issue date, distribution, original language and job number into the metadata.',
  apply(text, lang) {
    const src = text.text
    const lines = splitLines(src)
    const lifted: LiftedMeta = {}
    /** The furniture lines, by index, with why each is furniture. */
    const dropped = new Map<number, string>()
    let inHead = true
    let lastRule = -Infinity
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      if (isBlankLine(line)) continue
      const content = src.slice(line.contentStart, line.contentEnd)
      if (FOOTNOTE_RULE.test(content)) lastRule = i
      const barcodeEnd = verticalBarcodeEnd(src, lines, i)
      if (barcodeEnd !== -1) {
        for (let k = i; k <= barcodeEnd; k++) dropped.set(k, `${JOB_NUMBER_REASON} (its barcode, read a character a line)`)
        i = barcodeEnd
        continue
      }
      if (BESIDE_JOB_NUMBER.test(content) && dropped.get(nextFilled(lines, i, -1))?.startsWith(JOB_NUMBER_REASON)) {
        dropped.set(i, `${JOB_NUMBER_REASON} (its date, or its barcode misread, on a line of its own)`)
        continue
      }
      const inFootnotes = i - lastRule <= FOOTNOTE_BLOCK_LINES && previousIsLoneNumber(src, lines, i)
      // A masthead line right above a preambular clause starts the text: the organ alone is its formula ("安全理事会").
      const textStart = inHead && nextEndsPreambular(src, lines, i, lang)
      const reason = furnitureReason(content, inHead, lang, lifted, inFootnotes, textStart) ?? (inHead && !textStart ? twoColumnReason(content, lang, lifted) : null)
      if (reason === null) {
        inHead = false
        continue
      }
      dropped.set(i, reason)
    }
    for (const i of runningTitles(src, lines, dropped, lang)) dropped.set(i, 'page furniture: running head (the title of the document)')
    if (dropped.size === 0) return { text }
    const drops: Drop[] = []
    for (let i = 0; i < lines.length; i++) {
      const reason = dropped.get(i)
      if (reason !== undefined) drops.push({ start: lines[i]!.start, end: lines[i]!.breakEnd, reason })
      // The blank lines under a line of furniture were the page's: the text it stood in goes on as if it were not there.
      else if (isBlankLine(lines[i]!) && drops.length > 0 && drops[drops.length - 1]!.end === lines[i]!.start)
        drops.push({ start: lines[i]!.start, end: lines[i]!.breakEnd, reason: 'blank line under page furniture' })
    }
    return { text: text.rewrite(this.id, { pieces: keptBetween(drops, src.length), drops }), lifted }
  }
}

/** The longest a running head that repeats the document's title runs, in characters. */
const RUNNING_TITLE = 160

/**
 * The lines that repeat, page after page, right beside the page's other furniture (its number, its
 * symbol header): a running head giving the document's title. A line of text never stands there
 * twice in the same words.
 */
function runningTitles(src: string, lines: readonly Line[], dropped: ReadonlyMap<number, string>, lang: Parameters<NormalizeRule['apply']>[1]): number[] {
  const byContent = new Map<string, number[]>()
  lines.forEach((line, i) => {
    if (isBlankLine(line) || dropped.has(i)) return
    const content = src.slice(line.contentStart, line.contentEnd)
    if (content.length > RUNNING_TITLE || endsClause(content, lang.clauseMarks)) return
    const at = byContent.get(content)
    if (at === undefined) byContent.set(content, [i])
    else at.push(i)
  })
  const besideFurniture = (i: number) => dropped.has(nextFilled(lines, i, -1)) || dropped.has(nextFilled(lines, i, 1))
  return [...byContent.values()].filter((at) => at.length >= 2 && at.every(besideFurniture)).flat()
}

/**
 * The last line of the job number's barcode that starts at line `i` when an extraction read it a
 * character a line ("*", "0", "3", … "*"), as it does where the barcode is set upright; -1 when none starts there.
 */
function verticalBarcodeEnd(src: string, lines: readonly Line[], i: number): number {
  const at = (k: number) => (k < lines.length ? src.slice(lines[k]!.contentStart, lines[k]!.contentEnd) : '')
  if (at(i) !== '*') return -1
  let k = i + 1
  while (/^\d$/.test(at(k))) k++
  return k - i - 1 >= BARCODE_DIGITS && at(k) === '*' ? k : -1
}

function nextEndsPreambular(src: string, lines: Line[], i: number, lang: Parameters<NormalizeRule['apply']>[1]): boolean {
  const next = lines.slice(i + 1).find((l) => !isBlankLine(l))
  return next !== undefined && lang.grammar.preambularEnd.test(src.slice(next.contentStart, next.contentEnd))
}

/** The index of the first line that is not blank from line `i` on, going up (`step` -1) or down (1): -1 or the count of lines when none is. */
function nextFilled(lines: readonly Line[], i: number, step: -1 | 1): number {
  let k = i + step
  while (k >= 0 && k < lines.length && isBlankLine(lines[k]!)) k += step
  return k
}

function previousIsLoneNumber(src: string, lines: Line[], i: number): boolean {
  const prev = lines[i - 1]
  return prev !== undefined && /^\d{1,3}$/.test(src.slice(prev.contentStart, prev.contentEnd))
}

function furnitureReason(content: string, inHead: boolean, lang: Parameters<NormalizeRule['apply']>[1], lifted: LiftedMeta, afterFootnoteNumber: boolean, aboveClause = false): string | null {
  const job = JOB_NUMBER.exec(content)
  if (job) {
    // Lifted as the UN writes it, with its hyphen.
    const number = job[1]!.replace(' ', '-')
    lifted.jobNumber ??= job[2] ? `${number} (${job[2]})` : number
  }
  if (job || BARCODE.test(content)) return JOB_NUMBER_REASON
  if (PAGE_OF.test(content)) return 'page furniture: page number'
  if (CONTINUED.test(content)) return 'page furniture: mark of a page continued overleaf'
  // A symbol under a footnote number is the footnote's text, not a header.
  if (!afterFootnoteNumber) {
    const symbol = mastheadSymbol(content)
    if (symbol !== null) {
      if (inHead && lifted.symbol === undefined) {
        lifted.symbol = symbol
        return 'masthead: document symbol (lifted into metadata)'
      }
      return 'page furniture: running header'
    }
  }
  if (inHead && MASTHEAD_DATE.test(content)) {
    lifted.issued ??= mastheadDate(content)
    return 'masthead: date of issue'
  }
  for (const f of lang.furniture) {
    if ((inHead ? !(f.headOnly && aboveClause) : !f.headOnly) && f.pattern.test(content)) {
      if (inHead && f.reason === 'masthead: date of issue') {
        const date = lang.dates(content)[0]
        if (date) lifted.issued = date.iso
      }
      return f.reason
    }
  }
  if (inHead) {
    for (const m of lang.mastheadMeta) {
      const match = m.pattern.exec(content)
      if (match) {
        lifted[m.field] = match[1]!.trim()
        return `masthead: ${m.field === 'distribution' ? 'distribution' : 'original language'} (lifted into metadata)`
      }
    }
  }
  return null
}

/**
 * A masthead line that the text extraction merged from two columns: "联合国 S/RES/1624 (2005)",
 * "安全理事会 Distr.: General" — furniture when both sides are.
 */
function twoColumnReason(content: string, lang: Parameters<NormalizeRule['apply']>[1], lifted: LiftedMeta): string | null {
  // Masthead lines are short; trying every split of a long line would be quadratic.
  if (content.length > MASTHEAD_LINE) return null
  for (const m of content.matchAll(/[ \t\u3000]+/g)) {
    const left = content.slice(0, m.index)
    const right = content.slice(m.index + m[0].length)
    const probe: LiftedMeta = { ...lifted }
    const a = furnitureReason(left, true, lang, probe, false)
    const b = a === null ? null : furnitureReason(right, true, lang, probe, false)
    if (a !== null && b !== null) {
      Object.assign(lifted, probe)
      return `${a}; ${b}`
    }
  }
  return null
}

/** The first date of a line in the English of the UN masthead ("15 November 2018"), in ISO. */
export function mastheadDate(text: string): string | undefined {
  const m = ENGLISH_DATE.exec(text)
  return m ? `${m[3]}-${String(MONTHS.indexOf(m[2]!) + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined
}

/** The symbol a masthead or running-header line is, in the form undoc writes it ("S/RES/1624(2005)"), or null. */
export function mastheadSymbol(text: string): string | null {
  // The Security Council writes a space before the year: "S/RES/1624 (2005)".
  const content = text.replace(/ \((\d{4})\)$/, '($1)')
  if (isUnSymbol(content) || splitJointSymbol(content)) return content
  const m = SYMBOL_WITH_PAGE.exec(content)
  const s = m?.[1] ?? m?.[2]
  return s !== undefined && isUnSymbol(s) ? s : null
}

/** The pieces that keep everything between dropped ranges (which are sorted and disjoint). */
export function keptBetween(drops: readonly Drop[], length: number): Piece[] {
  const pieces: Piece[] = []
  let at = 0
  for (const d of drops) {
    if (d.start > at) pieces.push({ keep: [at, d.start] })
    at = d.end
  }
  if (at < length) pieces.push({ keep: [at, length] })
  return pieces
}
