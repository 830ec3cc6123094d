import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Point, Position } from '../types/document.js'
import type { Diagnostic, RelatedPlace, Severity } from '../types/diagnostic.js'
import { byCodeUnits } from './order.js'

// One shape of a message, defined once in schemas/diagnostic.schema.json (the manifest and the
// validation report take it from there): a vfile message as plain data, since it crosses worker
// threads, with the severity spelled out.
export type { Diagnostic, RelatedPlace, Severity }

/** A place as a related place of a message: a point or a span of a file. */
export function relatedPlace(file: string, place: Position | Point): RelatedPlace {
  const start = 'start' in place ? place.start : place
  const end = 'start' in place ? place.end : undefined
  return { file, line: start.line, column: start.column, ...(end ? { endLine: end.line, endColumn: end.column } : {}) }
}

/**
 * What work on one file gives: its value, or the diagnostics that say why there is none. The one
 * shape of "done or failed", told apart by `ok`.
 */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly diagnostics: Diagnostic[] }

/**
 * What a stage says about its file, before the file's messages are made: a vfile message's reason,
 * severity and rule id, placed by offsets into the raw file (never into a stage's own text), so
 * that every stage's findings point at what the user wrote.
 */
export interface RawMessage {
  readonly ruleId: string
  readonly severity: Severity
  readonly reason: string
  readonly rawStart: number
  readonly rawEnd: number
}

/**
 * Collects messages on a vfile, the unified model (file.message with place, ruleId and source),
 * and hands them on as data.
 */
export class Messages {
  readonly file: VFile
  /** The related places of the messages that have some (vfile keeps a message's place, not these). */
  private readonly related = new Map<VFileMessage, readonly RelatedPlace[]>()

  constructor(path: string) {
    this.file = new VFile({ path })
  }

  add(severity: Severity, reason: string, ruleId: string, place: Position | Point | undefined, source = 'undoc', related: readonly RelatedPlace[] = []): void {
    // A vfile message is an Error, whose stack V8 captures as it is made (and vfile then empties):
    // 10 µs a message, a tenth of a build for a text with many warnings.
    const stackTraceLimit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    let message: VFileMessage
    try {
      message = this.file.message(reason, { ...(place ? { place } : {}), ruleId, source })
    } finally {
      Error.stackTraceLimit = stackTraceLimit
    }
    message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
    if (related.length > 0) this.related.set(message, related)
  }

  get hasErrors(): boolean {
    return this.file.messages.some((m) => m.fatal === true)
  }

  toData(): Diagnostic[] {
    return this.file.messages.map((m) => {
      const place = m.place
      const start = place && 'start' in place ? place.start : place
      const end = place && 'start' in place ? place.end : undefined
      return {
        file: this.file.path,
        line: start?.line ?? 1,
        column: start?.column ?? 1,
        ...(end ? { endLine: end.line, endColumn: end.column } : {}),
        severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
        ruleId: m.ruleId ?? 'undoc',
        source: m.source ?? 'undoc',
        reason: m.reason,
        ...(this.related.has(m) ? { related: [...this.related.get(m)!] } : {})
      }
    })
  }
}

/** Orders diagnostics by file, place and rule, so output never depends on scheduling. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return byCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column || byCodeUnits(a.ruleId, b.ruleId) || byCodeUnits(a.reason, b.reason)
}

/** How many of the diagnostics are errors and how many warnings. */
export function counts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0
  let warnings = 0
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++
    else if (d.severity === 'warning') warnings++
  }
  return { errors, warnings }
}

/** A diagnostic about a whole file (it could not be read, listed or written), at its first line. */
export function fileDiagnostic(file: string, reason: string, ruleId = 'io-error'): Diagnostic {
  return { file: file.split('\\').join('/'), line: 1, column: 1, severity: 'error', ruleId, source: 'undoc', reason }
}

/** What a failed file operation says: the system's code (ENOENT, EACCES…), else the error's text. */
export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error)
}
