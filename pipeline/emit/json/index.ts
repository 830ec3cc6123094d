import type { UndocDocument } from '../../types/document.js'

/** Chunks are cut at about this many characters: an output may be larger than any one string. */
const CHUNK = 1 << 20
/** Arrays longer than this are walked item by item; smaller values are stringified whole. */
const WALK = 32

/**
 * The JSON edition of a document, exactly as `JSON.stringify(doc, null, 2)` and a final newline
 * would write it (keys in the order the object was built, which is the schema's order), but
 * produced in chunks as it is written: the JSON of a very large text is longer than the longest
 * string V8 allows, and need never be in memory whole.
 */
export function* emitJson(doc: UndocDocument): Generator<string> {
  let buffer = ''
  function* put(s: string): Generator<string> {
    buffer += s
    if (buffer.length >= CHUNK) {
      yield buffer
      buffer = ''
    }
  }
  function* write(value: unknown, indent: string): Generator<string> {
    if (!large(value)) {
      // JSON strings hold no raw line breaks, so re-indenting stringify's lines is exact.
      yield* put(JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`))
      return
    }
    const inner = `${indent}  `
    if (Array.isArray(value)) {
      yield* put('[\n')
      for (let i = 0; i < value.length; i++) {
        yield* put(inner)
        yield* write(value[i], inner)
        yield* put(i < value.length - 1 ? ',\n' : '\n')
      }
      yield* put(`${indent}]`)
      return
    }
    const entries = Object.entries(value as object).filter(([, v]) => v !== undefined)
    yield* put('{\n')
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i]!
      yield* put(`${inner}${JSON.stringify(k)}: `)
      yield* write(v, inner)
      yield* put(i < entries.length - 1 ? ',\n' : '\n')
    }
    yield* put(`${indent}}`)
  }
  yield* write(doc, '')
  buffer += '\n'
  yield buffer
}

/** A value worth walking: a long array, or an object holding one (directly or below). */
function large(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 3) return false
  if (Array.isArray(value)) return value.length > WALK || value.some((v) => large(v, depth + 1))
  return Object.values(value).some((v) => large(v, depth + 1))
}
