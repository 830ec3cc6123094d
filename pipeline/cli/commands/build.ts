import type { Command } from '../command.js'
import { counts, formatDiagnostic, plural } from '../report.js'
import { runBuild } from '../run-build.js'

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the sources into JSON (and the other outputs)',
  usage: 'undoc build [paths…] [--out DIR]   files or folders (default input/) into DIR (default output/)',
  options: {
    out: { type: 'string', short: 'o' }
  },
  async run(values, positionals, io) {
    const result = await runBuild({ paths: positionals.length ? positionals : ['input'], out: (values.out as string | undefined) ?? 'output', cwd: io.cwd })
    for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
    const { errors, warnings } = counts(result.diagnostics)
    const built = result.builds.filter((b) => b.built).length
    io.stderr.write(`${plural(result.builds.length, 'document')}, ${built} built: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`)
    if (result.ioError) return 2
    return errors > 0 ? 1 : 0
  }
}
