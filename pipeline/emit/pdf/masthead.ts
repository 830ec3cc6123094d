import type { Typesetting } from '../../lang/profile.js'
import { isGeneralDistribution, printedSymbol } from '../../model/un-symbol.js'
import type { Metadata } from '../../types/document.js'
import { MARGIN, PAGE, TEXT_WIDTH, type Page } from './layout.js'
import { code39 } from './barcode.js'
import { atomize, unbroken, type Line, type SettingReport, type Style } from './linebreak.js'

/** One line of text, unbroken, aligned in a box of `width`. */
export function singleLine(text: string, style: Style, align: 'left' | 'center' | 'right', width: number, rules: Typesetting, report: SettingReport): Line {
  return unbroken(atomize([{ text, style }], rules, report.missing), width, align, rules)
}

/** The barcode under the job number: its narrow bar's width and its height, in points. */
const BARCODE = { module: 0.6, height: 14 } as const

/**
 * The foot of a document's first page, as the UN prints it: the recycling note on the right; on
 * the left the job number, under it the job number's digits as a Code 39 barcode, and under that
 * the text the barcode carries (its digits between the asterisks that start and stop a Code 39
 * symbol). A text whose source gives no job number (a letter taken from the web) has the note only.
 */
export function firstPageFoot(page: Page, meta: Metadata, rules: Typesetting, report: SettingReport): void {
  const put = (text: string, size: number, y: number, align: 'left' | 'right' = 'left') => {
    const line = singleLine(text, { face: 'heading', size }, align, TEXT_WIDTH, rules, report)
    page.furniture.push({ line, x: MARGIN.left + line.x, y })
  }
  put(rules.recycle, 8, PAGE.height - 62, 'right')
  if (!meta.jobNumber) return
  const digits = meta.jobNumber.replace(/\D/g, '')
  put(meta.jobNumber, 8, PAGE.height - 62)
  const top = PAGE.height - 57
  const boxes = (page.boxes ??= [])
  for (const bar of code39(digits, BARCODE.module)) boxes.push({ x: MARGIN.left + bar.x, y: top, width: bar.width, height: BARCODE.height })
  put(`*${digits}*`, 7, top + BARCODE.height + 8)
}

/**
 * The masthead of a document's first page, as the UN prints it: the Organization's name and the
 * symbol on the top line, a heavy rule, the organ's name large with the distribution and the date
 * beside it, a light rule. Returns where the text starts below it.
 */
export function masthead(page: Page, meta: Metadata, rules: Typesetting, report: SettingReport): number {
  const put = (text: string, style: Style, align: 'left' | 'right', y: number, x = MARGIN.left, width = TEXT_WIDTH) => {
    const line = singleLine(text, style, align, width, rules, report)
    page.furniture.push({ line, x: x + line.x, y })
  }
  put(rules.organization, { face: 'heading', size: 12 }, 'left', 56)
  if (meta.symbol) put(printedSymbol(meta.symbol), { face: 'heading', size: 16 }, 'right', 56)
  page.rules.push({ y: 64, width: 1.5 })
  const organ = meta.organ && meta.organ !== 'other' ? rules.organs[meta.organ] : undefined
  if (organ) put(organ, { face: 'heading', size: 20 }, 'left', 94)
  const column = MARGIN.right - 130
  const small: Style = { face: 'body', size: 9.5 }
  const distribution = meta.distribution ?? (meta.symbol && isGeneralDistribution(meta.symbol) ? 'General' : undefined)
  if (distribution) put(rules.distribution + distribution, small, 'left', 82, column, 130)
  if (meta.date) put(rules.date(meta.date), small, 'left', 96, column, 130)
  page.rules.push({ y: 106, width: 0.5 })
  let y = 128
  if (meta.session && !meta.session.text) {
    // The session is in the text when the masthead printed it; otherwise it is only in the metadata.
    put(rules.session(meta.session.number), { face: 'heading', size: 10.5 }, 'left', y)
    y += 20
  }
  return y - 10
}
