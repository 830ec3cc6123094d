import { join, resolve } from 'node:path'
import type { Command } from '../command.js'
import { formatDiagnostic, plural } from '../report.js'

export const indexCommand: Command = {
  name: 'index',
  summary: 'merge the shards of a sharded build (or the last build) into index.json',
  usage: 'undoc index [--out DIR]            DIR/.undoc-shard-*-of-N.jsonl (else DIR/.undoc-manifest.jsonl) → DIR/index.json',
  options: {
    out: { type: 'string', short: 'o' }
  },
  async run(values, positionals, io) {
    // The store and the run engine are loaded by this command when it runs, not by every command.
    const [{ mergeShards }, { INDEX_NAME }] = await Promise.all([import('../../batch/merge-shards.js'), import('../../batch/output-names.js')])
    const shown = (values.out as string | undefined) ?? 'output'
    const fail = (message: string) => {
      io.stderr.write(`undoc index: ${message}\n`)
      return 2
    }
    if (positionals.length > 0) return fail(`it takes no paths (got ${positionals.join(' ')}): it reads the output folder given by --out.\n  ${indexCommand.usage}`)
    const merged = await mergeShards(resolve(io.cwd, shown), shown)
    if (!merged.ok) {
      if (merged.diagnostics === undefined) return fail(merged.reason)
      for (const d of merged.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
      return 2
    }
    io.stderr.write(`${join(shown, INDEX_NAME)}: ${plural(merged.documents, 'document')} from ${plural(merged.files.length, 'file')}\n`)
    return 0
  }
}
