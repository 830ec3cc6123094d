import { compareDiagnostics, Messages, relatedPlace, type Diagnostic } from '../core/diagnostic.js'
import { LINT_SOURCE } from './index.js'
import type { ParallelLintRule, VersionPair } from './rule.js'
import { parallelAgreement } from './rules/parallel-agreement.js'

/** Every rule over two language versions of one document. */
export const PARALLEL_RULES: readonly ParallelLintRule[] = [parallelAgreement]

/**
 * Runs the rules over two versions: each finding is a diagnostic of the version it is reported
 * on, with the place in the other version as its related place.
 */
export function lintParallel(pair: VersionPair): Diagnostic[] {
  const files = { a: pair.a.source.path, b: pair.b.source.path }
  const messages = { a: new Messages(files.a), b: new Messages(files.b) }
  for (const rule of PARALLEL_RULES) {
    for (const m of rule.check(pair)) {
      const other = m.side === 'a' ? 'b' : 'a'
      messages[m.side].add(rule.defaultSeverity, m.reason, rule.id, m[m.side], LINT_SOURCE, [relatedPlace(files[other], m[other])])
    }
  }
  return [...messages.a.toData(), ...messages.b.toData()].sort(compareDiagnostics)
}
