// Compiles the schemas a build checks most (PRECOMPILED in pipeline/validate) to code, with ajv's
// standalone code generation, into dist/pipeline/validate/precompiled.cjs: a process then loads
// them instead of compiling them on start. `npm run build` runs it after tsc; the validators are
// those the runtime instance makes, with the same options (a test compares them).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import standaloneCode from 'ajv/dist/standalone/index.js'
import { instance, PRECOMPILED, PRECOMPILED_FILE, SCHEMA_DIR } from '../dist/pipeline/validate/index.js'

const ajv = instance(false, true)
for (const file of new Set(PRECOMPILED.map((ref) => ref.split('#')[0]))) {
  if (!ajv.getSchema(file)) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')), file)
}
const code = standaloneCode.default(ajv, Object.fromEntries(PRECOMPILED.map((ref, i) => [`v${i}`, ref])))
writeFileSync(PRECOMPILED_FILE, code)
