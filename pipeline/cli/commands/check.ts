import { readdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { EMITTERS, type EmitOutput } from '../../emit/index.js'
import type { Command } from '../command.js'
import { formatDiagnostic, plural } from '../report.js'
import { INDEX_NAME, runBuild } from '../run-build.js'

/** The editions `check` compares: every emitter's but the PDF, which is not committed. */
const CHECKED = EMITTERS.filter((e) => e.extension !== '.pdf')

/** True when an output, as it is produced (in chunks, possibly larger than any one string), has the file's bytes. */
function sameBytes(content: EmitOutput, file: Buffer): boolean {
  if (typeof content === 'string') return file.equals(Buffer.from(content, 'utf8'))
  if (content instanceof Uint8Array) return file.equals(content)
  let at = 0
  for (const chunk of content()) {
    const bytes = Buffer.from(chunk, 'utf8')
    if (at + bytes.length > file.length || !bytes.equals(file.subarray(at, at + bytes.length))) return false
    at += bytes.length
  }
  return at === file.length
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'exit 1, naming them, when the committed outputs are not what a build of the sources gives now',
  usage: 'undoc check [paths…] [--out DIR]   sources (default input/) against the outputs in DIR (default output/)',
  options: {
    out: { type: 'string', short: 'o' }
  },
  async run(values, positionals, io) {
    const out = (values.out as string | undefined) ?? 'output'
    const folder = resolve(io.cwd, out)
    let committed: Set<string>
    try {
      committed = new Set((await readdir(folder)).filter((n) => n === INDEX_NAME || CHECKED.some((e) => n.endsWith(e.extension))))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') {
        io.stderr.write(`undoc check: cannot read ${out} (${code ?? String(error)})\n`)
        return 2
      }
      committed = new Set()
    }
    // Each output is compared as it is built, and only the verdict kept; a later build of the same output replaces it.
    const verdicts = new Map<string, 'current' | 'stale' | 'missing'>()
    const compare = async (name: string, content: EmitOutput) => {
      verdicts.set(name, !committed.has(name) ? 'missing' : sameBytes(content, await readFile(join(folder, name))) ? 'current' : 'stale')
    }
    const result = await runBuild({ paths: positionals.length ? positionals : ['input'], cwd: io.cwd, emitters: CHECKED, collect: compare })
    const errors = result.diagnostics.filter((d) => d.severity === 'error')
    for (const d of errors) io.stderr.write(`${formatDiagnostic(d)}\n`)
    if (result.ioError) return 2
    const shown = (name: string) => join(out, name).split('\\').join('/')
    const problems: string[] = []
    for (const name of [...new Set([...verdicts.keys(), ...committed])].sort()) {
      const verdict = verdicts.get(name)
      if (verdict === 'missing') problems.push(`${shown(name)}  missing: a build writes it, and it is not there`)
      else if (verdict === 'stale') problems.push(`${shown(name)}  stale: a build now writes something else`)
      else if (verdict === undefined) problems.push(`${shown(name)}  extra: no source builds it`)
    }
    for (const p of problems) io.stderr.write(`${p}\n`)
    const summary = problems.length > 0 ? `${plural(problems.length, 'output')} not current: run undoc build and commit ${out}/` : `${plural(verdicts.size, 'output')} current`
    io.stderr.write(`${summary}${errors.length > 0 ? `; ${plural(errors.length, 'error')} in the sources` : ''}\n`)
    return problems.length > 0 || errors.length > 0 ? 1 : 0
  }
}
