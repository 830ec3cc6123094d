// Derives pipeline/lang/traditional-forms.ts, the Traditional forms of the Simplified characters
// the language profiles write their words with, from OpenCC's dictionaries (opencc-js), so that a
// profile reads texts in 繁體 with the same patterns. Every Han character of pipeline/lang/*.ts
// gets two kinds of forms: those OpenCC gives when it converts the character's runs as phrases
// (it picks a character's form by its word: 决议 → 決議, 发表 → 發表) to Traditional, Taiwan and
// Hong Kong standards, and every Traditional character its Traditional-to-Simplified table reads
// as it (为 ← 為, 爲; 鉴 ← 鑑, 鑒), which a converter, choosing one form, would not give. Loading
// OpenCC takes a second, too long for every worker's start: hence a generated table. `npm run
// build` runs it; a test fails when the committed table is stale.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const langDir = join(root, 'pipeline', 'lang')
export const OUTPUT = 'traditional-forms.ts'

/**
 * OpenCC's Traditional-to-Simplified character table (TSCharacters): each Simplified character
 * with the Traditional ones read as it, and the set of those Traditional characters.
 */
async function readAs() {
  const { Locale } = await import('opencc-js/t2cn')
  const table = Locale.to.cn.flat().find((dict) => typeof dict === 'string' && /^\S \S\|/u.test(dict))
  if (!table) throw new Error('opencc-js no longer ships its Traditional-to-Simplified character table where this script looks for it')
  const traditionalOf = new Map()
  const traditional = new Set()
  for (const entry of table.split('|')) {
    const [t, s] = entry.split(' ')
    if (!t || !s || t === s) continue
    if (!traditionalOf.has(s)) traditionalOf.set(s, [])
    traditionalOf.get(s).push(t)
    traditional.add(t)
  }
  return { traditionalOf, traditional }
}

export async function generate() {
  const OpenCC = await import('opencc-js/cn2t')
  const converters = ['t', 'tw', 'hk'].map((to) => OpenCC.Converter({ from: 'cn', to }))
  const { traditionalOf, traditional } = await readAs()
  const forms = new Map()
  const addForm = (c, form) => {
    // A Traditional character the profiles write (並 beside 并, a comment's 大會) has no forms of its own.
    if (traditional.has(c)) return
    // A form beyond the Basic Multilingual Plane is two code units: a class of a pattern without
    // the u flag would read it as two characters.
    if (form === c || form.length !== 1) return
    if (!forms.has(c)) forms.set(c, new Set())
    forms.get(c).add(form)
  }
  const add = (simplified, converted) => {
    const from = [...simplified]
    const to = [...converted]
    // A conversion that changes a phrase's length maps no character to one form: skip it.
    if (from.length !== to.length) return
    from.forEach((c, i) => addForm(c, to[i]))
  }
  for (const file of (await readdir(langDir)).filter((f) => f.endsWith('.ts') && f !== OUTPUT).sort()) {
    const source = await readFile(join(langDir, file), 'utf8')
    for (const [run] of source.matchAll(/\p{Script=Han}+/gu)) {
      for (const convert of converters) {
        add(run, convert(run))
        for (const c of run) add(c, convert(c))
      }
      for (const c of run) for (const form of traditionalOf.get(c) ?? []) addForm(c, form)
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
