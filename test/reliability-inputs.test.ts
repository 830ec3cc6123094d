import { mkdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NO_PDF, undoc, workspace } from './cli-helpers.js'
import { build, SEEDS, seedText } from './helpers.js'

const letter = seedText(SEEDS.letter)

describe('awkward files in a build', () => {
  it('builds files whose names have spaces, Unicode and leading dashes', async () => {
    const dir = workspace()
    for (const name of ['with space.zh.txt', '决议 67-264.zh.txt', '-dash.zh.txt']) writeFileSync(join(dir, 'input', name), letter)
    const run = await undoc(dir, 'build', ...NO_PDF, '--', 'input')
    expect(run.code).toBe(0)
    for (const name of ['with space.zh.json', '决议 67-264.zh.json', '-dash.zh.json']) expect(existsSync(join(dir, 'output', name))).toBe(true)
    expect((await undoc(dir, 'validate', '--', '-dash.zh.txt')).code).toBe(2)
    expect((await undoc(dir, 'validate', '--', 'input/-dash.zh.txt')).code).toBe(0)
  })

  it('ends a symbolic link loop in an input folder and builds the rest', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'input', 'sub'))
    symlinkSync('..', join(dir, 'input', 'sub', 'back'))
    symlinkSync('self', join(dir, 'input', 'self'))
    const run = await undoc(dir, 'build', ...NO_PDF)
    expect(run.stderr).toContain('input/self:1:1  error  A symbolic link loop')
    expect(run.code).toBe(2)
    expect(existsSync(join(dir, 'output', 'a-res-67-264.zh.json'))).toBe(true)
  })

  it('refuses a text too large to build as one document (50 MB), naming its size, and builds the others', async () => {
    const dir = workspace()
    const big = letter.repeat(Math.ceil(50e6 / Buffer.byteLength(letter)))
    writeFileSync(join(dir, 'input', 'fifty-mb.zh.txt'), big)
    const run = await undoc(dir, 'build', ...NO_PDF)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /input\/fifty-mb\.zh\.txt:1:1 {2}error {2}The file is 4\d\.\d MiB, more than the 12\.0 MiB undoc builds as one document: split it into its documents\. {2}input-too-large/
    )
    expect(existsSync(join(dir, 'output', 'fifty-mb.zh.json'))).toBe(false)
    expect(existsSync(join(dir, 'output', 'a-res-67-264.zh.json'))).toBe(true)
  })

  it('reports a source it cannot read and builds the others', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'input', 'folder-not-file.zh.txt'))
    writeFileSync(join(dir, 'input', 'folder-not-file.zh.txt', 'inside.zh.txt'), letter)
    const run = await undoc(dir, 'build', ...NO_PDF)
    expect(existsSync(join(dir, 'output', 'a-65-letter-kazakhstan-astana-declaration.zh.json'))).toBe(true)
    expect(existsSync(join(dir, 'output', 'inside.zh.json'))).toBe(true)
    expect(run.code).toBe(0)
  })
})

describe('hostile texts', () => {
  const survives = async (raw: string) => {
    const result = await build('input/hostile.zh.txt', raw)
    for (const d of result.diagnostics) {
      expect(d.reason).not.toMatch(/\n\s+at /)
      expect(d.ruleId).not.toBe('internal-error')
    }
    return result
  }

  it('handles mixed CRLF, LF and CR line ends like any other', async () => {
    const mixed = letter
      .split('\n')
      .map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r'))
      .join('')
    const a = (await survives(mixed)).document!
    const b = (await build(SEEDS.letter)).document!
    expect(a.metadata).toEqual(b.metadata)
    expect(JSON.stringify(a.tree, (k, v: unknown) => (k === 'offset' || k === 'position' ? undefined : v))).toBe(
      JSON.stringify(b.tree, (k, v: unknown) => (k === 'offset' || k === 'position' ? undefined : v))
    )
  })

  it('keeps paragraph numbers with gaps as they are', async () => {
    const doc = (await survives(' 大会，\n\n 1. 欢迎；\n\n 2. 请；\n\n 5. 决定。\n')).document!
    const body = doc.tree.children.find((p) => p.type === 'body')!
    expect(body.type === 'body' && body.children.map((p) => ('number' in p ? p.number : null))).toEqual(['1', '2', '5'])
  })

  it('survives brackets nested 10,000 deep', async () => {
    const result = await survives(`大会，\n\n${'（《“'.repeat(10_000)}决定${'”》）'.repeat(10_000)}。\n`)
    expect(result.document).toBeDefined()
  })

  // Inputs built to make a backtracking regular expression take exponential or quadratic time:
  // long runs of what the patterns repeat, ending so that the match fails at the last character.
  const adversarial: [string, string][] = [
    ['spaces between Han characters', `大${' '.repeat(200_000)}会`],
    ['a long number line', '1'.repeat(200_000)],
    ['digits and spaces', '1 '.repeat(100_000) + 'x'],
    ['a footnote rule that never ends', '_'.repeat(200_000) + 'x'],
    ['symbol-like runs', 'A/' + '1/'.repeat(100_000) + '!'],
    ['date-like runs', '2011 年 '.repeat(40_000) + '月'],
    ['numbered-paragraph-like runs', '(a)'.repeat(60_000) + '('],
    ['masthead-like runs', 'Distr.: ' + ':'.repeat(200_000)],
    ['footnote reference syntax', '[^'.repeat(100_000) + ']'],
    ['two-column masthead', '联合国' + ' 联合国'.repeat(30_000)],
    ['many short lines', '1\n'.repeat(100_000)],
    ['many footnote rules', '_____\n1\n'.repeat(30_000)]
  ]
  for (const [what, raw] of adversarial) {
    it(`stays linear on ${what}`, async () => {
      await survives(raw)
    })
  }
})
