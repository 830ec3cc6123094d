import { styleText } from 'node:util'
import { counts } from '../../core/diagnostic.js'
import { plural, printable } from '../report.js'
import type { Reporter } from './index.js'

/**
 * For people: the files with findings, each followed by its findings as
 * `line:column  severity  message  rule-id`, then a summary line.
 */
export const textReporter: Reporter = {
  name: 'text',
  format(report, { color }) {
    // The choice is made here (useColor), not by styleText's own look at process.stdout.
    const style = (format: Parameters<typeof styleText>[0], text: string) => (color ? styleText(format, text, { validateStream: false }) : text)
    const lines: string[] = []
    for (const { file, diagnostics } of report.files) {
      if (diagnostics.length === 0) continue
      lines.push(style('underline', printable(file)))
      for (const d of diagnostics) {
        const severity = d.severity === 'error' ? style('red', d.severity) : d.severity === 'warning' ? style('yellow', d.severity) : d.severity
        lines.push(`  ${d.line}:${d.column}  ${severity}  ${printable(d.reason)}  ${style('dim', d.ruleId)}`)
      }
      lines.push('')
    }
    const { errors, warnings } = counts(report.files.flatMap((f) => f.diagnostics))
    const summary = `${plural(report.documents, 'document')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
    lines.push(errors > 0 ? style(['red', 'bold'], summary) : warnings > 0 ? style(['yellow', 'bold'], summary) : style('green', summary))
    return `${lines.join('\n')}\n`
  }
}
