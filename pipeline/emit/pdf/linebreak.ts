import { isBlank, isHan, isSpacedWordChar, isWide } from '../../core/chars.js'
import type { FaceRole, Typesetting } from '../../lang/profile.js'
import type { Position } from '../../types/document.js'
import { face, faceFor, roleFace, type FaceKey } from './fonts.js'

/** How a stretch of text is set: the role whose face it asks for (fallbacks aside), its size, its rise above the baseline. */
export interface Style {
  readonly face: FaceRole
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

/**
 * A place inside a word where a line may end: after one of `/ . - _ ? & =` (an address, a
 * symbol: nothing is added), at a hyphenation point (a hyphen is added), or anywhere, as a last
 * resort for a run that has no other place.
 */
export type WordBreak = 'after-mark' | 'hyphen' | 'forced'

/** The unit the line breaker moves: one wide character (or a pair set as one), a piece of a Latin word, or a space. */
export interface Atom {
  readonly text: string
  readonly face: FaceKey
  readonly size: number
  readonly rise: number
  /** Advance in points: the glyphs' own, or the room they are set in (a "——" takes 2 em). */
  readonly width: number
  readonly kind: 'wide' | 'word' | 'space'
  readonly tag?: Tag
  /** The next atom continues the same word; a line may end between them only as this says. */
  readonly wordBreak?: WordBreak
  readonly position?: Position
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
  /** The text the line stands for (what copying it gives): a space it ends at included, an added hyphen not. */
  readonly text: string
  /** A hyphen added where a word is broken: drawn, but no part of the text. */
  readonly hyphen?: { readonly x: number; readonly face: FaceKey; readonly size: number }
  /** Space added between characters to justify the line, in ems of its type (0 when gaps and spaces sufficed). */
  readonly tracking: number
}

/** A character no face has: reported with the raw place of the text that holds it. */
export interface MissingGlyph {
  readonly char: string
  readonly position?: Position
  /** The source it is in, when several documents are set together. */
  readonly file?: string
}

/** A run with no place to break, broken where it reached the margin: reported with its raw place. */
export interface ForcedBreak {
  readonly text: string
  readonly position?: Position
  readonly file?: string
}

/** What setting a text ran into, for the build to report at the raw places. */
export interface SettingReport {
  readonly missing: MissingGlyph[]
  readonly forced: ForcedBreak[]
}

export function settingReport(): SettingReport {
  return { missing: [], forced: [] }
}

/**
 * Marks after which an address or a symbol may be broken (nothing is added), and an em dash set
 * inside a word ("peace—and", where the language does not set it apart as a wide mark).
 */
const BREAK_AFTER = '/.-_?&=\\—'
/** Letters a hyphenated piece keeps at least, before and after the break (TeX's lefthyphenmin/righthyphenmin). */
const HYPHEN_MIN = { left: 2, right: 3 } as const

const hyphenationCache = new Map<string, readonly number[]>()

/**
 * The places a word may be broken inside, with what a break there adds. An address or a symbol
 * (a word with marks inside) breaks only after its marks, leaving at least a few characters for
 * the next line; a word of letters only is hyphenated.
 */
function wordBreaks(word: string, rules: Typesetting): Map<number, WordBreak> {
  const breaks = new Map<number, WordBreak>()
  const letters = /^(\P{L}*?)(\p{L}{5,})\P{L}*$/u.exec(word)
  if (letters && !/[\p{N}]/u.test(word)) {
    let points = hyphenationCache.get(letters[2]!)
    if (!points) hyphenationCache.set(letters[2]!, (points = rules.hyphenate(letters[2]!)))
    for (const p of points) if (p >= HYPHEN_MIN.left && p <= letters[2]!.length - HYPHEN_MIN.right) breaks.set(letters[1]!.length + p, 'hyphen')
    return breaks
  }
  const chars = [...word]
  let offset = 0
  // A line ends after a symbol's first part only if it holds a few characters: never "(S/".
  let kept = 0
  for (let i = 0; i < chars.length - HYPHEN_MIN.right; i++) {
    offset += chars[i]!.length
    if (/[\p{L}\p{N}]/u.test(chars[i]!)) kept++
    if (kept >= HYPHEN_MIN.left && BREAK_AFTER.includes(chars[i]!) && !BREAK_AFTER.includes(chars[i + 1]!)) breaks.set(offset, 'after-mark')
  }
  return breaks
}

/**
 * Turns styled text into atoms, each character in the first face of its style's fallback chain
 * that has it; characters no face has are returned in `missing` (set in the style's own face,
 * which shows the missing-glyph box: the build warns about them). A Latin word is cut where a
 * line may end inside it; the marks set in pairs ("——", "……") are one atom two ems wide.
 */
export function atomize(segments: readonly Segment[], rules: Typesetting, missing: MissingGlyph[] = []): Atom[] {
  const atoms: Atom[] = []
  for (const seg of segments) {
    const { size } = seg.style
    // A word as (text, face) runs: it is cut at font changes and at its break points.
    let runs: { text: string; face: FaceKey }[] = []
    const flush = () => {
      if (runs.length === 0) return
      const breaks = wordBreaks(runs.map((r) => r.text).join(''), rules)
      let at = 0
      for (const run of runs) {
        let piece = ''
        for (const c of run.text) {
          piece += c
          at += c.length
          const cut = breaks.get(at)
          if (cut) {
            atoms.push(atom(piece, run.face, face(run.face).advance(piece) * size, 'word', seg, cut))
            piece = ''
          }
        }
        if (piece) atoms.push(atom(piece, run.face, face(run.face).advance(piece) * size, 'word', seg))
      }
      runs = []
    }
    const own = roleFace(rules.fonts, seg.style.face)
    const chars = [...seg.text]
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!
      let f = faceFor(rules.fonts, seg.style.face, c)
      if (f === undefined && !isBlank(c) && c !== '\n') {
        missing.push({ char: c, ...(seg.position ? { position: seg.position } : {}) })
        f = own
      }
      if (isBlank(c) || c === '\n') {
        flush()
        atoms.push(atom(c === '\n' ? ' ' : c, own, face(own).advance(' ') * size, 'space', seg))
      } else if (rules.unbreakablePairs.includes(c)) {
        flush()
        const pair = chars[i + 1] === c
        atoms.push(atom(pair ? c + c : c, f!, (pair ? 2 : 1) * size, 'wide', seg))
        if (pair) i++
      } else if (isWide(c, rules.widePunctuation)) {
        flush()
        atoms.push(atom(c, f!, face(f!).advance(c) * size, 'wide', seg))
      } else {
        const run = runs.at(-1)
        if (run && run.face === f) run.text += c
        else runs.push({ text: c, face: f! })
      }
    }
    flush()
  }
  return atoms
}

/** An atom of a segment's text; every atom has the same properties, so the breaker reads them fast. */
function atom(text: string, name: FaceKey, width: number, kind: Atom['kind'], seg: Segment, wordBreak?: WordBreak): Atom {
  return { text, face: name, size: seg.style.size, rise: seg.style.rise ?? 0, width, kind, tag: seg.tag, wordBreak, position: seg.position }
}

/** The room a paragraph's lines have: the first line may be indented differently from the rest. */
export interface Measure {
  readonly firstIndent: number
  readonly indent: number
  /** Width of the block, from its left edge. */
  readonly width: number
  readonly align: 'justify' | 'left' | 'center' | 'right'
}

/** Demerits (TeX's scale): a line's own, a hyphen or a break inside an address, a forced break. */
const LINE_PENALTY = 10
/** The badness of a line that can be set only badly (TeX's inf_bad): taken when nothing better is. */
const AWFUL = 10_000
/** How far short of its room (in ems) a justified line may be and still be tried first. */
const LOOSE = 4
const WORD_BREAK_PENALTY: Record<WordBreak, number> = { 'after-mark': 50, hyphen: 50, forced: 5000 }

/**
 * Breaks atoms into lines, the paragraph as a whole (total fit, as TeX and typst do: Knuth and
 * Plass), by the W3C clreq rules:
 * - no line starts with a mark of `noLineStart`, none ends with one of `noLineEnd`; a footnote
 *   reference stays with the character before it; "——" and "……" are never split;
 * - adjacent full-width punctuation is compressed (the blank half of one mark is taken out), a
 *   mark before a footnote reference gives it its blank half, and a stop or closing mark at a
 *   line's end loses its blank half;
 * - a quarter em separates Han characters from Latin letters and digits, never at a line's start or end
 *   (where the language's `justification` has such a gap: a Latin text has none);
 * - a line is brought to the measure by the adjustments in clreq's order: compressing more
 *   punctuation (shrinking only), then the Han–Latin gaps and word spaces, then space between
 *   characters, which costs the most (where the language allows it: a Latin text is justified by its
 *   word spaces alone); the breaks chosen are those whose lines need the least;
 * - a Latin word breaks after `/ . - _ ? & =` or at its hyphenation points; a run that cannot be
 *   set otherwise is broken where it reaches the margin, and reported in `forced`.
 * No line is wider than its measure unless a single glyph is.
 */
export function breakLines(atoms: readonly Atom[], measure: Measure, rules: Typesetting, forced: ForcedBreak[] = []): Line[] {
  if (atoms.length === 0) return []
  const first = new Paragraph(atoms, measure, rules, false).fit()
  if (first) return first
  const paragraph = new Paragraph(openOverwideRuns(atoms, measure, rules), measure, rules, true)
  const lines = paragraph.fit()!
  forced.push(...paragraph.forcedBreaks)
  return lines
}

/**
 * One line of text, never broken, aligned in a box of `width` (a masthead line, a label): it may
 * run past the box, on the side away from its alignment.
 */
export function unbroken(atoms: readonly Atom[], width: number, align: Measure['align'], rules: Typesetting): Line {
  const paragraph = new Paragraph(atoms, { firstIndent: 0, indent: 0, width, align }, rules, false)
  return paragraph.set(paragraph.startAfter(-1), atoms.length - 1, true)
}

/**
 * Atoms with every joint of a run wider than a line (a run no break divides) opened as a forced
 * break, its words cut into characters; the run's last atom keeps the break that leads out of it.
 */
function openOverwideRuns(atoms: readonly Atom[], measure: Measure, rules: Typesetting): Atom[] {
  const room = measure.width - Math.max(measure.firstIndent, measure.indent)
  const out: Atom[] = []
  let run: Atom[] = []
  const close = () => {
    if (run.reduce((w, a) => w + a.width, 0) <= room) out.push(...run)
    else {
      const pieces = run.flatMap((a) => (a.kind === 'word' ? [...a.text].map((c) => ({ ...a, text: c, width: face(a.face).advance(c) * a.size })) : [a]))
      pieces.forEach((a, i) => {
        if (i < pieces.length - 1) out.push({ ...a, wordBreak: 'forced' })
        else out.push(run.at(-1)!.wordBreak ? { ...a, wordBreak: run.at(-1)!.wordBreak! } : withoutBreak(a))
      })
    }
    run = []
  }
  atoms.forEach((a, i) => {
    run.push(a)
    if (i + 1 === atoms.length || canBreak(a, atoms[i + 1]!, rules)) close()
  })
  return out
}

function withoutBreak(a: Atom): Atom {
  const { wordBreak: _, ...rest } = a
  return rest
}

/** May a line end between these two atoms (clreq's prohibitions, the pairs, a word's own break points)? */
function canBreak(a: Atom, b: Atom, rules: Typesetting): boolean {
  if (b.rise !== 0) return false
  if (b.kind === 'space' || a.kind === 'space') return true
  if (a.kind === 'word' && b.kind === 'word') return a.wordBreak !== undefined
  if (a.wordBreak === 'forced') return true
  const before = a.text.at(-1)!
  const after = b.text[0]!
  if (rules.noLineStart.includes(after) || rules.noLineEnd.includes(before)) return false
  if (before === after && rules.unbreakablePairs.includes(before)) return false
  // Latin words and the punctuation attached to them break only at spaces.
  return a.kind === 'wide' || b.kind === 'wide' || a.rise !== 0
}

/** What a line from atom s to atom e needs: its natural width and how far it can shrink and stretch. */
interface Span {
  readonly natural: number
  readonly punctuation: number
  readonly gapShrink: number
  readonly gapStretch: number
  readonly joints: number
}

/** A paragraph's atoms with the measures the breaker needs, as prefix sums over the atoms. */
class Paragraph {
  private readonly n: number
  /** Advance of each atom after compression, and the shift of a compressed opening mark. */
  private readonly adv: Float64Array
  private readonly shift: Float64Array
  /** Glue after each atom (the Han–Latin gap) and what it, or a space atom, may give and take. */
  private readonly glue: Float64Array
  private readonly shrinkOf: Float64Array
  private readonly stretchOf: Float64Array
  /** What compressing each mark's blank half further would take out (0 for a mark already compressed). */
  private readonly squeeze: Float64Array
  /** Joints between characters that take added space (not inside a Latin word). */
  private readonly tracked: Uint8Array
  private readonly breakAfter: Uint8Array
  private readonly sums: { natural: Float64Array; punctuation: Float64Array; shrink: Float64Array; stretch: Float64Array; joints: Float64Array }
  /** What a line ending at each atom adds to the sums: its end's width (blank half out, hyphen in) for its advance and glue. */
  private readonly endOf: Float64Array
  /** The first atom of the paragraph's first line. */
  private readonly start: number
  readonly forcedBreaks: ForcedBreak[] = []

  constructor(
    private readonly atoms: readonly Atom[],
    private readonly measure: Measure,
    private readonly rules: Typesetting,
    private readonly lastResort: boolean
  ) {
    const n = (this.n = atoms.length)
    this.adv = new Float64Array(n)
    this.shift = new Float64Array(n)
    this.glue = new Float64Array(n)
    this.shrinkOf = new Float64Array(n)
    this.stretchOf = new Float64Array(n)
    this.squeeze = new Float64Array(n)
    this.tracked = new Uint8Array(n)
    this.breakAfter = new Uint8Array(n)
    const adjust = rules.justification
    const isMark = (i: number, set: string) => i >= 0 && i < n && atoms[i]!.kind === 'wide' && set.includes(atoms[i]!.text)
    for (let i = 0; i < n; i++) {
      const a = atoms[i]!
      const half = a.size / 2
      this.adv[i] = a.width
      const next = atoms[i + 1]
      if (isMark(i, rules.blankAfter) && (isMark(i + 1, rules.blankAfter) || isMark(i + 1, rules.blankBefore) || (next !== undefined && next.rise !== 0 && a.rise === 0))) this.adv[i] = a.width - half
      else if (isMark(i, rules.blankBefore) && isMark(i - 1, rules.blankBefore)) {
        this.adv[i] = a.width - half
        this.shift[i] = -half
      } else if (isMark(i, rules.blankAfter) || isMark(i, rules.blankBefore)) this.squeeze[i] = half
      if (a.kind === 'space') {
        this.shrinkOf[i] = a.width * adjust.space.shrink
        this.stretchOf[i] = a.size * adjust.space.stretch
      }
      if (next) {
        const hanLatin = adjust.hanLatin
        const gap =
          (isHan(a.text.at(-1)!) && next.kind === 'word' && next.rise === 0 && isSpacedWordChar(next.text[0]!)) ||
          (a.kind === 'word' && a.rise === 0 && isSpacedWordChar(a.text.at(-1)!) && isHan(next.text[0]!))
        if (hanLatin && gap) {
          const em = Math.min(a.size, next.size)
          this.glue[i] = em * hanLatin.natural
          this.shrinkOf[i] = this.shrinkOf[i]! + em * hanLatin.shrink
          this.stretchOf[i] = this.stretchOf[i]! + em * hanLatin.stretch
        }
        // Letters of a word are never spaced out; an address or a run cut by force may be, at its breaks.
        this.tracked[i] = Number(!(a.kind === 'word' && next.kind === 'word' && (a.wordBreak === undefined || a.wordBreak === 'hyphen')))
        this.breakAfter[i] = Number(a.kind !== 'space' && canBreak(a, next, rules))
      }
    }
    const prefix = (f: (i: number) => number) => {
      const s = new Float64Array(n + 1)
      for (let i = 0; i < n; i++) s[i + 1] = s[i]! + f(i)
      return s
    }
    this.endOf = new Float64Array(n)
    for (let e = 0; e < n; e++) this.endOf[e] = this.endWidth(e) + this.hyphenWidth(e)
    this.start = this.startAfter(-1)
    this.sums = {
      natural: prefix((i) => this.adv[i]! + this.glue[i]!),
      punctuation: prefix((i) => this.squeeze[i]!),
      shrink: prefix((i) => this.shrinkOf[i]!),
      stretch: prefix((i) => this.stretchOf[i]!),
      joints: prefix((i) => this.tracked[i]!)
    }
  }

  /** The first atom of a line that follows a break after atom b (spaces at a break are dropped). */
  startAfter(b: number): number {
    let s = b + 1
    while (s < this.n && this.atoms[s]!.kind === 'space') s++
    return s
  }

  /** The last atom of a line that ends with a break after atom b. */
  private endAt(b: number): number {
    let e = b
    while (e > 0 && this.atoms[e]!.kind === 'space') e--
    return e
  }

  /** Width of a stop or closing mark at a line's end: its blank half is out. */
  private endWidth(e: number): number {
    const a = this.atoms[e]!
    return this.squeeze[e]! > 0 && this.rules.blankAfter.includes(a.text) ? this.adv[e]! - this.squeeze[e]! : this.adv[e]!
  }

  private hyphenWidth(e: number): number {
    const a = this.atoms[e]!
    return a.wordBreak === 'hyphen' && e + 1 < this.n && this.atoms[e + 1]!.kind === 'word' ? face(a.face).advance('-') * a.size : 0
  }

  private span(s: number, e: number): Span {
    const { natural, punctuation, shrink, stretch, joints } = this.sums
    return {
      natural: natural[e]! - natural[s]! + this.endOf[e]!,
      punctuation: punctuation[e]! - punctuation[s]!,
      gapShrink: shrink[e]! - shrink[s]!,
      gapStretch: stretch[e]! - stretch[s]!,
      joints: joints[e]! - joints[s]!
    }
  }

  private indent(s: number): number {
    return s === this.start ? this.measure.firstIndent : this.measure.indent
  }

  private room(s: number): number {
    return this.measure.width - this.indent(s)
  }

  /**
   * Badness of a line (TeX's scale: 100 is a line at the limit of its good adjustments), or
   * Infinity when it cannot be set. Shrinking takes punctuation first, then gaps; stretching
   * takes gaps first, then space between characters, which costs more the more it adds.
   */
  private badness(s: number, e: number, room: number, last: boolean): number {
    const { natural, punctuation, shrink, stretch, joints } = this.sums
    const d = room - (natural[e]! - natural[s]! + this.endOf[e]!)
    if (d < -1e-6) {
      const need = -d
      const squeeze = punctuation[e]! - punctuation[s]!
      const gapShrink = shrink[e]! - shrink[s]!
      if (need > squeeze + gapShrink + 1e-6) return Infinity
      const p = Math.min(need, squeeze)
      const g = need - p
      return 50 * (squeeze > 0 ? (p / squeeze) ** 3 : 0) + 100 * (gapShrink > 0 ? (g / gapShrink) ** 3 : 0)
    }
    if (this.measure.align !== 'justify') return last ? 0 : 100 * (d / room) ** 2
    if (last) return 0
    const gapStretch = stretch[e]! - stretch[s]!
    const tracking = this.rules.justification.tracking
    // Without space between characters, the spaces take all (TeX: badness grows with the cube, to 10,000).
    if (!tracking) return gapStretch > 0 ? Math.min(AWFUL, 100 * (d / gapStretch) ** 3) : AWFUL
    const g = Math.min(d, gapStretch)
    const rest = d - g
    let bad = gapStretch > 0 ? 100 * (g / gapStretch) ** 3 : 0
    if (rest > 1e-6) {
      const tracked = joints[e]! - joints[s]!
      bad += tracked > 0 ? 100 + 400 * (rest / (tracked * tracking * this.atoms[s]!.size)) ** 3 : AWFUL
    }
    return bad
  }

  /** The best lines by total fit, or undefined when no set of breaks keeps every line inside the measure. */
  fit(): Line[] | undefined {
    const n = this.n
    const last = this.endAt(n - 1)
    // Breaks: after atom b (b = -1: the paragraph's start). Best demerits and the break before, by break.
    const candidates = [-1]
    for (let b = 0; b < last; b++) if (this.breakAfter[b]) candidates.push(b)
    candidates.push(last)
    const best = new Float64Array(candidates.length).fill(Infinity)
    const previous = new Int32Array(candidates.length).fill(-1)
    const starts = Int32Array.from(candidates, (c) => this.startAfter(c))
    best[0] = 0
    const natural = this.sums.natural
    const ragged = this.measure.align !== 'justify'
    // TeX's tolerance: a justified line more than LOOSE short of its room is tried only when no
    // other line can end at a break. `near` is the latest start that is not that loose; it only moves on.
    const loose = this.measure.width - Math.max(this.measure.firstIndent, this.measure.indent) - LOOSE * this.atoms[0]!.size
    let near = 0
    // The break being reached (j: its place among the candidates, b: after which atom, e: the line's last atom).
    let j = 0
    let b = 0
    let e = 0
    let isLast = false
    const width = (k: number) => natural[e]! - natural[starts[k]!]! + this.endOf[e]!
    const tryFrom = (top: number, bottom: number) => {
      let nearest = true
      for (let k = top; k >= bottom; k--) {
        if (best[k] === Infinity) continue
        const s = starts[k]!
        if (s > e) continue
        const room = this.room(s)
        let bad = this.badness(s, e, room, isLast)
        const overfull = bad === Infinity
        // The last resort: a line that cannot shrink enough is taken at a cost nothing else reaches.
        if (overfull && this.lastResort && nearest) bad = 1e9 * (1 + width(k) - room)
        nearest = false
        if (bad !== Infinity) {
          const wordBreak = b === e && !isLast ? this.atoms[e]!.wordBreak : undefined
          const penalty = wordBreak ? WORD_BREAK_PENALTY[wordBreak] : 0
          const demerits = best[k]! + (LINE_PENALTY + bad) ** 2 + penalty * penalty
          if (demerits < best[j]!) {
            best[j] = demerits
            previous[j] = k
          }
        }
        // Starting earlier only widens the line.
        if (overfull) break
      }
    }
    for (j = 1; j < candidates.length; j++) {
      b = candidates[j]!
      e = this.endAt(b)
      isLast = j === candidates.length - 1
      while (near + 1 < j && width(near + 1) >= loose) near++
      const from = ragged || isLast ? j - 1 : near
      tryFrom(from, 0)
      if (best[j] === Infinity && from < j - 1) tryFrom(j - 1, from + 1)
    }
    if (best[candidates.length - 1] === Infinity) return undefined
    const path: number[] = []
    for (let j = candidates.length - 1; j > 0; j = previous[j]!) path.push(j)
    path.reverse()
    const lines: Line[] = []
    let k = 0
    for (const j of path) {
      const s = this.startAfter(candidates[k]!)
      const b = candidates[j]!
      const e = this.endAt(b)
      const line = this.set(s, e, j === candidates.length - 1, b)
      if (this.atoms[e]!.wordBreak === 'forced' && j !== candidates.length - 1) {
        const run = this.atoms[e]!
        this.forcedBreaks.push({ text: line.text, ...(run.position ? { position: run.position } : {}) })
      }
      lines.push(line)
      k = j
    }
    return lines
  }

  /** Sets atoms s..e as a line: shrunk or stretched to its room (justified) or aligned; `b` is the break after it. */
  set(s: number, e: number, isLast: boolean, b = e): Line {
    const span = this.span(s, e)
    const room = this.room(s)
    const d = room - span.natural
    // Shrinking: punctuation first, then gaps and spaces. Stretching: gaps and spaces, then between characters.
    const squeeze = d < 0 ? Math.min(1, -d / (span.punctuation || Infinity)) : 0
    const shrink = d < 0 ? Math.min(1, Math.max(0, -d - span.punctuation) / (span.gapShrink || Infinity)) : 0
    const justify = this.measure.align === 'justify' && !isLast && d > 0
    // Spaces stretch to their limit when characters may be spaced out to fill the rest, else as far as it takes.
    const tracks = this.rules.justification.tracking !== undefined
    const stretch = justify ? (tracks ? Math.min(1, d / (span.gapStretch || Infinity)) : d / (span.gapStretch || Infinity)) : 0
    const extra = justify && tracks && span.joints > 0 ? Math.max(0, d - span.gapStretch) / span.joints : 0
    const placed: Placed[] = []
    let x = 0
    let size = 0
    for (let i = s; i <= e; i++) {
      const a = this.atoms[i]!
      const taken = i < e ? this.squeeze[i]! * squeeze : 0
      const opening = this.rules.blankBefore.includes(a.text) && a.kind === 'wide'
      placed.push({ atom: a, x: x + this.shift[i]! - (opening ? taken : 0) })
      size = Math.max(size, a.rise ? 0 : a.size)
      if (i === e) x += this.endWidth(i)
      else x += this.adv[i]! - taken + this.glue[i]! - this.shrinkOf[i]! * shrink + this.stretchOf[i]! * stretch + (this.tracked[i] ? extra : 0)
    }
    const last = this.atoms[e]!
    const hyphenWidth = this.hyphenWidth(e)
    const hyphen = hyphenWidth > 0 && b === e ? { x, face: last.face, size: last.size } : undefined
    const width = x + (hyphen ? hyphenWidth : 0)
    const free = room - width
    const offset = this.measure.align === 'center' ? free / 2 : this.measure.align === 'right' ? free : 0
    let text = ''
    const through = Math.max(e, isLast ? this.n - 1 : this.startAfter(b) - 1)
    for (let i = s; i <= through; i++) text += this.atoms[i]!.text
    return { atoms: placed, x: this.indent(s) + offset, width, size: size || this.atoms[s]!.size, text, ...(hyphen ? { hyphen } : {}), tracking: extra / (size || this.atoms[s]!.size) }
  }
}
