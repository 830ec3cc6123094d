import { readdir, readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { buildDocument } from '../document/build.js'
import { byCodeUnits } from '../core/order.js'
import type { CorpusGold } from '../types/corpus-gold.js'
import { validate } from '../validate/index.js'
import { readingOf } from './reading.js'
import { evaluate, type Evaluation, type Scored } from './score.js'

/** A text of the corpus and its gold file, as found on disk. */
export interface CorpusText {
  /** The text's path from the package root, with / separators. */
  readonly path: string
  readonly goldPath: string
}

const GOLD = '.gold.json'

/**
 * The texts of an evaluation corpus: every `<slug>.<lang>.txt` below `dir` with its
 * `<slug>.<lang>.gold.json` beside it, in name order; and what is wrong with the corpus (a text
 * without gold, gold without a text).
 */
export async function corpusTexts(root: string, dir: string): Promise<{ texts: CorpusText[]; problems: string[] }> {
  const files = (await readdir(join(root, dir), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort(byCodeUnits)
  const all = new Set(files)
  const texts: CorpusText[] = []
  const problems: string[] = []
  for (const f of files) {
    if (f.endsWith(GOLD)) {
      if (!all.has(f.slice(0, -GOLD.length) + '.txt')) problems.push(`${f}: no text beside it (${f.slice(0, -GOLD.length)}.txt)`)
    } else if (f.endsWith('.txt')) {
      const goldPath = f.slice(0, -'.txt'.length) + GOLD
      if (all.has(goldPath)) texts.push({ path: f, goldPath })
      else problems.push(`${f}: no gold file beside it (${goldPath})`)
    }
  }
  return { texts, problems }
}

/**
 * Builds every text of the corpus with the real pipeline (no editions are written or typeset)
 * and scores its reading against its gold; a gold file that is not valid against
 * schemas/corpus-gold.schema.json is a problem, and its text is not scored.
 */
export async function evaluateCorpus(root: string, dir: string): Promise<Evaluation & { problems: string[] }> {
  const { texts, problems } = await corpusTexts(root, dir)
  const scored: Scored[] = []
  for (const text of texts) {
    let gold: unknown
    try {
      gold = JSON.parse(await readFile(join(root, text.goldPath), 'utf8'))
    } catch (error) {
      problems.push(`${text.goldPath}: not JSON (${error instanceof Error ? error.message : String(error)})`)
      continue
    }
    const errors = validate('corpus-gold.schema.json', gold)
    if (errors.length) {
      problems.push(...errors.map((e) => `${text.goldPath}${e.pointer ? ` at ${e.pointer}` : ''}: ${e.message}`))
      continue
    }
    const built = await buildDocument({ path: text.path, bytes: await readFile(join(root, text.path)) }, { corpus: new Map() }, [])
    scored.push({ name: text.path, gold: gold as CorpusGold, reading: readingOf(built.document) })
  }
  return { ...evaluate(scored), problems }
}
