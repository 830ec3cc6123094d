import type { NormalizeRule } from '../rule.js'

/** Base character with its combining marks, or a lone run of marks. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu

export const unicodeNfc: NormalizeRule = {
  id: 'unicode-nfc',
  doc: 'Composes characters to Unicode NFC (never NFKC: full-width punctuation and half-width digits stay as the UN writes them).',
  apply(text) {
    if (text.text.normalize('NFC') === text.text) return { text }
    const edits = []
    for (const m of text.text.matchAll(CLUSTER)) {
      const nfc = m[0].normalize('NFC')
      if (nfc !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, text: nfc, reason: 'not in Unicode normalization form C' })
    }
    return { text: text.edit(this.id, edits) }
  }
}
