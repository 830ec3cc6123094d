import { rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { ClassicLevel } from 'classic-level'
import { byCodeUnits } from '../core/order.js'
import type { Table } from './tables.js'

type Operation = { type: 'put'; key: Buffer; value: string } | { type: 'del'; key: Buffer }
interface Range {
  readonly gte: Buffer
  readonly lt: Buffer
}

/** What the store asks of LevelDB (classic-level), which the store in memory does too. */
interface Backend {
  get(key: Buffer): Promise<string | undefined>
  getMany(keys: Buffer[]): Promise<(string | undefined)[]>
  put(key: Buffer, value: string): Promise<void>
  del(key: Buffer): Promise<void>
  batch(operations: Operation[]): Promise<void>
  clear(range: Range): Promise<void>
  iterator(range: Range): { nextv(size: number): Promise<[Buffer, string][]>; close(): Promise<void> }
  keys(range: Range): { nextv(size: number): Promise<Buffer[]>; close(): Promise<void> }
  close(): Promise<void>
}

/**
 * LevelDB's binding, required when a store on disk opens: with abstract-level it takes longer to
 * load than one document takes to build, and a run of a few named files keeps its store in memory.
 */
const load = createRequire(import.meta.url)

/**
 * A run's scratch tables on disk (LevelDB): what it knows of each document of a corpus (its
 * record, its citations, its place in the corpus's links and index) lives here, not in the
 * heap, so that a run holds the same memory for a thousand documents or a million. Its tables are
 * those of TABLES (tables.ts), each with its key fields and value type. Keys are a
 * table's letter and then fields, each as UTF-16 code units (big-endian) with two zero bytes
 * between them: LevelDB's byte order is then the code-unit order (`byCodeUnits`) undoc sorts by
 * everywhere else, field by field. (No field holds U+0000: paths, names and symbols cannot.)
 */
export class Store {
  private constructor(
    private readonly db: Backend,
    readonly dir: string | undefined,
    private readonly beforeWrite: StoreWriteHook
  ) {}

  /**
   * A new, empty store in `dir` (which must not exist). `beforeWrite` is called before each write
   * to it (a put, a delete, a batch): what it throws, the write throws, as LevelDB's would on a
   * full disk (a test's fault; nothing by default).
   */
  static async open(dir: string, beforeWrite: StoreWriteHook = () => undefined): Promise<Store> {
    const { ClassicLevel: Level } = load('classic-level') as { ClassicLevel: typeof ClassicLevel }
    // Uncompressed: the store lives for one run, and compressing cost a tenth of a one-change
    // rebuild. LevelDB's own memory is its default: a 4 MB write buffer and an 8 MB block cache.
    const db = new Level<Buffer, string>(dir, { keyEncoding: 'buffer', valueEncoding: 'utf8', createIfMissing: true, errorIfExists: true, compression: false })
    await db.open()
    return new Store(db, dir, beforeWrite)
  }

  /**
   * A new, empty store in the heap, for a run that can know of a few documents only: the same
   * tables, order and answers as on disk (test/store.test.ts runs its properties on both).
   */
  static inMemory(): Store {
    return new Store(new MemoryBackend(), undefined, () => undefined)
  }

  /** Closes the store and removes its folder. */
  async close(): Promise<void> {
    await this.db.close().catch(() => undefined)
    if (this.dir !== undefined) await rm(this.dir, { recursive: true, force: true })
  }

  async get<K extends readonly string[], V>(table: Table<K, V>, fields: K): Promise<V | undefined> {
    const stored = await this.db.get(key(table.letter, fields))
    return stored === undefined ? undefined : table.decode(stored)
  }

  async getMany<K extends readonly string[], V>(table: Table<K, V>, keys: readonly K[]): Promise<(V | undefined)[]> {
    if (keys.length === 0) return []
    return (await this.db.getMany(keys.map((k) => key(table.letter, k)))).map((stored) => (stored === undefined ? undefined : table.decode(stored)))
  }

  async put<K extends readonly string[], V>(table: Table<K, V>, fields: K, value: V): Promise<void> {
    this.beforeWrite()
    return this.db.put(key(table.letter, fields), table.encode(value))
  }

  async del<K extends readonly string[], V>(table: Table<K, V>, fields: K): Promise<void> {
    this.beforeWrite()
    return this.db.del(key(table.letter, fields))
  }

  /** Puts and deletes sent in batches: call `flush` before reading what they write. */
  writer(): StoreWriter {
    return new StoreWriter(this.db, this.beforeWrite)
  }

  /** Empties a table. */
  clear(table: Pick<Table<readonly string[], unknown>, 'letter'>): Promise<void> {
    return this.db.clear(range(table.letter, []))
  }

  /** A table's entries (under `prefix`, its first fields) in key order, read `read` at a time (a thousand unless said). */
  async *scan<K extends readonly string[], V>(table: Table<K, V>, prefix: readonly string[] = [], read = 1000): AsyncGenerator<[K, V]> {
    const iterator = this.db.iterator(range(table.letter, prefix))
    try {
      for (;;) {
        const batch = await iterator.nextv(read)
        if (batch.length === 0) return
        for (const [k, value] of batch) yield [fields(k) as unknown as K, table.decode(value)]
      }
    } finally {
      await iterator.close()
    }
  }

  /**
   * A table gone through in key order alongside another, by the first field of its keys: `at`
   * takes keys in order, and gives the value of each that the table has. Quicker than lookups.
   */
  alongside<K extends readonly string[], V>(table: Table<K, V>): { at: (key: string) => Promise<V | undefined>; close: () => Promise<void> } {
    const entries = peekable(this.scan(table))
    return {
      at: async (key) => {
        for (let e = await entries.peek(); e && byCodeUnits(e[0][0]!, key) < 0; e = await entries.peek()) await entries.next()
        const e = await entries.peek()
        return e && e[0][0] === key ? e[1] : undefined
      },
      close: entries.close
    }
  }

  /** How many entries a table has. */
  async count(table: Pick<Table<readonly string[], unknown>, 'letter'>): Promise<number> {
    let n = 0
    const iterator = this.db.keys(range(table.letter, []))
    try {
      for (let batch = await iterator.nextv(1000); batch.length > 0; batch = await iterator.nextv(1000)) n += batch.length
    } finally {
      await iterator.close()
    }
    return n
  }
}

/** Called before each write to a store; it throws to make the write fail. */
export type StoreWriteHook = () => void

/** Operations a writer holds before it sends them: a few hundred kilobytes at most. */
const BATCH = 1000

export class StoreWriter {
  private ops: Operation[] = []
  /** The batch being written: one at a time, so batches land in order. */
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly db: Backend,
    private readonly beforeWrite: StoreWriteHook
  ) {}

  async put<K extends readonly string[], V>(table: Table<K, V>, fields: K, value: V): Promise<void> {
    this.ops.push({ type: 'put', key: key(table.letter, fields), value: table.encode(value) })
    if (this.ops.length >= BATCH) await this.send()
  }

  async del<K extends readonly string[], V>(table: Table<K, V>, fields: K): Promise<void> {
    this.ops.push({ type: 'del', key: key(table.letter, fields) })
    if (this.ops.length >= BATCH) await this.send()
  }

  /** Sends what it holds; what it was sending before must land first. LevelDB writes on the thread pool meanwhile: the caller goes on making the next batch. */
  private async send(): Promise<void> {
    await this.writing
    const ops = this.ops
    this.ops = []
    if (ops.length > 0) this.beforeWrite()
    this.writing = ops.length === 0 ? Promise.resolve() : this.db.batch(ops)
  }

  /** Writes all it was given. */
  async flush(): Promise<void> {
    await this.send()
    await this.writing
  }
}

/**
 * Keys and values in one array in LevelDB's order (bytewise), found by binary search. An iterator
 * reads a copy of its range taken when it is made, as LevelDB's reads a snapshot: what is written
 * meanwhile is not seen. Meant for a few thousand entries at most: an insertion moves the rest.
 */
class MemoryBackend implements Backend {
  private readonly entries: [Buffer, string][] = []

  /** Where `key` is, or where it would go. */
  private find(key: Buffer): { at: number; found: boolean } {
    let low = 0
    let high = this.entries.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (Buffer.compare(this.entries[mid]![0], key) < 0) low = mid + 1
      else high = mid
    }
    return { at: low, found: low < this.entries.length && this.entries[low]![0].equals(key) }
  }

  private range({ gte, lt }: Range): [number, number] {
    return [this.find(gte).at, this.find(lt).at]
  }

  private write(operation: Operation): void {
    const { at, found } = this.find(operation.key)
    if (operation.type === 'del') {
      if (found) this.entries.splice(at, 1)
    } else if (found) this.entries[at]![1] = operation.value
    else this.entries.splice(at, 0, [Buffer.from(operation.key), operation.value])
  }

  get(key: Buffer): Promise<string | undefined> {
    const { at, found } = this.find(key)
    return Promise.resolve(found ? this.entries[at]![1] : undefined)
  }

  async getMany(keys: Buffer[]): Promise<(string | undefined)[]> {
    return Promise.all(keys.map((k) => this.get(k)))
  }

  put(key: Buffer, value: string): Promise<void> {
    this.write({ type: 'put', key, value })
    return Promise.resolve()
  }

  del(key: Buffer): Promise<void> {
    this.write({ type: 'del', key })
    return Promise.resolve()
  }

  batch(operations: Operation[]): Promise<void> {
    for (const operation of operations) this.write(operation)
    return Promise.resolve()
  }

  clear(range: Range): Promise<void> {
    const [from, to] = this.range(range)
    this.entries.splice(from, to - from)
    return Promise.resolve()
  }

  iterator(range: Range): { nextv(size: number): Promise<[Buffer, string][]>; close(): Promise<void> } {
    const [from, to] = this.range(range)
    const snapshot = this.entries.slice(from, to)
    let at = 0
    return {
      nextv: (size) => Promise.resolve(snapshot.slice(at, (at += size))),
      close: () => Promise.resolve()
    }
  }

  keys(range: Range): { nextv(size: number): Promise<Buffer[]>; close(): Promise<void> } {
    const entries = this.iterator(range)
    return { nextv: async (size) => (await entries.nextv(size)).map(([k]) => k), close: entries.close }
  }

  close(): Promise<void> {
    this.entries.length = 0
    return Promise.resolve()
  }
}

function key(letter: string, fields: readonly string[]): Buffer {
  let length = 1 + 2 * (fields.length - 1)
  for (const field of fields) length += 2 * field.length
  // Written code unit by code unit: quicker than a buffer a field, for the short fields keys have.
  const bytes = Buffer.allocUnsafe(Math.max(1, length))
  bytes[0] = letter.charCodeAt(0)
  let at = 1
  fields.forEach((field, i) => {
    if (i > 0) {
      bytes[at++] = 0
      bytes[at++] = 0
    }
    for (let k = 0; k < field.length; k++) {
      const unit = field.charCodeAt(k)
      bytes[at++] = unit >> 8
      bytes[at++] = unit & 0xff
    }
  })
  return bytes
}

function fields(bytes: Buffer): string[] {
  const out: string[] = []
  let units: number[] = []
  for (let i = 1; i + 1 < bytes.length; i += 2) {
    const unit = (bytes[i]! << 8) | bytes[i + 1]!
    if (unit === 0) {
      out.push(String.fromCharCode(...units))
      units = []
    } else units.push(unit)
  }
  out.push(String.fromCharCode(...units))
  return out
}

/** The keys of a table under a prefix of fields: a whole prefix field, followed by more fields or none. */
function range(letter: string, prefix: readonly string[]): { gte: Buffer; lt: Buffer } {
  const start = prefix.length === 0 ? Buffer.from(letter, 'latin1') : key(letter, prefix)
  if (prefix.length === 0) return { gte: start, lt: Buffer.from(String.fromCharCode(letter.charCodeAt(0) + 1), 'latin1') }
  // The key itself, or it followed by the separator (0x0000) and more fields; a longer last field
  // goes on with a code unit of 0x0001 or more, so it is not in the range.
  return { gte: start, lt: Buffer.concat([start, Buffer.from([0, 1])]) }
}

/** An async generator whose next value can be looked at before it is taken (to go through two tables side by side). */
export function peekable<T>(source: AsyncGenerator<T>): { peek: () => Promise<T | undefined>; next: () => Promise<void>; close: () => Promise<void> } {
  let head: Promise<IteratorResult<T>> = source.next()
  return {
    peek: async () => {
      const r = await head
      return r.done ? undefined : r.value
    },
    next: async () => {
      await head
      head = source.next()
    },
    close: async () => {
      await head
      await source.return(undefined)
    }
  }
}

/** A stream's items in arrays of up to `size`: one store lookup an array, not one an item. */
export async function* inBatches<T>(items: AsyncIterable<T>, size = 1000): AsyncGenerator<T[]> {
  let batch: T[] = []
  for await (const item of items) {
    batch.push(item)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/** A stream's items, each as `f` makes it. */
export async function* mapped<T, U>(items: AsyncIterable<T>, f: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield f(item)
}
