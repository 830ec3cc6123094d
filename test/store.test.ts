import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { byCodeUnits } from '../pipeline/core/order.js'
import { Store } from '../pipeline/batch/store.js'
import { TABLES, type Table } from '../pipeline/batch/tables.js'

/** Fields as paths, names and symbols are: any code unit but U+0000, astral characters and lone surrogates among them. */
const field = fc.string({
  unit: fc.oneof(
    fc.constantFrom('a', 'b', '/', '-', '.', '0', 'A', 'é', '联', '（', '\uffff', '\u0001', '\u00ff', '\u0100'),
    fc.integer({ min: 1, max: 0xffff }).map((u) => String.fromCharCode(u)),
    fc.constantFrom('😀', '𠀀')
  ),
  maxLength: 6
})

/** Fields compared one after the other, as the store's order must: a shorter list first when it is a prefix. */
function byFields(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = byCodeUnits(a[i]!, b[i]!)
    if (c !== 0) return c
  }
  return a.length - b.length
}

/** Tables of strings, for the store alone (a run's tables are those of TABLES). */
const text = (letter: string): Table<string[], string> => ({ letter, holds: 'strings', encode: (value) => value, decode: (stored) => stored })
const K = text('K')
const L = text('L')

/** The two stores a run may have: LevelDB in a folder, and the heap's for a run of a few files. */
const STORES = [
  { where: 'on disk', open: (dir: string) => Store.open(join(dir, 'db')) },
  { where: 'in memory', open: () => Promise.resolve(Store.inMemory()) }
]

describe.each(STORES)('the run store $where', ({ open }) => {
  let dir: string
  let store: Store
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'undoc-store-'))
    store = await open(dir)
  })
  afterAll(async () => {
    await store.close()
    expect(existsSync(join(dir, 'db'))).toBe(false)
  })

  it('gives back every key, its fields whole, in the code-unit order undoc sorts by, field by field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.array(field, { minLength: 1, maxLength: 3 }), { selector: (k) => JSON.stringify(k), maxLength: 30 }), async (keys) => {
        await store.clear(K)
        const writer = store.writer()
        for (const [i, k] of keys.entries()) await writer.put(K, k, String(i))
        await writer.flush()
        const scanned: [string[], string][] = []
        for await (const entry of store.scan(K)) scanned.push(entry)
        const expected = [...keys.entries()].sort(([, a], [, b]) => byFields(a, b)).map(([i, k]): [string[], string] => [k, String(i)])
        expect(scanned).toEqual(expected)
      }),
      { numRuns: 60 }
    )
  })

  it('scans under a prefix exactly the keys whose first fields are it, whatever follows', async () => {
    await fc.assert(
      fc.asyncProperty(field, fc.array(fc.array(field, { minLength: 1, maxLength: 3 }), { maxLength: 20 }), async (prefix, others) => {
        await store.clear(K)
        const keys = [[prefix], [prefix, 'x'], [prefix, ''], [`${prefix}\uff08`], [`${prefix}\u0001`], ...others]
        const writer = store.writer()
        for (const k of keys) await writer.put(K, k, '')
        await writer.flush()
        const under: string[][] = []
        for await (const [k] of store.scan(K, [prefix])) under.push(k)
        const unique = [...new Map(keys.map((k) => [JSON.stringify(k), k])).values()]
        expect(under).toEqual(unique.filter((k) => k[0] === prefix).sort(byFields))
      }),
      { numRuns: 60 }
    )
  })

  it('scans what the table held when the scan began, whatever is written meanwhile', async () => {
    await store.clear(K)
    for (const k of ['a', 'c', 'e']) await store.put(K, [k], 'before')
    const scanned: string[] = []
    for await (const [[k]] of store.scan(K, [], 1)) {
      scanned.push(k!)
      if (k === 'a') {
        await store.put(K, ['b'], 'meanwhile')
        await store.del(K, ['e'])
      }
    }
    expect(scanned).toEqual(['a', 'c', 'e'])
    expect(await store.get(K, ['b'])).toBe('meanwhile')
    expect(await store.get(K, ['e'])).toBeUndefined()
  })

  it('gives every table of a run its own letter', () => {
    const letters = Object.values(TABLES).map((t) => t.letter)
    expect(new Set(letters).size).toBe(letters.length)
    for (const letter of letters) expect(letter).toMatch(/^[A-Z]$/)
  })

  it('keeps tables apart, lands a writer’s puts and deletes in the order given, and counts and looks up', async () => {
    await store.clear(K)
    await store.clear(L)
    const writer = store.writer()
    for (let i = 0; i < 2500; i++) await writer.put(K, [`p${String(i).padStart(4, '0')}`], String(i))
    for (let i = 0; i < 2500; i += 2) await writer.del(K, [`p${String(i).padStart(4, '0')}`])
    await writer.put(L, ['p0001'], 'other')
    await writer.flush()
    expect(await store.count(K)).toBe(1250)
    expect(await store.getMany(K, [['p0001'], ['p0002'], ['p2499']])).toEqual(['1', undefined, '2499'])
    expect(await store.get(L, ['p0001'])).toBe('other')
    const alongside = store.alongside(K)
    expect([await alongside.at('p0000'), await alongside.at('p0001'), await alongside.at('p0003'), await alongside.at('p9999')]).toEqual([undefined, '1', '3', undefined])
    await alongside.close()
  })
})
