import { isBlank, isHan, isSpacedWordChar, isWide } from '../../core/chars.js'
import type { Typesetting } from '../../lang/profile.js'
import type { Position } from '../../types/document.js'
import { face, faceFor, type FaceName } from './fonts.js'

/** How a stretch of text is set: the face it asks for (fallbacks aside), its size, its rise above the baseline. */
export interface Style {
  readonly face: FaceName
  readonly size: number
  /** Shift of the baseline in points (superscripts). */
  readonly rise?: number
}

/** Where a stretch of text leads and what it stands for, carried to the page. */
export interface Tag {
  /** An external address, or the name of a destination in this PDF. */
  readonly url?: string
  readonly dest?: string
  /** A page of this PDF, by its place in it (from 0). */
  readonly page?: number
  /** A footnote reference: the note's key, to set the note on this line's page. */
  readonly note?: string
  /** A cited resolution or decision: its symbol, for an edition's index. */
  readonly cites?: string
}

/** Text with one style and one tag, as inline content is turned into. */
export interface Segment {
  readonly text: string
  readonly style: Style
  readonly tag?: Tag
  /** Where the text stands in the raw source, for warnings. */
  readonly position?: Position
}

/** The unit the line breaker moves: one wide character, a Latin word, or a space. */
export interface Atom {
  readonly text: string
  readonly face: FaceName
  readonly size: number
  readonly rise: number
  /** Natural advance in points. */
  readonly width: number
  readonly kind: 'wide' | 'word' | 'space'
  readonly tag?: Tag
}

/** An atom set on a line: x is where its glyphs are drawn, from the line's start. */
export interface Placed {
  readonly atom: Atom
  readonly x: number
}

export interface Line {
  readonly atoms: readonly Placed[]
  /** Offset of the line from the block's left edge (indent and alignment). */
  readonly x: number
  /** Width the atoms take, once justified. */
  readonly width: number
  /** Tallest size on the line: its leading follows from it. */
  readonly size: number
}

/** A character no face has: reported with the raw place of the text that holds it. */
export interface MissingGlyph {
  readonly char: string
  readonly position?: Position
  /** The source it is in, when several documents are set together. */
  readonly file?: string
}

/**
 * Turns styled text into atoms, each character in the first face of its style's fallback chain
 * that has it; characters no face has are returned in `missing` (set in the style's own face,
 * which shows the missing-glyph box: the build warns about them).
 */
export function atomize(segments: readonly Segment[], missing: MissingGlyph[] = []): Atom[] {
  const atoms: Atom[] = []
  for (const seg of segments) {
    const { size } = seg.style
    const rise = seg.style.rise ?? 0
    let word = ''
    let wordFace: FaceName | undefined
    const flush = () => {
      if (word) atoms.push({ text: word, face: wordFace!, size, rise, width: face(wordFace!).advance(word) * size, kind: 'word', ...(seg.tag ? { tag: seg.tag } : {}) })
      word = ''
    }
    for (const c of seg.text) {
      let f = faceFor(seg.style.face, c)
      if (f === undefined && !isBlank(c) && c !== '\n') {
        missing.push({ char: c, ...(seg.position ? { position: seg.position } : {}) })
        f = seg.style.face
      }
      if (isBlank(c) || c === '\n') {
        flush()
        atoms.push({ text: ' ', face: seg.style.face, size, rise, width: face(seg.style.face).advance(' ') * size, kind: 'space', ...(seg.tag ? { tag: seg.tag } : {}) })
      } else if (isWide(c)) {
        flush()
        atoms.push({ text: c, face: f!, size, rise, width: face(f!).advance(c) * size, kind: 'wide', ...(seg.tag ? { tag: seg.tag } : {}) })
      } else {
        if (word && f !== wordFace) flush()
        word += c
        wordFace = f
      }
    }
    flush()
  }
  return atoms
}

/** The room a paragraph's lines have: the first line may be indented differently from the rest. */
export interface Measure {
  readonly firstIndent: number
  readonly indent: number
  /** Width of the block, from its left edge. */
  readonly width: number
  readonly align: 'justify' | 'left' | 'center' | 'right'
}

/**
 * Breaks atoms into lines by the W3C clreq basic rules, then justifies them:
 * - no line starts with a mark of `noLineStart`, none ends with one of `noLineEnd`; a footnote
 *   reference stays with the character before it; "——" and "……" are never split (a character is
 *   pushed to the next line instead);
 * - adjacent full-width punctuation is compressed (the blank half of one mark is taken out), and a
 *   stop or closing mark at a line's end may lose its blank half to stay on the line;
 * - a quarter em separates Han characters from Latin letters and digits, never at a line's start or end;
 * - the slack of every line but the last is spread evenly between its atoms.
 */
export function breakLines(atoms: readonly Atom[], measure: Measure, rules: Typesetting): Line[] {
  const n = atoms.length
  const first = (i: number) => atoms[i]!.text[0]!
  const last = (i: number) => atoms[i]!.text.at(-1)!
  const isPunct = (i: number, set: string) => atoms[i]!.kind === 'wide' && set.includes(atoms[i]!.text)
  // Advances after compression, the shift of a compressed opening mark, and the glue after each atom.
  const adv = new Float64Array(n)
  const shift = new Float64Array(n)
  const glue = new Float64Array(n)
  const breakAfter = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const a = atoms[i]!
    const half = a.size / 2
    adv[i] = a.width
    if (i + 1 < n && isPunct(i, rules.blankAfter) && (isPunct(i + 1, rules.blankAfter) || isPunct(i + 1, rules.blankBefore))) adv[i] = a.width - half
    else if (i > 0 && isPunct(i, rules.blankBefore) && isPunct(i - 1, rules.blankBefore)) {
      adv[i] = a.width - half
      shift[i] = -half
    }
    if (i + 1 < n) {
      const b = atoms[i + 1]!
      const hanLatin = (isHan(last(i)) && b.kind === 'word' && b.rise === 0 && isSpacedWordChar(first(i + 1))) || (a.kind === 'word' && a.rise === 0 && isSpacedWordChar(last(i)) && isHan(first(i + 1)))
      if (hanLatin) glue[i] = Math.min(a.size, b.size) / 4
      breakAfter[i] = Number(canBreak(a, b, last(i), first(i + 1), rules))
    }
  }
  const endWidth = (e: number) => (isPunct(e, rules.blankAfter) && shift[e] === 0 && adv[e] === atoms[e]!.width ? adv[e]! - atoms[e]!.size / 2 : adv[e]!)
  const lines: Line[] = []
  // The last line (not justified) is the one that reaches the last atom that is not a space.
  let lastContent = n - 1
  while (lastContent > 0 && atoms[lastContent]!.kind === 'space') lastContent--
  let s = 0
  while (s < n) {
    while (s < n && atoms[s]!.kind === 'space') s++
    if (s >= n) break
    const indent = lines.length === 0 ? measure.firstIndent : measure.indent
    const avail = measure.width - indent
    let x = 0
    let e = s
    // The longest run s..e that fits, then back to the last place a line may end.
    for (; e < n; e++) {
      const w = x + (e > s ? glue[e - 1]! : 0)
      if (e > s && w + endWidth(e) > avail + 1e-6) break
      x = w + adv[e]!
    }
    let end = e - 1
    if (e < n) {
      let k = end
      while (k >= s && !breakAfter[k]) k--
      if (k >= s) end = k
    }
    let lineEnd = end
    while (lineEnd > s && atoms[lineEnd]!.kind === 'space') lineEnd--
    lines.push(setLine(s, lineEnd, indent, avail, end >= lastContent))
    s = end + 1
  }
  return lines

  function setLine(s: number, e: number, indent: number, avail: number, isLast: boolean): Line {
    let natural = 0
    for (let i = s; i <= e; i++) natural += (i < e ? adv[i]! + glue[i]! : endWidth(i))
    const gaps = e - s
    const slack = avail - natural
    const extra = measure.align === 'justify' && !isLast && gaps > 0 && slack > 0 ? slack / gaps : 0
    const placed: Placed[] = []
    let x = 0
    let size = 0
    for (let i = s; i <= e; i++) {
      placed.push({ atom: atoms[i]!, x: x + shift[i]! })
      size = Math.max(size, atoms[i]!.rise ? 0 : atoms[i]!.size)
      x += adv[i]! + glue[i]! + extra
    }
    const width = natural + extra * gaps
    const offset = measure.align === 'center' ? (avail - width) / 2 : measure.align === 'right' ? avail - width : 0
    return { atoms: placed, x: indent + offset, width, size: size || atoms[s]!.size }
  }
}

function canBreak(a: Atom, b: Atom, before: string, after: string, rules: Typesetting): boolean {
  if (b.rise !== 0) return false
  if (b.kind === 'space' || a.kind === 'space') return true
  if (rules.noLineStart.includes(after) || rules.noLineEnd.includes(before)) return false
  if (before === after && rules.unbreakablePairs.includes(before)) return false
  // Latin words and the punctuation attached to them break only at spaces.
  return a.kind === 'wide' || b.kind === 'wide' || a.rise !== 0
}
