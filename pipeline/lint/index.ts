import { compareDiagnostics, Messages, type Diagnostic } from '../core/diagnostic.js'
import { profileFor } from '../lang/index.js'
import type { UndocDocument } from '../types/document.js'
import { validateFilling, type SchemaViolation } from '../validate/index.js'
import type { LintRule, LintSeverity } from './rule.js'
import { citationOrder } from './rules/citation-order.js'
import { clausePunctuation } from './rules/clause-punctuation.js'
import { dateValid } from './rules/date-valid.js'
import { footnoteDefined } from './rules/footnote-defined.js'
import { footnoteReferenced } from './rules/footnote-referenced.js'
import { halfwidthPunctuation } from './rules/halfwidth-punctuation.js'
import { pairedPunctuation } from './rules/paired-punctuation.js'
import { paragraphNumbering } from './rules/paragraph-numbering.js'
import { renamedOrganization } from './rules/renamed-organization.js'
import { symbolFormat } from './rules/symbol-format.js'
import { titleSymbol } from './rules/title-symbol.js'
import { DocumentText } from './text.js'

/** Every lint rule, in the order they run and are documented. */
export const RULES: readonly LintRule[] = [
  paragraphNumbering,
  footnoteDefined,
  footnoteReferenced,
  clausePunctuation,
  pairedPunctuation,
  dateValid,
  symbolFormat,
  citationOrder,
  halfwidthPunctuation,
  renamedOrganization,
  titleSymbol
]

export function ruleById(id: string): LintRule | undefined {
  return RULES.find((r) => r.id === id)
}

/** How one rule runs for one document: its severity (or off) and its options as configured. */
export interface RuleRun {
  readonly severity: LintSeverity | 'off'
  readonly options?: Readonly<Record<string, unknown>>
}

/** The source of lint diagnostics, as opposed to the pipeline's own ('undoc'). */
export const LINT_SOURCE = 'undoc-lint'

/**
 * A rule's options with its schema's defaults filled in, or what is wrong with them. A rule
 * without a schema takes no options.
 */
export function ruleOptions(rule: LintRule, options: Readonly<Record<string, unknown>> | undefined): { options: Record<string, unknown> } | { violations: SchemaViolation[] } {
  const copy: Record<string, unknown> = structuredClone(options ?? {})
  if (!rule.schema) return Object.keys(copy).length === 0 ? { options: copy } : { violations: [{ pointer: '/', message: 'this rule takes no options' }] }
  const violations = validateFilling(rule.schema, copy)
  return violations.length > 0 ? { violations } : { options: copy }
}

/**
 * Runs the rules on a built document: each rule at its configured severity (its default when the
 * settings do not name it), with its options. The diagnostics point into the raw file.
 */
export function lint(document: UndocDocument, settings: Readonly<Record<string, RuleRun>> = {}): Diagnostic[] {
  const lang = profileFor(document.metadata.language)
  if (!lang) return []
  const messages = new Messages(document.source.path)
  const text = new DocumentText(document)
  for (const rule of RULES) {
    const setting = settings[rule.id]
    const severity = setting?.severity ?? rule.defaultSeverity
    if (severity === 'off') continue
    const resolved = ruleOptions(rule, setting?.options)
    if ('violations' in resolved) throw new Error(`lint: options of ${rule.id} were not checked: ${resolved.violations.map((v) => v.message).join('; ')}`)
    try {
      for (const m of rule.check(document, { lang, options: resolved.options, text })) messages.add(severity, m.reason, rule.id, m.place, LINT_SOURCE)
    } catch (error) {
      // A bug in a rule, not a fault of the text: say so, and let the other rules run.
      messages.add(
        'error',
        `The lint rule ${rule.id} failed on this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`,
        'internal-error',
        undefined,
        LINT_SOURCE
      )
    }
  }
  return messages.toData().sort(compareDiagnostics)
}
