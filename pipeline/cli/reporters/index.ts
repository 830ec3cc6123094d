import { compareDiagnostics, type Diagnostic } from '../../core/diagnostic.js'
import { githubReporter } from './github.js'
import { jsonReporter } from './json.js'
import { sarifReporter } from './sarif.js'
import { textReporter } from './text.js'
import { byCodeUnits } from '../../core/order.js'
import type { ReporterName } from './names.js'

/** The diagnostics of one file. */
export interface FileReport {
  readonly file: string
  readonly diagnostics: readonly Diagnostic[]
}

/** What a reporter formats: every file checked (with or without findings), and how many documents there were. */
export interface Report {
  readonly files: readonly FileReport[]
  readonly documents: number
}

/** A format of `undoc validate --format`: the whole report as one text for standard output. */
export interface Reporter {
  readonly name: ReporterName
  format(report: Report, options: { readonly color: boolean }): string
}

/** Every reporter, in the order of REPORTER_NAMES: the default first. */
export const REPORTERS: readonly Reporter[] = [textReporter, jsonReporter, githubReporter, sarifReporter]

/** Groups diagnostics by file, in order; `files` are listed even when they have none. */
export function report(diagnostics: readonly Diagnostic[], files: readonly string[], documents: number): Report {
  const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]))
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const list = byFile.get(d.file)
    if (list) list.push(d)
    else byFile.set(d.file, [d])
  }
  return { files: [...byFile].sort(([a], [b]) => byCodeUnits(a, b)).map(([file, ds]) => ({ file, diagnostics: ds })), documents }
}

/**
 * Colour only for a person at a terminal: never when NO_COLOR is set (https://no-color.org) or
 * FORCE_COLOR is 0; always when FORCE_COLOR is another value; else when the stream is a TTY.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false'
  return stream.isTTY === true
}
