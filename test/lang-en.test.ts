import { describe, expect, it } from 'vitest'
import { en, englishNumeral } from '../pipeline/lang/en.js'
import { detectLanguage, languageOfFileName, profileFor } from '../pipeline/lang/index.js'
import { parseCitations } from '../pipeline/model/citation-grammar.js'
import { tokenize } from '../pipeline/model/citation-tokens.js'
import type { Citation, Conclusions, FootnoteDefinition, Formula, Paragraph, UndocDocument } from '../pipeline/types/document.js'
import { build, inlineText, nodesOf } from './helpers.js'

/** The citations of an English sentence: kind, the text covered, and what it resolves to. */
function cite(text: string): string[] {
  return parseCitations(tokenize(text, en), text, en).map((m) => [m.kind, text.slice(m.start, m.end), m.symbol ?? '', m.date ?? '', m.value ?? ''].filter((field) => field !== '').join(' | '))
}

function paragraphs(doc: UndocDocument): Paragraph[] {
  return nodesOf<Paragraph>(doc.tree, 'paragraph')
}

describe('choosing the English profile', () => {
  it('reads the language from the file name tag', () => {
    expect(languageOfFileName('test/corpus/en/s-res-242-1967.en.txt', 'The Security Council,')).toBe('en')
    expect(languageOfFileName('a-res-67-264.zh.txt', '大会，')).toBe('zh-Hans')
    expect(languageOfFileName('a-res-12-i.zh.txt', '大會，鑒於……')).toBe('zh-Hant')
    expect(languageOfFileName('notes.txt', '')).toBeUndefined()
    expect(profileFor('en')).toBe(en)
    expect(profileFor('en-GB')).toBe(en)
  })

  it('detects English text by its commonest words, and not French', () => {
    expect(detectLanguage('The Security Council,\n\nRecalling its resolution 242 (1967) of 22 November 1967,\n\n1. Decides to remain seized of the matter.')).toBe('en')
    expect(detectLanguage('Le Conseil de sécurité,\n\nRappelant sa résolution 242 (1967) du 22 novembre 1967,\n\n1. Décide de rester saisi de la question.')).toBeUndefined()
    expect(detectLanguage('大会，\n\n回顾其决议，')).toBe('zh-Hans')
  })
})

describe('English numerals', () => {
  it('reads digits, ordinal suffixes and number words', () => {
    expect(englishNumeral('82nd')).toBe(82)
    expect(englishNumeral('Sixty-seventh')).toBe(67)
    expect(englishNumeral('twentieth')).toBe(20)
    expect(englishNumeral('one hundred and second')).toBe(102)
    expect(englishNumeral('first')).toBe(1)
    expect(englishNumeral('Recalling')).toBeNull()
  })

  it('prints the session line of a masthead in words', () => {
    expect(en.typesetting.session(67)).toBe('Sixty-seventh session')
    expect(en.typesetting.session(30)).toBe('Thirtieth session')
    expect(en.typesetting.session(102)).toBe('One hundred and second session')
    expect(en.typesetting.date('2013-05-17')).toBe('17 May 2013')
  })
})

describe('English dates', () => {
  it('reads a day, several days, a range and a month, the year and month carried back', () => {
    expect(en.dates('on 22 October 1982,').map((d) => d.iso)).toEqual(['1982-10-22'])
    expect(en.citationDate('7 and 8 December 2005')?.iso).toBe('2005-12-07,2005-12-08')
    expect(en.citationDate('3, 5 and 7 May 2004')?.iso).toBe('2004-05-03,2004-05-05,2004-05-07')
    expect(en.citationDate('1–3 May 2012')?.iso).toBe('2012-05-01/2012-05-03')
    expect(en.citationDate('30 November–2 December 2005')?.iso).toBe('2005-11-30/2005-12-02')
    expect(en.citationDate('August 1946')?.iso).toBe('1946-08')
    // Its last day is what a date after it in a list could leave its year to; a month has none.
    expect(en.citationDate('30 November–2 December 2005')?.last).toEqual({ year: 2005, month: 12, day: 2 })
    expect(en.citationDate('August 1946')?.last).toBeUndefined()
    expect(en.citationDate('32 May 2012')).toBeNull()
    expect(en.dates('held from 1–3 May 2012').map((d) => d.iso)).toEqual(['2012-05-01', '2012-05-03'])
    // A range in words: "from 1 to 3 May 2012"; two whole dates "from 1 July 1995 to 30 June 1996" stay two.
    expect(en.citationDate('1 to 3 May 2012')?.iso).toBe('2012-05-01/2012-05-03')
    expect(en.dates('held in Geneva from 1 to 3 May 2012').map((d) => d.iso)).toEqual(['2012-05-01', '2012-05-03'])
    expect(en.dates('the period from 1 July 1995 to 30 June 1996').map((d) => d.iso)).toEqual(['1995-07-01', '1996-06-30'])
  })

  it('finds a date as a citation, not inside a longer number or word', () => {
    expect(cite('until 31 January 2004;')).toEqual(['date | 31 January 2004 | 2004-01-31'])
    expect(cite('in 131 January 2004')).toEqual(['date | January 2004 | 2004-01'])
    expect(cite('it may be')).toEqual([])
  })
})

describe('English citations', () => {
  it('reads a list of dated resolutions as one citation each, each with its date', () => {
    expect(cite('Recalling its resolutions 37/4 of 22 October 1982, 38/5 of 4 November 1983 and 65/140 of 16 December 2010,')).toEqual([
      'ga-resolution | resolutions 37/4 of 22 October 1982 | A/RES/37/4 | 1982-10-22 | 37/4',
      'ga-resolution | 38/5 of 4 November 1983 | A/RES/38/5 | 1983-11-04 | 38/5',
      'ga-resolution | 65/140 of 16 December 2010 | A/RES/65/140 | 2010-12-16 | 65/140'
    ])
  })

  it('reads Roman-session, Security Council and listed resolutions, and decisions', () => {
    expect(cite('General Assembly resolution 3369 (XXX)')).toEqual(['ga-resolution | resolution 3369 (XXX) | A/RES/3369(XXX) | 3369(XXX)'])
    expect(cite('Security Council resolution 242 (1967)')).toEqual(['sc-resolution | resolution 242 (1967) | S/RES/242(1967) | 242(1967)'])
    expect(cite('resolutions 1265 (1999) and 1296 (2000)')).toEqual([
      'sc-resolution | resolutions 1265 (1999) | S/RES/1265(1999) | 1265(1999)',
      'sc-resolution | 1296 (2000) | S/RES/1296(2000) | 1296(2000)'
    ])
    expect(cite('its decision 56/464 of 23 July 2002')).toEqual(['ga-decision | decision 56/464 of 23 July 2002 | A/DEC/56/464 | 2002-07-23 | 56/464'])
  })

  it('does not read a bare number as a resolution', () => {
    expect(cite('some 1265 (1999) members')).toEqual([])
  })

  it('reads symbols, meetings, sessions, agenda items, paragraphs and the annex', () => {
    expect(cite('the report of the Third Committee (A/67/456)')).toEqual(['document | A/67/456 | A/67/456'])
    expect(cite('at its 82nd plenary meeting')).toEqual(['meeting | 82nd plenary meeting | 82'])
    expect(cite('at the sixty-seventh session of the General Assembly')).toEqual(['session | the sixty-seventh session of the General Assembly | GA/67'])
    expect(cite('under agenda item 122 (s)')).toEqual(['agenda-item | agenda item 122 (s) | 122(s)'])
    expect(cite('as referred to in paragraph 5 (a) above')).toEqual(['paragraph | paragraph 5 (a) above | 5(a)'])
    expect(cite('the text annexed to the present resolution')).toEqual(['annex | annexed to the present resolution'])
  })

  it('marks instruments named in the text and organizations by their English names', () => {
    expect(cite('Reaffirming the Charter of the United Nations and the Convention on the Rights of the Child,')).toEqual([
      'instrument | Charter of the United Nations | Charter of the United Nations',
      'instrument | Convention on the Rights of the Child | Convention on the Rights of the Child'
    ])
    expect(cite('with the Organisation of Islamic Cooperation,')).toEqual(['organization | Organisation of Islamic Cooperation | oic'])
  })
})

const GA_PRINT = [
  'United Nations',
  'A/RES/67/264',
  'General Assembly',
  'Distr.: General',
  '17 June 2013',
  'Sixty-seventh session',
  'Agenda item 122 (s)',
  '',
  'Resolution adopted by the General Assembly on 17 May 2013',
  '[without reference to a Main Committee (A/67/L.61 and Add.1)]',
  '67/264. Cooperation between the United Nations and the Economic Cooperation Organization',
  '',
  'The General Assembly,',
  '',
  'Recalling its resolutions 48/2 of 13 October 1993 and 65/125 of 13 December 2010,',
  '',
  'Noting the report of the Secretary-General (A/67/280-S/2012/614),',
  '',
  'Bearing in mind the Charter of the United Nations,',
  '',
  '1. Takes note of the report of the Secretary-General;',
  '',
  '2. Requests the Secretary-General:',
  '',
  '(a) To report on the implementation of the present resolution;',
  '',
  '(b) To include in that report:',
  '',
  '(i) The meetings held on 7 and 8 December 2005;',
  '',
  '13-48653 (E)',
  '*1348653*',
  'Please recycle',
  'A/RES/67/264',
  '2/2',
  '',
  '3. Decides to include in the provisional agenda of its sixty-ninth session the item entitled "Cooperation".',
  '',
  '82nd plenary meeting',
  '17 May 2013',
  ''
].join('\n')

describe('a General Assembly resolution as the UN prints it in English', async () => {
  const result = await build('input/a-res-67-264.en.txt', GA_PRINT)
  const doc = result.document!

  it('builds without errors, its masthead and page furniture in the removal log', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const reasons = doc.removals.map((r) => r.reason)
    for (const reason of [
      'masthead: name of the Organization',
      'masthead: name of the organ',
      'page furniture: job number',
      'page furniture: recycling note',
      'page furniture: running header',
      'page furniture: page number'
    ]) {
      expect(reasons).toContain(reason)
    }
  })

  it('lifts its symbol, kind, session, agenda item, meeting and date', () => {
    expect(doc.metadata).toMatchObject({
      symbol: 'A/RES/67/264',
      language: 'en',
      kind: 'ga-resolution',
      number: '67/264',
      organ: 'GA',
      date: '2013-05-17',
      session: { number: 67 },
      agendaItem: { number: '122 (s)' },
      meeting: 82,
      distribution: 'General'
    })
  })

  it('reads the preambular paragraphs, the numbered operative paragraphs and their sub-items', () => {
    const ps = paragraphs(doc)
    expect(ps.filter((p) => p.role === 'preambular')).toHaveLength(3)
    const operative = ps.filter((p) => p.role === 'operative')
    expect(operative.map((p) => `${p.level}:${p.number}`)).toEqual(['1:1', '1:2', '2:a', '2:b', '3:i', '1:3'])
  })
})

describe('a Security Council resolution as the UN prints it in English', async () => {
  const text = [
    'United Nations',
    'S/RES/1502 (2003)',
    'Security Council',
    'Distr.: General',
    '26 August 2003',
    '',
    'Resolution 1502 (2003)',
    '',
    'Adopted by the Security Council at its 4814th meeting, on 26 August 2003',
    '',
    'The Security Council,',
    '',
    'Reaffirming its resolutions 1265 (1999) of 17 September 1999 and 1296 (2000) of 19 April 2000,',
    '',
    '1. Strongly condemns all forms of violence;',
    '',
    '2. Decides to remain seized of the matter.',
    ''
  ].join('\n')
  const doc = (await build('input/s-res-1502-2003.en.txt', text)).document!

  it('lifts the symbol, meeting and date of its adoption line', () => {
    expect(doc.metadata).toMatchObject({ symbol: 'S/RES/1502(2003)', kind: 'sc-resolution', organ: 'SC', number: '1502(2003)', meeting: 4814, date: '2003-08-26' })
  })

  it('reads one preambular and two operative paragraphs', () => {
    const ps = paragraphs(doc)
    expect(ps.map((p) => `${p.role}:${p.number ?? ''}`)).toEqual(['preambular:', 'operative:1', 'operative:2'])
  })
})

describe('a resolution whose operative clause has no number and leads into lettered items', async () => {
  const text = [
    'The Security Council,',
    '',
    'Considering that it is its duty to investigate any situation likely to lead to international friction,',
    '',
    'Decides:',
    '',
    '(a) To defer consideration of this question until its first meeting held after 15 November 1950:',
    '',
    '(i) In New York;',
    '',
    '(b) To invite a representative of the said Government to attend its meetings.',
    ''
  ].join('\n')
  const doc = (await build('input/s-res-87-1950.en.txt', text)).document!

  it('reads the clause that introduces the letters as one operative paragraph, the letters as its items, a roman numeral under a letter as its item', () => {
    const ps = paragraphs(doc)
    expect(ps.map((p) => `${p.role}:${p.level ?? ''}:${p.number ?? ''}`)).toEqual(['preambular::', 'operative::', 'operative:2:a', 'operative:3:i', 'operative:2:b'])
  })
})

describe('Security Council symbols printed with a space before the year', () => {
  it('reads the year as part of a resolution symbol, and of no other', () => {
    expect(cite('U.N. Doc. S/RES/1263 (1999).')).toEqual(['document | S/RES/1263 (1999) | S/RES/1263(1999)'])
    expect(cite('the report (S/1999/954 (1999))')).toEqual(['document | S/1999/954 | S/1999/954'])
  })
})

describe('English votes as adoption lines state them', () => {
  it('reads counts with the States named after them, recorded votes and votes in favour and against', () => {
    expect(en.vote('Adopted at the 277th meeting by 9 votes to none, with 2 abstentions (Ukrainian Soviet Socialist Republic, Union of Soviet Socialist Republics).')).toEqual({
      for: 9,
      against: 0,
      abstentions: 2
    })
    expect(en.vote('by 7 votes to 3 (China, Cuba, United States of America), with one abstention (Egypt), on 29 September 1950')).toEqual({ for: 7, against: 3, abstentions: 1 })
    expect(en.vote('Adopted at the 1234th meeting by 10 votes to 1 (USSR).')).toEqual({ for: 10, against: 1, abstentions: 0 })
    expect(en.vote('adopted by 14 votes in favour to none against, with 1 abstention')).toEqual({ for: 14, against: 0, abstentions: 1 })
    expect(en.vote('adopted by a recorded vote of 120 to 5, with 30 abstentions')).toEqual({ for: 120, against: 5, abstentions: 30 })
    expect(en.vote('Adopted unanimously at the 42nd meeting.')).toBe('unanimous')
    expect(en.vote('Adopted at the 42nd meeting.')).toBeNull()
  })
})

describe('an early Security Council resolution: the operative verb alone over numbered clauses, the adoption line, then a later decision', async () => {
  const text = [
    '6 (1946). Resolution of 17 May 1946',
    '',
    'The Security Council,',
    '',
    'Taking into account the fact that the General Assembly will meet on 3 September 1946,',
    '',
    'Resolves:',
    '',
    '1. That applications for membership shall be considered in August 1946;',
    '',
    '2. That applications received before 15 July 1946 shall be referred to a committee.',
    '',
    'Adopted unanimously at the 42nd meeting.',
    '',
    'Decision',
    '',
    'At its 51st meeting, on 24 July 1946, the Council decided that all the dates in its resolution 6 (1946) would be put back.',
    ''
  ].join('\n')
  const doc = (await build('input/s-res-6-1946.en.txt', text)).document!

  it('reads "Resolves:" as enacting words, not as a preambular or operative paragraph', () => {
    expect(nodesOf<Formula>(doc.tree, 'formula').map((f) => inlineText(f.children))).toEqual(['The Security Council,', 'Resolves:'])
    expect(paragraphs(doc).map((p) => `${p.role}:${p.number ?? ''}`)).toEqual(['preambular:', 'operative:1', 'operative:2', 'text:', 'text:'])
  })

  it('closes the resolution at its adoption line, with its vote and meeting, and keeps the decision after it as text', () => {
    expect(doc.metadata).toMatchObject({ kind: 'sc-resolution', symbol: 'S/RES/6(1946)', meeting: 42, vote: 'unanimous' })
    const [conclusions] = nodesOf<Conclusions>(doc.tree, 'conclusions')
    expect(conclusions!.children.map((c) => c.type === 'adoption' && c.role)).toEqual(['meeting'])
    expect(doc.tree.children.map((p) => p.type)).toEqual(['preface', 'preamble', 'body', 'conclusions', 'body'])
  })
})

describe('unnumbered operative clauses of an early resolution, and what a web page sets under them', async () => {
  const text = [
    'Resolution 87 (1950) of 29 September 1950',
    '',
    'The Security Council,',
    '',
    'Having received, on 9 December 1947, General Assembly resolution 181 (II),',
    '',
    'Calls upon the parties to cease hostilities;',
    '',
    'Requests the Secretary-General to convoke a special session of the General Assembly.',
    '',
    'Adopted at the 277th meeting by 9 votes to none, with 2 abstentions (Ukrainian Soviet Socialist Republic, Union of Soviet Socialist Republics).',
    '',
    'Home || Treaties || Search || Links',
    ''
  ].join('\n')
  const doc = (await build('input/s-res-87-1950.en.txt', text)).document!

  it('reads each clause after the preamble as an operative paragraph, and the links after the adoption line as text', () => {
    expect(paragraphs(doc).map((p) => `${p.role}:${p.number ?? ''}`)).toEqual(['preambular:', 'operative:', 'operative:', 'text:'])
  })

  it('takes the symbol and date from the title, and the vote from the adoption line', () => {
    expect(doc.metadata).toMatchObject({ symbol: 'S/RES/87(1950)', date: '1950-09-29', meeting: 277, vote: { for: 9, against: 0, abstentions: 2 } })
  })
})

describe('the adoption of a resolution said above it or closing it as a sentence', () => {
  const resolution = (head: string[], tail: string[]) =>
    [...head, 'The Security Council,', 'Recalling all its previous resolutions,', '1. Decides to extend the mandate;', '2. Decides to remain seized of the matter.', ...tail, ''].join('\n\n')

  it('reads the vote of an adoption note above the formula', async () => {
    const doc = (
      await build(
        'input/a.en.txt',
        resolution(['Adopted by the Security Council at its 506th meeting, by 7 votes to 3 (China, Cuba, United States of America), with one abstention (Egypt), on 29 September 1950'], [])
      )
    ).document!
    expect(doc.metadata).toMatchObject({ meeting: 506, date: '1950-09-29', vote: { for: 7, against: 3, abstentions: 1 } })
    expect(paragraphs(doc).map((p) => p.role)).toEqual(['preambular', 'operative', 'operative'])
  })

  it('reads a closing sentence "Adopted by … at its Nth meeting, on …." as the adoption, and a page\'s lines after it as text', async () => {
    const doc = (
      await build(
        'input/b.en.txt',
        resolution(
          ['Security Council resolution 1263 (1999) on the situation concerning Western Sahara'],
          ['Adopted by the Security Council at its 4044th meeting, on 13 September 1999.', 'See also the situation in Somalia', 'Facebook']
        )
      )
    ).document!
    expect(doc.metadata).toMatchObject({ symbol: 'S/RES/1263(1999)', meeting: 4044, date: '1999-09-13' })
    expect(paragraphs(doc).map((p) => p.role)).toEqual(['preambular', 'operative', 'operative', 'text', 'text'])
    expect(nodesOf<Conclusions>(doc.tree, 'conclusions')[0]!.children.map((c) => c.type === 'adoption' && c.role)).toEqual(['meeting'])
  })

  it('keeps a meeting line between the parts of a resolution in parts inside the text', async () => {
    const text = [
      'A',
      'The General Assembly,',
      '1. Decides to continue;',
      '82nd plenary meeting',
      'B',
      'The General Assembly,',
      '1. Requests a report.',
      '83rd plenary meeting',
      '17 May 2013',
      ''
    ].join('\n\n')
    const doc = (await build('input/c.en.txt', text)).document!
    expect(doc.tree.children.map((p) => p.type)).toEqual(['preamble', 'body', 'preamble', 'body', 'conclusions'])
  })
})

describe('footnotes of English web copies, set without a rule', () => {
  const canonical = async (text: string) => {
    const doc = (await build('input/notes.en.txt', text)).document!
    return {
      references: nodesOf<{ type: 'footnoteReference'; label: string }>(doc.tree, 'footnoteReference').map((r) => r.label),
      definitions: nodesOf<FootnoteDefinition>(doc.tree, 'footnoteDefinition').map((d) => `${d.label}: ${inlineText(d.children)}`)
    }
  }

  it('reads Wikisource\'s "[1]" references and their "[1] …" notes', async () => {
    const text =
      'The Security Council,\n\nHaving received the first report of the Commission, [1] dated 31 December 1946 with the letter [2] of the same date,\n\n1. Requests a second report.\n\n[1] Official Records of the Commission, First Year.\n\n[2] Ibid., annex 14.\n'
    expect(await canonical(text)).toEqual({ references: ['1', '2'], definitions: ['1: Official Records of the Commission, First Year.', '2: Ibid., annex 14.'] })
  })

  it('reads "1/" references after a space or glued to a word, and their "1/ …" notes, but no fraction or resolution number', async () => {
    const text =
      'The Security Council,\n\nHaving taken note of the first 1/ and second reports2/ and of resolution 37/4 and of 1/2 of the members,\n\nRequests the Secretary-General to convoke a special session.\n\n1/ See page 14.\n\n2/ Ibid., document S/695.\n'
    expect(await canonical(text)).toEqual({ references: ['1', '2'], definitions: ['1: See page 14.', '2: Ibid., document S/695.'] })
  })
})

describe('English lines of a PDF extraction that run on whatever the measure', () => {
  it('joins a line to one that starts with a small letter, and a line that stops on a linking word', () => {
    expect(en.runsOn!('Recalling its resolutions 37/4 of 22 October 1982, 42/4', 'of 15 October 1987, 43/2 of 17 October 1988,')).toBe(true)
    expect(en.runsOn!('the Organization of Islamic Cooperation and the Organization of', 'Islamic Cooperation in areas of mutual interest;')).toBe(true)
    expect(en.runsOn!('49/15 of 15 November 1994, 50/17 of 20 November 1995,', '51/18 of 14 November 1996, 52/4 of 22 October 1997,')).toBe(true)
  })

  it('joins the words of a widely spaced line that an extraction set a word a line, not a word after a sentence or a heading', () => {
    expect(en.runsOn!('The Security Council takes note of the report of 22 December', '2006')).toBe(true)
    expect(en.runsOn!('2006', '(S/2006/1019),')).toBe(true)
    expect(en.runsOn!('Requests the Secretary-General to report.', '(S/2006/1019)')).toBe(false)
    expect(en.runsOn!('Cooperation between the United Nations and the League of Arab States', 'A')).toBe(false)
  })

  it('keeps apart a clause ended by ", and", a title, a meeting line, and the formula after a title', () => {
    expect(en.runsOn!('Taking into account the fact that membership is open to all peace-loving States, and', 'Taking into account the fact that the General Assembly will meet,')).toBe(false)
    expect(en.runsOn!('United Nations Security Council Resolution 20 (1947)', 'the United Nations')).toBe(false)
    expect(en.runsOn!('82nd plenary meeting', '17 May 2013')).toBe(false)
    expect(en.runsOn!('67/264. Cooperation between the United Nations and', 'The General Assembly,')).toBe(false)
  })

  it('rebuilds the paragraphs of a page whose lines wrap unevenly, as a proportional font sets them', async () => {
    const text = [
      'The General Assembly,',
      'Noting the adoption by the Islamic Summit Conference at its third',
      'extraordinary session, held in Mecca, of the Programme,',
      'Recalling that the Organization of Islamic Cooperation remains an important',
      'partner of the United Nations in peace and security,',
      '1. Urges the United Nations system to cooperate with the Organization of',
      'Islamic Cooperation in areas of mutual interest, as appropriate;',
      '2. Decides to include the item in its provisional agenda.',
      ''
    ].join('\n')
    const doc = (await build('input/wrapped.en.txt', text)).document!
    expect(paragraphs(doc).map((p) => `${p.role}:${p.number ?? ''}`)).toEqual(['preambular:', 'preambular:', 'operative:1', 'operative:2'])
  })
})

describe('the record a UN document library sets under a text (UNISPAL)', () => {
  it('takes the document symbol of the record for the document, cites nothing of it, and keeps its fields out of the text', async () => {
    const text = [
      'Statement by the President of the Security Council',
      '',
      'At the 4322nd meeting of the Security Council, held on 30 May 2001, the President of the Security Council made the following statement on behalf of the Council:',
      '',
      '“The report of the Secretary-General (S/2001/499) reflects the view of the Security Council.”',
      '',
      'Document symbol: S/PRST/2001/15',
      'Document Type: Security Council presidential statement',
      'Subject: Peacekeeping',
      'Publication Date: 30/05/2001',
      ''
    ].join('\n')
    const doc = (await build('input/unispal.en.txt', text)).document!
    expect(doc.metadata).toMatchObject({ symbol: 'S/PRST/2001/15', kind: 'sc-presidential-statement', date: '2001-05-30' })
    expect(nodesOf<Citation>(doc.tree, 'citation').flatMap((c) => (c.symbol && c.kind !== 'meeting' ? [c.symbol] : []))).toEqual(['S/2001/499'])
    expect(paragraphs(doc).some((p) => inlineText(p.children).includes('Subject'))).toBe(false)
  })
})

describe('a web copy with one stray indented line', () => {
  it('keeps its short header lines apart, so that the title under them is read', async () => {
    const text = [
      'Home » United Nations » United Nations Security Council Resolution 1263 – Western Sahara',
      '',
      'United Nations Security Council Resolution 1263 – Western Sahara',
      '',
      'Resolution 1263 (1999)',
      '',
      'The Security Council,',
      '',
      'Recalling all its previous resolutions on the Western Sahara,',
      '',
      '  1. Decides to extend the mandate of the Mission until 14 December 1999;',
      '',
      '2. Decides to remain seized with the matter.',
      ''
    ].join('\n')
    const doc = (await build('input/web.en.txt', text)).document!
    expect(doc.metadata).toMatchObject({ symbol: 'S/RES/1263(1999)', kind: 'sc-resolution' })
  })
})

describe("a web page whose title gives a Security Council resolution's number without its year", () => {
  it('takes the year from the adoption line that opens the text, in both languages', async () => {
    const english = [
      'United Nations Security Council Resolution 87',
      'Adopted by the Security Council at its 506th meeting, by 7 votes to 3, with one abstention, on 29 September 1950',
      'The Security Council,',
      'Decides to defer consideration of this question.',
      'This work is excerpted from an official document of the United Nations.',
      ''
    ].join('\n')
    expect((await build('input/web.en.txt', english)).document!.metadata).toMatchObject({ symbol: 'S/RES/87(1950)', kind: 'sc-resolution' })
    const chinese = ['联合国安理会第87号决议', '1950年9月29日安全理事会第506次会议通过', '安全理事会，', '决定推迟审议本问题。', '本作品来自联合国官方文件', ''].join('\n')
    expect((await build('input/web.zh.txt', chinese)).document!.metadata).toMatchObject({ symbol: 'S/RES/87(1950)' })
  })

  it('has no symbol when the text does not open with its adoption', async () => {
    const text = [
      'United Nations Security Council Resolution 87',
      'The Security Council,',
      'Decides to defer consideration of this question, adopted on 29 September 1950.',
      'This work is excerpted from an official document of the United Nations.',
      ''
    ].join('\n')
    expect((await build('input/web.en.txt', text)).document!.metadata.symbol).toBeUndefined()
  })
})

describe('a General Assembly resolution as the PDF extractions of the 1990s give it', async () => {
  const text = [
    'A',
    '',
    'UNITED',
    'NATIONS',
    '',
    'General Assembly',
    'Distr.',
    'GENERAL',
    'A/RES/53/22',
    '16 November 1998',
    '',
    'Fifty-third session',
    'Agenda item 168',
    'RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY',
    '[without reference to a Main Committee (A/53/L.23/Rev.1)]',
    '53/22.',
    '',
    'United Nations Year of Dialogue among Civilizations',
    'The General Assembly,',
    'Welcoming the collective endeavour of the international community,',
    '1.',
    '',
    'Expresses its firm determination to promote dialogue among civilizations;',
    '2.',
    'Decides to proclaim the year 2001 as the United Nations Year of Dialogue among Civilizations.',
    '53rd plenary meeting',
    '4 November 1998',
    ''
  ].join('\n')
  const doc = (await build('input/a-res-53-22.en.txt', text)).document!

  it('reads its masthead as furniture, its capitals header and its title under a number set alone', () => {
    expect(doc.metadata).toMatchObject({ symbol: 'A/RES/53/22', kind: 'ga-resolution', number: '53/22', distribution: 'GENERAL', issued: '1998-11-16', date: '1998-11-04' })
    expect(doc.metadata.title).toBe('United Nations Year of Dialogue among Civilizations')
  })

  it('reads the paragraph numbers set alone above their text', () => {
    const ps = paragraphs(doc)
    expect(ps.filter((p) => p.role === 'preambular')).toHaveLength(1)
    expect(ps.filter((p) => p.role === 'operative').map((p) => p.number)).toEqual(['1', '2'])
  })
})

describe('the opening words an English edition sets in italics', () => {
  const { formula, preambular, operative } = en.typesetting.openingWords!
  const italic = (pattern: RegExp, text: string) => pattern.exec(text)?.[1]

  it('takes the formula without its comma, and the verb of a clause with its adverbs and phrase, not its object', () => {
    expect(italic(formula, 'The General Assembly,')).toBe('The General Assembly')
    expect(italic(formula, '"The Security Council,')).toBe('The Security Council')
    const preambles: [string, string][] = [
      ['Recalling its resolutions 37/4', 'Recalling'],
      ['Recalling also its resolution', 'Recalling also'],
      ['Having considered the report', 'Having considered'],
      ['Having taken note of the reports', 'Having taken note'],
      ['Taking into account the desire', 'Taking into account'],
      ['Noting with appreciation the close', 'Noting with appreciation'],
      ['Bearing in mind that', 'Bearing in mind'],
      ['Deeply concerned by the slow progress', 'Deeply concerned'],
      ['Expressing deep concern at', 'Expressing deep concern'],
      ['Convinced that', 'Convinced'],
      ['Mindful of', 'Mindful']
    ]
    for (const [text, words] of preambles) expect(italic(preambular, text), text).toBe(words)
    const operatives: [string, string][] = [
      ['Decides to include', 'Decides'],
      ['Decides:', 'Decides'],
      ['Takes note with satisfaction of the report', 'Takes note with satisfaction'],
      ['Also welcomes the cooperation', 'Also welcomes'],
      ['Calls upon all States', 'Calls upon'],
      ['Expresses its appreciation to the Secretary-General', 'Expresses its appreciation'],
      ['Strongly condemns', 'Strongly condemns'],
      ['Requests the Secretary-General', 'Requests']
    ]
    for (const [text, words] of operatives) expect(italic(operative, text), text).toBe(words)
  })

  it('takes nothing from a clause that does not open with a verb', () => {
    for (const text of ['Cooperation between the United Nations', 'United Nations Mission', 'The following entities:']) expect(italic(preambular, text), text).toBeUndefined()
    for (const text of ['Its members shall', 'This resolution', 'To defer consideration', 'All States;']) expect(italic(operative, text), text).toBeUndefined()
  })
})

describe('citations in a paragraph a moved number or a page break joined', async () => {
  const text = [
    'The General Assembly,',
    'Recalling its resolution 52/250,',
    '1.',
    'Reaffirms the right of the Palestinian people to self-determination;',
    'Expresses the hope that the Security Council will consider favourably the',
    '2.',
    'application submitted on 23 September 2011 by the State of Palestine;',
    'Decides to remain seized of the matter.',
    ''
  ].join('\n')
  const doc = (await build('input/a-res-67-19.en.txt', text)).document!

  it('finds them in the text after the joining space, where the node does not start at its raw start', () => {
    const p = paragraphs(doc).find((x) => x.number === '2')!
    expect(nodesOf<Citation>(p, 'citation').map((c) => c.date)).toEqual(['2011-09-23'])
  })
})
