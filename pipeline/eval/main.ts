// npm run eval [-- DIR]: builds the evaluation corpus (test/corpus/ of the package unless DIR) with the real pipeline and prints how well undoc reads it against the gold files: the
// share of texts each field is read exactly for, precision and recall of citations and dates,
// and what each text missed. Exits 1 when the corpus itself is faulty (gold without a text, a
// gold file not valid against schemas/corpus-gold.schema.json).
import { join, resolve } from 'node:path'
import { PACKAGE_ROOT } from '../core/package-root.js'
import { evaluateCorpus } from './corpus.js'
import { SCALAR_FIELDS, SET_FIELDS, type Evaluation } from './score.js'

/** The evaluation as a table and a list of misses, for the terminal. */
function report(evaluation: Evaluation & { problems: readonly string[] }): string {
  const { documents, figures, misses, problems } = evaluation
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7)
  const width = Math.max(...[...SCALAR_FIELDS, ...SET_FIELDS].map((f) => f.length))
  const lines = [`${documents} texts`, '', `${'field'.padEnd(width)}   exact`]
  for (const f of SCALAR_FIELDS) lines.push(`${f.padEnd(width)} ${percent(figures.exact[f])}`)
  lines.push('', `${'field'.padEnd(width)} precision  recall`)
  for (const f of SET_FIELDS) lines.push(`${f.padEnd(width)}   ${percent(figures.sets[f].precision)} ${percent(figures.sets[f].recall)}`)
  if (misses.length) {
    lines.push('', 'misses (field: expected → found; for sets: missing → extra)')
    for (const doc of misses) {
      lines.push(`  ${doc.name}`)
      for (const m of doc.misses) lines.push(`    ${m.field}: ${m.expected || '∅'} → ${m.found || '∅'}`)
    }
  }
  if (problems.length) lines.push('', 'problems with the corpus', ...problems.map((p) => `  ${p}`))
  return lines.join('\n') + '\n'
}

const evaluation = await evaluateCorpus(resolve(process.argv[2] ?? join(PACKAGE_ROOT, 'test', 'corpus')), '.')
process.stdout.write(report(evaluation))
process.exitCode = evaluation.problems.length ? 1 : 0
