import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { EMITTERS, outputText, type EmitOutput } from '../../emit/index.js'
import type { Command } from '../command.js'
import { formatDiagnostic, plural } from '../report.js'
import { INDEX_NAME, runBuild } from '../run-build.js'

/** The editions `check` compares: every emitter's but the PDF, which is not committed. */
const CHECKED = EMITTERS.filter((e) => e.extension !== '.pdf')

export const checkCommand: Command = {
  name: 'check',
  summary: 'exit 1, naming them, when the committed outputs are not what a build of the sources gives now',
  usage: 'undoc check [paths…] [--out DIR]   sources (default input/) against the outputs in DIR (default output/)',
  options: {
    out: { type: 'string', short: 'o' }
  },
  async run(values, positionals, io) {
    const out = (values.out as string | undefined) ?? 'output'
    const built = new Map<string, EmitOutput>()
    const result = await runBuild({ paths: positionals.length ? positionals : ['input'], cwd: io.cwd, emitters: CHECKED, collect: (name, content) => built.set(name, content) })
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    for (const d of errors) io.stderr.write(`${formatDiagnostic(d)}\n`)
    if (result.ioError) return 2
    const extensions = new Set([...CHECKED.map((e) => e.extension)])
    let committed: string[]
    try {
      committed = (await readdir(resolve(io.cwd, out))).filter((n) => n === INDEX_NAME || [...extensions].some((x) => n.endsWith(x)))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') {
        io.stderr.write(`undoc check: cannot read ${out} (${code ?? String(error)})\n`)
        return 2
      }
      committed = []
    }
    const problems: string[] = []
    for (const name of [...built.keys()].sort()) {
      const path = join(out, name).split('\\').join('/')
      if (!committed.includes(name)) {
        problems.push(`${path}  missing: a build writes it, and it is not there`)
        continue
      }
      const now = outputText(built.get(name)!)
      const expected = typeof now === 'string' ? Buffer.from(now, 'utf8') : Buffer.from(now)
      if (!expected.equals(await readFile(resolve(io.cwd, out, name)))) problems.push(`${path}  stale: a build now writes something else`)
    }
    for (const name of committed.sort()) {
      if (!built.has(name)) problems.push(`${join(out, name).split('\\').join('/')}  extra: no source builds it`)
    }
    for (const p of problems) io.stderr.write(`${p}\n`)
    const summary = problems.length > 0 ? `${plural(problems.length, 'output')} not current: run undoc build and commit ${out}/` : `${plural(built.size, 'output')} current`
    io.stderr.write(`${summary}${errors.length > 0 ? `; ${plural(errors.length, 'error')} in the sources` : ''}\n`)
    return problems.length > 0 || errors.length > 0 ? 1 : 0
  }
}
