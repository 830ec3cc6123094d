import type { AlignedUnit, UnitPair } from '../../model/alignment.js'
import type { Inline, Point, Position } from '../../types/document.js'
import type { ParallelLintMessage, ParallelLintRule, VersionPair } from '../rule.js'

type Side = 'a' | 'b'

const OTHER: Record<Side, Side> = { a: 'b', b: 'a' }

/** How a unit is named in a message, by its kind. */
const NAMES: Record<AlignedUnit['kind'], [string, string]> = {
  title: ['title', 'titles'],
  heading: ['heading', 'headings'],
  formula: ['enacting formula', 'enacting formulas'],
  preambular: ['preambular paragraph', 'preambular paragraphs'],
  operative: ['operative paragraph', 'operative paragraphs'],
  text: ['paragraph', 'paragraphs'],
  adoption: ['adoption line', 'adoption lines'],
  signature: ['signature line', 'signature lines'],
  footnote: ['footnote', 'footnotes']
}

function named(u: AlignedUnit): string {
  const number = u.number !== undefined ? ` ${u.number}` : ''
  return `${NAMES[u.kind][0]}${number}${u.annex > 0 ? ` of annex ${u.annex}` : ''}`
}

function at(file: string, place: Position | Point): string {
  const p = 'start' in place ? place.start : place
  return `${file}:${p.line}:${p.column}`
}

/** Each symbol or date a unit's text gives, with the node that gives it. */
function cited(inlines: readonly Inline[], what: 'symbol' | 'date'): { value: string; position: Position }[] {
  return inlines.flatMap((n) => (n.type === 'citation' && n[what] !== undefined ? [{ value: n[what], position: n.position }] : []))
}

/** The entries of `mine` that `theirs` does not have, each counted as often as it occurs. */
function missingFrom<T extends { value: string }>(mine: readonly T[], theirs: readonly { value: string }[]): T[] {
  const left = new Map<string, number>()
  for (const t of theirs) left.set(t.value, (left.get(t.value) ?? 0) + 1)
  return mine.filter((m) => {
    const k = left.get(m.value) ?? 0
    if (k > 0) left.set(m.value, k - 1)
    return k === 0
  })
}

/**
 * Where a unit of one side that has no counterpart would stand on the other side: at the
 * counterpart of the nearest unit before it that has one (else after it), else at the other
 * version's start.
 */
function nearestCounterpart(rows: readonly UnitPair[], index: number, other: Side, pair: VersionPair): Position {
  const units = pair.alignment[other]
  for (let i = index - 1; i >= 0; i--) if (rows[i]![other] !== undefined) return units[rows[i]![other]!]!.node.position
  for (let i = index + 1; i < rows.length; i++) if (rows[i]![other] !== undefined) return units[rows[i]![other]!]!.node.position
  return pair[other].tree.position
}

/**
 * The two versions agree where a translation reviewer checks them by hand: every paragraph has
 * its counterpart, with the same number; each pair cites the same documents (by canonical
 * symbol) and the same dates, and has as many footnote references. Each finding gives the place
 * in both raw files.
 */
export const parallelAgreement: ParallelLintRule = {
  id: 'parallel-agreement',
  doc: 'Two language versions of a document have the same paragraphs, numbers, citations, dates and footnotes.',
  defaultSeverity: 'error',
  check(pair) {
    const { rows } = pair.alignment
    const file: Record<Side, string> = { a: pair.a.source.path, b: pair.b.source.path }
    const out: ParallelLintMessage[] = []
    const report = (side: Side, here: Position | Point, there: Position | Point, reason: string) => out.push({ reason, side, ...(side === 'a' ? { a: here, b: there } : { a: there, b: here }) })
    const count = (side: Side, kind: AlignedUnit['kind']) => pair.alignment[side].filter((u) => u.kind === kind).length

    rows.forEach((row, index) => {
      for (const side of ['a', 'b'] as const) {
        const other = OTHER[side]
        if (row[side] === undefined || row[other] !== undefined) continue
        const u = pair.alignment[side][row[side]!]!
        const there = nearestCounterpart(rows, index, other, pair)
        const mine = count(side, u.kind)
        const theirs = count(other, u.kind)
        const counts = mine !== theirs ? ` (${mine} ${NAMES[u.kind][mine === 1 ? 0 : 1]} here, ${theirs} there)` : ''
        report(side, u.node.position, there, `The ${named(u)} has no counterpart in ${file[other]} (it would stand near ${at(file[other], there)})${counts}.`)
      }
      if (row.a === undefined || row.b === undefined) return
      const units: Record<Side, AlignedUnit> = { a: pair.alignment.a[row.a]!, b: pair.alignment.b[row.b]! }
      const { a: u, b: v } = units
      const where = (side: Side) => at(file[side], units[side].node.position)
      if (u.kind !== v.kind && u.kind !== 'text' && v.kind !== 'text' && !(isHeading(u) && isHeading(v))) {
        report('a', u.node.position, v.node.position, `This ${named(u)} stands beside the ${named(v)} at ${where('b')}: the versions give the paragraph different places in the structure.`)
      } else if (u.kind === v.kind && u.numberValue && v.numberValue && u.numberValue.system === v.numberValue.system && u.numberValue.value !== v.numberValue.value) {
        report('a', u.node.position, v.node.position, `This ${named(u)} is numbered ${v.number} in ${where('b')}.`)
      }
      for (const side of ['a', 'b'] as const) {
        const other = OTHER[side]
        const here = units[side].node.children
        const there = units[other].node.children
        for (const s of missingFrom(cited(here, 'symbol'), cited(there, 'symbol'))) {
          report(side, s.position, units[other].node.position, `This cites ${s.value}, which its counterpart at ${where(other)} does not cite.`)
        }
        for (const d of missingFrom(datesOf(units[side]), datesOf(units[other]))) {
          report(side, d.position, units[other].node.position, `The date ${d.value} is not in its counterpart at ${where(other)}.`)
        }
      }
      const refs = (side: Side) => units[side].node.children.filter((n) => n.type === 'footnoteReference').length
      if (refs('a') !== refs('b')) {
        report('a', u.node.position, v.node.position, `This ${named(u)} has ${refs('a')} footnote references and its counterpart at ${where('b')} has ${refs('b')}.`)
      }
    })
    return out
  }
}

function isHeading(u: AlignedUnit): boolean {
  return u.kind === 'title' || u.kind === 'heading'
}

/** The dates a unit gives: those its text cites, and an adoption line's own. */
function datesOf(u: AlignedUnit): { value: string; position: Position }[] {
  const own = u.node.type === 'adoption' && u.node.date !== undefined ? [{ value: u.node.date, position: u.node.position }] : []
  const inText = cited(u.node.children, 'date')
  // An adoption line's date is also the date its text cites: counted once.
  return [...own.filter((o) => !inText.some((d) => d.value === o.value)), ...inText]
}
