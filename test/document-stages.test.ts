import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../pipeline/core/diagnostic.js'
import { buildDocument } from '../pipeline/document/build.js'
import type { StageName } from '../pipeline/document/stage.js'
import { DOCUMENT_STAGES, type Linter } from '../pipeline/document/stages.js'
import { jsonEmitter } from '../pipeline/emit/index.js'
import type { SourceInput } from '../pipeline/io/sources.js'
import { ROOT, SEEDS } from './helpers.js'

const seed = { path: SEEDS.resolution, bytes: readFileSync(join(ROOT, SEEDS.resolution)) }

/** Builds a source, noting the stages that ran, in order. */
async function stagesRun(input: SourceInput, lint?: Linter) {
  const ran: StageName[] = []
  const built = await buildDocument(input, { corpus: new Map(), ...(lint ? { lint } : {}) }, [jsonEmitter], (name, run) => {
    ran.push(name)
    return run()
  })
  return { ran, built }
}

describe('a document goes through one list of stages', () => {
  it('names its stages in the order they run, the names the bench profile reports', () => {
    expect(DOCUMENT_STAGES.names).toEqual(['read', 'normalize', 'structure', 'crossref', 'validate', 'lint', 'emit'])
  })

  it('runs every stage on a text that builds, and writes its editions', async () => {
    const { ran, built } = await stagesRun(seed)
    expect(ran).toEqual(DOCUMENT_STAGES.names)
    expect(built.document?.metadata.symbol).toBe('A/RES/67/264')
    expect(built.outputs.map((o) => o.name)).toEqual(['a-res-67-264.zh.json'])
  })

  it('stops at the stage that refuses a file: nothing after it runs, and there is no document', async () => {
    const { ran, built } = await stagesRun({ path: 'input/blank.zh.txt', bytes: new TextEncoder().encode(' \n\t\n') })
    expect(ran).toEqual(['read'])
    expect(built.document).toBeUndefined()
    expect(built.diagnostics.map((d) => d.ruleId)).toEqual(['empty-input'])
  })

  it('lints the built document: its findings follow the pipeline’s, and even an error among them leaves the editions written', async () => {
    const finding: Diagnostic = { file: seed.path, line: 1, column: 1, severity: 'error', ruleId: 'planted', source: 'undoc-lint', reason: 'A finding of the linter.' }
    const { built } = await stagesRun(seed, (document) => [{ ...finding, reason: `${finding.reason} (${document.metadata.symbol})` }])
    expect(built.diagnostics.at(-1)).toEqual({ ...finding, reason: 'A finding of the linter. (A/RES/67/264)' })
    expect(built.outputs).toHaveLength(1)
  })

  it('stops a document with errors (of any stage) after validate: it is neither linted nor written', async () => {
    let linted = 0
    const markdown = '大会，\n\n1. 决定召开会议；\n\n```\ncode\n```\n'
    const { ran, built } = await stagesRun({ path: 'input/r.zh.md', bytes: new TextEncoder().encode(markdown) }, () => {
      linted++
      return []
    })
    expect(built.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['markdown-unfit'])
    expect(ran).toEqual(['read', 'normalize', 'structure', 'crossref', 'validate'])
    expect(built.document).toBeDefined()
    expect(linted).toBe(0)
    expect(built.outputs).toEqual([])
  })
})
