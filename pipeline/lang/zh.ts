import { hyphenateEnglish } from './latin-hyphenation.js'
import { NOTO_SANS_HANS_LIGHT, NOTO_SANS_SC_BOLD, NOTO_SERIF_SC } from './fonts.js'
import type { Vote } from '../types/document.js'
import { eitherScript, inEitherScript, keyedInEitherScript, simplified } from './han-script.js'
import { carried, isoDay, isValidDay, type CalendarDay } from '../core/calendar-day.js'
import { romanNumeral } from '../core/roman.js'
import type { CitedDate, DateMatch, LanguageProfile } from './profile.js'

// The formal (financial) numerals 壹, 贰… number the paragraphs of some early resolutions. Numerals
// are read in Simplified: the Traditional 兩, 貳, 陸 read back as 两, 贰, 陆, and 參 as 参.
const DIGIT: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  '0': 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  参: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9
}
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 拾: 10, 佰: 100, 仟: 1000 }
/** Twenty and thirty in one character, as days are often written ("廿一日"). */
const TENS: Record<string, string> = { 廿: '二十', 卅: '三十' }
/**
 * A digit as a year is written, one character a digit: "一九四六", "二〇〇〇" (also with ○ or 零
 * for the zero, or an ASCII 0 typed among the Chinese digits, as older web copies have it: "二0二五").
 */
const DIGIT_CHAR = '[〇○零0一二三四五六七八九]'
const NUMERAL = '[〇○零0一二三四五六七八九十百千两廿卅]'
const ANY_NUMERAL = new RegExp(eitherScript(`^[${Object.keys(DIGIT).join('')}${Object.keys(UNIT).join('')}${Object.keys(TENS).join('')}]+$`))
/** A count in a vote or a meeting number: digits or Chinese numerals. */
const COUNT = `(?:\\d+|${NUMERAL}+)`

/** Chinese numerals: positional ("二〇一三") or with units ("六十五", "一百二十二", "廿一"); ASCII digits pass through. */
export function chineseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  if (!ANY_NUMERAL.test(text)) return null
  const s = simplified(text).replace(/[廿卅]/g, (c) => TENS[c]!)
  if (![...s].some((c) => c in UNIT)) {
    return Number([...s].map((c) => DIGIT[c]).join(''))
  }
  let total = 0
  let digit = 0
  for (const c of s) {
    if (c in DIGIT) digit = DIGIT[c]!
    else {
      total += (digit || 1) * UNIT[c]!
      digit = 0
    }
  }
  return total + digit
}

const DIGITS = '〇一二三四五六七八九'

/** A number written with Chinese numerals and units, as sessions are numbered ("六十七", "一百零二"); below 10000. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  const units = ['千', '百', '十', '']
  const digits = String(n).padStart(4, '0')
  let out = ''
  let zero = false
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i])
    if (d === 0) {
      zero = out !== ''
      continue
    }
    if (zero) out += '零'
    zero = false
    out += DIGITS[d]! + units[i]!
  }
  return out
}

const YEAR = `(?:\\d{4}|${DIGIT_CHAR}{4})`
/**
 * A month or a day: one or two digits, or one to three numerals ("12", "十二", "二十五"). Written
 * as a run whose length a lookahead bounds rather than as \\d{1,2} and {1,3}: V8 unrolls bounded
 * repeats into choices, and at the half-dozen places a cited date has one they took a tenth of
 * the time of a one-document build to compile (6 ms for the cited date alone, 0.6 ms so). It
 * matches what the bounded repeats matched wherever the run is followed by what neither class
 * holds: 年, 月, 日 or a space, as everywhere here (a test holds the two forms to the same matches).
 */
export const MONTH_OR_DAY = `(?:(?!\\d{3})\\d+|(?!${NUMERAL}{4})${NUMERAL}+)`
const DATE = new RegExp(eitherScript(`(${YEAR})\\s?年\\s?(${MONTH_OR_DAY})\\s?月\\s?(${MONTH_OR_DAY})\\s?日`), 'g')

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function dates(text: string): DateMatch[] {
  const out: DateMatch[] = []
  for (const m of text.matchAll(DATE)) {
    const iso = isoDate(chineseNumeral(m[1]!) ?? 0, chineseNumeral(m[2]!) ?? 0, chineseNumeral(m[3]!) ?? 0)
    if (iso) out.push({ iso, index: m.index, length: m[0].length })
  }
  return out
}

/** The words joining the dates of a list or a range: "2000年9月6日至8日", "四月十二日和十三日". */
const DATE_TAIL_WORD = '[至和、及与]'
/** One further date of a list or range, its year and month carried over unless it has its own. */
const DATE_TAIL = `${DATE_TAIL_WORD}(?:${YEAR}年)?(?:${MONTH_OR_DAY}月)?${MONTH_OR_DAY}日`
/**
 * A date of a citation: a day, a month, or days of a list or range ("2005年12月7日和8日",
 * "2000年9月6日至8日", "2012年6月"); or a date that leaves its year to the date before it in a
 * list ("十月二十五日"), which `citationDate` reads only with that date.
 */
const CITED_DATE = `(?:${YEAR}年${MONTH_OR_DAY}月(?:${MONTH_OR_DAY}日(?:${DATE_TAIL})*)?|${MONTH_OR_DAY}月${MONTH_OR_DAY}日(?:${DATE_TAIL})*)`
/** A cited date's parts: year (absent when carried over), month, day (absent for a month), the tail of further dates. */
const CITED_DATE_PARTS = new RegExp(eitherScript(`^(?:(${YEAR})年)?(${MONTH_OR_DAY})月(?:(${MONTH_OR_DAY})日((?:${DATE_TAIL})*))?$`), 'u')
/** One further date of a tail: the word (a range or a list), its own year and month if it has them, the day. */
const FURTHER_DATE = new RegExp(eitherScript(`(${DATE_TAIL_WORD})(?:(${YEAR})年)?(?:(${MONTH_OR_DAY})月)?(${MONTH_OR_DAY})日`), 'gu')
/** The patterns of dates the profile keeps to itself (a test holds them, with the profile's own, to the matches of MONTH_OR_DAY's bounded form). */
export const DATE_PATTERNS: readonly RegExp[] = [DATE, CITED_DATE_PARTS, FURTHER_DATE]
/** The word of a tail that makes it a range rather than a list. */
const RANGE_WORD = '至'

/**
 * "2005年12月7日和8日" → "2005-12-07,2005-12-08"; "2000年9月6日至8日" → "2000-09-06/2000-09-08";
 * "2012年6月" → "2012-06"; "十月二十五日" after 1973年10月22日 → "1973-10-25".
 */
function citationDate(text: string, before?: CalendarDay): CitedDate | null {
  const [, y, m, d, tail] = CITED_DATE_PARTS.exec(text) ?? []
  const num = (s: string | undefined) => (s === undefined ? undefined : (chineseNumeral(s) ?? 0))
  if (m === undefined || (y === undefined && !before)) return null
  if (d === undefined) {
    const month = num(m)!
    return y !== undefined && month >= 1 && month <= 12 ? { iso: `${String(num(y)).padStart(4, '0')}-${String(month).padStart(2, '0')}` } : null
  }
  const first = y === undefined ? carried(before!, undefined, num(m), num(d)!) : { year: num(y)!, month: num(m)!, day: num(d)! }
  const days = [first]
  const further = tail ? [...tail.matchAll(FURTHER_DATE)] : []
  for (const f of further) days.push(carried(days[days.length - 1]!, num(f[2]), num(f[3]), num(f[4])!))
  const isos = days.map(isoDay)
  const range = further.length === 1 && further[0]![1] === RANGE_WORD
  const iso = range ? `${isos[0]}/${isos[1]}` : isos.join(',')
  // A day not in the calendar ("2月30日") is still the date the text gives, for date-valid to
  // report; no date after it borrows its year or month.
  return days.every(isValidDay) ? { iso, last: days[days.length - 1]! } : { iso }
}
/**
 * The number of a resolution or decision: "37/4", "242(1967)", "3369(XXX)", "50/28 B" (a part of
 * it), and before 1976 also in Chinese numerals, the session too: "三九六(五)", "三十二(一)".
 */
const RESOLUTION_NUMBER = `(?:\\d+/\\d+(?:\\s?[A-H](?![A-Za-z]))?|(?:\\d+|${NUMERAL}+)\\s?[(（]\\s?(?:\\d{4}|[IVXLC]+|${NUMERAL}+)\\s?[)）])`

const VOTE_WORDS = inEitherScript({
  unanimous: /一致通过/,
  // "未举行表决" (no vote was taken) is how the Council's early records note it, under the adoption line.
  withoutVote: /未经表决|不经表决|未举行表决|(?:以|经)协商一致/,
  // "以十三票对零票", "以十票对零", "以14票赞成、0票反对"
  forAgainst: new RegExp(`以(${COUNT})票(?:赞成)?\\s?[，,、]?\\s?(?:对|(?=${COUNT}票反对))(${COUNT})票?`),
  abstentions: new RegExp(`(${COUNT})票弃权|弃权者(${COUNT})`)
})

/** The vote of an adoption line; abstentions are 0 when the line names none. */
function vote(text: string): Vote | null {
  const counts = VOTE_WORDS.forAgainst.exec(text)
  if (counts) {
    const abstained = VOTE_WORDS.abstentions.exec(text.slice(counts.index + counts[0].length))
    const abstentions = abstained ? chineseNumeral(abstained[1] ?? abstained[2]!) : 0
    const [yes, no] = [chineseNumeral(counts[1]!), chineseNumeral(counts[2]!)]
    if (yes !== null && no !== null && abstentions !== null) return { for: yes, against: no, abstentions }
  }
  if (VOTE_WORDS.unanimous.test(text)) return 'unanimous'
  if (VOTE_WORDS.withoutVote.test(text)) return 'without-vote'
  return null
}

/** A resolution's number as a page names it: "1263", "二十一", "67/264". */
const PAGE_NUMBER = `(\\d+(?:/\\d+)?|${NUMERAL}+)`
/** Its year (Security Council) or session (General Assembly before 1976) in brackets: "(1999)", "(一)", "（二十一）". */
const PAGE_BRACKET = `(?:\\s?[(（]\\s?(\\d{4}|${NUMERAL}+|[IVXLC]+)\\s?[)）])?`
/**
 * A document a web page names in its title or navigation: "联合国安理会第1263(1999)号决议",
 * "聯合國安理會決議案六", "联合国大会第三十二(一)号决议", "聯合國大會決議案二十一(一)",
 * "联合国安理会主席声明1998年第1号".
 */
const PAGE_SYMBOL = new RegExp(
  eitherScript(`(大会|安理会|安全理事会)(?:第?${PAGE_NUMBER}${PAGE_BRACKET}号决议|决议案${PAGE_NUMBER}${PAGE_BRACKET})|(?:安理会|安全理事会)主席声明(\\d{4})年第(\\d+)号`),
  'g'
)

/**
 * The symbols of the documents a page's title or navigation names. A General Assembly resolution
 * numbered without a session before 1976 ("大会2159号决议") has no symbol the name can tell; a
 * Security Council resolution without its year is "S/RES/1263", for the navigation to complete.
 */
function pageSymbols(line: string): string[] {
  const out: string[] = []
  for (const m of line.matchAll(PAGE_SYMBOL)) {
    if (m[6] !== undefined) {
      out.push(`S/PRST/${m[6]}/${Number(m[7])}`)
      continue
    }
    const number = m[2] ?? m[4]!
    const bracket = m[3] ?? m[5]
    const value = number.includes('/') ? number : chineseNumeral(number)
    if (value === null || value === 0) continue
    if (simplified(m[1]!) !== '大会') {
      const year = bracket === undefined ? null : chineseNumeral(bracket)
      if (typeof value === 'string') continue
      if (year === null) out.push(`S/RES/${value}`)
      else if (year >= 1946) out.push(`S/RES/${value}(${year})`)
    } else if (typeof value === 'string') {
      if (bracket === undefined) out.push(`A/RES/${value}`)
    } else if (bracket !== undefined) {
      const session = /^[IVXLC]+$/.test(bracket) ? bracket : chineseNumeral(bracket)
      if (typeof session === 'string') out.push(`A/RES/${value}(${session})`)
      else if (session !== null && session > 0 && session < 31) out.push(`A/RES/${value}(${romanNumeral(session)})`)
    }
  }
  return out
}

/** A full date as a line or masthead states it, in Simplified: the tables that use it read both scripts. */
const DATE_TEXT = `${YEAR}\\s?年\\s?${MONTH_OR_DAY}\\s?月\\s?${MONTH_OR_DAY}\\s?日`

/** The verbs that enact a resolution's operative part, as an early text runs them into its formula. */
const ENACTING_VERB = '(?:建议|决定|决议|议决|训令|授权|请|核准|通过|宣布|认为|邀请|促请|指示|任命|选举|要求)'

/** Simplified Chinese, as the UN's Chinese editions write it. */
export const zh: LanguageProfile = {
  tag: 'zh-Hans',
  furniture: inEitherScript([
    { pattern: /^联合国$/, reason: 'masthead: name of the Organization', headOnly: true },
    { pattern: /^(?:大会|安全理事会|经济及社会理事会|人权理事会|托管理事会)$/, reason: 'masthead: name of the organ', headOnly: true },
    { pattern: /^(?:中文|Chinese)$/, reason: 'masthead: language of this version', headOnly: true },
    { pattern: new RegExp(`^${DATE_TEXT}$`), reason: 'masthead: date of issue', headOnly: true },
    { pattern: /^请回收$/, reason: 'page furniture: recycling note', headOnly: false }
  ]),
  mastheadMeta: [
    { pattern: /^Distr\.?\s?[:：]\s?(\S.*)$/, field: 'distribution' },
    { pattern: /^(?:Original|原文)\s?[:：]\s?(\S.*)$/, field: 'originalLanguage' }
  ],
  // After a clause's end (and a footnote number glued to it, before the next paragraph's number:
  // "报告;23 3. 请"), around a bracketed line, before a title's number ("54/254.", "二七五八 (二十六).")
  // or a formula.
  runInBreak: inEitherScript(
    new RegExp(
      `(?<=[，,；;。：:\\]】〕])[ \\t\\u3000]+(?=\\S)|(?<=[，,；;。：:]\\d{1,3})[ \\t\\u3000]+(?=\\d{1,3}[.．](?!\\d))|(?<![ \\t\\u3000])[ \\t\\u3000]+(?=[[【〔]|\\d+\\/\\d+[.．]|${NUMERAL}+\\s?[(（]${NUMERAL}+[)）]\\s?[.．]|(?:大会|安全理事会)[，,][ \\t\\u3000])`,
      'g'
    )
  ),
  blockNumber:
    /^(?:[〔【［]|\[(?!\^)|\d+(?:\/\d+)?\.(?=[\s\u3000])|\d{1,3}[.．](?=[^\d\s])|(?:[一二三四五六七八九十]+|[壹贰貳叁參肆伍陆陸柒捌玖拾]+)[.．、]|[(（][甲乙丙丁戊己庚辛壬癸][)）]|\d+\s?\((?:\d{4}|[IVXLC]+)\)\.(?=[\s\u3000])|[(（](?:[a-z]{1,3}|[ivxlc]+)[)）](?=[\s\u3000])|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|[A-Z]\.(?=[\s\u3000])|[IVXLC]+\.(?=[\s\u3000]))/,
  dates,
  numeral: chineseNumeral,
  citationDate,
  vote,
  footnoteMarks: { gluedAfter: '，。；：、,;:）)”’」』》', noteWord: '注' },
  countWords: inEitherScript({ after: /^(?:[年月日号次届段条款项个名票人岁时点%％]|\s?[/.．]\d)/, before: /第\s?$/ }),
  web: inEitherScript({
    site: [
      { pattern: /^维基文库[，,]\s?自由的图书馆$/, reason: 'web page: name of the site (Wikisource)' },
      { pattern: /中华文库$/, reason: 'web page: title of the page and name of the site' },
      { pattern: /^中国新闻社主办/, reason: 'web page: name of the site' }
    ],
    page: [
      { pattern: /^(?:跳转到内容|外观|原始文件参见此处)$/, reason: 'web page: navigation' },
      { pattern: /^(?:←|→)/, reason: 'web page: navigation' },
      { pattern: /^[(（]重定向自[^()（）]*[)）]$/, reason: 'web page: redirection note' },
      { pattern: /(?:发布|制定)机关[:：]|^又名[:：]/, reason: 'web page: information box of the page' },
      { pattern: /^本作品收录于/, reason: 'web page: collection the page belongs to' },
      { pattern: /^\.?本网站/, reason: 'web page: notice of the site' }
    ],
    pageTitle: /^联合国(?:大会|安理会)[^，。；：,;:]*(?:决议|声明|决定)[^，。；：,;:]*$/,
    licence: /^本作品来自联合国官方文件/,
    pageSymbols
  }),
  citations: {
    date: eitherScript(CITED_DATE),
    number: eitherScript(RESOLUTION_NUMBER),
    numbered: eitherScript(`第\\s?${RESOLUTION_NUMBER}(?:\\s?(?:、|，|,|以及|和|及|与|至)\\s?第?\\s?${RESOLUTION_NUMBER})*\\s?号`),
    resolutionWordFirst: eitherScript(`决议案\\s?(${RESOLUTION_NUMBER})`),
    resolutionWord: eitherScript('决议案?'),
    decisionWord: eitherScript('决定'),
    wordPosition: 'after',
    otherBody: eitherScript('人权理事会|经济及社会理事会|经社理事会|人权委员会'),
    separator: eitherScript('、|，|,|以及|和|及|与'),
    range: eitherScript('至'),
    meeting: eitherScript('第(\\d+)次(?:全体)?会议'),
    session: eitherScript(`(大会|安全理事会|经济及社会理事会|人权理事会)第(${NUMERAL}+|\\d+)届(?:特别|紧急特别)?会议`),
    organs: keyedInEitherScript({ 大会: 'GA', 安全理事会: 'SC', 经济及社会理事会: 'ECOSOC', 人权理事会: 'HRC' } as const),
    agendaItem: eitherScript('(?:临时)?议程项目\\s?(\\d+(?:\\s?\\([a-z]{1,2}\\))?)'),
    paragraph: eitherScript('(?:上文|下文)?第(\\d{1,3})(?:段(?:\\(([a-z])\\)分段)?(?:至第\\d{1,3}段)?|至第?\\d{1,3}段)'),
    annex: eitherScript('见附件'),
    instrument: '《([^《》\\n]{1,120})》',
    adoptedBy: eitherScript('(?:通过|所载)的?$')
  },
  // The space beside a Han character is the typesetter's to set, never the text's.
  rules: { 'han-spacing': true },
  // Chinese texts end clauses with full-width marks, and with Latin ones where a source mixes them.
  clauseMarks: { final: '。；：，！？.;:,!?…', closers: '”’」』）)》〉】]"\'»', introducing: '：:' },
  punctuation: {
    pairs: [
      ['《', '》'],
      ['（', '）'],
      ['“', '”'],
      ['‘', '’'],
      ['「', '」'],
      ['『', '』'],
      ['【', '】']
    ],
    continuedQuotes: ['“', '‘', '「', '『'],
    clauseEndings: { preambular: ['，'], operative: ['；'], last: ['。'], introducing: ['：'] },
    sentenceEnds: ['。', '；', '！', '？'],
    fullwidth: { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' }
  },
  typesetting: {
    // Running text in a Song face, headings and mastheads in a Hei face, as the UN's Chinese editions
    // set them; Latin letters and digits in the same faces, designed with the Han ones.
    fonts: { body: NOTO_SERIF_SC, heading: NOTO_SANS_SC_BOLD, fallback: [NOTO_SANS_HANS_LIGHT], bodySize: 11.5, leading: 1.75 },
    // Titles and mastheads' lines in the Hei face, centred; the adoption and basis lines in the Song face.
    headings: {
      session: { face: 'heading', size: 10.5, align: 'left', leading: 1.5 },
      agendaItem: { face: 'heading', size: 10.5, align: 'left', leading: 1.5 },
      agendaTitle: { face: 'heading', size: 10.5, align: 'left', leading: 1.5 },
      title: { face: 'heading', size: 14, align: 'center', leading: 1.6 },
      subtitle: { face: 'body', size: 10.5, align: 'center', leading: 1.5 },
      adoptionNote: { face: 'body', size: 10.5, align: 'center', leading: 1.5 },
      basis: { face: 'body', size: 10.5, align: 'center', leading: 1.5 },
      annexHeading: { face: 'heading', size: 12, align: 'center', leading: 1.6 },
      chapter: { face: 'heading', size: 12, align: 'left' },
      section: { face: 'heading', size: 11.5, align: 'left' }
    },
    notes: { size: 9, leading: 1.45 },
    // Chinese sets titles in title quotes (《》), not in another face.
    emphasizedCitations: [],
    // clreq 3.2, 3.8: a quarter em between Han and Latin, from an eighth to a half; a word space gives
    // up a third of itself or takes a quarter em more; then up to a tenth of an em between characters.
    justification: { space: { shrink: 1 / 3, stretch: 1 / 4 }, hanLatin: { natural: 1 / 4, shrink: 1 / 8, stretch: 1 / 4 }, tracking: 0.1 },
    widePunctuation: '—…“”‘’·',
    noLineStart: '，。、；：？！）》」』”’·〕】〉％),.;:!?]}',
    noLineEnd: '（《「『“‘〔【〈([{',
    unbreakablePairs: '—…',
    // Latin words in the UN's Chinese texts are English: names, titles, addresses.
    hyphenate: hyphenateEnglish,
    blankAfter: '，。、；：？！）》」』”’〕】〉',
    blankBefore: '（《「『“‘〔【〈',
    date: (iso) => {
      const [y, m, d] = iso.split('-')
      return `${y}年${Number(m)}月${Number(d)}日`
    },
    session: (n) => `第${chineseNumber(n)}届会议`,
    agendaItem: (number) => `议程项目${number}`,
    organization: '联合国',
    organs: { GA: '大会', SC: '安全理事会', ECOSOC: '经济及社会理事会', HRC: '人权理事会' },
    distribution: 'Distr.: ',
    recycle: '请回收',
    contents: '目录',
    contentsSpace: '\u3000',
    citedIndex: '所引决议索引'
  },
  grammar: inEitherScript({
    titleLength: 80,
    formula: [
      // The formula as the UN prints it ("大会，"), with an ASCII comma or colon, or the organ alone on
      // its line; in early texts after a preamble of its own ("因此，安全理事会，").
      { pattern: /^(?:因此[，,]\s?)?大会[，,：:]?$/, organ: 'GA', kind: 'ga-resolution' },
      { pattern: /^(?:因此[，,]\s?)?安全理事会[，,：:]?$/, organ: 'SC', kind: 'sc-resolution' },
      { pattern: /^(?:因此[，,]\s?)?经济及社会理事会[，,：:]?$/, organ: 'ECOSOC', kind: 'ga-resolution' },
      { pattern: /^(?:因此[，,]\s?)?人权理事会[，,：:]?$/, organ: 'HRC', kind: 'ga-resolution' }
    ],
    // The organ and its enacting verb on one line, with nothing between but a phrase ending in "兹" ("大会……兹决议") or
    // whom the verb addresses, as 1946 texts write it: "大会建议：", "因此大會訓令秘書長：", "大会授权秘书长，".
    fusedFormula: [
      { pattern: new RegExp(`^(?:因此[，,]?\\s?)?大会(?:[^，。；：,;:]{0,40}?兹)?${ENACTING_VERB}`), organ: 'GA', kind: 'ga-resolution' },
      { pattern: new RegExp(`^(?:因此[，,]?\\s?)?安全理事会(?:[^，。；：,;:]{0,40}?兹)?${ENACTING_VERB}`), organ: 'SC', kind: 'sc-resolution' }
    ],
    // "67/264. 标题", "54/254.标题", "3369 (XXX). 标题", and early ones in Chinese numerals:
    // "四(一九四六). 一九四六年四月二十九日决议案", "二一五九(二十一)、标题".
    resolutionTitle: new RegExp(`^(\\d+\\/\\d+|\\d+\\s?\\((?:[IVXLC]+|\\d{4})\\)|${NUMERAL}+\\s?\\(${NUMERAL}+\\))\\s?[.．、]\\s?(.+)$`),
    scResolutionTitle: /^第(\d+)\s?\((\d{4})\)号决议$/,
    statementTitle: /主席的?声明$/,
    presidentialStatement: {
      title: /^安全理事会主席的?声明$/,
      opening: /^.{0,200}?(?:安全理事会|安理会)主席.{0,160}?代表安(?:理会|全理事会)发表(?:如下声明|声明如下)[：:]/
    },
    resolutionHeader: new RegExp(`^(?:${DATE_TEXT})?(?:大会|安全理事会|经济及社会理事会|人权理事会)(?:通过的)?决议$`),
    basis: /^[[［〔【]((?=[^\]］〕】]*(?:通过|[A-Z]\/))[^\]］〕】]+)[\]］〕】]$/,
    partHeading: /^([A-Z])[.．]?$/,
    preambularEnd: /[，,](?:又|并|並)?$/,
    enactingOpening: /^兹/,
    reportTitle: /的(?:报告|说明)$/,
    meetingInNote: /第(\d+)次(?:全体)?会议/,
    session: new RegExp(`^第(${NUMERAL}+|\\d+)届(?:会议|常会)$`),
    agendaItem: /^(?:临时)?议程项目\s?(\d+(?:\s?\([a-z]{1,2}\))?(?:\s?[和及至、]\s?\d+(?:\s?\([a-z]{1,2}\))?)*)$/,
    letterTitle: /给.{1,40}的(?:信|函)$/,
    noteVerbaleTitle: /的普通照会$/,
    annexHeading: new RegExp(`^(?:附件(?:${NUMERAL}+|[IVX]+)?|.{4,}的附件(?:${NUMERAL}+|[IVX]+)?)$`),
    adoptionNote: /(?:会议|大会|理事会|委员会)(?:第.{1,10}[届次](?:会议)?)?(?:上)?通过$/,
    signedMark: /[(（]签名[)）]$/,
    // "第 82 次全体会议", "第1481次会议", "第一四八一次全体会议", "一九四六年二月十四日,第三十一次全会.",
    // "第一一七次會議一致通過。": the line may go on with the vote, and end with a stop.
    meeting: new RegExp(`^(?:${DATE_TEXT}\\s?[，,]?\\s?)?第\\s?(${COUNT})\\s?次(?:全体会议|会议|全会)(?:[^。]*通过[^。]*)?[。.，,]?$`),
    voteLine: /^(?:以.{1,60}|一致|未经表决|经协商一致|不经表决)通过[^。]{0,60}[。.]?$/,
    placeAndDate: new RegExp(`^(${DATE_TEXT})订?于(.{1,20})$`),
    dateLine: new RegExp(`^${DATE_TEXT}[，,。.]?$`),
    preambleEnd: /(?:如下|下列)[：:]$/,
    chapterHeading: /^([一二三四五六七八九十]+)、\s?(.+)$/,
    sectionHeading: /^([A-Z])\.\s(.+)$/,
    paragraphNumber: [
      // "1. 决定", "1.决定", "1．决定" (not "1.5").
      { pattern: /^(\d{1,3})[.．](?!\d)[\s\u3000]?/, level: 1 },
      // "一. 认为", "一、", "壹、" in early resolutions.
      { pattern: /^([一二三四五六七八九十]+|[壹贰叁肆伍陆柒捌玖拾]+)[.．、][\s\u3000]?/, level: 1 },
      { pattern: /^[(（]([a-z]{1,2})[)）][\s\u3000]?/, level: 2 },
      { pattern: /^[(（]([甲乙丙丁戊己庚辛壬癸])[)）][\s\u3000]?/, level: 2 },
      { pattern: /^[(（]([ivxlc]{1,6})[)）][\s\u3000]?/, level: 3 }
    ]
  })
}

/** Traditional Chinese (older UN editions, Wikisource): the same profile, whose words read both scripts. */
export const zhHant: LanguageProfile = { ...zh, tag: 'zh-Hant' }
