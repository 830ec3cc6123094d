import type { Diagnostic } from '../core/diagnostic.js'

/** One diagnostic as a line: `file:line:column  severity  message  rule-id`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.reason}  ${d.ruleId}`
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
