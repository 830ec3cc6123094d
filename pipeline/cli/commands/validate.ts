import type { Command } from '../command.js'
import { counts, formatDiagnostic, plural } from '../report.js'
import { runBuild } from '../run-build.js'

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check the sources without writing anything',
  usage: 'undoc validate [paths…]            files or folders (default input/)',
  options: {},
  async run(_values, positionals, io) {
    const result = await runBuild({ paths: positionals.length ? positionals : ['input'], cwd: io.cwd })
    for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
    const { errors, warnings } = counts(result.diagnostics)
    io.stderr.write(`${plural(result.builds.length, 'document')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`)
    if (result.ioError) return 2
    return errors > 0 ? 1 : 0
  }
}
