import { face, glyphsOf, type FaceKey, type RunGlyph } from './fonts.js'
import type { Atom, Placed } from './linebreak.js'

/** A face's font in one PDF: its resource name on the current page, and the code of a glyph in its subset. */
export interface FontResource {
  readonly id: string
  code(glyph: RunGlyph): string
}

/** How much an atom's glyphs are widened to fill its width: 100 when they fill it as they are. */
function scaleOf(atom: Atom): number {
  const natural = face(atom.face).advance(atom.text) * atom.size
  return Math.abs(natural - atom.width) < 0.01 ? 100 : (100 * atom.width) / natural
}

/**
 * The widest gap between two glyphs, in ems of the type before it, that pdf.js does not read as a
 * word space (it reads one from 0.102 em on: `trackingSpaceMin` in its text extraction), with a margin.
 */
const NOT_A_SPACE = 0.09

const num = (n: number) => String(Math.round(n * 1e6) / 1e6)

/** One glyph as drawn: where it starts and ends on the line (from the line's start), in its atom's style. */
interface Drawn {
  readonly atom: Atom
  readonly glyph: RunGlyph
  readonly x: number
  /** Where the pen stands after it in the PDF: its start and its advance as the font's widths say (kerning is a gap). */
  readonly end: number
  readonly scale: number
  /** A word space stands before it (not drawn: its width is a gap that reads as the space it is). */
  readonly afterSpace: boolean
}

/** A full stop set alone: a dot of a leader, whose gaps are meant to read apart. */
const leaderDot = (d: Drawn) => d.atom.text === '.'

/** Boundary i (before glyph i) starts a new stretch: pdf.js's cursor is set to the pen there or reads a space. */
const breaksStretch = (d: Drawn) => d.afterSpace

/**
 * Moves of pdf.js's text cursor alone at each boundary between glyphs, so that it reads no gap
 * there as a word space. pdf.js ignores ActualText and reads a space wherever a glyph starts more
 * than 0.102 em after the last one ended, as it does at every Han–Latin gap (¼ em, clreq) and
 * where a loose line spaces its characters. Each such gap is seen, by pdf.js only, as
 * `NOT_A_SPACE`; what it takes off is given back at the nearest boundaries that have room (their
 * gap under `NOT_A_SPACE`: between two Han characters, inside a word, after compressed
 * punctuation), so pdf.js's positions leave the printed ones only for a few characters around a
 * gap. A word space starts a new stretch: pdf.js reads it as the space it is.
 */
function cursorMoves(drawn: readonly Drawn[]): number[] {
  const moves = drawn.map(() => 0)
  const room = drawn.map(() => 0)
  const excess: number[] = []
  const limit = (i: number) => NOT_A_SPACE * drawn[i - 1]!.atom.size
  for (let i = 1; i < drawn.length; i++) {
    if (breaksStretch(drawn[i]!) || leaderDot(drawn[i]!) || leaderDot(drawn[i - 1]!)) continue
    const gap = drawn[i]!.x - drawn[i - 1]!.end
    if (gap > limit(i)) {
      moves[i] = limit(i) - gap
      excess.push(i)
    } else room[i] = limit(i) - gap
  }
  for (const i of excess) {
    let owed = -moves[i]!
    // Nearest first, after then before, within the stretch.
    let after = i < drawn.length - 1
    let before = true
    for (let d = 1; owed > 1e-9 && (after || before); d++) {
      if (after && (i + d >= drawn.length || breaksStretch(drawn[i + d]!))) after = false
      if (before && (i - d < 1 || breaksStretch(drawn[i - d + 1]!))) before = false
      for (const j of [after ? i + d : -1, before ? i - d : -1]) {
        if (j < 1 || room[j]! <= 0 || owed <= 1e-9) continue
        const take = Math.min(room[j]!, owed)
        room[j] = room[j]! - take
        moves[j] = moves[j]! + take
        owed -= take
      }
    }
  }
  return moves
}

/**
 * A line as one PDF text object: one text matrix at its start (and after each word space that
 * follows a moved cursor), the font, rise and width scale set where they change, and every glyph
 * placed by its advance and the gaps as TJ adjustments. Glyphs are added to the faces' subsets
 * through `font`. `x`, `y`: the line's start on the page, in the page's coordinates (y downwards).
 */
export function textObject(placed: readonly Placed[], x: number, y: number, font: (name: FaceKey) => FontResource): string {
  const drawn: Drawn[] = []
  let afterSpace = false
  for (const p of placed) {
    if (p.atom.kind === 'space') {
      afterSpace = drawn.length > 0
      continue
    }
    const f = face(p.atom.face)
    const scale = scaleOf(p.atom)
    const unit = (p.atom.size * (scale / 100)) / f.unitsPerEm
    let at = p.x
    for (const glyph of glyphsOf(f, p.atom.text)) {
      drawn.push({ atom: p.atom, glyph, x: at, end: at + glyph.advanceWidth * unit, scale, afterSpace })
      at += glyph.advanceWidth * unit
      afterSpace = false
    }
  }
  if (drawn.length === 0) return ''
  const moves = cursorMoves(drawn)
  const out: string[] = ['BT']
  let tj: string[] = []
  const flush = () => {
    if (tj.length) out.push(`[${tj.join(' ')}] TJ`)
    tj = []
  }
  let state: { face?: FaceKey; size?: number; rise: number; scale: number } = { rise: 0, scale: 100 }
  let resource: FontResource | undefined
  // Where the pen stands, from the line's start; undefined where a text matrix must place the next glyph.
  let pen: number | undefined
  // How far pdf.js's cursor stands from the pen: a word space after a drift is placed by a text matrix.
  let drift = 0
  drawn.forEach((d, i) => {
    const { atom, scale } = d
    if (state.face !== atom.face || state.size !== atom.size || state.rise !== atom.rise || state.scale !== scale) {
      flush()
      if (state.face !== atom.face || state.size !== atom.size) {
        resource = font(atom.face)
        out.push(`/${resource.id} ${num(atom.size)} Tf`)
      }
      if (state.rise !== atom.rise) out.push(`${num(atom.rise)} Ts`)
      if (state.scale !== scale) out.push(`${num(scale)} Tz`)
      state = { face: atom.face, size: atom.size, rise: atom.rise, scale }
    }
    const unit = (atom.size * scale) / 100 / 1000
    if (pen === undefined || (d.afterSpace && Math.abs(drift) > 1e-6)) {
      flush()
      out.push(`1 0 0 -1 ${num(x + d.x)} ${num(y)} Tm`)
      drift = 0
    } else if (moves[i] !== 0) {
      // pdf.js adds the character spacing to a TJ's bare numbers, which move nothing else: its cursor alone moves.
      flush()
      drift += moves[i]!
      const gap = d.x - pen
      const pair = Math.abs(gap) < 1e-6
      out.push(`${num(moves[i]! / (scale / 100) / (pair ? 2 : 1))} Tc`, pair ? '[1 -1] TJ' : `[${num(-gap / unit)}] TJ`, '0 Tc')
    } else if (Math.abs(d.x - pen) > 1e-6) tj.push(num(-(d.x - pen) / unit))
    tj.push(`<${resource!.code(d.glyph)}>`)
    pen = d.end
  })
  flush()
  // Rise and width scale are graphics state, which outlasts the text object: the next line starts from none.
  if (state.rise !== 0) out.push('0 Ts')
  if (state.scale !== 100) out.push('100 Tz')
  out.push('ET')
  return out.join('\n')
}
