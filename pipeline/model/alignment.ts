import type { LanguageProfile } from '../lang/profile.js'
import type { UnitKind } from '../types/align.js'
import type { Adoption, FootnoteDefinition, Formula, Heading, Inline, Paragraph, Part, SignatureLine, UndocDocument } from '../types/document.js'

/**
 * Two language versions of one document, paragraph by paragraph.
 *
 * Each version is read as a sequence of units — the nodes a reader pairs by eye: the title and
 * other headings, the formula, each preambular and operative paragraph and sub-item, the adoption
 * lines, the signature lines, each footnote — and the two sequences are aligned as
 * Needleman–Wunsch aligns two strings: a unit pairs with one unit of the other side or with none,
 * in order, so that a paragraph missing on one side leaves one unit unpaired and the rest paired
 * as before. What a pair is worth comes from structure first (kind, number, the annex it is in),
 * then from what both languages write alike (dates, UN symbols): the versions of one
 * text share these whatever their words.
 */

export type UnitNode = Heading | Formula | Paragraph | Adoption | SignatureLine | FootnoteDefinition

export interface AlignedUnit {
  /** JSON pointer of the node in its document ("/tree/children/2/children/0"): its id across outputs. */
  readonly pointer: string
  readonly node: UnitNode
  readonly kind: UnitKind
  /** A heading's or an adoption line's role. */
  readonly role?: string
  /** The number as printed ("3", "a", "一"), and its value as both languages would count it. */
  readonly number?: string
  readonly numberValue?: NumberValue
  /** 0 in the text, n in its n-th annex. */
  readonly annex: number
  /** What the unit says that does not depend on its language: "date:1946-05-17", "symbol:S/RES/6(1946)". */
  readonly anchors: readonly string[]
}

/** A paragraph number as a value: 3 and 三 are one number, (a) and (a) one letter; other numbers are compared as written. */
export interface NumberValue {
  readonly system: 'numeric' | 'latin' | 'other'
  readonly value: string
}

/** A row of the alignment: a pair, or a unit of one side that has no counterpart on the other. */
export interface UnitPair {
  /** Index into `a`'s units. */
  readonly a?: number
  readonly b?: number
}

export interface Alignment {
  readonly a: readonly AlignedUnit[]
  readonly b: readonly AlignedUnit[]
  /** Every unit of both sides once, in reading order (a closing block's adoption lines by role). */
  readonly rows: readonly UnitPair[]
}

/** The value of a paragraph number: its numeral's (by the document's profile), else its letter's, else as written. */
function numberValue(number: string, lang: LanguageProfile | undefined): NumberValue {
  const n = /^\d+$/.test(number) ? Number(number) : (lang?.numeral(number) ?? null)
  if (n !== null) return { system: 'numeric', value: String(n) }
  if (/^[a-z]{1,3}$/i.test(number)) return { system: 'latin', value: number.toLowerCase() }
  return { system: 'other', value: number.replace(/\s/g, '') }
}

/** What inline content says whatever its language: the dates and symbols of its citations. */
function anchorsOf(inlines: readonly Inline[]): string[] {
  const out: string[] = []
  for (const n of inlines) {
    if (n.type !== 'citation') continue
    if (n.symbol) out.push(`symbol:${n.symbol}`)
    if (n.date) out.push(`date:${n.date}`)
  }
  return out
}

/** A document's units in reading order. */
function unitsOf(document: UndocDocument, lang: LanguageProfile | undefined): AlignedUnit[] {
  const units: AlignedUnit[] = []
  let annexes = 0
  const unit = (node: UnitNode, pointer: string, kind: UnitKind, annex: number, extra: { role?: string; number?: string; anchors?: string[] } = {}) => {
    const number = extra.number
    units.push({
      pointer,
      node,
      kind,
      ...(extra.role ? { role: extra.role } : {}),
      ...(number !== undefined ? { number, numberValue: numberValue(number, lang) } : {}),
      annex,
      anchors: [...(extra.anchors ?? []), ...anchorsOf(node.children)]
    })
  }
  const visit = (parts: readonly Part[], base: string, annex: number): void => {
    parts.forEach((part, p) => {
      const at = `${base}/${p}`
      if (part.type === 'attachment') return visit(part.children, `${at}/children`, ++annexes)
      const first = units.length
      part.children.forEach((node, i) => {
        const pointer = `${at}/children/${i}`
        switch (node.type) {
          case 'heading':
            return unit(node, pointer, node.role === 'title' ? 'title' : 'heading', annex, { role: node.role, ...(node.number !== undefined ? { number: node.number } : {}) })
          case 'formula':
            return unit(node, pointer, 'formula', annex)
          case 'paragraph':
            return unit(node, pointer, node.role, annex, node.number !== undefined ? { number: node.number } : {})
          case 'adoption':
            return unit(node, pointer, 'adoption', annex, {
              role: node.role,
              anchors: [...(node.date ? [`date:${node.date}`] : []), ...(node.meeting !== undefined ? [`meeting:${node.meeting}`] : [])]
            })
          case 'signature':
            return node.children.forEach((line, l) => unit(line, `${pointer}/children/${l}`, 'signature', annex, { role: line.role }))
          case 'footnoteDefinition':
            return unit(node, pointer, 'footnote', annex, { number: node.label })
        }
      })
      // Languages order the adoption lines their own way (English the meeting, then the date;
      // Chinese the date first): they are read, and paired, in one order, by role.
      if (part.type === 'conclusions') units.splice(first, units.length - first, ...units.slice(first).sort((x, y) => adoptionRank(x) - adoptionRank(y)))
    })
  }
  visit(document.tree.children, '/tree/children', 0)
  return units
}

const ADOPTION_ORDER = ['meeting', 'date', 'placeAndDate']

/** Where a unit of a closing block stands once its adoption lines are in one order: those first, by role, then the signature. */
function adoptionRank(u: AlignedUnit): number {
  return u.kind === 'adoption' ? ADOPTION_ORDER.indexOf(u.role!) : ADOPTION_ORDER.length
}

/** The worth of a pair that nothing but its place supports: units of different kinds that share no date or symbol. */
const BY_PLACE = 1

/**
 * What pairing two units is worth. Structure weighs most: the same kind, and within it the same
 * number (a different number outweighs any agreement of content); then each date and symbol
 * the two share. Units of different kinds share only their place (`BY_PLACE`): one version's
 * grammar may have read a paragraph its own way ("text" where it placed none, a preambular
 * paragraph the other numbered). A footnote pairs only with a footnote, a unit of an annex
 * with one of the same annex unless their content says otherwise.
 */
function pairScore(u: AlignedUnit, v: AlignedUnit): number {
  if ((u.kind === 'footnote') !== (v.kind === 'footnote')) return -Infinity
  let score = BY_PLACE
  if (u.kind === v.kind) {
    score += u.role === v.role ? 20 : 10
    if (u.numberValue && v.numberValue && u.numberValue.system === v.numberValue.system) score += u.numberValue.value === v.numberValue.value ? 20 : -40
  }
  if (u.annex !== v.annex) score -= 30
  return score + 10 * Math.min(4, shared(u.anchors, v.anchors))
}

/** How many anchors the two lists have in common, each counted as often as both have it. */
function shared(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const left = new Map<string, number>()
  for (const x of a) left.set(x, (left.get(x) ?? 0) + 1)
  let n = 0
  for (const y of b) {
    const k = left.get(y)
    if (k) {
      n++
      left.set(y, k - 1)
    }
  }
  return n
}

/**
 * How far from the diagonal a pair may be, in units, when the full table would be too large
 * (two versions of 4000 units each): a version never has thousands of paragraphs the other lacks.
 */
const BAND = 2000
const FULL_TABLE = 16e6

const UP = 1
const LEFT = 2
const DIAGONAL = 3

/**
 * Aligns two sequences of units. First the pairs the structure or the content supports, in
 * order, of greatest total worth (Needleman–Wunsch with a gap worth 0; ties go to the pair, so a
 * document aligned with itself pairs every unit with itself); then, in each stretch between two
 * such pairs where both sides have units left, those units pair in order, as a reader would lay
 * the two side by side (before the first supported pair, counting back from it).
 */
export function alignUnits(a: readonly AlignedUnit[], b: readonly AlignedUnit[]): UnitPair[] {
  return pairByPlace(supportedPairs(a, b), a, b)
}

function supportedPairs(a: readonly AlignedUnit[], b: readonly AlignedUnit[]): UnitPair[] {
  const n = a.length
  const m = b.length
  const band = n * m <= FULL_TABLE ? Infinity : Math.max(BAND, Math.abs(n - m) + BAND)
  // Row i covers columns lo(i)..hi(i) of the table; outside them a cell is unreachable.
  const lo = (i: number) => (band === Infinity ? 0 : Math.max(0, Math.round((i * m) / Math.max(1, n)) - band))
  const hi = (i: number) => (band === Infinity ? m : Math.min(m, Math.round((i * m) / Math.max(1, n)) + band))
  const moves: Uint8Array[] = []
  let previous = new Float64Array(m + 1).fill(-Infinity)
  for (let j = 0; j <= hi(0); j++) previous[j] = 0
  moves.push(new Uint8Array(m + 1).fill(LEFT))
  for (let i = 1; i <= n; i++) {
    const current = new Float64Array(m + 1).fill(-Infinity)
    const move = new Uint8Array(m + 1)
    for (let j = lo(i); j <= hi(i); j++) {
      let best = previous[j]!
      let how = UP
      if (j > 0) {
        if (current[j - 1]! > best) {
          best = current[j - 1]!
          how = LEFT
        }
        const s = pairScore(a[i - 1]!, b[j - 1]!)
        if (s > BY_PLACE && previous[j - 1]! + s >= best) {
          best = previous[j - 1]! + s
          how = DIAGONAL
        }
      }
      current[j] = best
      move[j] = how
    }
    moves.push(move)
    previous = current
  }
  const rows: UnitPair[] = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const how = i === 0 ? LEFT : j === 0 ? UP : moves[i]![j]!
    if (how === DIAGONAL) rows.push({ a: --i, b: --j })
    else if (how === UP) rows.push({ a: --i })
    else rows.push({ b: --j })
  }
  return rows.reverse()
}

/**
 * Pairs, in order, the units left unpaired between two pairs, where both sides have some: there
 * they stand in each other's place, whatever their kinds or numbers say (a paragraph numbered 3
 * in one version and 4 in the other is one paragraph misnumbered, which the check reports). A
 * footnote still pairs only with a footnote.
 */
function pairByPlace(rows: readonly UnitPair[], a: readonly AlignedUnit[], b: readonly AlignedUnit[]): UnitPair[] {
  const out: UnitPair[] = []
  let stretch: UnitPair[] = []
  const flush = (beforeFirstPair: boolean) => {
    const left = stretch.flatMap((r) => (r.b === undefined ? [r.a!] : []))
    const right = stretch.flatMap((r) => (r.a === undefined ? [r.b!] : []))
    stretch = []
    const k = Math.min(left.length, right.length)
    // Before the first pair, the stretches are aligned at their ends (next to that pair); elsewhere at their starts.
    const skipLeft = beforeFirstPair ? left.length - k : 0
    const skipRight = beforeFirstPair ? right.length - k : 0
    for (const x of left.slice(0, skipLeft)) out.push({ a: x })
    for (const y of right.slice(0, skipRight)) out.push({ b: y })
    for (let t = 0; t < k; t++) {
      const x = left[skipLeft + t]!
      const y = right[skipRight + t]!
      if (pairScore(a[x]!, b[y]!) > -Infinity) out.push({ a: x, b: y })
      else out.push({ a: x }, { b: y })
    }
    for (const x of left.slice(skipLeft + k)) out.push({ a: x })
    for (const y of right.slice(skipRight + k)) out.push({ b: y })
  }
  let paired = false
  for (const r of rows) {
    if (r.a !== undefined && r.b !== undefined) {
      flush(!paired)
      paired = true
      out.push(r)
    } else stretch.push(r)
  }
  flush(!paired)
  return out
}

/** The alignment of two language versions of one document. */
export function alignDocuments(a: UndocDocument, b: UndocDocument, langA: LanguageProfile | undefined, langB: LanguageProfile | undefined): Alignment {
  const unitsA = unitsOf(a, langA)
  const unitsB = unitsOf(b, langB)
  return { a: unitsA, b: unitsB, rows: alignUnits(unitsA, unitsB) }
}
