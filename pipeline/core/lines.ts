import { isBlank } from './chars.js'

/** One line of a text: its bounds without the line break, its content without surrounding blanks. */
export interface Line {
  /** Offset of the first character. */
  readonly start: number
  /** Offset after the last character, before the line break. */
  readonly end: number
  /** Offset after the line break (equal to `end` on the last line if it has none). */
  readonly breakEnd: number
  readonly contentStart: number
  readonly contentEnd: number
}

/** Splits a text into lines on LF, CRLF and CR, with their content bounds. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  const n = text.length
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1
    if (c !== 10 && c !== 13 && c !== -1) continue
    let breakEnd = i
    if (c === 13 && text.charCodeAt(i + 1) === 10) breakEnd = i + 2
    else if (c !== -1) breakEnd = i + 1
    if (c === -1 && start === n && lines.length > 0) break
    let cs = start
    while (cs < i && isBlank(text[cs]!)) cs++
    let ce = i
    while (ce > cs && isBlank(text[ce - 1]!)) ce--
    lines.push({ start, end: i, breakEnd, contentStart: cs, contentEnd: ce })
    start = breakEnd
    i = breakEnd - 1
  }
  return lines
}

export function isBlankLine(line: Line): boolean {
  return line.contentStart === line.contentEnd
}
