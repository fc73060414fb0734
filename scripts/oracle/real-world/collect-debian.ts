// Collects real-world compose projects and nginx configs from Debian's source
// packages: the upstream trees of hundreds of public projects, each with its
// licence in debian/copyright, redistributable by Debian's own rules, and
// reachable from CI's machine. Debian's Contents-source index says which
// package ships which file; each package's sources are downloaded from the
// archive, unpacked in a temporary folder, and only the wanted files are kept,
// with their origin (package, version, upstream homepage, path, licence).
//   node scripts/oracle/real-world/collect-debian.ts [suite]
// Writes the committed corpus (paths.ts); re-running replaces it.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { CASES } from './paths.ts';
import { DEBIAN_WORK, fromArchive, MIRROR } from './debian-archive.ts';
import { type Copyright, licenceOfText, parseCopyright } from './licence.ts';
import { nginxContext } from './nginx-context.ts';

/** Suites in order of preference: a package comes from the first whose tarballs this machine is served. */
const SUITES = process.argv.length > 2 ? process.argv.slice(2) : ['trixie', 'bookworm', 'sid'];
mkdirSync(join(DEBIAN_WORK, 'pool'), { recursive: true });

const COMPOSE = /(^|\/)(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i;
const NGINX_PATH = /nginx/i;
const NGINX_NAME = /(\.conf|\.conf\.(example|sample|dist|template|tmpl)|\.vhost|\.site|\.nginx|^nginx|^default|^[\w.-]+\.(example|sample))$/i;
const MAX_FILE = 256 * 1024;
/** A compose case's files, the compose file first. */
const MAX_CASE = 256 * 1024;
/** Directives only nginx configs have, to tell them from other `.conf` files with braces. */
const NGINX_DIRECTIVE = /^\s*(server_name|proxy_pass|fastcgi_pass|uwsgi_pass|worker_processes|worker_connections|root|try_files|listen)\s[^;{]*;/m;
/** Per project, so that a few projects with hundreds of fixtures do not make the corpus. */
const MAX_PER_PACKAGE = { compose: 25, nginx: 25 };

function sh(cmd: string, args: string[], opts: { cwd?: string } = {}): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
}

/** Which source package ships which candidate file, in one suite. */
function wantedFiles(suite: string): Map<string, { compose: string[]; nginx: string[] }> {
  const contents = fromArchive(`${suite}-Contents-source.gz`, `dists/${suite}/main/Contents-source.gz`);
  const wanted = new Map<string, { compose: string[]; nginx: string[] }>();
  for (const line of sh('bash', ['-c', `zcat ${contents} | grep -iE 'compose|nginx'`]).split('\n')) {
    const m = /^(.*\S)\s+(\S+)$/.exec(line);
    if (!m) continue;
    const [, path, pkgs] = m as unknown as [string, string, string];
    const base = posix.basename(path);
    const kind = COMPOSE.test(path) && !/composer/i.test(base) ? 'compose' : NGINX_PATH.test(path) && NGINX_NAME.test(base) && !/(mime\.types|_params|koi-|win-utf)/.test(base) ? 'nginx' : null;
    if (!kind || path.startsWith('debian/patches/')) continue;
    for (const pkg of pkgs.split(',')) {
      const w = wanted.get(pkg) ?? { compose: [], nginx: [] };
      w[kind].push(path);
      wanted.set(pkg, w);
    }
  }
  return wanted;
}

/** Where each package's sources are in one suite, and what it says of itself. */
interface Source { version: string; directory: string; files: string[]; homepage?: string; vcs?: string }
function sourcesOf(suite: string, wanted: Map<string, unknown>): Map<string, Source> {
  const sources = new Map<string, Source>();
  const sourcesFile = fromArchive(`${suite}-Sources.xz`, `dists/${suite}/main/source/Sources.xz`);
  for (const stanza of sh('xz', ['-dc', sourcesFile]).split('\n\n')) {
    const field = (name: string): string | undefined => new RegExp(`^${name}: (.*)$`, 'm').exec(stanza)?.[1];
    const pkg = field('Package');
    if (!pkg || !wanted.has(pkg)) continue;
    const files = /^Files:\n((?: .*\n?)*)/m.exec(stanza)?.[1]?.trim().split('\n').map((l) => l.trim().split(' ')[2]!) ?? [];
    const homepage = field('Homepage');
    const vcs = field('Vcs-Browser');
    sources.set(pkg, { version: field('Version')!, directory: field('Directory')!, files, ...(homepage ? { homepage } : {}), ...(vcs ? { vcs } : {}) });
  }
  return sources;
}

// Read each package's wanted files straight from its tarballs.
const previous = existsSync(join(CASES, 'index.json')) ? (JSON.parse(readFileSync(join(CASES, 'index.json'), 'utf8')) as Record<string, unknown>[]) : [];
const fromDebian = (i: Record<string, unknown>): boolean => 'suite' in (i['origin'] as object);
// Re-collecting replaces Debian's cases, not those collected otherwise (collect-search.ts).
for (const i of previous.filter(fromDebian)) rmSync(join(CASES, i['kind'] as string, i['id'] as string), { recursive: true, force: true });
const index: Record<string, unknown>[] = previous.filter((i) => !fromDebian(i));
const done = new Set<string>(index.map((i) => (i['origin'] as { package: string }).package));
for (const suite of SUITES) {
  const wanted = wantedFiles(suite);
  const sources = sourcesOf(suite, wanted);
  for (const [pkg, w] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const src = sources.get(pkg);
    if (!src || done.has(pkg)) continue;
    let tree: SourceTree;
    try {
      tree = openSource(src);
    } catch (error) {
      console.warn(`skip ${pkg} (${suite}): ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    done.add(pkg);
    const copyright = readCopyright(tree);
    const origin = { package: pkg, version: src.version, suite, ...(src.homepage ? { homepage: src.homepage } : {}), ...(src.vcs ? { vcs: src.vcs } : {}) };
    // Besides the files named like nginx's, any small `.conf` of the package that reads as an nginx config
    // (projects keep theirs as docker/web/site.conf, deploy/proxy.conf, ...).
    const confs = [...tree.files].filter(([p, size]) => /\.conf(\.template|\.example|\.sample)?$/i.test(p) && size <= 65536 && !w.nginx.includes(p) && !p.startsWith('debian/patches/')).map(([p]) => p);
    const texts = tree.read([...w.compose, ...w.nginx, ...confs]);
    const nginxFiles = [...w.nginx, ...confs.filter((p) => NGINX_DIRECTIVE.test(texts.get(p) ?? ''))];
    let n = 0;
    for (const path of w.compose.sort()) {
      if (n >= MAX_PER_PACKAGE.compose) break;
      if (keepCompose(tree, path, texts.get(path), origin, copyright)) n++;
    }
    n = 0;
    for (const path of nginxFiles.sort()) {
      if (n >= MAX_PER_PACKAGE.nginx) break;
      if (keepNginx(path, texts.get(path), origin, copyright)) n++;
    }
  }
}
writeFileSync(join(CASES, 'index.json'), `${JSON.stringify(index, null, 1)}\n`);
const count = (k: string): number => index.filter((i) => i['kind'] === k).length;
console.log({ compose: count('compose'), nginx: count('nginx'), projects: new Set(index.map((i) => (i['origin'] as { package: string }).package)).size });

interface SourceTree {
  /** Every regular file of the unpacked source, by its path in the source tree, with its size. */
  files: Map<string, number>;
  /** The text of these files (text files up to MAX_FILE only). */
  read(paths: string[]): Map<string, string>;
}

/**
 * The package's tarballs (upstream, upstream components, Debian's), read
 * without unpacking the whole tree: upstream files as their authors published
 * them (Debian's patches are not applied). The archive serves the tarballs,
 * not always the .dsc, so the tree is laid out here as dpkg-source would.
 */
function openSource(src: Source): SourceTree {
  const members = new Map<string, { tarball: string; member: string; size: number }>();
  for (const f of src.files.filter((name) => /\.tar\.(gz|xz|bz2|lzma|zst)$/.test(name))) {
    const tarball = join(DEBIAN_WORK, 'pool', f);
    if (!existsSync(tarball)) {
      mkdirSync(dirname(tarball), { recursive: true });
      try {
        execFileSync('curl', ['-fsSL', '-o', `${tarball}.part`, `${MIRROR}/${src.directory}/${f}`], { stdio: 'ignore' });
      } catch {
        // This machine's access to the archive serves some files and not others (most .dsc and
        // .debian.tar.* files answer 404 here): work with the tarballs that come.
        console.warn(`  ${f}: not served`);
        continue;
      }
      execFileSync('mv', [`${tarball}.part`, tarball]);
    }
    const component = /\.orig-([\w-]+)\.tar\./.exec(f)?.[1];
    const isDebian = /\.debian\.tar\./.test(f);
    const listing = sh('tar', ['-tvf', tarball]).split('\n').filter((l) => l.startsWith('-'));
    const entries = listing.map((l) => {
      const m = /^\S+\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(.*)$/.exec(l)!;
      return { size: Number(m[1]), member: m[2]! };
    });
    // Upstream tarballs have one top folder (any name) that dpkg-source strips.
    const tops = new Set(entries.map((e) => e.member.split('/')[0]));
    const strip = !isDebian && tops.size === 1 && entries.every((e) => e.member.includes('/'));
    for (const e of entries) {
      let path = strip ? e.member.split('/').slice(1).join('/') : e.member.replace(/^\.\//, '');
      if (component) path = `${component}/${path}`;
      members.set(path, { tarball, member: e.member, size: e.size });
    }
  }
  if (members.size === 0) throw new Error('no tarball served');
  return {
    files: new Map([...members].map(([p, m]) => [p, m.size])),
    read(paths) {
      const out = new Map<string, string>();
      const byTarball = new Map<string, string[]>();
      for (const p of paths) {
        const m = members.get(p);
        if (m && m.size <= MAX_FILE) byTarball.set(m.tarball, [...(byTarball.get(m.tarball) ?? []), m.member]);
      }
      for (const [tarball, list] of byTarball) {
        const tmp = mkdtempSync(join(DEBIAN_WORK, 'x-'));
        try {
          execFileSync('tar', ['-xf', tarball, '-C', tmp, '--no-wildcards', '--', ...new Set(list)], { stdio: 'ignore' });
        } catch {
          // a member that is a link or not there: read what was extracted
        }
        for (const p of paths) {
          const m = members.get(p);
          if (m?.tarball !== tarball) continue;
          const text = readText(join(tmp, m.member));
          if (text !== null) out.set(p, text);
        }
        rmSync(tmp, { recursive: true, force: true });
      }
      return out;
    },
  };
}

function readText(path: string): string | null {
  try {
    if (!lstatSync(path).isFile() || statSync(path).size > MAX_FILE) return null;
    const buf = readFileSync(path);
    if (buf.subarray(0, 8000).includes(0)) return null;
    return buf.toString('utf8');
  } catch {
    return null;
  }
}

function caseId(pkg: string, path: string): string {
  return `${pkg}--${path.replace(/[^\w.-]+/g, '_')}`.slice(0, 150);
}

function keepCompose(tree: SourceTree, path: string, text: string | undefined, origin: { package: string }, copyright: Copyright): boolean {
  // A compose file as published: not a Jinja/Go template, and with services.
  if (text === undefined || /\{\{|\{%/.test(text) || !/^services:/m.test(text)) return false;
  const dir = posix.dirname(path);
  const prefix = dir === '.' ? '' : `${dir}/`;
  const members = [...tree.files.keys()].filter((f) => f.startsWith(prefix) && f.slice(prefix.length).split('/').length <= 3).map((f) => f.slice(prefix.length));
  // Keep what the file references (env files, mounted configs, includes), the
  // project's .env and the override Compose reads by itself, not the whole folder.
  const referenced = members.filter((m) => m === '.env' || /^(docker-)?compose\.override\.ya?ml$/.test(m) || (m !== posix.basename(path) && referencedFile(text, m)));
  const id = caseId(origin.package, path);
  const caseDir = join(CASES, 'compose', id);
  const bodies = new Map([[path, text], ...tree.read(referenced.map((m) => prefix + m))]);
  let size = 0;
  for (const [p, body] of bodies) {
    size += body.length;
    if (size > MAX_CASE) break;
    const to = join(caseDir, 'project', p.slice(prefix.length));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, body);
  }
  const meta = { origin, path, licence: copyright.licenceOf(path), composeFile: posix.basename(path) };
  writeFileSync(join(caseDir, 'case.json'), `${JSON.stringify(meta, null, 2)}\n`);
  index.push({ kind: 'compose', id, ...meta });
  return true;
}

function keepNginx(path: string, text: string | undefined, origin: { package: string }, copyright: Copyright): boolean {
  if (text === undefined) return false;
  if (/\{\{|\{%|<%|@@|\[%/.test(text) && !/\.template$/.test(path)) return false;
  const context = nginxContext(text);
  if (!context) return false;
  const id = caseId(origin.package, path);
  mkdirSync(join(CASES, 'nginx', id), { recursive: true });
  writeFileSync(join(CASES, 'nginx', id, 'file.conf'), text);
  const meta = { origin, path, licence: copyright.licenceOf(path), context };
  writeFileSync(join(CASES, 'nginx', id, 'case.json'), `${JSON.stringify(meta, null, 2)}\n`);
  index.push({ kind: 'nginx', id, ...meta });
  return true;
}

/**
 * Whether Compose or the engine reads this file of the project: named by the
 * compose text (env_file, include, extends, configs, a mounted config), or a
 * configuration file in a folder the text names (a mounted conf.d). Source code
 * and data in mounted folders are not read by `config`.
 */
function referencedFile(text: string, member: string): boolean {
  if (mentions(text, member)) return true;
  const parts = member.split('/');
  const folders = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
  return /\.(conf|env|ya?ml|json|template|ini|toml)$|(^|\/)\.env[\w.-]*$/.test(member) && folders.some((f) => mentions(text, f));
}

/** Whether the compose text names this relative path (with or without `./`, a folder with or without its `/`). */
function mentions(text: string, path: string): boolean {
  return new RegExp(`(^|[\\s"'=:\\[,])(\\./)?${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?($|[\\s"':,\\]])`, 'm').test(text);
}

/**
 * debian/copyright in DEP-5 form (the last `Files:` stanza whose pattern
 * matches wins); without it (not served here), the upstream LICENSE or
 * COPYING file at the top of the tree, for every file.
 */
function readCopyright(tree: SourceTree): Copyright {
  const top = [...tree.files.keys()].filter((f) => /^(LICEN[CS]E|COPYING)(\.\w+)?$/i.test(f)).sort();
  const upstream = top[0] ? tree.read([top[0]]).get(top[0]) : undefined;
  return parseCopyright(tree.read(['debian/copyright']).get('debian/copyright') ?? '', upstream !== undefined ? `${licenceOfText(upstream, top[0]!)} (upstream ${top[0]})` : 'unknown');
}
