// Generated from schemas/config.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.

/**
 * A severity, or a severity and the rule's options.
 *
 * This interface was referenced by `UndocConfig`'s JSON-Schema
 * via the `definition` "RuleSetting".
 */
export type RuleSetting =
  | (
      | Severity
      | [
          Severity,
          {
            [k: string]: unknown | undefined
          }
        ]
    )
  | undefined
/**
 * This interface was referenced by `UndocConfig`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'off' | 'warning' | 'error'

/**
 * undoc.config.json: which lint rules run, how severely and with which options, for all sources and for sources matching path patterns. Rule ids and their options are checked against the rule registry (pipeline/lint/index.ts).
 */
export interface UndocConfig {
  $schema?: string
  rules?: Rules
  /**
   * Settings for the sources whose paths match, applied in order after `rules`.
   */
  overrides?: Override[]
}
/**
 * Rule id → setting.
 *
 * This interface was referenced by `UndocConfig`'s JSON-Schema
 * via the `definition` "Rules".
 */
export interface Rules {
  [k: string]: RuleSetting | undefined
}
/**
 * This interface was referenced by `UndocConfig`'s JSON-Schema
 * via the `definition` "Override".
 */
export interface Override {
  /**
   * Glob pattern(s) of source paths, relative to the folder of the configuration file.
   */
  files: string | [string, ...string[]]
  rules: Rules
}
