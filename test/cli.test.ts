import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPORTERS } from '../pipeline/cli/reporters/index.js'
import { REPORTER_NAMES } from '../pipeline/cli/reporters/names.js'
import { EMITTERS } from '../pipeline/emit/index.js'
import { FORMATS } from '../pipeline/emit/formats.js'
import { validate } from '../pipeline/validate/index.js'
import { NO_PDF, undoc, workspace } from './cli-helpers.js'

const LINE = /^\S+:\d+:\d+ {2}(error|warning|info) {2}.+ {2}[a-z][a-z0-9-]*$/

describe('undoc build', () => {
  it('builds both seeds into schema-valid JSON and exits 0', async () => {
    const dir = workspace()
    const run = await undoc(dir, 'build', ...NO_PDF)
    expect(run.code).toBe(0)
    for (const name of ['a-res-67-264.zh.json', 'a-65-letter-kazakhstan-astana-declaration.zh.json']) {
      const doc: unknown = JSON.parse(readFileSync(join(dir, 'output', name), 'utf8'))
      expect(validate('document.schema.json', doc)).toEqual([])
    }
  })

  it('writes the same bytes on every run', async () => {
    const a = workspace()
    const b = workspace()
    await undoc(a, 'build', ...NO_PDF)
    await undoc(b, 'build', ...NO_PDF, 'input', '--out', 'output')
    for (const name of readdirSync(join(a, 'output')).filter((n) => !n.startsWith('.'))) {
      expect(readFileSync(join(b, 'output', name))).toEqual(readFileSync(join(a, 'output', name)))
    }
  })

  it('goes on past a bad file, reports it at file:line:column with a rule id, and exits 1', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'input', 'broken.zh.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))
    const run = await undoc(dir, 'build', ...NO_PDF)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^input\/broken\.zh\.txt:1:1 {2}error {2}This is a PNG image.+ {2}binary-input$/m)
    for (const line of run.stderr.split('\n').filter((l) => l.includes(':1:1'))) expect(line).toMatch(LINE)
    expect(existsSync(join(dir, 'output', 'a-res-67-264.zh.json'))).toBe(true)
    expect(existsSync(join(dir, 'output', 'broken.zh.json'))).toBe(false)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('refuses two inputs that would write the same output, naming both', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'input', 'copy'))
    writeFileSync(join(dir, 'input', 'copy', 'a-res-67-264.zh.txt'), readFileSync(join(dir, 'input', 'a-res-67-264.zh.txt')))
    const run = await undoc(dir, 'build', ...NO_PDF)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('input/a-res-67-264.zh.txt:1:1  error  Both this file and input/copy/a-res-67-264.zh.txt would write')
    expect(existsSync(join(dir, 'output', 'a-res-67-264.zh.json'))).toBe(false)
    expect(existsSync(join(dir, 'output', 'a-65-letter-kazakhstan-astana-declaration.zh.json'))).toBe(true)
  })

  it('takes metadata from a sidecar, and refuses a sidecar that is not valid, pointing into it', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'input', 'a-65-letter-kazakhstan-astana-declaration.zh.meta.json'), JSON.stringify({ symbol: 'A/65/999', originalLanguage: '英文' }))
    expect((await undoc(dir, 'build', ...NO_PDF)).code).toBe(0)
    const doc = JSON.parse(readFileSync(join(dir, 'output', 'a-65-letter-kazakhstan-astana-declaration.zh.json'), 'utf8')) as { metadata: Record<string, unknown> }
    expect(doc.metadata).toMatchObject({ symbol: 'A/65/999', originalLanguage: '英文' })

    writeFileSync(join(dir, 'input', 'a-65-letter-kazakhstan-astana-declaration.zh.meta.json'), '{\n  "symbol": "A/65/999",\n  "kind": letter\n}')
    const bad = await undoc(dir, 'build', ...NO_PDF)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^input\/a-65-letter-kazakhstan-astana-declaration\.zh\.meta\.json:3:11 {2}error {2}The sidecar is not valid JSON/m)

    writeFileSync(join(dir, 'input', 'a-65-letter-kazakhstan-astana-declaration.zh.meta.json'), JSON.stringify({ symbol: 'A/65/999', colour: 'blue' }))
    const unknownKey = await undoc(dir, 'build', ...NO_PDF)
    expect(unknownKey.code).toBe(1)
    expect(unknownKey.stderr).toContain('must NOT have additional properties (colour)')
  })

  it('exits 2 for a usage error and for an output folder it cannot write', async () => {
    const dir = workspace()
    expect((await undoc(dir, 'build', ...NO_PDF, '--no-such-flag')).code).toBe(2)
    expect((await undoc(dir, 'frobnicate')).code).toBe(2)
    expect((await undoc(dir, 'build', ...NO_PDF, 'missing-folder')).code).toBe(2)
    if (process.getuid?.() !== 0) {
      mkdirSync(join(dir, 'locked'))
      chmodSync(join(dir, 'locked'), 0o500)
      expect((await undoc(dir, 'build', ...NO_PDF, '--out', 'locked')).code).toBe(2)
    }
    writeFileSync(join(dir, 'file-not-folder'), '')
    const run = await undoc(dir, 'build', ...NO_PDF, '--out', 'file-not-folder')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Cannot create the output folder')
  })

  it('prints help and version', async () => {
    const dir = workspace()
    const help = await undoc(dir, '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('undoc build')
    expect((await undoc(dir, '--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })

  it('names in its help, without loading them, the writers and reporters there are, in their order', () => {
    expect(EMITTERS.map((e) => e.format)).toEqual(FORMATS)
    expect(REPORTERS.map((r) => r.name)).toEqual(REPORTER_NAMES)
  })
})

describe('undoc validate', () => {
  it('writes nothing', async () => {
    const dir = workspace()
    const run = await undoc(dir, 'validate')
    expect(run.code).toBe(0)
    expect(existsSync(join(dir, 'output'))).toBe(false)
  })
})
