import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfig, settingsFor } from '../../pipeline/lint/config.js'
import { RULES } from '../../pipeline/lint/index.js'
import { validateFilling } from '../../pipeline/validate/index.js'
import type { UndocConfig } from '../../pipeline/types/config.js'
import { ROOT } from '../helpers.js'

/** The diagnostics of a configuration text, as "line:column rule-id reason". */
function problems(text: string): string[] {
  const parsed = parseConfig('undoc.config.json', text)
  return parsed.ok ? [] : parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.reason}`)
}

function config(text: string): UndocConfig {
  const parsed = parseConfig('undoc.config.json', text)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics))
  return parsed.value
}

describe('undoc.config.json', () => {
  it('accepts severities, options and overrides', () => {
    const text = JSON.stringify({
      $schema: './node_modules/undoc/schemas/config.schema.json',
      rules: { 'paired-punctuation': 'error', 'date-valid': ['warning', { allowAfterDocumentDate: true }], 'citation-order': 'off' },
      overrides: [{ files: ['input/old/**'], rules: { 'renamed-organization': 'off' } }]
    })
    expect(problems(text)).toEqual([])
  })

  it('points at a JSON syntax error', () => {
    expect(problems('{\n  "rules": {\n    "paired-punctuation": error\n  }\n}')).toEqual(['3:27 config-json The configuration is not valid JSON: unexpected character "e".'])
  })

  it('points at an unknown key and at a setting that is not one', () => {
    expect(problems('{\n  "rulez": {}\n}')).toEqual(['2:3 config-schema Unknown key "rulez" at /.'])
    expect(problems('{\n  "rules": {\n    "date-valid": "warn"\n  }\n}')).toEqual([
      '3:19 config-schema At /rules/date-valid: a rule is set to "off", "warning" or "error", or to ["warning" or "error", { its options }].'
    ])
    expect(problems('{ "overrides": [ { "rules": {} } ] }')).toEqual(["1:18 config-schema At /overrides/0: must have required property 'files'."])
  })

  it('points at an unknown rule id, naming the rules there are', () => {
    const [problem] = problems('{\n  "overrides": [{ "files": "x", "rules": { "no-such-rule": "error" } }]\n}')
    expect(problem).toMatch(/^2:44 unknown-rule Unknown rule "no-such-rule"\. The rules are: paragraph-numbering, footnote-defined, .*title-symbol\.$/)
  })

  it('points at a bad option: an unknown one, one of the wrong type, options for a rule that takes none', () => {
    expect(problems('{ "rules": { "date-valid": ["error", { "allowFuture": true }] } }')).toEqual(['1:40 rule-options Bad option for rule "date-valid": unknown option "allowFuture".'])
    expect(problems('{ "rules": { "date-valid": ["error", { "allowAfterDocumentDate": "yes" }] } }')).toEqual([
      '1:66 rule-options Bad option for rule "date-valid": allowAfterDocumentDate must be boolean.'
    ])
    expect(problems('{ "rules": { "title-symbol": ["error", { "x": 1 }] } }')).toEqual(['1:40 rule-options Bad option for rule "title-symbol": this rule takes no options.'])
  })

  it('applies the overrides whose patterns match, in order; a severity alone keeps the options', () => {
    const c = config(
      JSON.stringify({
        rules: { 'date-valid': ['warning', { allowAfterDocumentDate: true }] },
        overrides: [
          { files: 'input/**/*.zh.txt', rules: { 'date-valid': 'error', 'citation-order': 'off' } },
          { files: ['./input/drafts/*'], rules: { 'citation-order': 'warning' } }
        ]
      })
    )
    expect(settingsFor(c, 'input/a.zh.txt')).toEqual({ 'date-valid': { severity: 'error', options: { allowAfterDocumentDate: true } }, 'citation-order': { severity: 'off' } })
    expect(settingsFor(c, 'input/drafts/b.zh.txt')).toMatchObject({ 'citation-order': { severity: 'warning' } })
    expect(settingsFor(c, 'other/a.zh.txt')).toEqual({ 'date-valid': { severity: 'warning', options: { allowAfterDocumentDate: true } } })
  })

  it('gives every rule an id, a one-line doc, and an options schema that takes {} with its defaults', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z][a-z0-9-]*$/)
      expect(rule.doc).not.toContain('\n')
      if (rule.schema) expect(validateFilling(rule.schema, {})).toEqual([])
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length)
  })

  it('documents every rule in the README with its default severity', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const table = [...readme.matchAll(/^\| `([a-z-]+)` +\| (error|warning) +\|/gm)].map((m) => [m[1], m[2]])
    expect(table).toEqual(RULES.map((r) => [r.id, r.defaultSeverity]))
  })
})
