import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv'

import { PACKAGE_ROOT } from '../core/package-root.js'

export const SCHEMA_DIR = join(PACKAGE_ROOT, 'schemas')

/** The metadata's schema: a sidecar's and a front matter's values are checked against it. */
export const METADATA_SCHEMA = 'document.schema.json#/definitions/Metadata'

let ajv: Ajv | undefined
let reporting: Ajv | undefined

const require = createRequire(import.meta.url)

/**
 * ajv itself, loaded on first use: a build checks what it reads with the validators compiled
 * when undoc was built, and a rebuild with nothing to do never needs it (it took 40 ms to load).
 */
function ajvModule(): typeof import('ajv') {
  return require('ajv') as typeof import('ajv')
}

/**
 * An ajv instance with every schema of schemas/ loaded (each compiled on its first use); with
 * `source`, one that keeps the code of what it compiles, for scripts/precompile-schemas.mjs.
 */
export function instance(allErrors: boolean, source = false): Ajv {
  // Node unions are discriminated by `type`, so ajv checks one branch, not all: linear in the tree.
  const { Ajv, _ } = ajvModule()
  const a = new Ajv({ strict: true, allErrors, allowUnionTypes: true, discriminator: true, ...(source ? { code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } } : {}) })
  ;(require('ajv-formats') as typeof import('ajv-formats').default)(a)
  for (const name of ['document', 'source-meta', 'index', 'diagnostic']) {
    a.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as object, `${name}.schema.json`)
  }
  return a
}

/**
 * One strict ajv instance per process, which stops at the first error: its verdict is the one
 * an instance collecting every error gives, in 60% of the time on a valid document (which is
 * what undoc builds); `validate` asks that other instance what is wrong only when this one fails.
 */
export function schemas(): Ajv {
  return (ajv ??= instance(false))
}

/** The validator of a schema of schemas/ in an instance, registering the schema's file on first use. */
function validatorIn(a: Ajv, ref: string): ValidateFunction {
  const existing = a.getSchema(ref)
  if (existing) return existing
  const file = ref.split('#')[0]!
  if (!a.getSchema(file)) a.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object, file)
  return a.getSchema(ref)!
}

/**
 * The validator of a schema of schemas/ compiled now by ajv, registering it with the shared
 * instance on first use ("file#/definitions/Name" validates against one of its definitions):
 * what the validators compiled at build time are held to.
 */
export function validatorFor(ref: string): ValidateFunction {
  return validatorIn(schemas(), ref)
}

export interface SchemaViolation {
  /** JSON pointer of the offending value. */
  readonly pointer: string
  readonly message: string
  /** The name of a property that is not allowed there, when that is what is wrong. */
  readonly property?: string
}

/**
 * Every schema undoc validates against, by file or by definition, compiled to code when undoc is
 * built (`npm run build`: scripts/precompile-schemas.mjs), one module each (precompiledFile): a
 * process loads those it uses, never ajv, and compiles no schema (compiling them when a process
 * started cost more than a tenth of a second, in each worker and in a rebuild with nothing to do;
 * loading all of them in one module, a twentieth of a one-document build).
 */
export const PRECOMPILED: readonly string[] = [
  'document.schema.json',
  METADATA_SCHEMA,
  'source-meta.schema.json',
  'config.schema.json',
  'manifest.schema.json',
  'manifest.schema.json#/definitions/ManifestEntry',
  'manifest.schema.json#/definitions/ManifestDiagnostics',
  'manifest.schema.json#/definitions/PendingSource',
  'index.schema.json',
  'index.schema.json#/definitions/IndexedDocument',
  'index.schema.json#/definitions/Backlink',
  'index.schema.json#/definitions/MissingSymbol',
  'organizations.schema.json',
  'align.schema.json',
  'diagnostic.schema.json',
  'report.schema.json',
  'corpus-gold.schema.json'
]

const PRECOMPILED_DIR = join(PACKAGE_ROOT, 'dist', 'pipeline', 'validate', 'precompiled')

/** The module a schema's validator is compiled into: "manifest.schema.json#/definitions/ManifestEntry" → …/precompiled/manifest.ManifestEntry.cjs. */
export function precompiledFile(ref: string): string {
  return join(PRECOMPILED_DIR, `${ref.replace('.schema.json', '').replace('#/definitions/', '.')}.cjs`)
}

/** Why a validator compiled at build time is not there: undoc runs from a build that did not finish, or from its sources unbuilt. */
function notBuilt(file: string): Error {
  return new Error(`${file} is missing: the schemas are compiled into code when undoc is built, and this copy was not (run npm run build)`)
}

/** require(), with a file that is not there said to be a build not made. */
function requireBuilt(file: string): unknown {
  try {
    return require(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && !existsSync(file)) throw notBuilt(file)
    throw error
  }
}

const precompiled = new Map<string, (value: unknown) => boolean>()

/** The validator compiled at build time for a schema of PRECOMPILED. */
export function precompiledFor(ref: string): (value: unknown) => boolean {
  let fn = precompiled.get(ref)
  if (!fn) {
    if (!PRECOMPILED.includes(ref)) throw new Error(`undoc: no validator is compiled for ${ref}: name it in PRECOMPILED (pipeline/validate/index.ts)`)
    fn = (requireBuilt(precompiledFile(ref)) as { validate: (value: unknown) => boolean }).validate
    precompiled.set(ref, fn)
  }
  return fn
}

/** Validates `value` against a schema of schemas/, returning the violations (none when valid). */
export function validate(file: string, value: unknown): SchemaViolation[] {
  if (precompiledFor(file)(value)) return []
  // Every error, from an instance made (and its schemas compiled) only when something is invalid.
  const fn = validatorIn((reporting ??= instance(true)), file)
  fn(value)
  return simplify(fn.errors ?? [])
}

/**
 * A schema of schemas/, or one of its definitions, as the JSON it is written in (the order of
 * its properties is the order undoc writes them in).
 */
export function schemaOf(ref: string): object {
  const [file, pointer] = ref.split('#')
  let schema = JSON.parse(readFileSync(join(SCHEMA_DIR, file!), 'utf8')) as Record<string, unknown>
  for (const key of (pointer ?? '').split('/').filter(Boolean)) schema = schema[key] as Record<string, unknown>
  return schema
}

/** The ajv instance that checks a schema given as an object and fills in its defaults; with `source`, one that keeps the code it compiles. */
export function fillingInstance(source = false): Ajv {
  return new (ajvModule().Ajv)({ strict: true, allErrors: true, useDefaults: true, ...(source ? { code: { source: true } } : {}) })
}

/**
 * Where `npm run build` writes the validators of the lint rules' options schemas (they run on
 * every document), compiled by fillingInstance; the module's `schemas` lists the JSON text of
 * each one's schema, by which it is found: a schema changed since the build is compiled anew.
 */
export const PRECOMPILED_FILLING_FILE = join(PACKAGE_ROOT, 'dist', 'pipeline', 'validate', 'precompiled-filling.cjs')

/** A function compiled from code: what ajv's standalone validators are, the verdict and, when false, `errors`. */
type CompiledValidator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null }

let defaulting: Ajv | undefined
let precompiledFilling: Map<string, CompiledValidator> | undefined
const filling = new WeakMap<object, CompiledValidator>()

/** The filling validator compiled at build time for a schema (by its JSON text), if the build made one. */
export function precompiledFillingFor(schema: object): CompiledValidator | undefined {
  if (precompiledFilling === undefined) {
    const { schemas, ...functions } = requireBuilt(PRECOMPILED_FILLING_FILE) as { schemas: string[] } & Record<string, CompiledValidator>
    precompiledFilling = new Map(schemas.map((text, i) => [text, functions[`f${i}`]!]))
  }
  return precompiledFilling.get(JSON.stringify(schema))
}

/** The filling validator of a schema: the one compiled when undoc was built, or for a schema changed since (undoc's sources edited, not built again), one compiled now. */
function fillingValidator(schema: object): CompiledValidator {
  let fn = filling.get(schema)
  if (!fn) {
    fn = precompiledFillingFor(schema) ?? (defaulting ??= fillingInstance()).compile(schema)
    filling.set(schema, fn)
  }
  return fn
}

/**
 * Validates `value` against a schema given as an object (a lint rule's options), filling in the
 * schema's defaults in `value`.
 */
export function validateFilling(schema: object, value: unknown): SchemaViolation[] {
  const fn = fillingValidator(schema)
  if (fn(value)) return []
  return simplify(fn.errors ?? [])
}

/**
 * The errors that say what is wrong: a failed oneOf or discriminator at a node whose deeper
 * values were checked and reported is noise; every other error is kept, once.
 */
function simplify(errors: readonly ErrorObject[]): SchemaViolation[] {
  const paths = errors.map((e) => e.instancePath)
  const seen = new Set<string>()
  const out: SchemaViolation[] = []
  for (const e of errors) {
    if (e.keyword === 'oneOf' && paths.some((p) => p.startsWith(`${e.instancePath}/`))) continue
    const message = `${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`
    const key = `${e.instancePath} ${message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ pointer: e.instancePath || '/', message, ...(e.keyword === 'additionalProperties' ? { property: String(e.params.additionalProperty) } : {}) })
  }
  return out
}
