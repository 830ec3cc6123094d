import type { Vote } from '../types/document.js'
import type { CitedDate, DateMatch, LanguageProfile } from './profile.js'
import { hyphenateEnglish } from './latin-hyphenation.js'
import { NOTO_SANS_HANS_LIGHT, NOTO_SERIF_SC, TINOS, TINOS_BOLD, TINOS_ITALIC } from './fonts.js'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const MONTH = `(?:${MONTHS.join('|')})`

/** An adverb the UN sets in italics with the verb it opens a paragraph with ("Also welcomes", "Deeply concerned"). */
const INTENSIFIER = '(?:Also|Further|Again|Once again|Strongly|Firmly|Urgently|Deeply|Gravely|Seriously|Fully|Hereby)'
/**
 * What the UN sets in italics after a paragraph's opening verb: its adverbs and the words of the
 * phrase ("Recalling also", "Notes with satisfaction", "Taking into account", "Bearing in mind",
 * "Calls upon", "Expresses its appreciation"), not the verb's object.
 */
const VERB_TAIL =
  '(?:\\s(?:also|further|again|once again|in particular|upon|note|in mind|into (?:account|consideration)|(?:with|its) (?:deep |grave |great |serious |profound |particular |sincere |full |strong )?(?:appreciation|satisfaction|concern|regret|interest|alarm|gratitude|approval|support)|(?:deep|grave|serious|profound) (?:concern|regret|appreciation)))*'

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen'
]
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const ORDINAL_UNITS: Record<string, number> = { first: 1, second: 2, third: 3, fifth: 5, eighth: 8, ninth: 9, twelfth: 12 }

/** A number word of one part ("seven", "seventh", "seventieth"), or null. */
function numberWord(word: string): number | null {
  if (word in ORDINAL_UNITS) return ORDINAL_UNITS[word]!
  const cardinal = word.replace(/ieth$/, 'y').replace(/th$/, '')
  const unit = UNITS.indexOf(cardinal)
  if (unit >= 0) return unit
  const ten = TENS.indexOf(cardinal)
  return ten >= 2 ? ten * 10 : null
}

/**
 * English numbers as sessions and meetings are written: digits with or without an ordinal suffix
 * ("67", "82nd"), or words, cardinal or ordinal, with a hyphen below a hundred and "hundred"
 * above ("sixty-seventh", "one hundred and second").
 */
export function englishNumeral(text: string): number | null {
  const t = text.trim().toLowerCase()
  const digits = /^(\d+)(?:st|nd|rd|th)?$/.exec(t)
  if (digits) return Number(digits[1])
  let total = 0
  let seen = false
  for (const part of t.split(/\s+(?:and\s+)?/)) {
    if (part === 'hundred' || part === 'hundredth') {
      total = (total || 1) * 100
      continue
    }
    let value = 0
    for (const piece of part.split('-')) {
      const n = numberWord(piece)
      if (n === null) return null
      value += n
    }
    total += value
    seen = true
  }
  return seen ? total : null
}

/** One day of a date: its number, and its month when the month is written after it. */
const DAY_ITEM = `\\d{1,2}(?:\\s${MONTH})?`
/** Between the days of a list or a range: "7 and 8", "3, 5 and 7", "1–3", "from 1 to 3", "30 November–2 December". */
const DAY_SEPARATOR = `(?:\\s?[–-]\\s?|\\sto\\s|,\\s|,?\\sand\\s)`
/**
 * A date as UN English writes it, day first and year last: "22 October 1982", "7 and 8 December
 * 2005", "1–3 May 2012", or a month alone, "August 1946". The month and year written once belong
 * to every day before them.
 */
const DATE = `(?<![\\d\\p{L}])(?:\\d{1,2}(?:\\s${MONTH})?(?:${DAY_SEPARATOR}${DAY_ITEM}){0,8}\\s)?${MONTH}\\s\\d{4}(?!\\d)`
const DATE_PATTERN = new RegExp(DATE, 'gu')

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** The days of a date as written, in ISO, and whether they are a range. */
function daysOf(text: string): { days: string[]; range: boolean } | null {
  const m = new RegExp(`^(.*?)\\s?(${MONTH})\\s(\\d{4})$`, 'su').exec(text.trim())
  if (!m) return null
  const [, head, lastMonth, year] = m
  const month = (name: string) => MONTHS.indexOf(name) + 1
  if (!head) return { days: [`${year}-${pad(month(lastMonth!))}`], range: false }
  const separators = [...head.matchAll(new RegExp(DAY_SEPARATOR, 'gu'))].map((s) => s[0])
  const items = head.split(new RegExp(DAY_SEPARATOR, 'u')).map((item) => /^(\d{1,2})(?:\s(\p{L}+))?$/u.exec(item.trim()))
  if (items.some((i) => i === null)) return null
  // A month written once after several days is theirs: "30 November–2 December" keeps its own.
  let carried = month(lastMonth!)
  const days: string[] = []
  for (let k = items.length - 1; k >= 0; k--) {
    const [, day, own] = items[k]!
    if (own) carried = month(own)
    const d = Number(day)
    if (d < 1 || d > 31) return null
    days.unshift(`${year}-${pad(carried)}-${pad(d)}`)
  }
  return { days, range: separators.length === 1 && /[–-]|\sto\s/.test(separators[0]!) }
}

function dates(text: string): DateMatch[] {
  const out: DateMatch[] = []
  for (const m of text.matchAll(DATE_PATTERN)) {
    for (const iso of daysOf(m[0])?.days ?? []) if (iso.length === 10) out.push({ iso, index: m.index, length: m[0].length })
  }
  return out
}

/** English writes every date of a citation with its year: none is carried over from the date before it. */
function citationDate(text: string): CitedDate | null {
  const read = daysOf(text)
  if (!read) return null
  const iso = read.range ? `${read.days[0]}/${read.days[read.days.length - 1]}` : read.days.join(',')
  const [year, month, day] = read.days[read.days.length - 1]!.split('-').map(Number)
  return day === undefined ? { iso } : { iso, last: { year: year!, month: month!, day } }
}

/** The number of a resolution or decision: "37/4", "3369(XXX)", "242(1967)", "1373 (2001)". */
const RESOLUTION_NUMBER = '(?:\\d+/\\d+|\\d+\\s?\\((?:[IVXLC]+|\\d{4})\\))'
/** Between the ends of a range of references: "1267 (1999) to 1989 (2011)", "3–5" (an en dash; a hyphen joins symbols). */
const RANGE = '\\sto\\s|–'

const ORGAN = '(General Assembly|Security Council|Economic and Social Council|Human Rights Council)'
const ORDINAL_WORD = '[a-z]+(?:-[a-z]+)?'
/** The words of an ordinal session number and the session: "sixty-seventh session", "tenth emergency special session". */
const SESSION = `${ORDINAL_WORD}\\s(?:special\\s|emergency\\sspecial\\s)?session`
const INSTRUMENT_WORD =
  '(?:Charter|Convention|Covenant|Declaration|Protocol|Treaty|Statute|Agreement|Programme of Action|Platform for Action|Plan of Action|Agenda for Development|Principles|Guidelines|Rules)'

/** A count in a vote: a numeral, or "none" / "no" for zero. */
/** A page title naming a resolution: "United Nations Security Council Resolution 20 (1947)", "… General Assembly Resolution 67/264". */
const PAGE_SYMBOL = /\b(General Assembly|Security Council) Resolution (\d+(?:\/\d+)?)(?:\s?\((\d{4})\))?/g

/**
 * The symbols of the documents a page's title names: a Security Council resolution without its
 * year is "S/RES/87", for the page's navigation or the text's adoption line to complete; a General
 * Assembly resolution numbered without its session names no symbol.
 */
function pageSymbols(line: string): string[] {
  const out: string[] = []
  for (const [, organ, number, year] of line.matchAll(PAGE_SYMBOL)) {
    if (organ === 'General Assembly') {
      if (number!.includes('/')) out.push(`A/RES/${number}`)
    } else if (!number!.includes('/')) out.push(year === undefined ? `S/RES/${number}` : `S/RES/${number}(${year})`)
  }
  return out
}

function voteCount(word: string): number | null {
  return /^(?:none|no)$/i.test(word) ? 0 : englishNumeral(word)
}

/** The States an adoption line names after a count: " (China, Cuba, United States of America)". */
const NAMED = '(?:\\s?\\([^)]*\\))?'
/** The counts of a vote: for (group 1, or 2 in a recorded vote), against (3), abstaining (4). */
const VOTE_COUNTS = new RegExp(`\\bby (?:([\\w-]+) votes?(?: in favour)?|a recorded vote of ([\\w-]+))${NAMED} to ([\\w-]+)(?: against)?${NAMED}(?:,? (?:with|and) ([\\w-]+) abstentions?)?`, 'i')

/**
 * The vote an adoption line states: "by 9 votes to none, with 2 abstentions", "by 7 votes to 3
 * (China, Cuba), with one abstention (Egypt)", "by 14 votes in favour to none against", "by a
 * recorded vote of 120 to 5", "unanimously", "without a vote".
 */
function vote(text: string): Vote | null {
  if (/\bunanimously\b/i.test(text)) return 'unanimous'
  if (/\bwithout (?:a )?vote\b|\bby consensus\b/i.test(text)) return 'without-vote'
  const m = VOTE_COUNTS.exec(text)
  if (!m) return null
  const counts = [m[1] ?? m[2]!, m[3]!, m[4] ?? 'none'].map(voteCount)
  if (counts.some((n) => n === null)) return null
  const [yes, no, abstaining] = counts as number[]
  return { for: yes!, against: no!, abstentions: abstaining! }
}

/**
 * A line that stops on a word no sentence or title ends with runs on ("…and the Organization of /
 * Islamic Cooperation"); not after a comma, where an early preambular clause ends ("…, and").
 */
const LINKING_WORD_END = /(?<![,;:.])\s(?:of|and|the|to|in|on|for|by|with|a|an|or|its|their|that|which|at|from|as|between|under|into)$/

/**
 * A long line that stops on a word, over a line that is one capitalized word and the clause's end:
 * the paragraph's last word went over ("…membership in the United" / "Nations, 1").
 */
const LAST_WORD_CUT = /^.{60,}\p{Ll}\n\p{Lu}\p{Ll}+(?:[,.;:](?:\s?\d{1,3}|\[\^[^\]\s]+\])?)?$/u

/**
 * A line of one word that starts with a digit or a bracket under a line that ends no sentence: a word
 * of a widely spaced line, which an extraction sets a word a line ("…report of 22 December" / "2006" /
 * "(S/2006/1019),").
 */
const WORD_A_LINE = /(?<![.;:!?])\n[\d(][^\s]*$/

/** A list of resolutions cut after a comma before the next number: "…, 50/17 of 20 November 1995,\n51/18 of 14 November 1996". */
const LIST_GOES_ON = new RegExp(`${RESOLUTION_NUMBER} of [^\\n]*,\\n${RESOLUTION_NUMBER} of `)

/** English, as the UN's English editions write it (Oxford spelling, day-month-year dates). */
export const en: LanguageProfile = {
  tag: 'en',
  furniture: [
    // The masthead of the 1990s sets the name in capitals over two lines, beside the organ's letter ("A", "S", "E").
    { pattern: /^(?:United Nations|UNITED(?: NATIONS)?|NATIONS)$/, reason: 'masthead: name of the Organization', headOnly: true },
    { pattern: /^[ASE]$/, reason: "masthead: the organ's letter", headOnly: true },
    { pattern: /^Distr\.:?$/, reason: 'masthead: distribution label (its value on the next line)', headOnly: true },
    { pattern: /^ENGLISH$/, reason: 'masthead: language of this version', headOnly: true },
    { pattern: /^Page \d{1,4}$/, reason: 'page furniture: page number of a running header', headOnly: false },
    { pattern: /^(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Trusteeship Council)$/, reason: 'masthead: name of the organ', headOnly: true },
    { pattern: /^English$/, reason: 'masthead: language of this version', headOnly: true },
    // The recycling note and its sign, also as extractions misread them ("Please rec cle", "♲" alone).
    { pattern: /^(?:♲\s?)?Please rec\s?y?\s?cle(?:\s?♲)?$|^♲$/, reason: 'page furniture: recycling note', headOnly: false },
    // The furniture of the web copies that hold most older texts (Wikisource, the UN's own sites).
    { pattern: /^(?:Jump to content|Jump to navigation(?: Jump to search)?|From Wikisource|Go to Top)$/, reason: 'web page furniture: navigation', headOnly: false },
    {
      pattern: /^(?:This work is excerpted from an official document of the United Nations\b.*|Pursuant to UN Administrative Instruction ST\/AI\/189\/Add\.9\/Rev\.2\b.*)$/,
      reason: 'web page furniture: licence notice',
      headOnly: false
    }
  ],
  mastheadMeta: [
    { pattern: /^Distr\.?\s?:\s?(\S.*)$/, field: 'distribution' },
    // Under a "Distr." line of its own, as the masthead of the 1990s sets it.
    { pattern: /^(GENERAL|LIMITED|RESTRICTED)$/, field: 'distribution' },
    { pattern: /^Original\s?:\s?(\S.*)$/i, field: 'originalLanguage' }
  ],
  // A participle or adjective with a small word after it: "Beijing Declaration" opens no clause.
  clauseOpening:
    /^(?:(?:Deeply|Gravely|Seriously|Strongly|Further|Also|Fully|Firmly|Greatly|Profoundly|Particularly|Bearing)\s)?(?:[A-Z][a-z]+ing|Aware|Mindful|Convinced|Concerned|Alarmed|Determined|Conscious|Guided|Encouraged|Seized|Cognizant|Desirous|Disturbed|Appalled|Dismayed|Satisfied|Pleased|Gratified)\s(?:[a-z]|\()/,
  runsOn: (line, next) => {
    const g = en.grammar
    // A line the grammar reads whole (a title with its number, a meeting, a date) ends there.
    if ([g.scResolutionTitle, g.meeting, g.dateLine, g.session, g.agendaItem].some((p) => p.test(line))) return false
    return (
      /^\p{Ll}/u.test(next) ||
      LIST_GOES_ON.test(`${line}\n${next}`) ||
      (LINKING_WORD_END.test(line) && !g.formula.some((f) => f.pattern.test(next))) ||
      LAST_WORD_CUT.test(`${line}\n${next}`) ||
      WORD_A_LINE.test(`${line}\n${next}`)
    )
  },
  blockNumber: /^(?:["“]?\d+(?:\/\d+)?\.(?=\s|["“]?[A-Z])|\d+\s?\((?:\d{4}|[IVXLC]+)\)\.(?=\s)|\((?:[a-z]{1,3}|[ivxlc]+)\)(?=\s)|[A-Z]\.(?=\s)|[IVXLC]+\.(?=\s))/,
  dates,
  numeral: englishNumeral,
  citationDate,
  vote,
  // Only numbered paragraphs run in after a clause's end ("…; 2. Decides"): an English sentence ends with a full stop.
  runInBreak: /(?<=[;:])[ \t]+(?=\d{1,3}\.\s+[A-Z])/g,
  footnoteMarks: { gluedAfter: ',;:)”’' },
  countWords: { after: /^(?:st|nd|rd|th|\s?(?:%|per cent|years?|votes?|members?|meetings?))\b/, before: /(?:\bNo\.|\b(?:paragraph|article|resolution|item|page)s?)\s?$/i },
  web: {
    site: [
      { pattern: /^From Wikisource$/, reason: 'web page: name of the site (Wikisource)' },
      // The record a UN document library (UNISPAL) sets under the text: its symbol is the document's.
      { pattern: /^Document symbol:\s?\S+$/, reason: "web page: the library record's document symbol" }
    ],
    page: [
      { pattern: /^(?:Jump to content|Jump to navigation(?: Jump to search)?|Go to Top|←.*|.*→)$/, reason: 'web page: navigation' },
      { pattern: /^(?:Document Type|Document Sources|Subject|Publication Date):\s?\S.*$/, reason: "web page: the library record's fields" }
    ],
    pageTitle: /^United Nations (?:General Assembly|Security Council) Resolution \d+$/,
    pageSymbols,
    licence: /^(?:This work is excerpted from an official document of the United Nations|Pursuant to UN Administrative Instruction ST\/AI\/189)/
  },
  citations: {
    date: DATE,
    dateLink: '\\sof\\s',
    number: RESOLUTION_NUMBER,
    // No ordinal word: each number stands alone, joined into a list by separators.
    numbered: RESOLUTION_NUMBER,
    resolutionWord: 'resolutions?\\s',
    decisionWord: 'decisions?\\s',
    wordPosition: 'before',
    // A council, board or commission other than the Security Council, whose numbers are never the Assembly's form.
    otherBody: "(?<!Security\\s)\\b[A-Z][\\p{L}'-]*\\s(?:Council|Board|Commission|Committee|Conference)",
    separator: ',\\sand\\s|,\\s|\\sand\\s',
    range: RANGE,
    meeting: '(\\d+)(?:st|nd|rd|th)\\s(?:plenary\\s)?meeting',
    // The organ is named after the number ("the sixty-seventh session of the General Assembly"):
    // a look-ahead captures it first, as the grammar reads the organ from group 1.
    session: `the\\s(?=${SESSION}\\sof\\sthe\\s${ORGAN})(${ORDINAL_WORD})\\s(?:special\\s|emergency\\sspecial\\s)?session\\sof\\sthe\\s(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)`,
    organs: { 'General Assembly': 'GA', 'Security Council': 'SC', 'Economic and Social Council': 'ECOSOC', 'Human Rights Council': 'HRC' },
    agendaItem: '(?:provisional\\s)?agenda\\sitem\\s(\\d+(?:\\s?\\([a-z]{1,2}\\))?)',
    paragraph: `(?:paragraphs?\\s)(\\d{1,3})(?:\\s?\\(([a-z])\\))?(?:(?:${RANGE})\\d{1,3})?(?:\\s(?:above|below))?`,
    annex: 'annex(?:ed)?\\sto\\sthe\\spresent\\s(?:resolution|decision)',
    instrument: `((?:[A-Z][\\p{L}'-]*\\s){0,6}${INSTRUMENT_WORD}(?:(?:\\s(?:of|on|for|against|to|the|in|relating|concerning|and(?!\\sthe\\s))){0,3}\\s[A-Z][\\p{L}'-]*){0,12})`,
    adoptedBy: '(?:,\\s)?(?:by\\swhich\\sit\\sadopted|adopting|which\\sadopted)\\s(?:the\\s)?$'
  },
  rules: {},
  clauseMarks: { final: '.;:,!?…', closers: '”’)]"\'', introducing: ':' },
  punctuation: {
    pairs: [
      ['(', ')'],
      ['“', '”'],
      ['[', ']']
    ],
    continuedQuotes: ['“', '"'],
    clauseEndings: { preambular: [','], operative: [';'], last: ['.'], introducing: [':'] },
    sentenceEnds: ['.', ';', '!', '?'],
    fullwidth: {}
  },
  typesetting: {
    // UN English documents are set in Times New Roman, 10 on 12 pt: Tinos has its metrics. A Han name
    // in an English text falls back to the Chinese faces.
    fonts: { body: TINOS, heading: TINOS_BOLD, emphasis: TINOS_ITALIC, fallback: [NOTO_SERIF_SC, NOTO_SANS_HANS_LIGHT], bodySize: 10, leading: 1.2 },
    // The UN's English headings stand flush left, their numbers hanging: a resolution's title in 13 pt bold, the masthead's
    // session and agenda lines and the smallest headings bold at the body size, all single-spaced as
    // the running text. The lines over a title (the UN's "Resolution adopted by the General Assembly
    // on …", which it sets large, but also a web page's dateline or an adoption note's second line:
    // the structure tells them apart only as subtitles) in roman, with the basis and adoption notes.
    headings: {
      session: { face: 'heading', size: 10, align: 'left' },
      agendaItem: { face: 'heading', size: 10, align: 'left' },
      agendaTitle: { face: 'heading', size: 10, align: 'left' },
      title: { face: 'heading', size: 13, align: 'left', hangingNumber: true },
      subtitle: { face: 'body', size: 10, align: 'left' },
      adoptionNote: { face: 'body', size: 10, align: 'left' },
      basis: { face: 'body', size: 10, align: 'left' },
      annexHeading: { face: 'heading', size: 12, align: 'left', hangingNumber: true },
      chapter: { face: 'heading', size: 12, align: 'left', hangingNumber: true },
      section: { face: 'heading', size: 10, align: 'left', hangingNumber: true }
    },
    // Footnotes 8 on 9 pt.
    notes: { size: 8, leading: 9 / 8 },
    openingWords: {
      // "The General Assembly," in italics, its comma in roman.
      formula: /^["“]?(.+?)[,:]?$/d,
      // "Recalling also", "Having considered", "Noting with appreciation", "Bearing in mind", "Deeply concerned".
      preambular: new RegExp(
        `^["“]?((?:${INTENSIFIER}\\s[a-z]+(?:ing|ed)|Having(?:\\s(?:also|further))?\\s[a-z]+|(?!United\\b)[A-Z][a-z]+(?:ing|ed)|Aware|Mindful|Conscious|Cognizant|Desirous)${VERB_TAIL})(?=[\\s,:;]|$)`,
        'd'
      ),
      // "Decides", "Also welcomes", "Takes note with satisfaction", "Calls upon", "Expresses its appreciation".
      operative: new RegExp(`^["“]?((?:${INTENSIFIER}\\s[a-z]+s|(?!(?:Its|This|Thus|Unless|Whereas)\\b)[A-Z][a-z]+s)${VERB_TAIL})(?=[\\s,:;]|$)`, 'd')
    },
    // Titles of instruments in italics, as the issue of English print asks (and as a title quote sets them apart in Chinese).
    emphasizedCitations: ['instrument'],
    // Justified by the word spaces alone (a third of a space given up, a sixth of an em taken, more
    // only at a cost); no gaps beside Han, no space between letters.
    justification: { space: { shrink: 1 / 3, stretch: 1 / 6 } },
    hyphenate: hyphenateEnglish,
    widePunctuation: '',
    noLineStart: ',.;:!?)]}’”',
    noLineEnd: '([{‘“',
    unbreakablePairs: '',
    blankAfter: '',
    blankBefore: '',
    date: (iso) => {
      const [y, m, d] = iso.split('-')
      return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`
    },
    session: (n) => `${ordinalWords(n)[0]!.toUpperCase()}${ordinalWords(n).slice(1)} session`,
    agendaItem: (number) => `Agenda item ${number}`,
    organization: 'United Nations',
    organs: { GA: 'General Assembly', SC: 'Security Council', ECOSOC: 'Economic and Social Council', HRC: 'Human Rights Council' },
    distribution: 'Distr.: ',
    recycle: 'Please recycle',
    contents: 'Contents',
    // An em space: Tinos has no ideographic space.
    contentsSpace: '\u2003',
    citedIndex: 'Index of resolutions cited'
  },
  grammar: {
    titleLength: 240,
    // In capitals under the masthead of the 1990s: "STATEMENT BY THE PRESIDENT OF THE SECURITY COUNCIL".
    presidentialStatement: {
      title: /^Statement by the President of the Security Council$/i,
      opening: /^.{0,200}?the President of the Security Council made the following statement on behalf of the Council[:：]/
    },
    // In capitals in the masthead of the 1990s: "RESOLUTION ADOPTED BY THE GENERAL ASSEMBLY".
    resolutionHeader: /^Resolution adopted by the (?:General Assembly|Security Council|Economic and Social Council)(?: on \d{1,2} [A-Z][a-z]+ \d{4})?$/i,
    basis: /^\[((?:on the report of|without reference to)[^\]]+)\]$/,
    partHeading: /^([A-Z])\.?$/,
    preambularEnd: /,$/,
    voteLine: /^Adopted (?:unanimously|without (?:a )?vote|by consensus|by [\w-]+ votes? to [\w-]+\b.*)\.?$/i,
    formula: [
      { pattern: /^["“]?The General Assembly,?$/, organ: 'GA', kind: 'ga-resolution' },
      { pattern: /^["“]?The Security Council,?$/, organ: 'SC', kind: 'sc-resolution' },
      { pattern: /^["“]?The Economic and Social Council,?$/, organ: 'ECOSOC', kind: 'ga-resolution' },
      { pattern: /^["“]?The Human Rights Council,?$/, organ: 'HRC', kind: 'ga-resolution' }
    ],
    resolutionTitle: /^(\d+\/\d+|\d+\s?\((?:[IVXLC]+|\d{4})\))\.\s+(.+)$/,
    // "Resolution 1513 (2003)", a web page's "Security Council resolution 1263 (1999) on the situation concerning Western Sahara",
    // a compilation's "Resolution 87 (1950) of 29 September 1950".
    scResolutionTitle: /^(?:United Nations )?(?:Security Council )?[Rr]esolution (\d+)\s?\((\d{4})\)(?:,? (?:of|on|adopted|concerning) .*)?$/,
    statementTitle: /^Statement by the President of the (?:Security Council|General Assembly)$/i,
    reportTitle: /^(?:Report|Note) (?:of|by) the .{3,120}$/,
    meetingInNote: /(\d+)(?:st|nd|rd|th) (?:plenary )?meeting/,
    session: /^([A-Z][a-z]+(?:-[a-z]+)?) (?:special |emergency special )?session$/,
    agendaItem: /^(?:Provisional )?[Aa]genda items? (\d+(?:\s?\([a-z]{1,2}\))?(?:(?:,| and| to) \d+(?:\s?\([a-z]{1,2}\))?)*)$/,
    letterTitle: /^(?:Identical )?[Ll]etters? dated .{5,200} (?:addressed )?to the .{3,120}$/,
    noteVerbaleTitle: /^Note verbale dated .{5,200}$/,
    annexHeading: /^(?:Annex(?: [IVX]+| \d+)?|Annex(?: [IVX]+)? to the .{4,200})$/,
    adoptionNote: /^Adopted (?:unanimously |without a vote )?by the [A-Z].{3,240}?\.?$/,
    signedMark: /\(Signed\)/,
    meeting: /^(?:Adopted (?:unanimously |without (?:a )?vote )?at the )?(\d+)(?:st|nd|rd|th) (?:plenary )?meeting\b.*$/,
    placeAndDate: new RegExp(`^(?:Done at )?([A-Z][\\p{L} -]{1,40}), (?:on )?(\\d{1,2} ${MONTH} \\d{4})\\.?$`, 'u'),
    dateLine: new RegExp(`^\\d{1,2} ${MONTH} \\d{4}$`),
    preambleEnd: /(?:as follows|the following):$/,
    chapterHeading: /^([IVXLC]+)\.\s(.+)$/,
    sectionHeading: /^([A-Z])\.\s(.+)$/,
    paragraphNumber: [
      { pattern: /^["“]?(\d{1,3})\.(?:\s+|(?=["“]?[A-Z]))/, level: 1 },
      { pattern: /^\(([a-z]{1,2})\)\s?/, level: 2 },
      { pattern: /^\(([ivxlc]{1,6})\)\s?/, level: 3 }
    ]
  }
}

/** "sixty-seventh" for 67, as the UN writes session numbers (below a thousand). */
function ordinalWords(n: number): string {
  const irregular: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 5: 'fifth', 8: 'eighth', 9: 'ninth', 12: 'twelfth' }
  const cardinal = (k: number): string => (k < 20 ? UNITS[k]! : `${TENS[Math.floor(k / 10)]}${k % 10 ? `-${UNITS[k % 10]}` : ''}`)
  const ordinal = (k: number): string => {
    if (irregular[k]) return irregular[k]
    if (k < 20) return `${UNITS[k]}th`
    if (k % 10 === 0) return `${TENS[k / 10]!.replace(/y$/, 'ie')}th`
    return `${TENS[Math.floor(k / 10)]}-${ordinal(k % 10)}`
  }
  if (n < 100) return ordinal(n)
  const rest = n % 100
  const hundreds = `${cardinal(Math.floor(n / 100))} hundred`
  return rest ? `${hundreds} and ${ordinal(rest)}` : `${hundreds}th`
}
