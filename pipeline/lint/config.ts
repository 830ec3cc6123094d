import { createRequire } from 'node:module'
import { Messages, type Outcome } from '../core/diagnostic.js'
import { jsonErrorOffset, unexpectedAt } from '../core/json-syntax.js'
import { jsonPointerSpan } from '../core/json-pointer.js'
import { RawText } from '../core/raw-text.js'
import type { RuleSetting, Rules, UndocConfig } from '../types/config.js'
import { validate } from '../validate/index.js'
import { RULES, ruleById, ruleOptions, type RuleRun } from './index.js'

const require = createRequire(import.meta.url)

/** The configuration's file name, looked for in the working folder. */
export const CONFIG_NAME = 'undoc.config.json'

const SETTING_SHAPE = 'a rule is set to "off", "warning" or "error", or to ["warning" or "error", { its options }]'

/**
 * Reads a configuration's text: valid JSON, valid against config.schema.json, naming only rules
 * that exist, with options valid against each rule's schema. Every problem is a diagnostic at its
 * line and column in the configuration file.
 */
export function parseConfig(path: string, text: string): Outcome<UndocConfig> {
  const messages = new Messages(path)
  const raw = new RawText(path, text)
  const at = (pointer: string, property?: string) => {
    const { start, end } = jsonPointerSpan(text, pointer, property)
    return raw.position(start, end)
  }
  const syntaxError = jsonErrorOffset(text)
  if (syntaxError >= 0) {
    messages.add('error', `The configuration is not valid JSON: unexpected ${unexpectedAt(text, syntaxError)}.`, 'config-json', raw.pointAt(syntaxError))
    return { ok: false, diagnostics: messages.toData() }
  }
  const value: unknown = JSON.parse(text)
  const seen = new Set<string>()
  for (const v of validate('config.schema.json', value)) {
    const inRules = /^(?:\/overrides\/\d+)?\/rules\/[^/]+$/.test(v.pointer)
    const reason = v.property !== undefined ? `Unknown key "${v.property}" at ${v.pointer}.` : inRules ? `At ${v.pointer}: ${SETTING_SHAPE}.` : `At ${v.pointer}: ${v.message}.`
    if (seen.has(reason)) continue
    seen.add(reason)
    messages.add('error', reason, 'config-schema', at(v.pointer, v.property))
  }
  if (messages.hasErrors) return { ok: false, diagnostics: messages.toData() }
  const config = value as UndocConfig
  const checkRules = (rules: Rules | undefined, pointer: string) => {
    for (const [id, setting] of Object.entries(rules ?? {})) {
      const rule = ruleById(id)
      if (!rule) {
        messages.add('error', `Unknown rule "${id}". The rules are: ${RULES.map((r) => r.id).join(', ')}.`, 'unknown-rule', at(pointer, id))
        continue
      }
      if (!Array.isArray(setting)) continue
      const resolved = ruleOptions(rule, setting[1])
      if ('violations' in resolved) {
        for (const v of resolved.violations) {
          const where = `${pointer}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}/1${v.pointer === '/' ? '' : v.pointer}`
          const what = v.property !== undefined ? `unknown option "${v.property}"` : v.pointer === '/' ? v.message : `${v.pointer.slice(1)} ${v.message}`
          messages.add('error', `Bad option for rule "${id}": ${what}.`, 'rule-options', at(where, v.property))
        }
      }
    }
  }
  checkRules(config.rules, '/rules')
  config.overrides?.forEach((o, i) => checkRules(o.rules, `/overrides/${i}/rules`))
  return messages.hasErrors ? { ok: false, diagnostics: messages.toData() } : { ok: true, value: config }
}

/**
 * How each rule runs for one source: the configuration's rules, then those of every override
 * whose patterns match the source's path (relative to the configuration's folder, / separators).
 * A severity alone keeps the options set before it; a severity with options replaces them.
 */
export function settingsFor(config: UndocConfig, path: string): Record<string, RuleRun> {
  const settings: Record<string, RuleRun> = {}
  const apply = (rules: Rules) => {
    for (const [id, setting] of Object.entries(rules) as [string, RuleSetting][]) {
      if (setting === undefined) continue
      settings[id] = Array.isArray(setting) ? { severity: setting[0], options: setting[1] } : { severity: setting, ...(settings[id]?.options ? { options: settings[id].options } : {}) }
    }
  }
  apply(config.rules ?? {})
  for (const o of config.overrides ?? []) {
    // "./input/*.txt" means what "input/*.txt" means: both are relative to the configuration's folder.
    const patterns = (typeof o.files === 'string' ? [o.files] : o.files).map((p) => p.replace(/^\.\//, ''))
    // The matcher (60 KB) only for a configuration with overrides, not in every build.
    if ((require('picomatch') as typeof import('picomatch'))(patterns, { dot: true })(path)) apply(o.rules)
  }
  return settings
}
