import { romanNumeral, romanValue } from '../../core/roman.js'
import type { Paragraph } from '../../types/document.js'
import type { LintMessage, LintRule } from '../rule.js'

/** The value of a paragraph number at its level: 1, 2, 3…; a, b, … z, aa, bb…; i, ii, iii… */
function ordinal(number: string, level: number): number | null {
  if (level <= 1) return /^\d{1,6}$/.test(number) ? Number(number) : null
  if (level === 2) {
    const letters = /^([a-z])\1*$/.exec(number)
    return letters ? (number.length - 1) * 26 + letters[1]!.charCodeAt(0) - 96 : null
  }
  return romanValue(number)
}

function capitalized(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1)
}

/** The number that comes `n`-th at a level, as it is written. */
function written(n: number, level: number): string {
  if (level <= 1) return String(n)
  if (level === 2) return String.fromCharCode(96 + ((n - 1) % 26) + 1).repeat(Math.floor((n - 1) / 26) + 1)
  return romanNumeral(n).toLowerCase()
}

/**
 * Numbered paragraphs run 1, 2, 3… through the main text and through each annex; the
 * subparagraphs of a paragraph run (a), (b)… and theirs (i), (ii)…, each from the first.
 */
export const paragraphNumbering: LintRule = {
  id: 'paragraph-numbering',
  doc: 'Paragraph numbers start at 1 and run on with no gap or repeat (subparagraphs (a), (b)… and (i), (ii)… too).',
  defaultSeverity: 'error',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      subparagraphs: { description: 'Check the lettered and Roman subparagraphs too.', type: 'boolean', default: true }
    }
  },
  check(_document, { options, text }) {
    const out: LintMessage[] = []
    const deepest = options.subparagraphs === true ? 3 : 1
    // The last number seen at each level, in the current text (main or annex): 0 before the first.
    let last: number[] = []
    let annex = -1
    for (const block of text.blocks) {
      if (block.block.type !== 'paragraph' || block.place.part === 'footnotes') continue
      const p: Paragraph = block.block
      if (block.place.annex !== annex) {
        annex = block.place.annex
        last = []
      }
      const level = p.level ?? 1
      if (p.number === undefined || level > deepest) continue
      const n = ordinal(p.number, level)
      if (n === null) continue
      const previous = last[level] ?? 0
      last = last.slice(0, level + 1)
      last[level] = n
      if (n === previous + 1) continue
      const place = { start: p.position.start, end: p.children[0]?.position.start ?? p.position.end }
      const name = level === 1 ? 'paragraph' : 'subparagraph'
      const shown = (k: number) => (level === 1 ? written(k, level) : `(${written(k, level)})`)
      let reason: string
      if (previous === 0) reason = `${capitalized(name)} ${shown(n)} is the first of its series: numbering starts at ${shown(1)}.`
      else if (n === previous) reason = `${capitalized(name)} ${shown(n)} repeats the number of the one before it.`
      else if (n < previous) reason = `${capitalized(name)} ${shown(n)} comes after ${name} ${shown(previous)}: the numbers must run in order.`
      else if (n === previous + 2) reason = `${capitalized(name)} ${shown(n)} follows ${name} ${shown(previous)}: ${name} ${shown(previous + 1)} is missing.`
      else reason = `${capitalized(name)} ${shown(n)} follows ${name} ${shown(previous)}: ${name}s ${shown(previous + 1)} to ${shown(n - 1)} are missing.`
      out.push({ reason, place })
    }
    return out
  }
}
