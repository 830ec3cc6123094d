import { Messages, type Diagnostic } from '../core/diagnostic.js'
import { jsonErrorOffset, unexpectedAt } from '../core/json-syntax.js'
import { jsonPointerSpan } from '../core/json-pointer.js'
import { RawText } from '../core/raw-text.js'
import type { SourceInput } from '../io/sources.js'
import { decode } from '../read/index.js'
import type { Position } from '../types/document.js'
import type { SourceMeta } from '../types/source-meta.js'
import { validate } from '../validate/index.js'

/**
 * The largest sidecar read. A sidecar holds a few fields (symbol, date, title…); its values go
 * into every edition, so a sidecar of 60 MB made four files of 60 MB and took 650 MB to build.
 */
export const MAX_SIDECAR_BYTES = 64 * 2 ** 10

/** Where the value a JSON pointer names stands in a valid JSON text; its start when the text nests too deep to walk. */
function placeInJson(raw: RawText, pointer: string, property: string | undefined): Position {
  try {
    const { start, end } = jsonPointerSpan(raw.text, pointer, property)
    return raw.position(start, end)
  } catch (error) {
    // The JSON parser that keeps positions recurses by depth: a value nested thousands deep
    // (valid JSON, refused by the schema) overflows its stack. The error stands at the start.
    if (error instanceof RangeError) return raw.position(0, 0)
    throw error
  }
}

/** The sidecar's metadata, or the diagnostics (under the sidecar's own path) that say why there is none. */
export function readSidecar(sidecar: NonNullable<SourceInput['sidecar']>): { meta?: SourceMeta; diagnostics: Diagnostic[] } {
  const side = new Messages(sidecar.path)
  if (sidecar.bytes.length > MAX_SIDECAR_BYTES) {
    side.add(
      'error',
      `The sidecar is ${(sidecar.bytes.length / 1024).toFixed(0)} KiB, more than the ${MAX_SIDECAR_BYTES / 1024} KiB a sidecar may be: it holds a few fields of metadata.`,
      'sidecar-too-large',
      undefined
    )
    return { diagnostics: side.toData() }
  }
  const decoded = decode(sidecar.bytes)
  if (!decoded.ok) {
    side.add('error', `The sidecar is not text: ${decoded.reason}`, 'sidecar-json', undefined)
    return { diagnostics: side.toData() }
  }
  const raw = new RawText(sidecar.path, decoded.text)
  let value: unknown
  try {
    value = JSON.parse(decoded.text)
  } catch {
    const at = jsonErrorOffset(decoded.text)
    side.add('error', `The sidecar is not valid JSON: unexpected ${unexpectedAt(decoded.text, at)}.`, 'sidecar-json', raw.pointAt(at))
    return { diagnostics: side.toData() }
  }
  for (const v of validate('source-meta.schema.json', value)) {
    side.add('error', `The sidecar is not valid against source-meta.schema.json at ${v.pointer}: ${v.message}.`, 'sidecar-schema', placeInJson(raw, v.pointer, v.property))
  }
  return side.hasErrors ? { diagnostics: side.toData() } : { meta: value as SourceMeta, diagnostics: [] }
}
