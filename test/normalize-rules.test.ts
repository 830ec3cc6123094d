import { describe, expect, it } from 'vitest'
import { RawText } from '../pipeline/core/raw-text.js'
import { en } from '../pipeline/lang/en.js'
import { normalize } from '../pipeline/normalize/index.js'
import { normalizeText } from './helpers.js'
import type { LanguageProfile } from '../pipeline/lang/profile.js'
import { zh } from '../pipeline/lang/zh.js'

const canon = (raw: string) => normalizeText(raw).text.text
const normalizeEnglish = (raw: string) => normalize(new RawText('test.en.txt', raw), en)
const removedBy = (raw: string, rule: string) => normalizeText(raw).text.removals.filter((r) => r.rule === rule)

describe('unicode-nfc', () => {
  it('composes a base letter and a combining accent, and logs the replacement', () => {
    expect(canon('Cafe\u0301 是')).toBe('Café是')
    expect(removedBy('Cafe\u0301 是', 'unicode-nfc')).toEqual([expect.objectContaining({ text: 'e\u0301', replacement: 'é' })])
  })
  it('leaves full-width punctuation alone (no NFKC)', () => {
    expect(canon('大会，回顾（见附件）；')).toBe('大会，回顾（见附件）；')
  })
})

describe('fullwidth-alphanumerics', () => {
  it('writes full-width digits and Latin letters half-width', () => {
    expect(canon('２０１１年ＡＢ')).toBe('2011年AB')
  })
})

describe('page-furniture', () => {
  it('keeps the organ alone on its line as the formula when a preambular clause follows it, and removes it as masthead otherwise', () => {
    expect(canon('安全理事会\n\n回顾其以前所有有关决议,\n\n1. 决定继续。\n')).toBe('安全理事会\n\n回顾其以前所有有关决议,\n\n1. 决定继续。')
    expect(canon('联合国\n\n安全理事会\n\nDistr.: General\n\n第1518(2003)号决议\n')).toBe('第1518(2003)号决议')
  })
  it('removes the date and the misread barcode an extraction sets on lines of their own under a job number, and no such line elsewhere', () => {
    expect(normalizeEnglish('reflects the view of the Council.\n\n02-74521 (E)\n\n171202\n\n*0274521*\n').text.text).toBe('reflects the view of the Council.')
    expect(normalizeEnglish('reflects the view of the Council.\n\n00-45625 (E) 310500\n`````````\n').text.text).toBe('reflects the view of the Council.')
    // A rule of hyphens glued before the job number, as in the 1990s.
    const n = normalizeEnglish('will remain seized of the matter."\n----98-00784 (E)\n\n140198\n')
    expect(n.text.text).toBe('will remain seized of the matter."')
    expect(n.lifted.jobNumber).toBe('98-00784 (E)')
    expect(normalizeEnglish('reflects the view of the Council.\n\n171202\n\nIt goes on.').text.text).toContain('171202')
  })
  it('removes a barcode read a character a line, and no column of digits that is not one', () => {
    const barcode = ['*', '0', '3', '6', '3', '1', '0', '1', '*'].join('\n')
    expect(normalizeEnglish(`4. Decides to remain seized of the matter.\n\n03-63101 (E)\n\n${barcode}\n`).text.text).toBe('4. Decides to remain seized of the matter.')
    const short = ['*', '1', '2', '3', '*'].join('\n')
    expect(normalizeEnglish(`Decides to remain seized.\n\n${short}\n`).text.text).not.toBe('Decides to remain seized.')
  })
  it('removes job numbers, barcodes, page numbers and the running header, lifting the first symbol', () => {
    const n = normalizeText('A/RES/67/264\n\n大会，\n\n12-48653 (C)    090812    100812\n\n*1248653*\n\n2/5\n\nA/RES/67/264\n\n回顾其决议，\n')
    expect(n.text.text).toBe('大会，\n\n回顾其决议，')
    expect(n.lifted.symbol).toBe('A/RES/67/264')
    expect(n.text.removals.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['page furniture: job number', 'page furniture: page number', 'page furniture: running header', 'masthead: document symbol (lifted into metadata)'])
    )
  })
  it('removes the masthead at the head only, lifting distribution and original language', () => {
    const n = normalizeText('联合国\n\nA/67/280\n\n大会\n\nDistr.: General\n\n2012年8月9日\n\n中文\n\nOriginal: English\n\n第六十七届会议\n\n大会\n\n请回收\n')
    expect(n.text.text).toBe('第六十七届会议\n\n大会')
    expect(n.lifted).toEqual({ symbol: 'A/67/280', distribution: 'General', issued: '2012-08-09', originalLanguage: 'English' })
  })
  it('removes the masthead of the 1990s (name in capitals over two lines, the organ letter, "Distr." over its value), "/..." and "Page 2"', () => {
    const raw =
      'A\n\nUNITED\nNATIONS\n\nGeneral Assembly\nDistr.\nGENERAL\nA/RES/52/7\n6 November 1997\n\nFifty-second session\n\nThe General Assembly,\n\n00 35654\n\n/...\n\nA/RES/52/7\nPage 2\n\n4. Decides to remain seized.'
    const n = normalizeEnglish(raw)
    expect(n.text.text).toBe('Fifty-second session\n\nThe General Assembly,\n\n4. Decides to remain seized.')
    expect(n.lifted).toMatchObject({ symbol: 'A/RES/52/7', distribution: 'GENERAL', issued: '1997-11-06', jobNumber: '00-35654' })
    expect(n.text.removals.map((r) => r.reason)).toEqual(expect.arrayContaining(['page furniture: mark of a page continued overleaf', 'page furniture: page number of a running header']))
  })
  it('removes a running head that repeats the title beside the page furniture, and the blank lines under the furniture', () => {
    const title = 'Cooperation between the United Nations and the Organization of Islamic Cooperation'
    const raw = `Recalling its resolutions,\n\nNoting the adoption held in Dakar on 13 and\n\n12-49444\n\n*1249444*\n\nA/RES/67/264\n\n${title}\n\n14 March 2008, of the Charter,\n\n2/6\n\n${title}\n\nA/RES/67/264\n\nNoting also the progress,`
    const n = normalizeEnglish(raw)
    expect(n.text.text).toBe('Recalling its resolutions,\n\nNoting the adoption held in Dakar on 13 and 14 March 2008, of the Charter,\n\nNoting also the progress,')
    expect(n.text.removals.filter((r) => r.reason === 'page furniture: running head (the title of the document)')).toHaveLength(2)
    // A line said twice in the text, not beside furniture, is text.
    expect(normalizeEnglish('Recalling,\n\nThe situation\n\nNoting,\n\nThe situation\n\nDeciding,').text.text).toContain('The situation\n\nNoting,\n\nThe situation')
  })
  it('removes the recycling note as extractions misread it, and its sign alone', () => {
    expect(normalizeEnglish('Decides to admit the Republic.\n\n*1041847*\n\nPlease rec cle\n\n♲\n').text.text).toBe('Decides to admit the Republic.')
  })
  it('keeps a symbol that is a footnote text under its number', () => {
    expect(canon('见报告，\n\n_______________\n1\n A/60/633\n 继续。')).toContain('[^1]: A/60/633')
  })
})

describe('footnote-blocks', () => {
  it('moves the footnotes after the text and joins the word the block cut in two', () => {
    const line = ' 回顾伊斯兰合作组织仍然是联合国在全球和平、安全和促进和平文化方面的'
    const raw = `${line}\n\n${line.trim()}\n\n${line.trim()}\n\n包括仇视伊斯兰教、打击国际恐怖主义、打击极端主义、与包括仇视伊斯\n\n_______________ \n2\n A/60/633-S/2005/826，附件三。 \n\n3\n A/67/280-S/2012/614。 \n 兰在内的宗教不容忍作斗争。`
    expect(canon(raw)).toBe(
      `${line.trim().repeat(3)}包括仇视伊斯兰教、打击国际恐怖主义、打击极端主义、与包括仇视伊斯兰在内的宗教不容忍作斗争。\n\n[^2]: A/60/633-S/2005/826，附件三。\n\n[^3]: A/67/280-S/2012/614。`
    )
  })
  it('puts a note’s number that the extraction set under the block back in its place, over the note’s sentence', () => {
    const raw = [
      'the report, 3 and the initiative, 4 adopted by the Council, 5',
      '_______________',
      '3',
      '',
      'See A/1.',
      'See A/2, annex.',
      '5',
      'A/3, annex II.',
      '4',
      '',
      'and the text goes on.'
    ].join('\n')
    expect(normalizeEnglish(raw).text.text).toBe(
      'the report,[^3] and the initiative,[^4] adopted by the Council,[^5] and the text goes on.\n\n[^3]: See A/1.\n\n[^4]: See A/2, annex.\n\n[^5]: A/3, annex II.'
    )
    // A note that ends no sentence before its last line gives none: the number stays in the text.
    const unsplit = raw.replace('See A/1.', 'See A/1 and')
    expect(normalizeEnglish(unsplit).text.text).toContain('[^3]: See A/1 and See A/2, annex.')
    expect(normalizeEnglish(unsplit).text.text).not.toContain('[^4]:')
  })
  it('joins the lines of a footnote that wraps', () => {
    expect(canon('正文，\n\n_____\n1\n 这是一条很长的脚注\n\n的续行。\n')).toBe('正文，\n\n[^1]: 这是一条很长的脚注的续行。')
  })
  it('lifts footnotes set with no rule at the foot of a page, numbers alone over their text, when the text above refers to them', () => {
    const raw = [
      'Recalling its decision 36/462, by which it took note of the report,1',
      'Having considered the report of the Working Group,2',
      'Deeply concerned about the critical situation of the Agency, which affects the provision of the',
      '',
      '1',
      '',
      'A/36/866 and Corr.1.',
      '',
      '2',
      'Official Records of the General Assembly, Fifty-first Session,',
      'Supplement No. 13 (A/51/13).',
      '',
      '97-76429',
      '',
      'necessary Agency services,'
    ].join('\n')
    expect(normalizeEnglish(raw).text.text).toBe(
      'Recalling its decision 36/462, by which it took note of the report,[^1]\n\nHaving considered the report of the Working Group,[^2]\n\nDeeply concerned about the critical situation of the Agency, which affects the provision of the necessary Agency services,\n\n[^1]: A/36/866 and Corr.1.\n\n[^2]: Official Records of the General Assembly, Fifty-first Session, Supplement No. 13 (A/51/13).'
    )
    // A number alone that nothing above refers to (a page number) is not a footnote.
    expect(normalizeEnglish('The text goes on,\n\n1\n\nA/36/866.').text.text).toBe('The text goes on,\n\nA/36/866.')
  })
  it('reads footnotes set in two columns, the numbers first and their texts after them, a page number among the numbers', () => {
    const raw =
      'Having considered the application of the Republic of South Sudan,2\n\n_______________\n1\n2\n\n11-41847\n\nA/65/905.\nA/65/900-S/2011/418.\n\n_______________\n3\n\n2\n\nS/2003/529, annex.\n'
    const n = normalizeEnglish(raw)
    expect(n.text.text).toBe('Having considered the application of the Republic of South Sudan,[^2]\n\n[^1]: A/65/905.\n\n[^2]: A/65/900-S/2011/418.\n\n[^3]: S/2003/529, annex.')
    expect(n.text.removals.filter((r) => r.reason === 'page furniture: page number').map((r) => r.text)).toEqual(['2'])
  })
  it('takes no number below one already read, nor a number alone, for a footnote or its text', () => {
    const raw = 'the two-State solution of an independent State\n\n_______________\n1\nSee A/43/928, annex.\n3\nA/56/1026-S/2002/932.\n2\n\n2\n\nof Palestine living side by side with Israel,'
    const out = normalizeEnglish(raw).text.text
    expect(out).toContain('[^3]: A/56/1026-S/2002/932.')
    expect(out).not.toMatch(/\[\^2\]: of Palestine/)
  })
  it('warns about a footnote rule with no footnote under it and drops the rule into the log', () => {
    const n = normalizeText('正文。\n\n_______________\n\n下一段。')
    expect(n.messages).toEqual([expect.objectContaining({ ruleId: 'footnote-blocks', severity: 'warning' })])
    expect(n.text.text).not.toContain('_')
    expect(n.text.removals.some((r) => r.text.includes('_______________'))).toBe(true)
  })
})

describe('footnote-references', () => {
  it('reads a number alone under a line of text as a reference at that point', () => {
    const line = '又回顾大会在1975年10月10日第3369(XXX)号决议中决定邀请伊斯兰会议'
    const raw = `${line}\n\n${line}\n\n${line}\n\n组织\n1\n 以观察员身份参加，\n\n_____\n1\n 脚注。`
    expect(canon(raw)).toBe(`${line.repeat(3)}组织[^1]以观察员身份参加，\n\n[^1]: 脚注。`)
  })
  it('keeps a reference at the end of a paragraph', () => {
    expect(canon(' 审议了报告，\n3\n  \n\n 考虑到，')).toBe('审议了报告，[^3]\n\n考虑到，')
  })
})

describe('hanging-numbers', () => {
  it("puts a paragraph number the extraction set under its paragraph's first line back above it", () => {
    const raw = [
      '3.',
      'Notes with satisfaction the participation of the Organization in the work of the United Nations;',
      'Affirms that the United Nations and the Organization of Islamic',
      '4.',
      'Cooperation share a common goal of promoting the Middle East peace process;',
      'Requests the United Nations and the Organization of Islamic Cooperation',
      '5.',
      'to continue to cooperate in their common search for solutions to global problems.'
    ].join('\n')
    const out = normalizeEnglish(raw).text.text
    expect(out).toMatch(/^4\. Affirms that the United Nations/m)
    expect(out).toMatch(/^5\. Requests the United Nations/m)
    expect(out).not.toMatch(/^[45]\. (?:Cooperation|to continue)/m)
  })
  it('leaves a number that is not the next one, or stands under a finished line, where it is', () => {
    const raw = 'Notes the report;\nAffirms that the Organization of Islamic\n7.\nCooperation is a partner;'
    expect(normalizeEnglish(raw).text.text).toBe('Notes the report;\n\nAffirms that the Organization of Islamic\n\n7. Cooperation is a partner;')
    expect(normalizeEnglish('1.\nNotes the report;\nAffirms the goal;\n2.\nDecides to remain seized.').text.text).toBe('1. Notes the report;\n\nAffirms the goal;\n\n2. Decides to remain seized.')
  })
})

describe('page-numbers', () => {
  it('removes a number alone between blank lines', () => {
    expect(removedBy('第一段。\n\n3\n\n第二段。', 'page-numbers')).toEqual([
      expect.objectContaining({ text: '3\n', reason: 'page furniture: page number' }),
      expect.objectContaining({ text: '\n', reason: 'blank line under page furniture' })
    ])
  })
  it('keeps a number alone that is the year of a date the line right above starts, as a word of a line set a word a line', () => {
    const text = 'takes note of the report of\n22 December\n2006\n(S/2006/1019),\nwhich contains recommendations.'
    expect(normalizeEnglish(text).text.text).toBe('takes note of the report of 22 December 2006 (S/2006/1019), which contains recommendations.')
    // Under a blank line, or under a date whole already, it is a page number.
    expect(normalizeEnglish('report of 22 December\n\n2006\n\ngoes on.').text.text).not.toContain('2006')
    expect(normalizeEnglish('adopted on 22 December 2005\n2006\n\ngoes on.').text.text).not.toContain('2006')
  })
})

describe('hanging-numbers', () => {
  const paragraphs = (raw: string, lang: LanguageProfile) => normalize(new RawText('t.txt', raw), lang).text.text.split('\n\n')
  it('sets an English number alone on its line at the head of the line under it, or of the paragraph it hung beside', () => {
    const raw = [
      'The General Assembly,',
      'Noting with appreciation the determination of the two organizations,',
      '1.',
      '',
      'Takes note with satisfaction of the report of the Secretary-General;',
      '2.',
      'Urges the United Nations system to cooperate with the Organization of',
      'Islamic Cooperation in areas of mutual interest, as appropriate;',
      'Requests the United Nations and the Organization of Islamic Cooperation',
      '3.',
      'to continue to cooperate in their common search for solutions:',
      '(a)',
      'the promotion of a culture of peace;',
      '(iv)',
      'decolonization;',
      'Affirms that the United Nations and the Organization of Islamic',
      '4.',
      'Cooperation share a common goal.'
    ].join('\n')
    expect(paragraphs(raw, en)).toEqual([
      'The General Assembly,',
      'Noting with appreciation the determination of the two organizations,',
      '1. Takes note with satisfaction of the report of the Secretary-General;',
      '2. Urges the United Nations system to cooperate with the Organization of Islamic Cooperation in areas of mutual interest, as appropriate;',
      '3. Requests the United Nations and the Organization of Islamic Cooperation to continue to cooperate in their common search for solutions:',
      '(a) the promotion of a culture of peace;',
      '(iv) decolonization;',
      '4. Affirms that the United Nations and the Organization of Islamic Cooperation share a common goal.'
    ])
  })
  it('sets a Chinese number alone on its line the same way', () => {
    const full = '联合国同伊斯兰合作组织在政治经济社会人道主义文化和科学领域继续'
    const raw = ['大会，', '回顾其以往各项决议，', '1.', '注意到秘书长的报告；', `请${full}`, '2.', `${full}合作`, `${full}合作`, '共同设法。', '（一）', '请秘书长提出报告。'].join('\n')
    expect(paragraphs(raw, zh)).toEqual(['大会，', '回顾其以往各项决议，', '1.注意到秘书长的报告；', `2.请${full}${full}合作${full}合作共同设法。`, '（一）请秘书长提出报告。'])
  })
})

describe('unwrap-lines', () => {
  const wrapped = (lines: string[]) => lines.join('\n\n')
  const full = '联合国同伊斯兰合作组织在政治经济社会人道主义文化和科学领域继续'
  it('joins hard-wrapped Han lines with nothing and starts a paragraph at an indent', () => {
    const raw = wrapped([` 一、${full}`, `${full}合作`, `${full}合作`, '共同设法。', ` 二、${full}`, '完。'])
    expect(canon(raw)).toBe(`一、${full}${full}合作${full}合作共同设法。\n\n二、${full}完。`)
  })
  it('continues a paragraph over a page break that indents an unfinished line', () => {
    const raw = `${full}合作\n\n${full}合作\n\n${full}合作\n ${full}。`
    expect(canon(raw)).toBe(`${full}合作${full}合作${full}合作${full}。`)
  })
  it('starts a new paragraph at an indent after a finished line', () => {
    const raw = `${full}合作\n\n${full}合作\n\n${full}合作\n\n${full}合，\n ${full}。`
    expect(canon(raw)).toBe(`${full}合作${full}合作${full}合作${full}合，\n\n${full}。`)
  })
  it('ends a block at a short line', () => {
    const raw = wrapped([full + '合作', full + '合作', full + '合作', '共同设法。', '常驻代表', '贝尔加内姆(签名)'])
    expect(canon(raw)).toBe(`${full}合作${full}合作${full}合作共同设法。\n\n常驻代表\n\n贝尔加内姆(签名)`)
  })
  it('ends a statement’s title at its line, however near the measure it comes', () => {
    const body = [
      'At the 5960th meeting of the Security Council, held on 19 August 2008, in',
      'connection with the Council’s consideration of the item entitled “Peace and security',
      'in Africa”, the President of the Security Council made the following statement on',
      'behalf of the Council:'
    ]
    expect(normalizeEnglish(['Statement by the President of the Security Council', ...body].join('\n')).text.text).toBe(`Statement by the President of the Security Council\n\n${body.join(' ')}`)
    // In capitals, as under the masthead of the 1990s.
    expect(normalizeEnglish(['STATEMENT BY THE PRESIDENT OF THE SECURITY COUNCIL', ...body].join('\n')).text.text).toBe(`STATEMENT BY THE PRESIDENT OF THE SECURITY COUNCIL\n\n${body.join(' ')}`)
  })
  it('takes the measure from the wrapped lines only, not from a title the grammar reads whole', () => {
    // Under a wide opening paragraph, a quotation set in from both sides: the measure is found among few lines, where the title would tip it.
    const lines = [
      'Statement by the President of the Security Council',
      'At the 4670th meeting of the Security Council, held on 17 December 2002, in',
      'connection with the Council’s consideration of the item entitled “The situation in the',
      'Middle East”, the President of the Security Council made the following statement on',
      'behalf of the Council:',
      '“In connection with the resolution just adopted on the renewal of the',
      'mandate of the United Nations Disengagement Observer Force, I have been',
      'authorized to make the following complementary statement on behalf of the',
      'Security Council:',
      '‘As is known, the report of the Secretary-General on the United',
      'Nations Disengagement Observer Force (S/2002/1328) states in',
      'paragraph 11: “... the situation in the Middle East is very tense and is',
      'likely to remain so, unless and until a comprehensive settlement covering',
      'all aspects of the Middle East problem can be reached”. That statement of',
      'the Secretary-General reflects the view of the Security Council.’”'
    ]
    expect(normalizeEnglish(lines.join('\n')).text.text).toContain('on the United Nations Disengagement Observer Force (S/2002/1328) states in paragraph 11')
  })
  it('joins wrapped Latin lines with one space', () => {
    const line = 'The General Assembly recalls its resolutions on cooperation between the'
    const raw = [line, line, line, 'Organization.'].join('\n\n')
    expect(canon(raw)).toBe([line, line, line, 'Organization.'].join(' '))
  })
  it("joins a numbered paragraph's first line, narrower for the number in the margin, to the line under it", () => {
    const paragraphs = [
      [
        '1. Affirms that the United Nations and the Organization of Islamic',
        'Cooperation share a common goal of promoting and facilitating the Middle East',
        'peace process so that the process can reach its objective of establishing a just and',
        'comprehensive peace in the Middle East;'
      ],
      [
        '2. Invites increased cooperation and exchanges between the Independent',
        'Permanent Commission on Human Rights of the Organization of Islamic Cooperation',
        'and the Office of the United Nations High Commissioner for Human Rights;'
      ],
      [
        '3. Encourages the United Nations and the Organization of Islamic',
        'Cooperation, as well as their subsidiary, specialized and affiliated institutions, to',
        'intensify actions in creating bilateral frameworks for cooperation in the area of human',
        'and industrial capacity development, trade promotion, transportation and tourism;'
      ]
    ]
    const raw = paragraphs.flat().join('\n')
    expect(normalize(new RawText('t.en.txt', raw), en).text.text).toBe(paragraphs.map((p) => p.join(' ')).join('\n\n'))
  })
  it('leaves a text with one paragraph per line as it is (no measure, nothing joined)', () => {
    const raw = '第一段很短。\n第二段稍微长一点，但也不长。\n第三段。'
    expect(canon(raw)).toBe('第一段很短。\n\n第二段稍微长一点，但也不长。\n\n第三段。')
  })
  it('joins a paragraph or title number set alone on its line to the line under it, and starts a block at it', () => {
    const en = (raw: string) => normalizeEnglish(raw).text.text
    expect(en('as well as to enable the Agency to carry out essential construction,\n1.\nCommends the Working Group for its\nefforts;\n2.\n\nTakes note of the report;')).toBe(
      'as well as to enable the Agency to carry out essential construction,\n\n1. Commends the Working Group for its efforts;\n\n2. Takes note of the report;'
    )
    expect(en('52/7.\n\nCooperation between the United Nations and the Inter-Parliamentary Union\n\nThe General Assembly,')).toBe(
      '52/7. Cooperation between the United Nations and the Inter-Parliamentary Union\n\nThe General Assembly,'
    )
    // A part's letter over its formula stays a line of its own.
    expect(en('B\n\nThe General Assembly,')).toBe('B\n\nThe General Assembly,')
  })
  it('starts a paragraph at a line that opens a clause under one that ends a clause, however full that line', () => {
    const line = 'Recalling its resolution 53/239 of 8 June 1999, by which it decided, inter alia, that the'
    const full = 'Reiterating also that a Millennium Assembly would provide an opportunity for all States,'
    const raw = [line, line, line, 'Summit should begin on 6 September 2000,', full, 'Beijing Declaration and Platform for Action.'].join('\n')
    // "Beijing Declaration" opens no clause: the full line above runs on into it.
    expect(normalizeEnglish(raw).text.text).toBe(`${[line, line, line, 'Summit should begin on 6 September 2000,'].join(' ')}\n\n${full} Beijing Declaration and Platform for Action.`)
  })
  it("runs a long unfinished line on into the next, as a paragraph's first line set narrower by its indent, unless into a formula", () => {
    const line = 'Recalling its resolution 53/239 of 8 June 1999, by which it decided, inter alia, that the'
    const raw = [line, line, line, 'Summit should begin on 6 September 2000,', 'Taking into account the report of the United Nations High', 'Commissioner for Human Rights,'].join('\n')
    expect(normalizeEnglish(raw).text.text).toBe(
      `${[line, line, line, 'Summit should begin on 6 September 2000,'].join(' ')}\n\nTaking into account the report of the United Nations High Commissioner for Human Rights,`
    )
    const titled = [line, line, line, '67/264. Cooperation between the United Nations and the Organization', 'The General Assembly,'].join('\n')
    expect(normalizeEnglish(titled).text.text).toMatch(/Organization\n\nThe General Assembly,$/)
  })
  it("runs an English line on into the paragraph's last word that went over, capitalized, and no further", () => {
    const raw = 'Having received the recommendation that the Republic should be admitted to membership in the United\nNations,[^1]\nHaving considered the application,\nNations United'
    expect(normalizeEnglish(raw).text.text).toBe(
      'Having received the recommendation that the Republic should be admitted to membership in the United Nations,[^1]\n\nHaving considered the application,\n\nNations United'
    )
  })
  it('runs a long unfinished paragraph line on into a line set further left, as a web edition that indents every paragraph breaks one', () => {
    const raw = '大会决议\n\n  大会,\n\n  回顾1996年10月25日第51/7号决议,其中欢迎联合国同各国议会联盟\n缔结合作协定,这是一个重要步骤,\n\n  审议了秘书长的报告,\n\n  1. 赞赏地注意到合作有所增加。'
    expect(canon(raw)).toBe('大会决议\n\n大会,\n\n回顾1996年10月25日第51/7号决议,其中欢迎联合国同各国议会联盟缔结合作协定,这是一个重要步骤,\n\n审议了秘书长的报告,\n\n1. 赞赏地注意到合作有所增加。')
    // A short line (a heading) set in from the margin is no paragraph broken at the edge.
    expect(canon('      联合国同各国议会联盟的合作\n大会,')).toBe('联合国同各国议会联盟的合作\n\n大会,')
    // Nor does a long one run on into a line the grammar reads whole.
    expect(canon('  联合国近东巴勒斯坦难民救济和工程处经费筹供问题工作组的报告\n大会,')).toBe('联合国近东巴勒斯坦难民救济和工程处经费筹供问题工作组的报告\n\n大会,')
  })
  it('starts a block at a paragraph number even after a full line', () => {
    expect(canon([full + '合作', full + '合作', full + '合作', '2. 敦促。'].join('\n\n'))).toMatch(/合作\n\n2\. 敦促。$/)
  })
})

describe('han-spacing', () => {
  it('removes spaces between Han and digits or Latin', () => {
    expect(canon('2011 年 7 月 8 日第 37/4 号和 A/67/280 号')).toBe('2011年7月8日第37/4号和A/67/280号')
  })
  it('keeps the space after a paragraph number', () => {
    expect(canon(' 1. 满意地注意到报告；')).toBe('1. 满意地注意到报告；')
  })
})

describe('inline-whitespace', () => {
  it('writes a run of spaces between Latin words as one space', () => {
    expect(canon('General   Assembly\tresolution')).toBe('General Assembly resolution')
  })
})

describe('character classes', () => {
  it("isWide answers as the Unicode property pattern does, with a language's wide punctuation, for every BMP character", async () => {
    const { isWide, WIDE_PATTERN } = await import('../pipeline/core/chars.js')
    for (const widePunctuation of ['', zh.typesetting.widePunctuation]) {
      for (let code = 0; code < 0x10000; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue
        const c = String.fromCharCode(code)
        if (isWide(c, widePunctuation) !== (WIDE_PATTERN.test(c) || widePunctuation.includes(c))) throw new Error(`U+${code.toString(16)} with "${widePunctuation}"`)
      }
    }
  })

  it('sets the dash, the ellipsis and curly quotes wide in Chinese only', async () => {
    const { isWide } = await import('../pipeline/core/chars.js')
    for (const c of '—…“”‘’·') {
      expect(isWide(c, zh.typesetting.widePunctuation)).toBe(true)
      expect(isWide(c, en.typesetting.widePunctuation)).toBe(false)
    }
  })
})

describe('web-furniture', () => {
  it("removes a web page's site name, title, navigation, bullets, cell borders and licence, lifting symbol and date", () => {
    const raw =
      '联合国安理会第5号决议 中华文库\n← | 4(1946) | 联合国安理会第5号决议 S/RES/5(1946) 1946年5月8日 |\n|\n安全理事会,\n-回顾其决议,\n第八十次会议一致通过 |\n本作品来自联合国官方文件。\n- 官方纪录;\nPublic domainPublic domainfalsefalse'
    const n = normalizeText(raw)
    expect(n.text.text).toBe('安全理事会,\n\n回顾其决议,\n\n第八十次会议一致通过')
    expect(n.lifted).toMatchObject({ symbol: 'S/RES/5(1946)', issued: '1946-05-08' })
    expect(removedBy(raw, 'web-furniture').map((r) => r.reason)).toEqual(
      expect.arrayContaining(['web page: title of the page and name of the site', 'web page: list bullet', 'web page: cell border of a table row', 'web page: licence notice of the site'])
    )
  })
  it("lifts the symbol the page's title names in words, its year from the navigation when the title leaves it out", () => {
    const nav = '← | 联合国安理会第1262(1999)号决议 | 联合国安理会第1263(1999)号决议 1999年9月13日通过 |'
    expect(normalizeText(`联合国安理会第1263号决议\n外观\n${nav}\n安全理事会,\n`).lifted.symbol).toBe('S/RES/1263(1999)')
    expect(normalizeText('联合国安理会第1263号决议\n外观\n安全理事会,\n').lifted.symbol).toBeUndefined()
    // The information box's adoption line gives the vote; one above the text only.
    expect(normalizeText(`联合国安理会第1263号决议\n${nav}\n第4044次会议以15票赞成,0票反对通过 |\n安全理事会,\n`).lifted.vote).toEqual({ for: 15, against: 0, abstentions: 0 })
    expect(normalizeText('联合国安理会第1263号决议\n外观\n安全理事会,\n第4044次会议一致通过 |\n').lifted.vote).toBeUndefined()
    expect(normalizeText('跳转到内容\n\n联合国安理会主席声明1998年第1号\n\n安全理事会主席……\n').lifted.symbol).toBe('S/PRST/1998/1')
    expect(normalizeText('聯合國大會決議案二十一(一)\n← | 聯合國大會決議案二十(一) |\n大會訓令:\n').lifted.symbol).toBe('A/RES/21(I)')
    // A title line naming two documents (the previous and this one, their border lost) names neither.
    expect(normalizeText('联合国安理会主席声明2000年第18号 联合国安理会主席声明2000年第19号\n本作品收录于《联合国安理会2000年主席声明\n安全理事会主席……\n').lifted.symbol).toBeUndefined()
  })
  it("removes the information box's own lines above the text (its symbol alone, 又名:), lifting the symbol", () => {
    const n = normalizeText(
      '聯合國大會決議案十二(一)\n\n聯合國大會決議案十一(一) 聯合國大會決議案十二(一)\nA/RES/12(I)\n又名:任用臨時辦事人員\n制定机关:聯合國大會\n1946年2月1日\n聯合國大會決議案十三(一)\n原始文件參見此處\n\n大會授權秘書長.\n'
    )
    expect(n.text.text).toBe('大會授權秘書長.')
    expect(n.lifted).toMatchObject({ symbol: 'A/RES/12(I)', issued: '1946-02-01' })
  })
  it('knows a page by a line only a web page has, without its site name or licence', () => {
    const n = normalizeText('联合国安理会主席声明2000年第19号\n本作品收录于《联合国安理会2000年主席声明\n安全理事会主席在会议上发表声明如下:\n')
    expect(n.text.text).toBe('安全理事会主席在会议上发表声明如下:')
    expect(n.lifted.symbol).toBe('S/PRST/2000/19')
  })
  it('leaves a text with no sign of a web page alone, "|" and all', () => {
    expect(removedBy('大会,\n\n回顾 | 其决议,\n\n第83次全体会议 |', 'web-furniture')).toEqual([])
  })
})

describe('footnote-markers', () => {
  it('reads numbers glued to a word or after a stop as references when a line further on defines them', () => {
    expect(canon('会议12及大会13曾通过,\n\n审议了报告，\n\n12 参阅文件。\n\n13 同上。')).toBe('会议[^12]及大会[^13]曾通过,\n\n审议了报告，\n\n[^12]: 参阅文件。\n\n[^13]: 同上。')
  })
  it('reads a run of markers ("2325") and the "1/" and "(注)" styles', () => {
    expect(canon('报告书2325两月,24\n\n23 甲。\n\n24 乙。\n\n25 丙。')).toBe('报告书[^23][^25]两月,[^24]\n\n[^23]: 甲。\n\n[^24]: 乙。\n\n[^25]: 丙。')
    expect(canon('报告1/，所在地.(注)\n\n1/ 大会正式记录。\n\n(注)见下文。')).toBe('报告[^1]，所在地.[^注]\n\n[^1]: 大会正式记录。\n\n[^注]: 见下文。')
  })
  it('reads the markers of footnotes set after the text, glued to a small letter or a mark, once only', () => {
    const text = 'Having considered the report of the Secretary-General1 and of the Working Group,2\n\n[^1]: A/52/456.\n\n[^2]: A/51/509.'
    expect(normalizeEnglish(text).text.text).toBe('Having considered the report of the Secretary-General[^1] and of the Working Group,[^2]\n\n[^1]: A/52/456.\n\n[^2]: A/51/509.')
    // A number glued to capitals ("G77") is no marker; one already written is not read again in the "21" of a word.
    expect(normalizeEnglish('the G77 and China,\n\n[^77]: A/1.').text.text).toBe('the G77 and China,\n\n[^77]: A/1.')
    expect(canon('迎接21世纪[^2]，\n\n[^1]: 甲。\n\n[^2]: 乙。')).toBe('迎接21世纪[^2]，\n\n[^1]: 甲。\n\n[^2]: 乙。')
  })
  it('reads the marker of a footnote set after the text that a space sets apart from its word, in the order of the notes', () => {
    const text =
      'to invite the Organization of the Islamic Conference 1 to participate in the 10 priority areas,\n\nHaving considered the report, 2\n\n1. Takes note of the report;2\n\n[^1]: Renamed.\n\n[^2]: A/67/280.'
    expect(normalizeEnglish(text).text.text).toBe(
      'to invite the Organization of the Islamic Conference[^1] to participate in the 10 priority areas,\n\nHaving considered the report,[^2]\n\n1. Takes note of the report;[^2]\n\n[^1]: Renamed.\n\n[^2]: A/67/280.'
    )
    expect(normalizeEnglish(text).text.removals.map((r) => r.reason)).toContain('space before a footnote marker set apart from its word, written as a footnote reference')
  })
  it('reads the spaced markers of the notes after one referred to twice, set apart the first time and glued the second', () => {
    const text = 'Recalling the Initiative, 1\n\nTaking note of the report, 2\n\n1. Welcomes the Initiative1 and the report;\n\n[^1]: A/1.\n\n[^2]: A/2.'
    expect(normalizeEnglish(text).text.text).toBe('Recalling the Initiative,[^1]\n\nTaking note of the report,[^2]\n\n1. Welcomes the Initiative[^1] and the report;\n\n[^1]: A/1.\n\n[^2]: A/2.')
  })
  it('reads the marker glued to the year of a date, and a line that opens with a title’s number as no note', () => {
    const text = '6 (1946). Resolution of 17 May 19461\n\nThe Security Council,\n\nResolves to meet on 3 September 1946.\n\n1 Modified by the Council.'
    expect(normalizeEnglish(text).text.text).toBe('6 (1946). Resolution of 17 May 1946[^1]\n\nThe Security Council,\n\nResolves to meet on 3 September 1946.\n\n[^1]: Modified by the Council.')
    // Two notes after one year; a run after a number that is no date's year, or with no note of its number, stays.
    expect(normalizeEnglish('adopted on 17 May 194612.\n\n1 A.\n\n2 B.').text.text).toBe('adopted on 17 May 1946[^1][^2].\n\n[^1]: A.\n\n[^2]: B.')
    expect(normalizeEnglish('in 19461 cases and on 17 May 19462.\n\n1 A.').text.text).toBe('in 19461 cases and on 17 May 19462.\n\n1 A.')
  })
  it('does not take a count, an ordinal or an undefined number for a marker', () => {
    expect(canon('第12段和12年及12次会议,\n\n12 个国家。')).toBe('第12段和12年及12次会议,\n\n12个国家。')
  })
})

describe('run-in-paragraphs', () => {
  it('cuts a line holding a whole text at the ends of its clauses and before its formula', () => {
    const n = normalizeText('54/254.标题 大会, 回顾其决议, 又回顾, 1.决定; 2.请报告。 2000年3月15日 第93次全体会议')
    expect(n.text.text).toBe('54/254.标题\n\n大会,\n\n回顾其决议,\n\n又回顾,\n\n1.决定;\n\n2.请报告。\n\n2000年3月15日第93次全体会议')
    expect(n.text.removals.filter((r) => r.rule === 'run-in-paragraphs')).toHaveLength(6)
  })
  it('cuts after a footnote number glued to a clause end before the next paragraph number, and before a title numbered in Chinese numerals', () => {
    const n = normalizeText('大会, 回顾其决议, 审议了报告, 1. 赞扬工作组; 2. 注意到报告;23 3. 请工作组继续努力。')
    expect(n.text.text).toBe('大会,\n\n回顾其决议,\n\n审议了报告,\n\n1. 赞扬工作组;\n\n2. 注意到报告;23\n\n3. 请工作组继续努力。')
    expect(normalizeText('第一九七六次全體會議. 二七五八 (二十六). 恢復合法權利 大會, 回顧憲章, 決定恢復。').text.text).toBe(
      '第一九七六次全體會議.\n\n二七五八(二十六).恢復合法權利\n\n大會,\n\n回顧憲章,\n\n決定恢復。'
    )
  })
  it('leaves a line with a space or two after its stops alone', () => {
    expect(canon('回顾其决议, 又回顾其决定。')).toBe('回顾其决议,又回顾其决定。')
  })
})
