// Compiles to code, with ajv's standalone code generation, every schema undoc validates against
// (PRECOMPILED in pipeline/validate), one module each into dist/pipeline/validate/precompiled/,
// and the lint rules' options schemas (checked on every document, defaults filled in) into
// precompiled-filling.cjs: a process then loads the few it uses instead of compiling them on
// start, and need not load ajv at all. `npm run build` runs it after the pipeline is compiled; the
// validators are those the runtime instances make, with the same options (a test compares them).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import standaloneCode from 'ajv/dist/standalone/index.js'
import { RULES } from '../dist/pipeline/lint/index.js'
import { fillingInstance, instance, PRECOMPILED, precompiledFile, PRECOMPILED_FILLING_FILE, SCHEMA_DIR } from '../dist/pipeline/validate/index.js'

const ajv = instance(false, true)
for (const file of new Set(PRECOMPILED.map((ref) => ref.split('#')[0]))) {
  if (!ajv.getSchema(file)) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')), file)
}
rmSync(dirname(precompiledFile(PRECOMPILED[0])), { recursive: true, force: true })
mkdirSync(dirname(precompiledFile(PRECOMPILED[0])), { recursive: true })
for (const ref of PRECOMPILED) writeFileSync(precompiledFile(ref), standaloneCode.default(ajv, { validate: ref }))

// Each options schema under the key f0, f1…; `schemas` gives the JSON text each was compiled from.
const options = RULES.flatMap((rule) => (rule.schema ? [rule.schema] : []))
const filling = fillingInstance(true)
options.forEach((schema, i) => filling.addSchema(schema, `f${i}`))
const code = standaloneCode.default(filling, Object.fromEntries(options.map((_, i) => [`f${i}`, `f${i}`])))
writeFileSync(PRECOMPILED_FILLING_FILE, `${code}\nexports.schemas = ${JSON.stringify(options.map((schema) => JSON.stringify(schema)))};\n`)
