// Generated from schemas/report.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.
import type { Diagnostic } from './diagnostic.js'

/**
 * What `undoc validate --format json` prints: one object per file checked, with its messages (diagnostics of the pipeline and of the lint rules), in file order.
 */
export type ValidationReport = FileReport[]

export interface FileReport {
  /**
   * Path of the file, relative to the working folder, with / separators.
   */
  file: string
  errorCount: number
  warningCount: number
  messages: Diagnostic[]
}
