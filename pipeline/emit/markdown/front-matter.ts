import { createRequire } from 'node:module'

/**
 * The front matter of a document's Markdown: its metadata as YAML, exactly as the yaml package
 * writes it (`stringify(metadata, { lineWidth: 0 })`, without its final newline). Metadata is a
 * few keys of plain words, numbers and dates, which this writes itself; anything else (a string
 * that YAML must quote, a float, an empty list) goes to yaml, loaded then: it is a quarter of the
 * code a one-document build loads (a test holds the two to the same text).
 */
export function frontMatter(metadata: object): string {
  return block(metadata, '') ?? (createRequire(import.meta.url)('yaml') as typeof import('yaml')).stringify(metadata, { lineWidth: 0 }).trimEnd()
}

/** The lines of a mapping at an indentation, or undefined when a value is not one this writes. */
function block(map: object, indent: string): string | undefined {
  const lines: string[] = []
  const entries = Object.entries(map)
  if (entries.length === 0) return undefined
  for (const [key, value] of entries) {
    if (!isPlain(key)) return undefined
    if (Array.isArray(value)) {
      if (value.length === 0) return undefined
      lines.push(`${indent}${key}:`)
      for (const item of value) {
        const text = scalar(item)
        if (text === undefined) return undefined
        lines.push(`${indent}  - ${text}`)
      }
    } else if (value !== null && typeof value === 'object') {
      const inner = block(value, `${indent}  `)
      if (inner === undefined) return undefined
      lines.push(`${indent}${key}:`, inner)
    } else {
      const text = scalar(value)
      if (text === undefined) return undefined
      lines.push(`${indent}${key}: ${text}`)
    }
  }
  return lines.join('\n')
}

/** A scalar as YAML writes it plain: a whole number, true or false, or a string that needs no quotes. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined
  if (typeof value === 'boolean') return String(value)
  return typeof value === 'string' && isPlain(value) ? value : undefined
}

/**
 * What YAML's core schema would read as something other than a string: null, a boolean, a
 * number (decimal, octal, hexadecimal, float, infinity, not a number).
 */
const OTHER_TYPE = /^(?:~|null|true|false|[-+]?(?:\.(?:inf|nan)|0o[0-7]+|0x[0-9a-f]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:e[-+]?[0-9]+)?))?$/i

/**
 * A string that YAML writes as it is, by what it holds (more are, and yaml writes them): no
 * indicator first, no ": " or " #" in it, no space at either end, nothing but printable
 * characters, and not read as another type.
 */
function isPlain(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what YAML escapes
  return !OTHER_TYPE.test(text) && !/^[\s\-?:,[\]{}#&*!|>'"%@`]|[\s:]$|: | #|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/.test(text)
}
