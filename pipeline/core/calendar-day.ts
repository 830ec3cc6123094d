/** A day of the calendar, as a cited date's days are read before they are written in ISO 8601. */
export interface CalendarDay {
  readonly year: number
  readonly month: number
  readonly day: number
}

/**
 * A date that leaves out its year, or its year and month, carried over from the date before it:
 * moved on a year (or a month) where it would otherwise come before that date ("12月30日至1月2日").
 */
export function carried(before: CalendarDay, year: number | undefined, month: number | undefined, day: number): CalendarDay {
  if (year !== undefined) return { year, month: month ?? before.month, day }
  if (month !== undefined) return { year: month < before.month || (month === before.month && day < before.day) ? before.year + 1 : before.year, month, day }
  if (day >= before.day) return { ...before, day }
  return before.month === 12 ? { year: before.year + 1, month: 1, day } : { year: before.year, month: before.month + 1, day }
}

export function isValidDay(d: CalendarDay): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31
}

/** "2005-12-07". */
export function isoDay(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
}
