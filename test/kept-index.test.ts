import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runBuild } from '../pipeline/batch/run-build.js'

/**
 * A build updates the index the last build wrote (kept-index.ts) instead of making it anew: the
 * outputs it leaves, index.json and each document's links, are those of a build from scratch.
 */
const FORMATS = ['json']
const DOCUMENTS = 5

/** A resolution A/RES/68/`symbol` citing A/RES/68/n for each n of `cites`. */
function text(symbol: number, cites: readonly number[]): string {
  const cited = cites.map((n, i) => `${1982 + i} 年 10 月 22 日第 68/${n} 号`).join('和')
  return ` 68/${symbol}. 联合国同伊斯兰合作组织的合作 \n\n 大会， \n\n 回顾其${cited || '以往各项'}决议， \n\n 1. 决定将该项目列入第六十九届会议临时议程。 \n\n 2012 年 12 月 21 日 \n 第 60 次全体会议 \n`
}

type Doc = { symbol: number; cites: number[] } | undefined
type Step = { doc: number; to: Doc | 'touch'; alone: boolean }

const doc: fc.Arbitrary<Doc> = fc.option(fc.record({ symbol: fc.integer({ min: 1, max: 4 }), cites: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }) }), { freq: 5, nil: undefined })
const step: fc.Arbitrary<Step> = fc.record({ doc: fc.nat({ max: DOCUMENTS - 1 }), to: fc.oneof(doc, fc.constant('touch' as const)), alone: fc.boolean() })

function write(dir: string, i: number, d: Doc): void {
  const path = join(dir, 'input', `doc-${i}.zh.txt`)
  if (d === undefined) rmSync(path, { force: true })
  else writeFileSync(path, text(d.symbol, d.cites))
}

/** The outputs of a folder (not the manifest, which holds file times) by name. */
function outputs(dir: string, folder: string): Map<string, string> {
  return new Map(
    readdirSync(join(dir, folder))
      .filter((n) => !n.startsWith('.'))
      .sort()
      .map((n) => [n, readFileSync(join(dir, folder, n), 'utf8')])
  )
}

async function build(dir: string, out: string, paths = ['input']): Promise<void> {
  await runBuild({ paths, out, cwd: dir, jobs: 1, formats: FORMATS })
}

/** What a build from scratch writes of the sources as they are. */
async function fromScratch(dir: string): Promise<Map<string, string>> {
  rmSync(join(dir, 'scratch'), { recursive: true, force: true })
  await build(dir, 'scratch')
  return outputs(dir, 'scratch')
}

function corpus(docs: readonly Doc[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'undoc-kept-'))
  mkdirSync(join(dir, 'input'))
  docs.forEach((d, i) => write(dir, i, d))
  return dir
}

describe('the kept corpus index', () => {
  it('after any sequence of edits, removals and touches, some built alone, leaves the outputs a build from scratch writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { minLength: DOCUMENTS, maxLength: DOCUMENTS }), fc.array(step, { minLength: 1, maxLength: 5 }), async (docs, steps) => {
        const dir = corpus(docs)
        try {
          await build(dir, 'output')
          for (const { doc: i, to, alone } of steps) {
            const path = join(dir, 'input', `doc-${i}.zh.txt`)
            if (to !== 'touch') write(dir, i, to)
            else if (existsSync(path)) utimesSync(path, new Date(), new Date(Date.now() + 5000))
            // A build of that source alone checks its links only: the next build of them all checks every one.
            if (alone && existsSync(path)) await build(dir, 'output', [`input/doc-${i}.zh.txt`])
            else {
              await build(dir, 'output')
              expect(outputs(dir, 'output')).toEqual(await fromScratch(dir))
            }
          }
          await build(dir, 'output')
          expect(outputs(dir, 'output')).toEqual(await fromScratch(dir))
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }),
      { numRuns: 12 }
    )
  }, 300_000)

  /** A corpus of three resolutions, the second and third citing the first, built once. */
  async function built(): Promise<string> {
    const dir = corpus([
      { symbol: 1, cites: [] },
      { symbol: 2, cites: [1] },
      { symbol: 3, cites: [1, 2] }
    ])
    await build(dir, 'output')
    return dir
  }

  /** Changes the second resolution's symbol, builds, and returns the index beside a build from scratch's. */
  async function changeAndBuild(dir: string): Promise<[string | undefined, string | undefined]> {
    write(dir, 1, { symbol: 4, cites: [1] })
    await build(dir, 'output')
    return [outputs(dir, 'output').get('index.json'), (await fromScratch(dir)).get('index.json')]
  }

  it('updates the index it wrote: an edit of a row no change touches is kept, when the manifest says it wrote that file', async () => {
    const dir = await built()
    const path = join(dir, 'output', 'index.json')
    writeFileSync(path, readFileSync(path, 'utf8').replace('联合国同伊斯兰合作组织的合作', '联合国同伊斯兰合作组织的协作'))
    const manifest = join(dir, 'output', '.undoc-manifest.jsonl')
    const [header, ...lines] = readFileSync(manifest, 'utf8').split('\n')
    const now = statSync(path, { bigint: true })
    const index = { ...(JSON.parse(header!) as { index: object }).index, size: Number(now.size), mtimeNs: now.mtimeNs.toString() }
    writeFileSync(manifest, [JSON.stringify({ ...JSON.parse(header!), index }), ...lines].join('\n'))
    const [kept, scratch] = await changeAndBuild(dir)
    expect(kept).toContain('协作')
    expect(kept!.replace('协作', '合作')).toBe(scratch)
  })

  it.each([
    ['missing', (path: string) => rmSync(path)],
    ['changed', (path: string) => writeFileSync(path, readFileSync(path, 'utf8').replace('联合国同伊斯兰合作组织的合作', '协作'))],
    [
      'corrupt, at its size and time',
      (path: string) => {
        const before = statSync(path)
        writeFileSync(path, '{'.repeat(before.size))
        utimesSync(path, before.atime, before.mtime)
      }
    ]
  ])('makes the index anew when the one it wrote is %s', async (_, damage) => {
    const dir = await built()
    damage(join(dir, 'output', 'index.json'))
    const [index, scratch] = await changeAndBuild(dir)
    expect(index).toBe(scratch)
  })
})
