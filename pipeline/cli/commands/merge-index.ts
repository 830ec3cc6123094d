import { join, resolve } from 'node:path'
import { mergeShards } from '../../batch/merge-shards.js'
import { INDEX_NAME } from '../../batch/output-names.js'
import type { RunCommand } from '../command.js'
import { formatDiagnostic, plural } from '../report.js'

export const runIndex: RunCommand = async (values, positionals, io, command) => {
  const shown = (values.out as string | undefined) ?? 'output'
  const fail = (message: string) => {
    io.stderr.write(`undoc index: ${message}\n`)
    return 2
  }
  if (positionals.length > 0) return fail(`it takes no paths (got ${positionals.join(' ')}): it reads the output folder given by --out.\n  ${command.usage}`)
  const merged = await mergeShards(resolve(io.cwd, shown), shown)
  if (!merged.ok) {
    if (merged.diagnostics === undefined) return fail(merged.reason)
    for (const d of merged.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
    return 2
  }
  io.stderr.write(`${join(shown, INDEX_NAME)}: ${plural(merged.documents, 'document')} from ${plural(merged.files.length, 'file')}\n`)
  return 0
}
