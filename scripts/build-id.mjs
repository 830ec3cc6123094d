// Writes dist/build-id: a hash of everything a build's outputs depend on in undoc itself (its
// sources, schemas, package files and lock file). A build manifest records it in its pipeline key,
// so that outputs written by other code are built again though undoc's version number is the
// same, as it is between two commits. Without it a developer's `npm start` after a change kept
// every output the old code wrote, and only --force rebuilt them.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(fileURLToPath(import.meta.url), '..', '..')

/** The files that make undoc's outputs what they are, by path relative to the package, sorted. */
function inputs() {
  const tree = (dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(ROOT.length + 1))
  return [...tree('pipeline'), ...tree('schemas'), 'package.json', 'package-lock.json'].sort()
}

const hash = createHash('sha256')
for (const path of inputs()) {
  const bytes = readFileSync(join(ROOT, path))
  hash.update(`${path}\0${bytes.length}\0`).update(bytes)
}
mkdirSync(join(ROOT, 'dist'), { recursive: true })
writeFileSync(join(ROOT, 'dist', 'build-id'), `${hash.digest('hex')}\n`)
