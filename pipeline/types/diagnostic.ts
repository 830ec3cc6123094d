// Generated from schemas/diagnostic.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.

/**
 * How much a diagnostic matters: an error stops its file's editions being written (a fatal vfile message), a warning does not, info only informs.
 */
export type Severity = 'error' | 'warning' | 'info'
/**
 * What undoc says about files: the one shape of a message, whichever stage, rule or command made it, as a manifest keeps it for each source and `undoc validate --format json` reports it. A diagnostic is a vfile message as plain data: its reason, its place in the raw file (never in a stage's own text), its rule id and its source, with its severity spelled out.
 */
export type Diagnostics = Diagnostic[]

export interface Diagnostic {
  /**
   * Path of the file it is about, relative to the working folder, with / separators.
   */
  file: string
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
  severity: Severity
  ruleId: string
  /**
   * 'undoc' for the pipeline's own diagnostics, 'undoc-lint' for the lint rules'.
   */
  source: string
  /**
   * What is wrong, and what to do about it.
   */
  reason: string
  /**
   * Other places the message is about: for two language versions of a document, where the other version says otherwise.
   */
  related?: RelatedPlace[]
}
/**
 * A place in another file (or elsewhere in this one) that a message points to as well.
 */
export interface RelatedPlace {
  file: string
  line: number
  column: number
  endLine?: number
  endColumn?: number
}
