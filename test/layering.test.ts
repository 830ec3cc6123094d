import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
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

/** A copy of the pipeline with one more file in it, where the real tree is not touched. */
function treeWith(file: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'undoc-layering-'))
  cpSync(join(ROOT, 'pipeline'), join(dir, 'pipeline'), { recursive: true })
  cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'))
  writeFileSync(join(dir, file), content)
  copies.push(dir)
  return dir
}
const copies: string[] = []
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true })
})

describe('the layering rules', () => {
  it('hold for the pipeline as it is', async () => {
    expect(await cruise(ROOT)).toEqual({ code: 0, output: expect.stringContaining('no dependency violations') })
  })

  it('fail when a stage imports another stage', async () => {
    const dir = treeWith('pipeline/lint/planted.ts', "export { structure } from '../structure/index.js'\n")
    const { code, output } = await cruise(dir)
    expect(code).not.toBe(0)
    expect(output).toContain('stage-imports-stage: pipeline/lint/planted.ts → pipeline/structure/index.ts')
  })

  it('fail when the shared model imports a stage, even for a type', async () => {
    const dir = treeWith('pipeline/model/planted.ts', "import type { Emitter } from '../emit/index.js'\nexport type Planted = Emitter\n")
    const { code, output } = await cruise(dir)
    expect(code).not.toBe(0)
    expect(output).toContain('model-imports-above: pipeline/model/planted.ts → pipeline/emit/index.ts')
  })

  it('fail when io reaches beyond the file system', async () => {
    const dir = treeWith('pipeline/io/planted.ts', "export { buildDocument } from '../document/build.js'\n")
    const { code, output } = await cruise(dir)
    expect(code).not.toBe(0)
    expect(output).toContain('io-beyond-files: pipeline/io/planted.ts → pipeline/document/build.ts')
  })

  it('fail when the pipeline, or one tool, imports a tool over it', async () => {
    const batch = await cruise(treeWith('pipeline/batch/planted.ts', "export * from '../eval/score.js'\n"))
    expect(batch.code).not.toBe(0)
    expect(batch.output).toContain('imports-tool: pipeline/batch/planted.ts → pipeline/eval/score.ts')
    const evaluation = await cruise(treeWith('pipeline/eval/planted.ts', "export * from '../cli/main.js'\n"))
    expect(evaluation.code).not.toBe(0)
    expect(evaluation.output).toContain('imports-tool: pipeline/eval/planted.ts → pipeline/cli/main.ts')
  })
})
