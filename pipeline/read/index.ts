import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import type { Source } from '../types/document.js'

export type Encoding = Source['encoding']
export type LineEndings = Source['lineEndings']

/**
 * iconv-lite, required when a text is not Unicode: its code pages are half a megabyte of script
 * that a run of UTF-8 texts (nearly every run) would otherwise load and compile.
 */
const load = createRequire(import.meta.url)
let iconv: typeof import('iconv-lite') | undefined
const gb18030 = () => (iconv ??= load('iconv-lite') as NonNullable<typeof iconv>)

export interface DecodedText {
  readonly ok: true
  readonly text: string
  readonly encoding: Encoding
  readonly bom: boolean
  readonly lineEndings: LineEndings
  readonly sha256: string
}

export interface Undecodable {
  readonly ok: false
  readonly ruleId: 'binary-input' | 'undecodable-input' | 'empty-input'
  readonly reason: string
  /** Byte offset of the first problem, when there is one. */
  readonly byteOffset?: number
}

const MAGIC: readonly [string, number[]][] = [
  ['a PDF file', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or DOCX/XLSX)', [0x50, 0x4b, 0x03, 0x04]],
  ['a Word 97-2003 document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a gzip archive', [0x1f, 0x8b]]
]

/**
 * Bytes → text. Recognises UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or the NUL pattern
 * of ASCII-heavy text without one) and GB18030/GBK, by decoding strictly and checking that the
 * result reads as text; refuses binary data with the kind of file it looks like.
 */
export function decode(bytes: Uint8Array): DecodedText | Undecodable {
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  if (bytes.length === 0) return { ok: false, ruleId: 'empty-input', reason: 'The file is empty: there is no text to build.' }
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) {
      return { ok: false, ruleId: 'binary-input', reason: `This is ${what}, not a text: convert it to plain text first.`, byteOffset: 0 }
    }
  }

  const done = (text: string, encoding: Encoding, bom: boolean): DecodedText | Undecodable => {
    const control = firstForbiddenControl(text)
    if (control !== -1) {
      return {
        ok: false,
        ruleId: 'binary-input',
        reason: `The file holds a control character U+${text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0')} at character ${control}: it looks binary, not like a text.`
      }
    }
    return { ok: true, text, encoding, bom, lineEndings: lineEndings(text), sha256 }
  }

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3))
    if (text === null) return { ok: false, ruleId: 'undecodable-input', reason: 'The file starts with a UTF-8 byte order mark but is not valid UTF-8.' }
    return done(text, 'utf-8', true)
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le', true, done)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be', true, done)

  const utf16Guess = guessUtf16(bytes)
  if (utf16Guess) return utf16(bytes, utf16Guess, false, done)

  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return { ok: false, ruleId: 'binary-input', reason: `The file holds a NUL byte at byte ${nul}: it looks binary, not like a text.`, byteOffset: nul }
  }

  const utf8 = strictUtf8(bytes)
  if (utf8 !== null) return done(utf8, 'utf-8', false)

  const gb = gb18030().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030')
  if (!gb.includes('\ufffd') && readsAsText(gb)) return done(gb, 'gb18030', false)

  const bad = firstInvalidUtf8(bytes)
  return {
    ok: false,
    ruleId: 'undecodable-input',
    reason: `The file is neither UTF-8, UTF-16 nor GB18030: invalid UTF-8 at byte ${bad}. Save it as UTF-8.`,
    byteOffset: bad
  }
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean, done: (text: string, encoding: Encoding, bom: boolean) => DecodedText | Undecodable): DecodedText | Undecodable {
  if (bytes.length % 2 !== 0) {
    return { ok: false, ruleId: 'undecodable-input', reason: `The file looks like ${encoding.toUpperCase()} but has an odd number of bytes: it is cut or corrupted.` }
  }
  try {
    return done(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding, bom)
  } catch {
    return { ok: false, ruleId: 'undecodable-input', reason: `The file looks like ${encoding.toUpperCase()} but holds invalid sequences (unpaired surrogates).` }
  }
}

/** UTF-16 without a BOM: in text that is mostly ASCII or CJK, every other byte follows a pattern of NULs. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null
  const sample = Math.min(bytes.length, 4096)
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < sample; i++) if (bytes[i] === 0) i % 2 === 0 ? evenNul++ : oddNul++
  const pairs = sample / 2
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le'
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be'
  return null
}

/** Control characters other than tab, line ends, form feed and vertical tab do not occur in texts. */
function firstForbiddenControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0x7f) return i
  }
  return -1
}

/** GB18030 decodes almost any byte string; accept it only if it reads as CJK or ASCII text. */
function readsAsText(text: string): boolean {
  let good = 0
  let total = 0
  for (const c of text) {
    total++
    if (/[\p{Script=Han}\p{P}\p{N}\p{Zs}\n\r\t\u0020-\u007e\u3000-\u303f\uff00-\uffef]/u.test(c)) good++
  }
  return total > 0 && good / total > 0.95
}

/** Byte offset of the first byte that does not begin or continue a well-formed UTF-8 sequence (one pass). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const c1 = bytes[i + 1] ?? 0
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i
    i += need + 1
  }
  return i
}

function lineEndings(text: string): LineEndings {
  let lf = 0
  let crlf = 0
  let cr = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++
        i++
      } else cr++
    } else if (c === 10) lf++
  }
  const kinds = [lf > 0, crlf > 0, cr > 0].filter(Boolean).length
  if (kinds === 0) return 'none'
  if (kinds > 1) return 'mixed'
  return lf ? 'lf' : crlf ? 'crlf' : 'cr'
}
