import { describe, expect, it } from 'vitest'
import { jsonErrorOffset } from '../pipeline/core/json-syntax.js'

describe('jsonErrorOffset', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const ok of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '"s"', '0']) {
      expect(JSON.parse(ok)).toBeDefined()
      expect(jsonErrorOffset(ok)).toBe(-1)
    }
  })
  it('points at the first character that breaks the grammar', () => {
    expect(jsonErrorOffset('{\n  "kind": letter\n}')).toBe(12)
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8)
    expect(jsonErrorOffset('[1 2]')).toBe(3)
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9)
    expect(jsonErrorOffset('{"a": "unterminated')).toBe(19)
    expect(jsonErrorOffset('')).toBe(0)
  })
  it('survives nesting far deeper than the call stack', () => {
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBe(-1)
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000)
  })
})
