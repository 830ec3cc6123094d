import { describe, expect, it } from 'vitest'
import { buildSeed, SEEDS } from '../helpers.js'
import { at, buildText, findings, placeOf, resolution } from './helpers.js'

describe('date-valid', () => {
  it("passes real dates, a leap day, ranges and lists before the document's date", async () => {
    const doc = await buildText(resolution({ preamble: ['注意到2012年2月29日的会议和2012年5月1日至3日以及2012年4月3日和4日举行的会议，'] }))
    expect(findings(doc, 'date-valid')).toEqual([])
  })

  it("reports a day the month does not have, a month that does not exist, and a date after the document's own", async () => {
    const source = resolution({ preamble: ['注意到2013年2月30日的会议，', '回顾2012年13月1日的报告，', '期待2013年9月22日的首脑会议，'] })
    const found = findings(await buildText(source), 'date-valid')
    expect(found.map((d) => [at(d), d.reason])).toEqual([
      [placeOf(source, '2013年2月30日'), '"2013年2月30日" is not a real date: 2013-02 has no day 30.'],
      [placeOf(source, '2012年13月1日'), '"2012年13月1日" is not a real date: there is no month 13.'],
      [placeOf(source, '2013年9月22日'), '"2013年9月22日" (2013-09-22) is after the document\'s own date, 2013-05-17.']
    ])
  })

  it('reports a range that ends before it starts', async () => {
    // Its end written whole: a day alone ("3日至1日") is read as the next month's, as a carried-over date is.
    const source = resolution({ preamble: ['注意到2012年5月3日至2012年5月1日举行的会议，'] })
    const found = findings(await buildText(source), 'date-valid')
    expect(found.map((d) => [at(d), d.reason])).toEqual([[placeOf(source, '2012年5月3日至2012年5月1日'), 'The range "2012年5月3日至2012年5月1日" ends (2012-05-01) before it starts (2012-05-03).']])
  })

  it('accepts later dates when told the texts schedule events', async () => {
    const doc = await buildText(resolution({ preamble: ['期待2013年9月22日的首脑会议，'] }))
    expect(findings(doc, 'date-valid', { severity: 'error', options: { allowAfterDocumentDate: true } })).toEqual([])
  })

  it('finds every date of the seeds real and not later than the document', async () => {
    for (const seed of Object.values(SEEDS)) expect(findings(await buildSeed(seed), 'date-valid')).toEqual([])
  })
})
