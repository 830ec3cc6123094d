import type { Log, Region, ReportingDescriptor, Result } from 'sarif'
import type { RelatedPlace } from '../../core/diagnostic.js'
import { VERSION } from '../../core/package-root.js'
import { RULES } from '../../lint/index.js'
import type { Reporter } from './index.js'

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const

/** A file's address for SARIF: relative to the checkout (%SRCROOT%) when relative, else a file URI. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  const encoded = file.split('/').map(encodeURIComponent).join('/')
  return file.startsWith('/') ? { uri: `file://${encoded}` } : { uri: encoded, uriBaseId: '%SRCROOT%' }
}

/** A place as a SARIF region. */
function region(p: Pick<RelatedPlace, 'line' | 'column' | 'endLine' | 'endColumn'>): Region {
  return { startLine: p.line, startColumn: p.column, ...(p.endLine !== undefined && p.endColumn !== undefined ? { endLine: p.endLine, endColumn: p.endColumn } : {}) }
}

/**
 * For code-scanning tools: SARIF 2.1.0, one run of undoc with the lint rules' metadata, one
 * result per finding. Columns are UTF-16 code units, as undoc counts them.
 */
export const sarifReporter: Reporter = {
  name: 'sarif',
  format(report) {
    const rules: ReportingDescriptor[] = RULES.map((r) => ({
      id: r.id,
      shortDescription: { text: r.doc },
      defaultConfiguration: { level: r.defaultSeverity }
    }))
    const index = new Map(RULES.map((r, i) => [r.id, i]))
    const results: Result[] = report.files.flatMap((f) =>
      f.diagnostics.map((d): Result => ({
        ruleId: d.ruleId,
        ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId)! } : {}),
        level: LEVEL[d.severity],
        message: { text: d.reason },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact(d.file),
              region: region(d)
            }
          }
        ],
        ...(d.related
          ? {
              relatedLocations: d.related.map((r, id) => ({
                id,
                physicalLocation: { artifactLocation: artifact(r.file), region: region(r) }
              }))
            }
          : {})
      }))
    )
    const log: Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'undoc', version: VERSION, rules } }, columnKind: 'utf16CodeUnits', results }]
    }
    return `${JSON.stringify(log, null, 2)}\n`
  }
}
