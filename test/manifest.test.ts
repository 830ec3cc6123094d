import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { journalEntry, LineFile, LineFiles, openJournal, readDiagnostics, readEntry, readManifest, removeJournal, writeManifest, type EntryRecord } from '../pipeline/batch/manifest.js'
import type { ManifestEntry } from '../pipeline/types/manifest.js'

/** Lines of many lengths, Chinese among them (several bytes a character), some longer than the read-ahead; made once, as they are compared many times. */
const LINES = Array.from({ length: 300 }, (_, i) => JSON.stringify({ i, text: '联合国大会决议'.repeat((i * 37) % 101) + 'x'.repeat(i % 7 === 0 ? 1 << 20 : i) }))
const lineOf = (i: number): string => LINES[i]!

function entryOf(i: number): ManifestEntry {
  return {
    path: `input/doc-${i}.zh.txt`,
    name: `doc-${i}.zh`,
    input: { sha256: 'a'.repeat(64), size: i, mtimeNs: '1' },
    outputs: [{ name: `doc-${i}.zh.json`, sha256: 'b'.repeat(64), size: i, mtimeNs: '2' }],
    links: i > 0 ? { [`A/RES/${i - 1}`]: `doc-${i - 1}.zh` } : {},
    summary: {
      name: `doc-${i}.zh`,
      path: `input/doc-${i}.zh.txt`,
      symbol: `A/RES/${i}`,
      kind: 'ga-resolution',
      citations: i > 0 ? [{ symbol: `A/RES/${i - 1}`, kind: 'ga-resolution', count: 1 }] : []
    },
    errors: 0,
    warnings: 1
  }
}

describe('the files of a build manifest', () => {
  it('reads back every line appended at once, each as written, also while other appends are being written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undoc-lines-'))
    const journal = await openJournal(dir)
    // Each line is read back as soon as its own append is done, while the others are still going.
    const echoed = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const at = await journal.append(lineOf(i))
        return { at, text: await journal.read(at.offset, at.length) }
      })
    )
    echoed.forEach((e, i) => expect(e.text === lineOf(i), `line ${i}`).toBe(true))
    // Then in another order, through the read-ahead.
    for (const i of [...echoed.keys()].reverse()) expect((await journal.read(echoed[i]!.at.offset, echoed[i]!.at.length)) === lineOf(i)).toBe(true)
    const listed: string[] = []
    for await (const line of journal.lines()) listed.push(line.text())
    expect(listed.sort()).toEqual(echoed.map((_, i) => lineOf(i)).sort())
    await removeJournal(journal)
    expect(readdirSync(dir)).toEqual([])
  })

  it('writes a manifest that reads back to the same entries and diagnostics, and takes one cut short for none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undoc-manifest-'))
    const files = new LineFiles()
    const file = await openJournal(dir)
    const journal = { file, number: files.add(file) }
    const diagnostics = (i: number) => [{ file: `input/doc-${i}.zh.txt`, line: i + 1, column: 1, severity: 'warning' as const, ruleId: 'r', source: 'undoc', reason: '说明'.repeat(i) }]
    const records = await Promise.all(Array.from({ length: 50 }, (_, i) => journalEntry(journal, entryOf(i), diagnostics(i))))
    const path = join(dir, 'manifest.jsonl')
    await writeManifest(
      path,
      { undoc: 'test', pipeline: 'b'.repeat(64), documents: records.length },
      files,
      (async function* () {
        yield* records
      })()
    )
    await removeJournal(journal.file)
    const read: EntryRecord[] = []
    const pending: string[] = []
    const again = new LineFiles()
    expect(
      await readManifest(
        path,
        again,
        async (p) => void pending.push(p),
        async (r) => void read.push(r)
      )
    ).toBeDefined()
    expect(read.map((r) => r.path)).toEqual(records.map((r) => r.path))
    expect(pending).toEqual([])
    for (const [i, r] of read.entries()) {
      expect(await readEntry(again, r)).toEqual(entryOf(i))
      expect(await readDiagnostics(again, r)).toEqual(diagnostics(i))
    }
    await again.close()

    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(path, 'utf8')
    const none = async (at: string) => {
      const opened = new LineFiles()
      const result = await readManifest(
        at,
        opened,
        async () => undefined,
        async () => undefined
      )
      await opened.close()
      return result
    }
    // Without the last source's diagnostics line; without its entry too; a line cut in two.
    for (const cut of [bytes.slice(0, bytes.lastIndexOf('\n', bytes.length - 2) + 1), bytes.slice(0, bytes.lastIndexOf('\n', bytes.lastIndexOf('\n', bytes.length - 2) - 1) + 1), bytes.slice(0, -5)]) {
      writeFileSync(path, cut)
      expect(await none(path)).toBeUndefined()
    }
    expect(await none(join(dir, 'none.jsonl'))).toBeUndefined()
  })

  it('reads a file that ends without a newline up to its last whole line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undoc-lines-'))
    writeFileSync(join(dir, 'f'), 'one\ntwo\nthr')
    const file = await LineFile.open(join(dir, 'f'))
    const lines: string[] = []
    for await (const line of file.lines()) lines.push(line.text())
    await file.close()
    expect(lines).toEqual(['one', 'two'])
  })
})
