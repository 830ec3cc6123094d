// Generated from schemas/report.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.

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
  messages: Message[]
}
export interface Message {
  /**
   * 1-based line in the raw file.
   */
  line: number
  /**
   * 1-based column in UTF-16 code units.
   */
  column: number
  endLine?: number
  endColumn?: number
  severity: 'error' | 'warning' | 'info'
  ruleId: string
  /**
   * 'undoc' for the pipeline's own diagnostics, 'undoc-lint' for the lint rules'.
   */
  source: string
  message: string
  /**
   * Other places the message is about: for two language versions of a document, where the other version says otherwise.
   */
  related?: RelatedPlace[]
}
export interface RelatedPlace {
  file: string
  line: number
  column: number
  endLine?: number
  endColumn?: number
}
