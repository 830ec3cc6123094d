import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decode } from '../pipeline/read/index.js'
import { build, SEEDS, seedText } from './helpers.js'

const resolution = seedText(SEEDS.resolution)
const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const le = Buffer.from(text, 'utf16le')
  const bytes = order === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]!))
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes
}

describe('read: bytes to text', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decode(Buffer.from(resolution))).toMatchObject({ ok: true, encoding: 'utf-8', bom: false, lineEndings: 'lf' })
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(resolution)]))).toMatchObject({ ok: true, encoding: 'utf-8', bom: true, text: resolution })
  })

  it('reads UTF-16 LE and BE, with a byte order mark or without one', () => {
    for (const order of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        expect(decode(utf16(resolution, order, bom))).toMatchObject({ ok: true, encoding: `utf-16${order}`, bom, text: resolution })
      }
    }
  })

  it('recognises GB18030 (and GBK) Chinese text', () => {
    expect(decode(iconv.encode(resolution, 'gb18030'))).toMatchObject({ ok: true, encoding: 'gb18030', text: resolution })
  })

  it('tells CRLF, CR and mixed line ends apart', () => {
    expect(decode(Buffer.from('a\r\nb\r\n'))).toMatchObject({ lineEndings: 'crlf' })
    expect(decode(Buffer.from('a\rb'))).toMatchObject({ lineEndings: 'cr' })
    expect(decode(Buffer.from('a\r\nb\nc'))).toMatchObject({ lineEndings: 'mixed' })
  })

  it('refuses binary files, naming what they look like', () => {
    expect(decode(Buffer.from('%PDF-1.7\n%âãÏÓ'))).toMatchObject({ ok: false, ruleId: 'binary-input', reason: expect.stringContaining('PDF') })
    expect(decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatchObject({ ok: false, ruleId: 'binary-input', reason: expect.stringContaining('PNG') })
    expect(decode(Buffer.from('联合国\u0000大会'))).toMatchObject({ ok: false, ruleId: 'binary-input', reason: expect.stringContaining('NUL') })
    expect(decode(Buffer.from('联合国\u0007大会'))).toMatchObject({ ok: false, ruleId: 'binary-input', reason: expect.stringContaining('U+0007') })
  })

  it('refuses bytes that are no known encoding, saying where the first bad byte is', () => {
    const bad = Buffer.concat([Buffer.from('大会，'), Buffer.from([0xff, 0xff, 0xfe, 0x80, 0x80])])
    expect(decode(bad)).toMatchObject({ ok: false, ruleId: 'undecodable-input', reason: expect.stringContaining('byte 9') })
  })

  it('refuses an empty file', () => {
    expect(decode(new Uint8Array())).toMatchObject({ ok: false, ruleId: 'empty-input' })
  })
})

describe('building from any encoding gives the same document', () => {
  it('builds the resolution identically from UTF-8, UTF-16 and GB18030', async () => {
    const reference = (await build(SEEDS.resolution)).document!
    for (const bytes of [utf16(resolution, 'le', true), utf16(resolution, 'be', false), iconv.encode(resolution, 'gb18030')]) {
      const doc = (await build(SEEDS.resolution, bytes)).document!
      expect(doc.tree).toEqual(reference.tree)
      expect(doc.metadata).toEqual(reference.metadata)
    }
  })

  it('builds the resolution with CRLF line ends with the same lines and columns', async () => {
    const reference = (await build(SEEDS.resolution)).document!
    const doc = (await build(SEEDS.resolution, resolution.replace(/\n/g, '\r\n'))).document!
    const points = (d: typeof doc) => JSON.stringify(d.tree, (k, v: unknown) => (k === 'offset' ? undefined : v))
    expect(points(doc)).toBe(points(reference))
  })
})

describe('bad input gives one clear diagnostic and no output', () => {
  const cases: [string, string | Uint8Array, string][] = [
    ['empty', '', 'empty-input'],
    ['white space only', ' \n\u3000\n\t\n', 'empty-input'],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'binary-input'],
    ['invalid UTF-8', Buffer.from([0xe5, 0xa4, 0xa7, 0xff, 0xfe, 0x80]), 'undecodable-input'],
    ['NUL bytes', Buffer.from('大会\u0000\u0000'), 'binary-input'],
    ['no known language', 'Привет мир. Это текст.', 'unsupported-language']
  ]
  for (const [what, bytes, ruleId] of cases) {
    it(`refuses ${what} with ${ruleId}`, async () => {
      const result = await build('input/bad.txt', bytes)
      expect(result.outputs).toEqual([])
      expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'input/bad.txt', line: 1, column: 1, severity: 'error', ruleId })])
      expect(result.diagnostics[0]!.reason).not.toMatch(/\n\s+at /)
    })
  }

  it('builds a text of a kind the grammar does not know as paragraphs, with a warning', async () => {
    const result = await build('input/note.zh.txt', '这是一段没有标题的文字。\n\n这是第二段。\n')
    expect(result.outputs.length).toBeGreaterThan(0)
    expect(result.document!.metadata.kind).toBe('unknown')
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'unknown-kind', severity: 'warning', line: 1, column: 1 })])
  })
})
