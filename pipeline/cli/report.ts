import type { Diagnostic } from '../core/diagnostic.js'

/** One diagnostic as a line: `file:line:column  severity  message  rule-id`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.file)}:${d.line}:${d.column}  ${d.severity}  ${printable(d.reason)}  ${d.ruleId}`
}

/**
 * Control characters and bidirectional overrides (C0, DEL, C1, U+202A–U+202E, U+2066–U+2069),
 * as escapes: a file name may hold any of them, and printed raw a newline splits a
 * `file:line:col` line in two, an escape sequence retitles the terminal, an override reverses
 * what is read.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for: it escapes them
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** A text with its control characters written as escapes ("\n", "\x1b", "\u202e"), for a terminal or a log. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0)
    return c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`
  })
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
