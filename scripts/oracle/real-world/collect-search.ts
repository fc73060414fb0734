// Adds to the corpus the nginx configs collected from public repositories
// with the search tools' file look-ups (each staged as <id>/file.conf and
// <id>/origin.json: repository, commit, path, licence), for the kinds of
// projects Debian does not package. Replaces earlier cases of the same origin.
//   node scripts/oracle/real-world/collect-search.ts <staging-folder>
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxContext } from './nginx-context.ts';
import { CASES } from './paths.ts';

const STAGING = process.argv[2];
if (!STAGING) throw new Error('usage: node scripts/oracle/real-world/collect-search.ts <staging-folder>');
interface Staged { repository: string; commit: string | null; path: string; licence: string }

const indexFile = join(CASES, 'index.json');
const index = (existsSync(indexFile) ? JSON.parse(readFileSync(indexFile, 'utf8')) : []) as Record<string, unknown>[];
const kept = index.filter((i) => {
  if (!('repository' in (i['origin'] as object))) return true;
  rmSync(join(CASES, i['kind'] as string, i['id'] as string), { recursive: true, force: true });
  return false;
});
let added = 0;
for (const id of readdirSync(STAGING).sort()) {
  if (!existsSync(join(STAGING, id, 'origin.json'))) continue;
  const staged = JSON.parse(readFileSync(join(STAGING, id, 'origin.json'), 'utf8')) as Staged;
  const text = readFileSync(join(STAGING, id, 'file.conf'), 'utf8');
  const context = nginxContext(text);
  if (!context || /\{\{|\{%|<%/.test(text)) continue;
  const caseId = id.replace(/[^\w.+-]+/g, '_').slice(0, 150);
  const meta = { origin: { repository: staged.repository, commit: staged.commit }, path: staged.path, licence: staged.licence, context };
  mkdirSync(join(CASES, 'nginx', caseId), { recursive: true });
  writeFileSync(join(CASES, 'nginx', caseId, 'file.conf'), text);
  writeFileSync(join(CASES, 'nginx', caseId, 'case.json'), `${JSON.stringify(meta, null, 2)}\n`);
  kept.push({ kind: 'nginx', id: caseId, ...meta });
  added++;
}
writeFileSync(indexFile, `${JSON.stringify(kept, null, 1)}\n`);
console.log({ added, projects: new Set(kept.filter((i) => 'repository' in (i['origin'] as object)).map((i) => (i['origin'] as { repository: string }).repository)).size });
