// Gives every case of the corpus whose licence was not found at collection a
// licence read from its origin, and removes the cases whose origin states
// none (nobody granted the right to copy them):
// - a Debian source package whose debian/copyright the archive does not
//   serve here (most `.debian.tar.*` answer 404): the same text is installed
//   as /usr/share/doc/<binary>/copyright by every binary package built from
//   that source (Debian policy 12.5), so the smallest binary of that source
//   version is downloaded and its copyright read as DEP-5;
// - a public repository: repository-licences.json, where each licence was
//   read by hand in the repository (its evidence is recorded there).
// Idempotent: a case that has a licence is left alone; nothing is rewritten
// when nothing changed.
//   node scripts/oracle/real-world/fill-licences.ts
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromArchive } from './debian-archive.ts';
import { type Copyright, licenceOfText, parseCopyright } from './licence.ts';
import { CASES, type CorpusKind, corpusDir, verdictsFile } from './paths.ts';

const KINDS: CorpusKind[] = ['compose', 'compose-mutants', 'nginx', 'nginx-mutants', 'cross', 'cross-mutants'];
/** Verdict files keyed by case id, besides `<kind>-verdicts.json`. */
const EXTRA_VERDICTS: Partial<Record<CorpusKind, string[]>> = {
  compose: ['compose-up-verdicts.json'],
  'compose-mutants': ['compose-mutants-up-verdicts.json'],
};

interface DebianOrigin { package: string; version: string; suite: string }
interface CaseMeta { origin: DebianOrigin | { repository: string } | string; path: string; licence: string; base?: string }

const table = (JSON.parse(readFileSync(new URL('repository-licences.json', import.meta.url), 'utf8')) as { repositories: Record<string, { licence: string; evidence: string }> }).repositories;

/** The binary packages of each source version in one suite, with their archive file and size. */
const binaries = new Map<string, Map<string, { file: string; size: number; name: string }[]>>();
function binariesOf(suite: string): Map<string, { file: string; size: number; name: string }[]> {
  const known = binaries.get(suite);
  if (known) return known;
  const bySource = new Map<string, { file: string; size: number; name: string }[]>();
  const index = fromArchive(`${suite}-Packages.xz`, `dists/${suite}/main/binary-amd64/Packages.xz`);
  for (const stanza of execFileSync('xz', ['-dc', index], { encoding: 'utf8', maxBuffer: 1 << 30 }).split('\n\n')) {
    const field = (name: string): string | undefined => new RegExp(`^${name}: (.*)$`, 'm').exec(stanza)?.[1];
    const name = field('Package');
    if (!name) continue;
    // `Source: name (version)` when the binary's version differs from its source's.
    const source = /^(\S+)(?: \((.*)\))?$/.exec(field('Source') ?? name)!;
    const key = `${source[1]}@${source[2] ?? field('Version')}`;
    bySource.set(key, [...(bySource.get(key) ?? []), { file: field('Filename')!, size: Number(field('Size')), name }]);
  }
  binaries.set(suite, bySource);
  return bySource;
}

const copyrights = new Map<string, Copyright | null>();
function debianCopyright(origin: DebianOrigin): Copyright | null {
  const key = `${origin.package}@${origin.version}`;
  if (copyrights.has(key)) return copyrights.get(key)!;
  let found: Copyright | null = null;
  for (const suite of [origin.suite, 'trixie', 'forky', 'sid', 'bookworm']) {
    const candidates = binariesOf(suite).get(key);
    if (!candidates?.length) continue;
    const smallest = [...candidates].sort((a, b) => a.size - b.size)[0]!;
    const deb = fromArchive(smallest.file.split('/').pop()!, smallest.file);
    const text = execFileSync('bash', ['-c', `dpkg-deb --fsys-tarfile "$1" | tar -xO --wildcards './usr/share/doc/*/copyright'`, '-', deb], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const source = `copyright of ${smallest.name} ${origin.version}`;
    // A free-form copyright file (before DEP-5) names one licence for the whole package.
    const whole = licenceOfText(text, source);
    found = parseCopyright(text, whole.startsWith('other') ? 'unknown' : `${whole} (${source})`, source);
    break;
  }
  copyrights.set(key, found);
  return found;
}

/** The licence of a case's origin, `none` when its origin states none, undefined when not found. */
function licenceOf(meta: CaseMeta): string | undefined {
  if (typeof meta.origin === 'object' && 'repository' in meta.origin) {
    const known = table[meta.origin.repository];
    return known && (known.licence === 'none' ? 'none' : `${known.licence} (${known.evidence})`);
  }
  if (typeof meta.origin === 'object' && 'package' in meta.origin) {
    const licence = debianCopyright(meta.origin)?.licenceOf(meta.path);
    return licence && !licence.startsWith('see ') && licence !== 'unknown' ? licence : undefined;
  }
  return undefined;
}

/** A licence the collectors could not name: none found, or a licence text they do not recognise. */
const unknown = (licence: string): boolean => licence === 'unknown' || licence.startsWith('unknown (') || licence.startsWith('other (');

const removed = new Set<string>();
const licences = new Map<string, string>();
const left: string[] = [];
for (const kind of KINDS) {
  if (!existsSync(corpusDir(kind))) continue;
  const gone: string[] = [];
  for (const id of readdirSync(corpusDir(kind)).sort()) {
    const file = join(corpusDir(kind), id, 'case.json');
    if (!existsSync(file)) continue;
    const meta = JSON.parse(readFileSync(file, 'utf8')) as CaseMeta;
    if (!unknown(meta.licence)) continue;
    const licence = licenceOf(meta);
    if (licence === undefined) left.push(`${kind}/${id}`);
    else if (licence === 'none') {
      rmSync(join(corpusDir(kind), id), { recursive: true, force: true });
      gone.push(id);
      removed.add(id);
    } else {
      writeFileSync(file, `${JSON.stringify({ ...meta, licence }, null, 2)}\n`);
      licences.set(id, licence);
    }
  }
  for (const name of [verdictsFile(kind), ...(EXTRA_VERDICTS[kind] ?? []).map((f) => join(CASES, f))]) {
    if (!gone.length || !existsSync(name)) continue;
    const verdicts = JSON.parse(readFileSync(name, 'utf8')) as Record<string, unknown>;
    // Up verdicts keep their versions beside the cases: only case ids are removed.
    const cases = (verdicts['cases'] ?? verdicts) as Record<string, unknown>;
    for (const id of gone) delete cases[id];
    writeFileSync(name, `${JSON.stringify(verdicts, null, 1)}\n`);
  }
}
const indexFile = join(CASES, 'index.json');
if (existsSync(indexFile) && (removed.size || licences.size)) {
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as Record<string, unknown>[];
  const kept = index.filter((i) => !removed.has(i['id'] as string)).map((i) => (licences.has(i['id'] as string) ? { ...i, licence: licences.get(i['id'] as string) } : i));
  writeFileSync(indexFile, `${JSON.stringify(kept, null, 1)}\n`);
}
console.log({ licensed: licences.size, removedWithoutLicence: removed.size, stillUnknown: left.length });
for (const id of left) console.log(`  still unknown: ${id}`);
