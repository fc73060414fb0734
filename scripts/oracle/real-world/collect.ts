// Collects real-world compose projects and nginx configs from bare git snapshots
// of public repositories (one `<owner>+<name>/repo` folder each), with origin,
// commit and licence, into the corpus folder (paths.ts). Never committed.
//   node scripts/oracle/real-world/collect.ts <snapshots-folder>
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { CASES } from './paths.ts';
import { licenceOfText } from './licence.ts';
import { nginxContext } from './nginx-context.ts';

const MIRRORS = process.argv[2];
if (!MIRRORS) throw new Error('usage: node scripts/oracle/real-world/collect.ts <snapshots-folder>');
const OUT = CASES;
const COMPOSE = /(^|\/)(docker-)?compose(\.[\w.-]+)?\.ya?ml$|(^|\/)docker-stack[\w.-]*\.ya?ml$|(^|\/)stack\.ya?ml$/i;
const SKIP_REPOS = new Set(['nodejs+docker-node', 'docker-library+postgres', 'docker-library+redis', 'redis+docker-library-redis', 'docker-library+wordpress', 'gothinkster+realworld', 'docker+cli']);

function git(repo: string, args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}
function gitBuf(repo: string, args: string[]): Buffer {
  return execFileSync('git', ['-C', repo, ...args], { maxBuffer: 1 << 28 });
}
function licence(repo: string, files: string[]): string {
  const lic = files.find((f) => /^(LICEN[CS]E|COPYING)(\.\w+)?$/i.test(f));
  return lic ? licenceOfText(git(repo, ['show', `HEAD:${lic}`]), lic) : 'unknown';
}
const isText = (b: Buffer): boolean => !b.subarray(0, 8000).includes(0);

rmSync(OUT, { recursive: true, force: true });
const index: unknown[] = [];
let composeCount = 0;
let nginxCount = 0;
for (const entry of readdirSync(MIRRORS).sort()) {
  if (SKIP_REPOS.has(entry)) continue;
  const repo = join(MIRRORS, entry, 'repo');
  let files: string[];
  let commit: string;
  try {
    commit = git(repo, ['rev-parse', 'HEAD']).trim();
    files = [];
  } catch { continue; }
  const sizes = new Map<string, number>();
  for (const line of git(repo, ['ls-tree', '-r', '-l', 'HEAD']).split('\n')) {
    const m = /^\S+ blob \S+\s+(\d+)\t(.*)$/.exec(line);
    if (m) sizes.set(m[2]!, Number(m[1]));
  }
  files = [...sizes.keys()];
  const lic = licence(repo, files);
  const origin = entry.replace('+', '/');
  // Compose projects: the compose file plus the small text files of its folder (depth <= 3).
  for (const path of files.filter((f) => COMPOSE.test(f))) {
    const text = gitBuf(repo, ['show', `HEAD:${path}`]);
    if (!isText(text) || /\{\{|\{%/.test(text.toString())) continue; // templated (Jinja/Go), not a compose file as published
    const dir = posix.dirname(path);
    const prefix = dir === '.' ? '' : `${dir}/`;
    const members = files.filter((f) => f.startsWith(prefix) && f.slice(prefix.length).split('/').length <= 4 && (sizes.get(f) ?? 0) <= 262144);
    if (members.length > 400) continue;
    const id = `${entry}--${path.replace(/[^\w.-]+/g, '_')}`.slice(0, 150);
    const caseDir = join(OUT, 'compose', id);
    for (const m of members) {
      const buf = gitBuf(repo, ['show', `HEAD:${m}`]);
      if (!isText(buf)) continue;
      const to = join(caseDir, 'project', m.slice(prefix.length));
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, buf);
    }
    writeFileSync(join(caseDir, 'case.json'), JSON.stringify({ origin, commit, path, licence: lic, composeFile: posix.basename(path) }, null, 2));
    index.push({ kind: 'compose', id, origin, commit, path, licence: lic });
    composeCount++;
  }
  // nginx configs: files named *.conf / *.conf.template / nginx.conf* that look like nginx.
  for (const path of files.filter((f) => /(\.conf|\.conf\.template|nginx[^/]*\.conf\.sample|\.subdomain\.conf\.sample|\.subfolder\.conf\.sample)$/i.test(f) && (sizes.get(f) ?? 0) <= 262144)) {
    const buf = gitBuf(repo, ['show', `HEAD:${path}`]);
    if (!isText(buf)) continue;
    const text = buf.toString();
    if (/\{\{|\{%|<%|\$\{[A-Z_]+\}|@@/.test(text) && !/\.template$/.test(path)) continue;
    const context = nginxContext(text);
    if (!context) continue;
    const id = `${entry}--${path.replace(/[^\w.-]+/g, '_')}`.slice(0, 150);
    mkdirSync(join(OUT, 'nginx', id), { recursive: true });
    writeFileSync(join(OUT, 'nginx', id, 'file.conf'), text);
    writeFileSync(join(OUT, 'nginx', id, 'case.json'), JSON.stringify({ origin, commit, path, licence: lic, context }, null, 2));
    index.push({ kind: 'nginx', id, origin, commit, path, licence: lic, context });
    nginxCount++;
  }
}
writeFileSync(join(OUT, 'index.json'), JSON.stringify(index, null, 1));
console.log({ composeCount, nginxCount, projects: new Set(index.map((i: any) => i.origin)).size });
