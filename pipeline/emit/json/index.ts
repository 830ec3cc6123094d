/** Chunks are cut at about this many characters: an output may be larger than any one string. */
const CHUNK = 1 << 20
/** Arrays longer than this are walked item by item; smaller values are stringified whole. */
const WALK = 64

/**
 * The JSON edition of a document (or of the corpus index): exactly `JSON.stringify(value)` and a final newline (compact:
 * data users read it with tools, reviewers read the Markdown; keys in the order the object was
 * built, which is the schema's order), produced in chunks as it is written: the JSON of a very
 * large text is longer than the longest string V8 allows, and need never be in memory whole.
 */
export function* emitJson(value: object): Generator<string> {
  let buffer = ''
  function* put(s: string): Generator<string> {
    buffer += s
    if (buffer.length >= CHUNK) {
      yield buffer
      buffer = ''
    }
  }
  function* write(value: unknown): Generator<string> {
    if (!large(value)) {
      yield* put(JSON.stringify(value))
      return
    }
    if (Array.isArray(value)) {
      yield* put('[')
      for (let i = 0; i < value.length; i++) {
        if (i > 0) yield* put(',')
        yield* write(value[i])
      }
      yield* put(']')
      return
    }
    let first = true
    yield* put('{')
    for (const [k, v] of Object.entries(value as object)) {
      if (v === undefined) continue
      yield* put(`${first ? '' : ','}${JSON.stringify(k)}:`)
      first = false
      yield* write(v)
    }
    yield* put('}')
  }
  yield* write(value)
  buffer += '\n'
  yield buffer
}

/** A value worth walking: a long array, or an object holding one (directly or below). */
function large(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 3) return false
  if (Array.isArray(value)) return value.length > WALK || value.some((v) => large(v, depth + 1))
  return Object.values(value).some((v) => large(v, depth + 1))
}
