// Writes the code cache of the commands' bundle (dist/bundle/cli/commands.cjs.v8-cache), which
// the bin compiles the bundle with (pipeline/cli/code-cache.ts): it runs the commands a person
// runs on one document — validate, and a build into JSON and Markdown — on a seed, in this
// process, then asks V8 for the code it compiled on the way. V8 compiles a function when it first
// runs, so a cache made before running would hold little more than the bundle's top level.
// The PDF writer is left out: its code is a small part of a PDF's time (the fonts are the most),
// and every run reads the whole cache, whatever the command.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(fileURLToPath(import.meta.url), '..', '..')
const { loadForCache } = await import(pathToFileURL(join(ROOT, 'dist', 'pipeline', 'cli', 'code-cache.js')).href)
const BUNDLE = join(ROOT, 'dist', 'bundle', 'cli', 'commands.cjs')
const SEED = join(ROOT, 'input', 'a-res-67-264.zh.txt')

const { exports: commands, writeCache } = loadForCache(BUNDLE)
const out = mkdtempSync(join(tmpdir(), 'undoc-code-cache-'))
const silent = () => new Writable({ write: (_chunk, _encoding, done) => done() })
const io = { stdout: silent(), stderr: silent(), cwd: ROOT, env: process.env }
try {
  // Exit codes are not checked: a seed's lint findings make 1, and the cache is the same.
  await commands.validate.runValidate({}, [SEED], io, { name: 'validate', usage: '' })
  await commands.build.runBuildCommand({ out, quiet: true, formats: 'json,markdown' }, [SEED], io, { name: 'build', usage: '' })
} finally {
  rmSync(out, { recursive: true, force: true })
}
writeCache()
