import type { NormalizeRule } from '../rule.js'

const FULLWIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/g

export const fullwidthAlphanumerics: NormalizeRule = {
  id: 'fullwidth-alphanumerics',
  doc: 'Writes full-width digits and Latin letters (２０１１, Ａ) half-width, as the UN Chinese style does; full-width punctuation is kept.',
  apply(text) {
    const edits = []
    for (const m of text.text.matchAll(FULLWIDTH_ALNUM)) {
      const half = m[0].replace(/[\uff10-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      edits.push({ start: m.index, end: m.index + m[0].length, text: half, reason: 'full-width digits and Latin letters are written half-width' })
    }
    return { text: text.edit(this.id, edits) }
  }
}
