import { describe, expect, it } from 'vitest'
import { validate } from '../pipeline/validate/index.js'

describe('validate', () => {
  it('reports every violation of an invalid value, though valid ones are checked by an instance that stops at the first', () => {
    // Twice, so that the second report comes from instances that have compiled the schema already.
    for (let i = 0; i < 2; i++) {
      expect(validate('source-meta.schema.json', { symbol: '', date: 'May 17', kind: 'poem', extra: 1 })).toEqual([
        { pointer: '/', message: 'must NOT have additional properties (extra)', property: 'extra' },
        { pointer: '/symbol', message: 'must NOT have fewer than 1 characters' },
        { pointer: '/kind', message: 'must be equal to one of the allowed values' },
        { pointer: '/date', message: 'must match format "date"' }
      ])
      expect(validate('source-meta.schema.json', { symbol: 'A/RES/67/264', date: '2013-05-17' })).toEqual([])
    }
  })
})
