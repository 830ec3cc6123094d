import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { zh } from '../../pipeline/lang/zh.js'
import { alignDocuments, alignUnits, type AlignedUnit } from '../../pipeline/model/alignment.js'
import type { Body, Preamble, UndocDocument } from '../../pipeline/types/document.js'
import { buildText, resolution } from '../lint/helpers.js'
import { englishResolution, pair } from './pairs.js'

const rowKinds = (rows: NonNullable<Awaited<ReturnType<typeof pair>>['file']>['rows']) => rows.map((r) => [r.a?.kind ?? null, r.b?.kind ?? null])

describe('aligning two language versions', () => {
  it('pairs a Chinese and an English resolution unit by unit, title to adoption lines and footnotes', async () => {
    const built = await pair(
      resolution({ preamble: ['回顾其2010年12月16日第65/140号决议，', '注意到秘书长的报告，\n1'], footnotes: ['1\n A/67/280。'] }),
      englishResolution({ preamble: ['Recalling its resolution 65/140 of 16 December 2010,', 'Noting the report of the Secretary-General,\n1'], footnotes: ['1 A/67/280.'] })
    )
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(rowKinds(built.file!.rows)).toEqual([
      ['title', 'title'],
      ['formula', 'formula'],
      ['preambular', 'preambular'],
      ['preambular', 'preambular'],
      ['operative', 'operative'],
      ['operative', 'operative'],
      // Chinese prints the date before the meeting, English after it: paired by role all the same.
      ['adoption', 'adoption'],
      ['adoption', 'adoption'],
      ['footnote', 'footnote']
    ])
    const operative = built.file!.rows[4]!
    expect(operative.a).toMatchObject({ id: 'para-1', number: '1', pointer: '/tree/children/2/children/0' })
    expect(operative.b).toMatchObject({ id: 'para-1', number: '1', position: { start: { line: 10, column: 1 } } })
  })

  it('leaves the one paragraph a version lacks unpaired, and everything after it paired as before', async () => {
    const built = await pair(
      resolution({ operative: ['欢迎两组织之间的合作；', '请秘书长提出报告；', '决定继续审议这个问题。'] }),
      englishResolution({ operative: ['1. Welcomes the cooperation between the two organizations;', '3. Decides to continue its consideration of the question.'] })
    )
    const rows = built.file!.rows
    expect(rows.filter((r) => !r.a || !r.b)).toEqual([{ a: expect.objectContaining({ kind: 'operative', number: '2' }) }])
    expect(rows.filter((r) => r.a?.kind === 'operative' && r.b).map((r) => [r.a!.number, r.b!.number])).toEqual([
      ['1', '1'],
      ['3', '3']
    ])
  })
})

/** Units of a constructed sequence: kinds, numbers and anchors drawn at random. */
const unitArb: fc.Arbitrary<AlignedUnit> = fc
  .record({
    kind: fc.constantFrom('title', 'formula', 'preambular', 'operative', 'text', 'adoption', 'footnote' as const),
    number: fc.option(fc.constantFrom('1', '2', '3', 'a', 'b'), { nil: undefined }),
    anchors: fc.array(fc.constantFrom('date:2010-12-16', 'symbol:A/RES/65/140', 'symbol:S/2005/826'), { maxLength: 2 }),
    annex: fc.constantFrom(0, 0, 0, 1)
  })
  .map(
    ({ kind, number, anchors, annex }) =>
      ({
        pointer: '',
        node: { type: 'paragraph', role: 'text', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } },
        kind,
        ...(number !== undefined ? { number, numberValue: /\d/.test(number) ? { system: 'numeric', value: number } : { system: 'latin', value: number } } : {}),
        annex,
        anchors
      }) as AlignedUnit
  )

describe('alignment invariants (property)', () => {
  it('a sequence of units aligned with itself pairs every unit with itself', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { maxLength: 40 }), (units) => {
        expect(alignUnits(units, units)).toEqual(units.map((_, i) => ({ a: i, b: i })))
      }),
      { numRuns: 300 }
    )
  })

  it('a sequence of units aligned with itself less one unit leaves exactly that one unpaired', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 1, maxLength: 40 }), fc.nat(), (units, pick) => {
        const k = pick % units.length
        const fewer = units.filter((_, i) => i !== k)
        const rows = alignUnits(units, fewer)
        expect(rows.filter((r) => r.b === undefined)).toHaveLength(1)
        expect(rows.filter((r) => r.a === undefined)).toEqual([])
      }),
      { numRuns: 300 }
    )
  })

  /** A resolution built by the real pipeline, with its preambular and operative clauses drawn at random. */
  const resolutionArb = fc.record({
    preamble: fc.array(fc.constantFrom('回顾其2010年12月16日第65/140号决议，', '注意到秘书长的报告，', '重申《联合国宪章》的宗旨和原则，', '欢迎2012年6月28日至30日在阿斯塔纳举行的会议，'), {
      maxLength: 4
    }),
    operative: fc.array(fc.constantFrom('欢迎两组织之间的合作；', '请秘书长提交报告；', '(a) 加强合作；', '决定继续审议这个问题；'), { minLength: 1, maxLength: 5 })
  })

  it('a built document aligned with itself pairs every node with itself; without one of its paragraphs, exactly one node is unpaired', async () => {
    await fc.assert(
      fc.asyncProperty(resolutionArb, fc.nat(), async (parts, pick) => {
        const document = await buildText(resolution(parts))
        const self = alignDocuments(document, document, zh, zh)
        expect(self.rows).toEqual(self.a.map((_, i) => ({ a: i, b: i })))
        const lacking: UndocDocument = structuredClone(document)
        const blocks = lacking.tree.children.filter((p): p is Preamble | Body => p.type === 'preamble' || p.type === 'body')
        const paragraphs = blocks.flatMap((part) => part.children.flatMap((node, i) => (node.type === 'paragraph' ? [{ part, i }] : [])))
        const { part, i } = paragraphs[pick % paragraphs.length]!
        part.children.splice(i, 1)
        const rows = alignDocuments(document, lacking, zh, zh).rows
        expect(rows.filter((r) => r.a === undefined || r.b === undefined)).toHaveLength(1)
      }),
      { numRuns: 25 }
    )
  }, 120_000)
})
