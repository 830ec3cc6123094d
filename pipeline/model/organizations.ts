import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../core/package-root.js'
import type { Organizations } from '../types/organizations.js'
import { validate } from '../validate/index.js'
import { byCodeUnits } from '../core/order.js'

/** One name of an organization in one language, with the dates it was in use. */
export interface OrganizationName {
  readonly id: string
  readonly name: string
  readonly abbreviation: boolean
  readonly from?: string
  readonly until?: string
}

let cache: Organizations | undefined

/** data/organizations.json, validated against schemas/organizations.schema.json once per process. */
export function organizations(): Organizations {
  if (cache) return cache
  const data: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'data', 'organizations.json'), 'utf8'))
  const errors = validate('organizations.schema.json', data)
  if (errors.length > 0) throw new Error(`data/organizations.json is not valid: ${errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`)
  cache = data as Organizations
  return cache
}

/** The organizations' names in a language, longest first (so a longer name wins over a name inside it). */
export function organizationNames(language: string): OrganizationName[] {
  const primary = language.split('-')[0]
  const out: OrganizationName[] = []
  for (const org of organizations().organizations) {
    for (const n of org.names) {
      if (n.language !== language && n.language.split('-')[0] !== primary) continue
      out.push({ id: org.id, name: n.name, abbreviation: n.abbreviation ?? false, ...(n.from ? { from: n.from } : {}), ...(n.until ? { until: n.until } : {}) })
    }
  }
  return out.sort((a, b) => b.name.length - a.name.length || byCodeUnits(a.name, b.name))
}

const idsByName = new Map<string, Map<string, string>>()

/** The id of the organization a name in a language belongs to ("伊斯兰会议组织" → "oic"). */
export function organizationId(language: string, name: string): string | undefined {
  let ids = idsByName.get(language)
  if (!ids) {
    ids = new Map(organizationNames(language).map((o) => [o.name, o.id]))
    idsByName.set(language, ids)
  }
  return ids.get(name)
}
