/** Chunks are cut at about this many characters: an output may be larger than any one string. */
const CHUNK = 1 << 20
/** Arrays longer than this are walked item by item; smaller values are stringified whole. */
const WALK = 64

/**
 * The JSON edition of a document (or of the corpus index): exactly `JSON.stringify(value)` and a final newline (compact:
 * data users read it with tools, reviewers read the Markdown; keys in the order the object was
 * built, which is the schema's order), produced in chunks (of about `chunk` characters) as it is
 * written: the JSON of a very large text is longer than the longest string V8 allows, and need
 * never be in memory whole.
 */
export function* emitJson(value: object, chunk = CHUNK): Generator<string> {
  // Most documents' JSON is one chunk: then it is one JSON.stringify, which takes a quarter of
  // the time walking the value to cut it took.
  if (jsonFits(value, chunk)) {
    yield `${JSON.stringify(value)}\n`
    return
  }
  let buffer = ''
  // Small values are appended as one JSON.stringify; only the few large containers are walked,
  // and a chunk is handed on whenever the buffer is full (no generator per value: that cost
  // as much as the stringifying).
  function* write(value: object): Generator<string> {
    if (Array.isArray(value)) {
      buffer += '['
      for (let i = 0; i < value.length;) {
        if (i > 0) buffer += ','
        if (large(value[i])) yield* write(value[i++] as object)
        else {
          // A run of up to WALK small items is stringified as one, as a small array is: one
          // JSON.stringify per item cost twice the stringifying of a long array of small items.
          let end = i + 1
          while (end < value.length && end - i < WALK && !large(value[end])) end++
          buffer += JSON.stringify(value.slice(i, end)).slice(1, -1)
          i = end
        }
        if (buffer.length >= chunk) {
          yield buffer
          buffer = ''
        }
      }
      buffer += ']'
      return
    }
    let first = true
    buffer += '{'
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
      buffer += `${first ? '' : ','}${JSON.stringify(k)}:`
      first = false
      if (large(v)) yield* write(v as object)
      else buffer += JSON.stringify(v)
      if (buffer.length >= chunk) {
        yield buffer
        buffer = ''
      }
    }
    buffer += '}'
  }
  if (large(value)) yield* write(value)
  else buffer = JSON.stringify(value)
  buffer += '\n'
  yield buffer
}

/** A string JSON.stringify writes otherwise than as itself in quotes: a quote, a backslash, a control character or a surrogate (escaped when lone). */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for: JSON escapes them
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/

/**
 * Whether the JSON of a plain value is surely at most `limit` characters: a bound of its length
 * (a string's own length when nothing in it is escaped, six characters a character when
 * something is; 24 for a number, the longest JavaScript writes), summed until it passes the limit.
 */
function jsonFits(value: unknown, limit: number): boolean {
  let length = 0
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const v = pending.pop()
    if (typeof v === 'string') length += (ESCAPED.test(v) ? 6 * v.length : v.length) + 2
    else if (v === null || typeof v !== 'object') length += 24
    // A value that writes itself (a Date) is left to the walk, which JSON.stringify's it as it is.
    else if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return false
    else if (Array.isArray(v)) {
      length += v.length + 2
      for (const item of v) pending.push(item)
    } else {
      length += 2
      for (const k in v) {
        length += 6 * k.length + 4
        pending.push((v as Record<string, unknown>)[k])
      }
    }
    if (length > limit) return false
  }
  return true
}

/** A value worth walking: a long array, or an object holding one (directly or below). */
function large(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 3) return false
  if (Array.isArray(value)) {
    if (value.length > WALK) return true
    for (const item of value) if (large(item, depth + 1)) return true
    return false
  }
  for (const k in value) if (large((value as Record<string, unknown>)[k], depth + 1)) return true
  return false
}
