import { isWide, visualWidth } from '../core/chars.js'
import type { ClauseMarks } from '../lang/profile.js'

const TRAILING_REFS = /(?:\[\^[^\]\s]+\])+$/

/**
 * Whether a line of text ends a clause: its last character, past closing quotes and brackets and
 * footnote references, is clause-final punctuation of its language. A line that does not is
 * unfinished: the sentence goes on on the next line.
 */
export function endsClause(line: string, marks: ClauseMarks): boolean {
  const s = line.trimEnd().replace(TRAILING_REFS, '')
  // By code units, not code points (no copy of the line): the marks are characters of one code
  // unit, which half of a surrogate pair never is.
  let i = s.length - 1
  while (i >= 0 && marks.closers.includes(s[i]!)) {
    if (i > 0 && marks.final.includes(s[i - 1]!)) return true
    i--
  }
  return i >= 0 && marks.final.includes(s[i]!)
}

/**
 * A line without the mark at its end by which it leads into what follows it: an agenda item's
 * title that goes on under it ("Financing of the United Nations peacekeeping forces in the Middle
 * East:" over "(b) United Nations Interim Force in Lebanon") ends no clause.
 */
export function withoutIntroducingMark(line: string, marks: ClauseMarks): string {
  const last = line.at(-1)
  return last !== undefined && marks.introducing.includes(last) ? line.slice(0, -1) : line
}

/** Width of the first word of a line: one wide character, or a run of narrow ones (with the language's wide punctuation). */
export function firstWordWidth(line: string, widePunctuation: string): number {
  const rest = line.trimStart()
  if (rest === '') return 0
  const first = String.fromCodePoint(rest.codePointAt(0)!)
  if (isWide(first, widePunctuation)) return 2
  const word = /^\S+/.exec(rest)?.[0] ?? ''
  return visualWidth(word.split(/(?=[\u3000-\u9fff])/)[0] ?? '', widePunctuation)
}

/** A footnote definition line in the canonical text: "[^1]: text". */
export const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]+)\]:/

/** The rule a UN page sets above its footnotes. */
export const FOOTNOTE_RULE = /^[_＿]{5,}$/
