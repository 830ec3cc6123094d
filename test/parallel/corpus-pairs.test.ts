import { readFileSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildParallel } from '../../pipeline/document/parallel.js'
import type { ParallelAlignment } from '../../pipeline/types/align.js'
import { validate } from '../../pipeline/validate/index.js'
import { undoc } from '../cli-helpers.js'
import { ROOT } from '../helpers.js'
import { resolution } from '../lint/helpers.js'
import { englishResolution } from './pairs.js'
import type { ValidationReport } from '../../pipeline/types/report.js'

/** The documents of the real-text corpus found in both Chinese and English. */
const SLUGS = [
  'a-res-67-264',
  's-res-6-1946',
  's-res-20-1947',
  's-res-44-1948',
  's-res-87-1950',
  's-res-1263-1999',
  'a-res-51-125',
  'a-res-52-7',
  'a-res-53-22',
  's-res-1463-2003',
  's-res-1518-2003',
  's-res-2326-2016',
  's-res-2446-2018',
  's-prst-2008-30',
  's-prst-2007-2',
  's-prst-2002-37',
  's-prst-2000-19',
  's-prst-1998-1',
  's-prst-1997-14'
]

const paths = (slug: string) => [`test/corpus/zh/${slug}.zh.txt`, `test/corpus/en/${slug}.en.txt`] as const

async function built(slug: string) {
  const [zh, en] = paths(slug)
  return buildParallel({ path: zh, bytes: readFileSync(join(ROOT, zh)) }, { path: en, bytes: readFileSync(join(ROOT, en)) })
}

describe('real pairs of the corpus', () => {
  for (const slug of SLUGS) {
    it(`aligns ${slug}: every unit of both versions once, in order, in a schema-valid alignment`, async () => {
      const result = await built(slug)
      expect(result.name).toBe(`${slug}.zh-en`)
      const file = result.file!
      expect(validate('align.schema.json', file)).toEqual([])
      for (const side of ['a', 'b'] as const) {
        const offsets = file.rows.flatMap((r) => (r[side] ? [r[side].position.start.offset] : []))
        // Reading order, except a closing block's adoption lines, which are taken by role.
        const pointers = file.rows.flatMap((r) => (r[side] ? [r[side].pointer] : []))
        expect(new Set(pointers).size).toBe(pointers.length)
        expect(offsets.length).toBe(result.pair!.alignment[side].length)
      }
      // Most units paired: five at least, or all but one of the shorter version's (a statement of three paragraphs).
      const shorter = Math.min(result.pair!.alignment.a.length, result.pair!.alignment.b.length)
      expect(file.rows.filter((r) => r.a && r.b).length, `${file.rows.filter((r) => r.a && r.b).length} of ${shorter}`).toBeGreaterThanOrEqual(Math.min(5, shorter - 1))
    })
  }

  /** The symbols a version cites where its counterpart does not, as "symbol side line ↔ other line". */
  const missingCitations = (file: ParallelAlignment) =>
    file.disagreements.flatMap((d) => {
      const m = /^This cites (\S+), which/.exec(d.reason)
      return m ? [m[1]] : []
    })

  it('finds what the copies of S/RES/44 (1948) genuinely disagree on: its footnotes, paired, are numbered 23–25 in the Chinese and 1/–3/ in the English, and where the Chinese cite S/663 and S/676 the English say "See page 14"', async () => {
    const file = (await built('s-res-44-1948')).file!
    expect(missingCitations(file)).toEqual(expect.arrayContaining(['S/663', 'S/676']))
    expect(file.disagreements.filter((d) => /^This footnote \S+ is numbered/.test(d.reason))).toHaveLength(3)
  })

  it('finds the symbol line of the Chinese copies that the English ones lack', async () => {
    expect(missingCitations((await built('s-res-87-1950')).file!)).toContain('S/1836')
    expect(missingCitations((await built('s-res-20-1947')).file!)).toContain('S/296')
  })

  it('pairs the operative paragraphs 1 to 4 of S/RES/1263 (1999) across the copies, each in the same place of the structure', async () => {
    const file = (await built('s-res-1263-1999')).file!
    const paired = file.rows.filter((r) => r.a?.kind === 'operative' && r.b?.kind === 'operative')
    expect(paired.map((r) => [r.a!.number, r.b!.number])).toEqual(
      expect.arrayContaining([
        ['1', '1'],
        ['2', '2'],
        ['3', '3'],
        ['4', '4']
      ])
    )
    expect(file.rows.filter((r) => r.a?.kind === 'preambular' && r.b?.kind === 'operative')).toEqual([])
  })
})

describe('undoc validate --parallel and undoc align', () => {
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'undoc-parallel-'))
    mkdirSync(join(dir, 'input'))
    writeFileSync(join(dir, 'input/r.zh.txt'), resolution())
    writeFileSync(join(dir, 'input/r.en.txt'), englishResolution())
    writeFileSync(join(dir, 'input/changed.en.txt'), englishResolution({ preamble: ['Recalling its resolution 65/141 of 16 December 2010,', 'Noting the report of the Secretary-General,'] }))
    return dir
  }

  it('exits 0 for versions that agree and 1, with both places, for versions that do not', async () => {
    const dir = folder()
    expect(await undoc(dir, 'validate', '--parallel', 'input/r.zh.txt', 'input/r.en.txt')).toMatchObject({ code: 0 })
    const run = await undoc(dir, 'validate', '--parallel', 'input/r.zh.txt', 'input/changed.en.txt', '--format', 'json')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as ValidationReport
    expect(report.map((f) => [f.file, f.messages.map((m) => [m.reason.slice(0, 26), m.related?.[0]?.file])])).toEqual([
      ['input/changed.en.txt', [['This cites A/RES/65/141, w', 'input/r.zh.txt']]],
      ['input/r.zh.txt', [['This cites A/RES/65/140, w', 'input/changed.en.txt']]]
    ])
  })

  it('refuses an odd number of files with a usage error', async () => {
    const run = await undoc(folder(), 'validate', '--parallel', 'input/r.zh.txt')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('two by two (1 file given)')
  })

  it('refuses a parallel edition written over one of its versions, leaving the version as it was', async () => {
    const dir = folder()
    const before = readFileSync(join(dir, 'input/r.en.txt'))
    const run = await undoc(dir, 'edition', '--parallel', 'input/r.zh.txt', 'input/r.en.txt', '-o', 'input/r.en.txt')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Refused to write input/r.en.txt')
    expect(readFileSync(join(dir, 'input/r.en.txt'))).toEqual(before)
  })

  it('writes output/NAME.zh-en.align.json, valid against its schema', async () => {
    const dir = folder()
    const run = await undoc(dir, 'align', 'input/r.zh.txt', 'input/r.en.txt')
    expect(run.code).toBe(0)
    const file = JSON.parse(readFileSync(join(dir, 'output/r.zh-en.align.json'), 'utf8')) as ParallelAlignment
    expect(validate('align.schema.json', file)).toEqual([])
    expect(file.sources.map((s) => s.language)).toEqual(['zh-Hans', 'en'])
    expect(file.rows.every((r) => r.a && r.b)).toBe(true)
  })
})
