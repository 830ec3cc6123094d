import { printable } from '../report.js'
import type { Reporter } from './index.js'

/** A workflow command's message: %, CR and LF escaped (GitHub's toCommandValue rules), other control characters as escapes. */
function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'))
}

/** A workflow command's property value: also ":" and ",", which separate properties. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const

/**
 * For GitHub Actions: one workflow command per finding
 * (`::error file=…,line=…,col=…,title=rule-id::message`), shown as an annotation on its line.
 */
export const githubReporter: Reporter = {
  name: 'github',
  format(report) {
    const lines = report.files.flatMap((f) =>
      f.diagnostics.map((d) => {
        const properties = [
          `file=${escapeProperty(d.file)}`,
          `line=${d.line}`,
          `col=${d.column}`,
          ...(d.endLine !== undefined && d.endColumn !== undefined ? [`endLine=${d.endLine}`, `endColumn=${d.endColumn}`] : []),
          `title=${escapeProperty(d.ruleId)}`
        ]
        return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.reason)}`
      })
    )
    return lines.length > 0 ? `${lines.join('\n')}\n` : ''
  }
}
