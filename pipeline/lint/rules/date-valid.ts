import type { Position } from '../../types/document.js'
import type { LintMessage, LintRule } from '../rule.js'

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** What is wrong with one ISO date or month ("2013-02-30", "2012-13"), or null. */
function invalid(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso)
  if (!m) return `"${iso}" is not a date`
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])]
  if (month < 1 || month > 12) return `there is no month ${month}`
  if (day !== undefined && (day < 1 || day > daysIn(year, month))) return `${year}-${m[2]} has no day ${day}`
  return null
}

/**
 * The dates a text gives (every date is a citation, alone or as a resolution's date) exist in the
 * calendar, a range runs forward, and none is after the document's own date.
 */
export const dateValid: LintRule = {
  id: 'date-valid',
  doc: "Dates exist in the calendar (no 2 月 30 日) and none is after the document's own date.",
  defaultSeverity: 'error',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allowAfterDocumentDate: { description: "Accept dates after the document's own date (texts that schedule future events).", type: 'boolean', default: false }
    }
  },
  check(document, { options, text }) {
    const own = document.metadata.date
    const out: LintMessage[] = []
    const checkDate = (value: string, written: string, place: Position) => {
      const range = value.split('/')
      const dates = value.split(/[/,]/)
      const wrong = dates.map(invalid).find((w) => w !== null)
      if (wrong) {
        out.push({ reason: `"${written}" is not a real date: ${wrong}.`, place })
        return
      }
      if (range.length === 2 && range[0]! > range[1]!) out.push({ reason: `The range "${written}" ends (${range[1]}) before it starts (${range[0]}).`, place })
      const latest = dates.reduce((a, b) => (a > b ? a : b))
      if (own && options.allowAfterDocumentDate !== true && latest.slice(0, own.length) > own.slice(0, latest.length)) {
        out.push({ reason: `"${written}" (${latest}) is after the document's own date, ${own}.`, place })
      }
    }
    for (const block of text.blocks) {
      for (const c of block.citations) if (c.node.date) checkDate(c.node.date, block.text.slice(c.start, c.end), c.node.position)
    }
    return out
  }
}
