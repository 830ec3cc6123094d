// Derives pipeline/lang/traditional-forms.ts, the Traditional forms of the Simplified characters
// the language profiles write their words with, from OpenCC's dictionaries (opencc-js), so that a
// profile reads texts in 繁體 with the same patterns. Each run of Han characters in
// pipeline/lang/*.ts is converted as a phrase (OpenCC picks a character's form by its word:
// 决议 → 決議, 发表 → 發表) to Traditional, Taiwan and Hong Kong standards, and every form a
// character takes is kept. Loading OpenCC takes a second, too long for every worker's start:
// hence a generated table. `npm run build` runs it; a test fails when the committed table is stale.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const langDir = join(root, 'pipeline', 'lang')
export const OUTPUT = 'traditional-forms.ts'

export async function generate() {
  const OpenCC = await import('opencc-js/cn2t')
  const converters = ['t', 'tw', 'hk'].map((to) => OpenCC.Converter({ from: 'cn', to }))
  const forms = new Map()
  const add = (simplified, converted) => {
    const from = [...simplified]
    const to = [...converted]
    // A conversion that changes a phrase's length maps no character to one form: skip it.
    if (from.length !== to.length) return
    from.forEach((c, i) => {
      if (to[i] === c) return
      if (!forms.has(c)) forms.set(c, new Set())
      forms.get(c).add(to[i])
    })
  }
  for (const file of (await readdir(langDir)).filter((f) => f.endsWith('.ts') && f !== OUTPUT).sort()) {
    const source = await readFile(join(langDir, file), 'utf8')
    for (const [run] of source.matchAll(/\p{Script=Han}+/gu)) {
      for (const convert of converters) {
        add(run, convert(run))
        for (const c of run) add(c, convert(c))
      }
    }
  }
  const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
  const entries = [...forms].sort(([a], [b]) => byCodeUnits(a, b)).map(([c, set]) => `  '${c}': '${[...set].sort(byCodeUnits).join('')}'`)
  return [
    '// Generated from the Han characters of pipeline/lang/*.ts by scripts/generate-traditional-forms.mjs',
    '// (OpenCC data, opencc-js). Do not edit: edit the profile and run `npm run build`.',
    '',
    '/** The Traditional forms of each Simplified character the language profiles use, where they differ. */',
    'export const TRADITIONAL_FORMS: Readonly<Record<string, string>> = {',
    entries.join(',\n'),
    '}',
    ''
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = join(langDir, OUTPUT)
  const next = await generate()
  const current = await readFile(path, 'utf8').catch(() => '')
  if (current !== next) await writeFile(path, next)
}
