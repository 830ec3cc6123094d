import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../pipeline/core/diagnostic.js'
import { buildCorpusIndex, summarize } from '../pipeline/batch/corpus-index.js'
import { emitJson } from '../pipeline/emit/json/index.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { RULES } from '../pipeline/lint/index.js'
import { fillingInstance, METADATA_SCHEMA, PRECOMPILED, precompiledFillingFor, precompiledFor, validate, validatorFor } from '../pipeline/validate/index.js'
import { jsonReporter } from '../pipeline/cli/reporters/json.js'
import { report } from '../pipeline/cli/reporters/index.js'
import { pair } from './parallel/pairs.js'
import { buildSeed, ROOT, SEEDS } from './helpers.js'

describe('validate', () => {
  it('reports every violation of an invalid value, though valid ones are checked by an instance that stops at the first', () => {
    // Twice, so that the second report comes from instances that have compiled the schema already.
    for (let i = 0; i < 2; i++) {
      expect(validate('source-meta.schema.json', { symbol: '', date: 'May 17', kind: 'poem', extra: 1 })).toEqual([
        { pointer: '/', message: 'must NOT have additional properties (extra)', property: 'extra' },
        { pointer: '/symbol', message: 'must NOT have fewer than 1 characters' },
        { pointer: '/kind', message: 'must be equal to one of the allowed values' },
        { pointer: '/date', message: 'must match format "date"' }
      ])
      expect(validate('source-meta.schema.json', { symbol: 'A/RES/67/264', date: '2013-05-17' })).toEqual([])
    }
  })
})

describe('one diagnostic', () => {
  it('is the one definition the manifest keeps and the validation report prints', () => {
    const diagnostic = {
      file: 'input/a.zh.txt',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 5,
      severity: 'warning',
      ruleId: 'r',
      source: 'undoc-lint',
      reason: '说明',
      related: [{ file: 'input/a.en.txt', line: 4, column: 1 }]
    }
    const report = (messages: unknown[]) => [{ file: 'input/a.zh.txt', errorCount: 0, warningCount: 1, messages }]
    expect(validate('diagnostic.schema.json', [diagnostic])).toEqual([])
    expect(validate('manifest.schema.json#/definitions/ManifestDiagnostics', [diagnostic])).toEqual([])
    expect(validate('report.schema.json', report([diagnostic]))).toEqual([])
    const { reason, ...unreasoned } = diagnostic
    for (const wrong of [
      { ...unreasoned, message: reason },
      { ...diagnostic, severity: 'fatal' }
    ]) {
      expect(validate('diagnostic.schema.json', [wrong])).not.toEqual([])
      expect(validate('manifest.schema.json#/definitions/ManifestDiagnostics', [wrong])).not.toEqual([])
      expect(validate('report.schema.json', report([wrong]))).not.toEqual([])
    }
  })
})

describe('validators compiled when undoc is built', () => {
  it('give the verdicts of those compiled at run time, on real values and on values broken in many ways', async () => {
    const resolution = await buildSeed(SEEDS.resolution)
    const document = JSON.parse([...emitJson(resolution)].join('')) as Record<string, unknown>
    const summary = summarize(resolution)
    const index = await buildCorpusIndex([summary])
    const diagnostic = { file: SEEDS.resolution, line: 3, column: 1, severity: 'warning', ruleId: 'r', source: 'undoc', reason: '说明' } as const
    const values: Record<string, unknown[]> = {
      'document.schema.json': [document, { ...document, metadata: { ...(document.metadata as object), date: 'May 17' } }],
      'manifest.schema.json': [
        { undoc: '0.1.0', pipeline: 'a'.repeat(64), documents: 2, unlinked: true },
        { undoc: '0.1.0', pipeline: 'a'.repeat(63), documents: 2 }
      ],
      'manifest.schema.json#/definitions/ManifestEntry': [
        {
          path: SEEDS.resolution,
          name: 'a-res-67-264.zh',
          input: { sha256: 'b'.repeat(64), size: 1, mtimeNs: '1' },
          outputs: [{ name: 'a-res-67-264.zh.json', sha256: 'c'.repeat(64), size: 2, mtimeNs: '3' }],
          links: {},
          summary,
          errors: 0,
          warnings: 1
        }
      ],
      'manifest.schema.json#/definitions/ManifestDiagnostics': [[diagnostic], [{ ...diagnostic, severity: 'fatal' }]],
      'manifest.schema.json#/definitions/PendingSource': [SEEDS.resolution, 7],
      'index.schema.json#/definitions/IndexedDocument': [index.documents[0]],
      'index.schema.json#/definitions/Backlink': [
        { name: 'a-res-68-1.zh', symbol: 'A/RES/68/1', count: 2 },
        { name: 'a', count: 0 }
      ],
      'index.schema.json#/definitions/MissingSymbol': [index.missing[0], { symbol: 'A/1' }],
      'organizations.schema.json': [JSON.parse(readFileSync(join(ROOT, 'data', 'organizations.json'), 'utf8'))],
      [METADATA_SCHEMA]: [document.metadata],
      'source-meta.schema.json': [{ symbol: 'A/RES/67/264', date: '2013-05-17', kind: 'ga-resolution' }],
      'config.schema.json': [{ rules: { 'paired-punctuation': 'off' } }],
      'index.schema.json': [index],
      'align.schema.json': [(await pair()).file],
      'diagnostic.schema.json': [[diagnostic]],
      'report.schema.json': [JSON.parse(jsonReporter.format(report([diagnostic as Diagnostic], [SEEDS.resolution], 1), { color: false }))],
      'corpus-gold.schema.json': [JSON.parse(readFileSync(join(ROOT, 'test', 'corpus', 'zh', 's-res-6-1946.zh.gold.json'), 'utf8'))]
    }
    expect(Object.keys(values).sort()).toEqual([...PRECOMPILED].sort())
    /** The value broken at each of its own keys: gone, null, a number, and one key too many. */
    const broken = (value: unknown): unknown[] =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? [{ ...value, extra: 1 }, ...Object.keys(value).flatMap((k) => [Object.fromEntries(Object.entries(value).filter(([key]) => key !== k)), { ...value, [k]: null }, { ...value, [k]: 42 }])]
        : [null, 42, 'text', []]
    for (const ref of PRECOMPILED) {
      const fast = precompiledFor(ref)
      expect(fast, ref).toBeTypeOf('function')
      const all = values[ref]!.flatMap((v) => [v, ...broken(v)])
      const verdicts = all.map((v) => fast(v))
      expect(verdicts, ref).toEqual(all.map((v) => validatorFor(ref)(v)))
      expect(verdicts[0], ref).toBe(true)
      expect(verdicts.filter((v) => !v).length, ref).toBeGreaterThan(0)
    }
  })

  it('are every validator undoc has: one not compiled is an error, not one compiled when asked for', () => {
    expect(() => precompiledFor('document.schema.json#/definitions/Paragraph')).toThrow(/no validator is compiled for document.schema.json#\/definitions\/Paragraph: name it in PRECOMPILED/)
  })

  it("fill in the lint rules' options and find the errors in them as those compiled at run time do", () => {
    const schemas = RULES.flatMap((rule) => (rule.schema ? [rule.schema] : []))
    expect(schemas.length).toBeGreaterThan(0)
    for (const schema of schemas) {
      const fast = precompiledFillingFor(schema)!
      expect(fast).toBeTypeOf('function')
      const slow = fillingInstance().compile(schema)
      const keys = Object.keys((schema as { properties: object }).properties)
      // Nothing given, each option a value of each JSON type, and an option no rule has.
      const values: unknown[] = [{}, { unknown: 1 }, ...keys.flatMap((k) => [true, 3, 'text', ['a'], ['a', 'a'], null, {}].map((v) => ({ [k]: v })))]
      for (const value of values) {
        const [a, b] = [structuredClone(value), structuredClone(value)]
        expect(fast(a), JSON.stringify(value)).toBe(slow(b))
        expect(a).toEqual(b)
        expect(fast.errors ?? null).toEqual(slow.errors ?? null)
      }
      expect(values.some((v) => !fast(structuredClone(v)))).toBe(true)
    }
  })
})
