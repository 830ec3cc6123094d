import { buildDocument } from '../../pipeline/document/build.js'
import type { Diagnostic } from '../../pipeline/core/diagnostic.js'
import { lint, type RuleRun } from '../../pipeline/lint/index.js'
import type { UndocDocument } from '../../pipeline/types/document.js'

/** A General Assembly resolution laid out as the UN's texts are: number and title, formula, clauses, adoption, footnotes. */
export function resolution(parts: { title?: string; preamble?: string[]; operative?: string[]; date?: string; footnotes?: string[] } = {}): string {
  const preamble = parts.preamble ?? ['回顾其2010年12月16日第65/140号决议，', '注意到秘书长的报告，']
  const operative = parts.operative ?? ['欢迎两组织之间的合作；', '决定继续审议这个问题。']
  return (
    [
      ` ${parts.title ?? '67/300. 联合国同各区域组织的合作'}`,
      ' 大会，',
      ...preamble.map((p) => ` ${p}`),
      // Subparagraphs ("(a) …") keep their own letters; paragraphs are numbered 1, 2, 3….
      ...numbered(operative),
      parts.date ?? '2013 年 5 月 17 日',
      '第 82 次全体会议',
      ...(parts.footnotes?.length ? ['_______________', ...parts.footnotes] : [])
    ].join('\n\n') + '\n'
  )
}

function numbered(paragraphs: readonly string[]): string[] {
  let n = 0
  return paragraphs.map((p) => (p.startsWith('(') ? ` ${p}` : ` ${++n}. ${p}`))
}

/** Builds a text through the real pipeline (no writer: only the document is wanted); fails the test when it does not build. */
export async function buildText(text: string, path = 'input/test.zh.txt', sidecar?: object): Promise<UndocDocument> {
  const encode = (s: string) => new TextEncoder().encode(s)
  const input = { path, bytes: encode(text), ...(sidecar && { sidecar: { path: path.replace(/\.txt$/, '.meta.json'), bytes: encode(JSON.stringify(sidecar)) } }) }
  const result = await buildDocument(input, undefined, [])
  if (!result.document) throw new Error(`did not build: ${JSON.stringify(result.diagnostics)}`)
  return result.document
}

/** The findings of one rule on a document, as "line:column message". */
export function findings(document: UndocDocument, ruleId: string, setting?: RuleRun): Diagnostic[] {
  return lint(document, setting ? { [ruleId]: setting } : {}).filter((d) => d.ruleId === ruleId)
}

/** Where a finding points, as "line:column". */
export function at(d: Diagnostic): string {
  return `${d.line}:${d.column}`
}

/** The 1-based line and column of the `nth` (from 1) occurrence of `needle` in a text, or of its character at `offset`. */
export function placeOf(text: string, needle: string, nth = 1, offset = 0): string {
  let index = -1
  for (let k = 0; k < nth; k++) {
    index = text.indexOf(needle, index + 1)
    if (index < 0) throw new Error(`"${needle}" occurs fewer than ${nth} times`)
  }
  const before = text.slice(0, index + offset).split('\n')
  return `${before.length}:${before[before.length - 1]!.length + 1}`
}
