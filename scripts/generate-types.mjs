// Derives the TypeScript types in pipeline/types/ from the JSON Schemas in schemas/, so the
// schemas stay the single source of truth. `npm run build` runs it; a test fails when the
// committed output differs from what the schemas give.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compileFromFile } from 'json-schema-to-typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const schemaDir = join(root, 'schemas')
const typeDir = join(root, 'pipeline', 'types')

export async function generate() {
  const out = new Map()
  for (const file of (await readdir(schemaDir)).filter((f) => f.endsWith('.schema.json')).sort()) {
    const ts = await compileFromFile(join(schemaDir, file), {
      cwd: schemaDir,
      bannerComment: `// Generated from schemas/${file} by scripts/generate-types.mjs. Do not edit: edit the schema.`,
      unreachableDefinitions: true,
      additionalProperties: false,
      strictIndexSignatures: true,
      style: { singleQuote: true, semi: false }
    })
    out.set(file.replace('.schema.json', '.ts'), ts)
  }
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, ts] of await generate()) {
    const path = join(typeDir, name)
    const old = await readFile(path, 'utf8').catch(() => '')
    if (old !== ts) await writeFile(path, ts)
  }
}
