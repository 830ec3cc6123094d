// Generated from schemas/organizations.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.

/**
 * Organizations that UN texts name, with their names in each language and the dates between which each name was in use (renames).
 */
export interface Organizations {
  $schema?: string
  organizations: Organization[]
}
/**
 * This interface was referenced by `Organizations`'s JSON-Schema
 * via the `definition` "Organization".
 */
export interface Organization {
  id: string
  /**
   * @minItems 1
   */
  names: [OrganizationName, ...OrganizationName[]]
}
/**
 * This interface was referenced by `Organizations`'s JSON-Schema
 * via the `definition` "OrganizationName".
 */
export interface OrganizationName {
  language: string
  name: string
  /**
   * The name is a short form (OIC, 伊斯兰合作组织 has none).
   */
  abbreviation?: boolean
  /**
   * First day the name was in use.
   */
  from?: string
  /**
   * Day the name stopped being used (the day of the rename).
   */
  until?: string
}
