import { expect } from 'vitest'

/**
 * Bytes are equal when their bytes are: one comparison, as `Buffer.equals` does. Vitest's own
 * equality walks a Buffer index by index as any iterable, which for the megabytes of outputs the
 * end-to-end tests compare was most of their time (12 of the 21 s of the full-disk test, with 5 s
 * more of garbage collection).
 */
expect.addEqualityTesters([
  function equalBytes(a: unknown, b: unknown): boolean | undefined {
    if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) return undefined
    return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
  }
])
