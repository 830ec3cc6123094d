import { describe, expect, it } from 'vitest'
import { RawText } from '../pipeline/core/raw-text.js'
import { en } from '../pipeline/lang/en.js'
import type { LanguageProfile } from '../pipeline/lang/profile.js'
import { zh } from '../pipeline/lang/zh.js'
import { endsClause, withoutIntroducingMark } from '../pipeline/model/clause.js'
import { joiner } from '../pipeline/model/join.js'
import { normalize, TEXT_RULES } from '../pipeline/normalize/index.js'
import { build } from './helpers.js'

const spacedRemovals = (text: string, lang: LanguageProfile) =>
  normalize(new RawText('t.txt', text), lang, TEXT_RULES)
    .text.removals.filter((r) => r.rule === 'han-spacing')
    .map((r) => r.rawStart)

describe("a rule's default comes from the language's profile", () => {
  it('gives an English text no han-spacing findings: the spaces around its quotes and ellipses stay', async () => {
    const path = 'test/corpus/en/s-prst-2001-15.en.txt'
    const built = await build(path)
    expect(built.document?.metadata.language).toBe('en')
    expect(built.document!.removals.filter((r) => r.rule === 'han-spacing')).toEqual([])
    const text = JSON.stringify(built.document!.tree)
    expect(text).toContain('entitled “The situation in the Middle East”')
    expect(text).toContain('"value":": “… the situation in the Middle East continues')
  })

  it('runs han-spacing on a Chinese text, whose profile turns it on', () => {
    expect(spacedRemovals('2011 年 7 月', zh)).toEqual([4, 6, 8])
    expect(spacedRemovals('2011 年 7 月', en)).toEqual([])
  })

  it('runs an opt-in rule for any profile that turns it on, and no other', () => {
    expect(spacedRemovals('2011 年 7 月', { ...en, rules: { 'han-spacing': true } })).toEqual([4, 6, 8])
    expect(spacedRemovals('2011 年 7 月', { ...zh, rules: { 'han-spacing': false } })).toEqual([])
    expect(spacedRemovals('2011 年 7 月', { ...zh, rules: {} })).toEqual([])
  })
})

describe("a line's clause marks come from the language's profile", () => {
  it('ends a Chinese clause with a full-width or a Latin mark, before closing quotes and footnote references', () => {
    for (const line of ['决定继续审议。', '决定继续审议；', '“决定继续审议。”', '决定继续审议。[^1]', 'decided.']) expect(endsClause(line, zh.clauseMarks), line).toBe(true)
    for (const line of ['决定继续审议', '《联合国宪章》']) expect(endsClause(line, zh.clauseMarks), line).toBe(false)
  })

  it('ends an English clause with its own marks only', () => {
    for (const line of ['Decides to remain seized of the matter.', 'Recalling its resolutions,', '(a) the report;', '“the situation.”']) expect(endsClause(line, en.clauseMarks), line).toBe(true)
    for (const line of ['Recalling its resolution 1244', '决定继续审议。', '“决定继续审议。”']) expect(endsClause(line, en.clauseMarks), line).toBe(false)
  })

  it('reads the marks a profile gives and no others', () => {
    const marks = { final: '|', closers: '>', introducing: '~' }
    expect(endsClause('a clause|', marks)).toBe(true)
    expect(endsClause('a clause|>>', marks)).toBe(true)
    expect(endsClause('a clause.', marks)).toBe(false)
    expect(endsClause('a clause.”', marks)).toBe(false)
    expect(withoutIntroducingMark('a title~', marks)).toBe('a title')
    expect(withoutIntroducingMark('a title:', marks)).toBe('a title:')
  })

  it("takes off a line's introducing mark, the language's own or the Latin one", () => {
    expect(withoutIntroducingMark('议程项目：', zh.clauseMarks)).toBe('议程项目')
    expect(withoutIntroducingMark('议程项目:', zh.clauseMarks)).toBe('议程项目')
    expect(withoutIntroducingMark('Peacekeeping forces in the Middle East:', en.clauseMarks)).toBe('Peacekeeping forces in the Middle East')
    expect(withoutIntroducingMark('Peacekeeping forces in the Middle East', en.clauseMarks)).toBe('Peacekeeping forces in the Middle East')
    expect(withoutIntroducingMark('决定：', en.clauseMarks)).toBe('决定：')
  })
})

describe("a language's wide punctuation comes from its profile", () => {
  it('joins a line broken beside a curly quote or a dash with a space in English and with none in Chinese', () => {
    expect(joiner('under the item entitled', '“Cooperation between', en.typesetting.widePunctuation)).toBe(' ')
    expect(joiner('the Organization’s', 'Ten-year Programme', en.typesetting.widePunctuation)).toBe(' ')
    expect(joiner('题为', '“联合国与', zh.typesetting.widePunctuation)).toBe('')
    expect(joiner('Programme', '——', zh.typesetting.widePunctuation)).toBe('')
    expect(joiner('Programme', 'of Action', zh.typesetting.widePunctuation)).toBe(' ')
  })
})

describe("a language's footnote marks come from its profile", () => {
  const markers = (text: string, lang: LanguageProfile) => normalize(new RawText('t.txt', text), lang).text.text
  it('reads the note word of the profile in brackets as a footnote, and no other', () => {
    expect(markers('所在地。(注)\n\n(注)见下文。', zh)).toBe('所在地。[^注]\n\n[^注]: 见下文。')
    expect(markers('the seat.(注)\n\n(注)See below.', en)).toBe('the seat.(注)\n\n(注)See below.')
    const withNote: LanguageProfile = { ...en, footnoteMarks: { ...en.footnoteMarks, noteWord: 'Note' } }
    expect(markers('the seat.(Note)\n\n(Note)See below.', withNote)).toBe('the seat.[^Note]\n\n[^Note]: See below.')
  })
  it('reads a number glued to a mark of the profile as a marker', () => {
    expect(markers('the report,1 and\n\n1 A/67/280.', en)).toBe('the report,[^1] and\n\n[^1]: A/67/280.')
    expect(markers('the report、1 was noted.\n\n1 A/67/280.', en)).toBe('the report、1 was noted.\n\n1 A/67/280.')
    expect(markers('报告、1和\n\n1 A/67/280。', zh)).toBe('报告、[^1]和\n\n[^1]: A/67/280。')
  })
})
