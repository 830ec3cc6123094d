import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './helpers.js'

const run = promisify(execFile)
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')

/** The layering rules (.dependency-cruiser.cjs) over the pipeline/ folder of `cwd`: the exit code and what they report. */
async function cruise(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [DEPCRUISE, 'pipeline', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'], { cwd })
    return { code: 0, output: stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string }
    return { code: failed.code, output: failed.stdout }
  }
}

/** A copy of the pipeline with the given files planted in it, where the real tree is not touched. */
function treeWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'undoc-layering-'))
  cpSync(join(ROOT, 'pipeline'), join(dir, 'pipeline'), { recursive: true })
  cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'))
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content)
  copies.push(dir)
  return dir
}
const copies: string[] = []
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true })
})

/**
 * One planted file per rule, each a violation of that rule alone. They are cruised in one copy of the tree (one run of
 * dependency-cruiser, which is most of this file's time): each must be reported under its own rule, naming its own edge.
 */
const planted: [file: string, content: string, report: string][] = [
  ['pipeline/lint/planted.ts', "export { structure } from '../structure/index.js'\n", 'stage-imports-stage: pipeline/lint/planted.ts → pipeline/structure/index.ts'],
  ['pipeline/model/planted.ts', "import type { Emitter } from '../emit/index.js'\nexport type Planted = Emitter\n", 'model-imports-above: pipeline/model/planted.ts → pipeline/emit/index.ts'],
  ['pipeline/io/planted.ts', "export { buildDocument } from '../document/build.js'\n", 'io-beyond-files: pipeline/io/planted.ts → pipeline/document/build.ts'],
  ['pipeline/batch/planted.ts', "export * from '../eval/score.js'\n", 'imports-tool: pipeline/batch/planted.ts → pipeline/eval/score.ts'],
  ['pipeline/eval/planted.ts', "export * from '../cli/main.js'\n", 'imports-tool: pipeline/eval/planted.ts → pipeline/cli/main.ts']
]

describe('the layering rules', () => {
  it('hold for the pipeline as it is', async () => {
    expect(await cruise(ROOT)).toEqual({ code: 0, output: expect.stringContaining('no dependency violations') })
  })

  describe('fail on each planted violation', () => {
    let cruised: { code: number; output: string }
    beforeAll(async () => {
      cruised = await cruise(treeWith(Object.fromEntries(planted.map(([file, content]) => [file, content]))))
    })
    it('with a non-zero exit', () => {
      expect(cruised.code).not.toBe(0)
    })
    it.each(planted)('%s, reported by its rule', (_file, _content, report) => {
      expect(cruised.output).toContain(report)
    })
    it('and nothing else', () => {
      expect(cruised.output).toContain(`${planted.length} dependency violations`)
    })
  })
})
