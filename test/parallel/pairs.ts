import { buildParallel, type ParallelBuild } from '../../pipeline/document/parallel.js'
import { resolution } from '../lint/helpers.js'

/** A resolution in English laid out as the Chinese one of test/lint/helpers.ts: number and title, formula, clauses, adoption, footnotes. */
export function englishResolution(parts: { title?: string; preamble?: string[]; operative?: string[]; date?: string; footnotes?: string[] } = {}): string {
  const preamble = parts.preamble ?? ['Recalling its resolution 65/140 of 16 December 2010,', 'Noting the report of the Secretary-General,']
  const operative = parts.operative ?? ['Welcomes the cooperation between the two organizations;', 'Decides to continue its consideration of the question.']
  let n = 0
  return (
    [
      parts.title ?? '67/300. Cooperation between the United Nations and regional organizations',
      'The General Assembly,',
      ...preamble,
      // Clauses given with their number ("3. Decides…") keep it; the others are numbered 1, 2, 3….
      ...operative.map((p) => (/^(?:\(|\d+\.)/.test(p) ? p : `${++n}. ${p}`)),
      '82nd plenary meeting',
      parts.date ?? '17 May 2013',
      ...(parts.footnotes?.length ? ['_______________', ...parts.footnotes] : [])
    ].join('\n\n') + '\n'
  )
}

/** The Chinese and English versions of a resolution built, aligned and checked through the real pipeline. */
export async function pair(zh: string = resolution(), en: string = englishResolution(), names = ['input/test.zh.txt', 'input/test.en.txt']): Promise<ParallelBuild> {
  const encode = (text: string) => new TextEncoder().encode(text)
  return buildParallel({ path: names[0]!, bytes: encode(zh) }, { path: names[1]!, bytes: encode(en) })
}
