// Speed of the PDF writer: time to the first page (fonts loaded and parsed) and pages per second for each seed.
// Run after `npm run build`: node scripts/bench-pdf.mjs
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const root = join(fileURLToPath(import.meta.url), '..', '..')
const { buildDocument } = await import(join(root, 'dist/pipeline/document/build.js'))
const { emitPdf, documentPages } = await import(join(root, 'dist/pipeline/emit/pdf/index.js'))
const seeds = ['input/a-res-67-264.zh.txt', 'input/a-65-letter-kazakhstan-astana-declaration.zh.txt']
const docs = []
for (const path of seeds) docs.push((await buildDocument({ path, bytes: readFileSync(join(root, path)) }, { corpus: new Map() }, [])).document)

let t = performance.now()
await emitPdf(docs[0], { corpus: new Map() })
console.log(`time to first PDF (fonts read and parsed, cold): ${(performance.now() - t).toFixed(0)} ms`)
const ROUNDS = Number(process.env.ROUNDS ?? 10)
// One warm-up round per document, so the figures below are the steady state of a long build.
for (const doc of docs) await emitPdf(doc, { corpus: new Map() })
for (const [i, doc] of docs.entries()) {
  const pages = documentPages(doc).length
  t = performance.now()
  for (let r = 0; r < ROUNDS; r++) documentPages(doc)
  const layout = (performance.now() - t) / ROUNDS
  t = performance.now()
  for (let r = 0; r < ROUNDS; r++) await emitPdf(doc, { corpus: new Map() })
  const whole = (performance.now() - t) / ROUNDS
  console.log(`${seeds[i]}: ${pages} pages, ${whole.toFixed(0)} ms per PDF (layout ${layout.toFixed(0)} ms): ${((pages * 1000) / whole).toFixed(1)} pages/s`)
}
