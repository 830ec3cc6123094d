import { counts } from '../../core/diagnostic.js'
import type { FileReport as FileResult } from '../../types/report.js'
import type { Reporter } from './index.js'

/** For programs: one object per file with its diagnostics, valid against schemas/report.schema.json. */
export const jsonReporter: Reporter = {
  name: 'json',
  format(report) {
    const files = report.files.map((f): FileResult => {
      const { errors, warnings } = counts(f.diagnostics)
      return {
        file: f.file,
        errorCount: errors,
        warningCount: warnings,
        // Each in the schema's order of keys, whichever code made it.
        messages: f.diagnostics.map((d) => ({
          file: d.file,
          line: d.line,
          column: d.column,
          ...(d.endLine !== undefined && d.endColumn !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
          severity: d.severity,
          ruleId: d.ruleId,
          source: d.source,
          reason: d.reason,
          ...(d.related ? { related: d.related.map((r) => ({ ...r })) } : {})
        }))
      }
    })
    return `${JSON.stringify(files, null, 2)}\n`
  }
}
