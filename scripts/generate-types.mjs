// Derives the TypeScript types in pipeline/types/ from the JSON Schemas in schemas/, so the
// schemas stay the single source of truth. `npm run build` runs it; a test fails when the
// committed output differs from what the schemas give.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compile } from 'json-schema-to-typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const schemaDir = join(root, 'schemas')
const typeDir = join(root, 'pipeline', 'types')

export async function generate() {
  const out = new Map()
  for (const file of (await readdir(schemaDir)).filter((f) => f.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(await readFile(join(schemaDir, file), 'utf8'))
    const imports = new Map()
    const ts = await compile(importingRefs(schema, imports), schema.title ?? file, {
      cwd: schemaDir,
      bannerComment: `// Generated from schemas/${file} by scripts/generate-types.mjs. Do not edit: edit the schema.`,
      unreachableDefinitions: true,
      additionalProperties: false,
      strictIndexSignatures: true,
      style: { singleQuote: true, semi: false }
    })
    const lines = [...imports].sort(([a], [b]) => (a < b ? -1 : 1)).map(([module, names]) => `import type { ${[...names].sort().join(', ')} } from './${module}.js'`)
    out.set(file.replace('.schema.json', '.ts'), lines.length ? ts.replace(/\n/, `\n${lines.join('\n')}\n`) : ts)
  }
  return out
}

/**
 * A definition of another schema file is imported from that file's types rather than copied
 * into this one: "index.schema.json#/definitions/DocumentSummary" becomes the type DocumentSummary
 * of ./index.js.
 */
function importingRefs(node, imports) {
  if (Array.isArray(node)) return node.map((n) => importingRefs(n, imports))
  if (node === null || typeof node !== 'object') return node
  const ref = typeof node.$ref === 'string' ? /^([a-z-]+)\.schema\.json#\/definitions\/(\w+)$/.exec(node.$ref) : null
  if (ref) {
    const [, module, name] = ref
    imports.set(module, (imports.get(module) ?? new Set()).add(name))
    const { $ref: _, ...rest } = node
    return { ...rest, tsType: name }
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, importingRefs(v, imports)]))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, ts] of await generate()) {
    const path = join(typeDir, name)
    const old = await readFile(path, 'utf8').catch(() => '')
    if (old !== ts) await writeFile(path, ts)
  }
}
