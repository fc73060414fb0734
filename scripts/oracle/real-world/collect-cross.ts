// Builds the compose ↔ nginx cases (cases/cross): projects where a compose
// service bind-mounts nginx configuration that names other services.
// - Public repositories, read with the search tools' file look-ups and staged
//   as one JSON list (id, repository, folder, licence, composeFile, and per
//   file its commit and text): `collect-cross.ts <staged.json>`.
// - Compose cases of the corpus whose project holds such a mounted config
//   (Debian's source packages), copied with their origin and licence.
// - A minority of the course's own stacks (origin "stacks"), kept apart by
//   their id prefix so that the figures can be read without them.
//   node scripts/oracle/real-world/collect-cross.ts <staged.json>
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CASES, REPO } from './paths.ts';

interface Staged { id: string; repository: string; folder: string; licence: string; composeFile: string; composeFiles?: string[]; files: Record<string, { commit: string; text: string; from?: string }>; env?: Record<string, string>; note?: string }

/** Debian compose cases with an nginx service mounting a config that names a service; env: what their CI sets. */
const FROM_CORPUS: { id: string; env?: Record<string, string> }[] = [
  { id: 'cacti--tests_e2e_docker-compose.yml' },
  // Its CI sets the image; without it Compose refuses the service (no image, no build).
  { id: 'qgis--.ci_ogc_docker-compose.yml', env: { DOCKER_IMAGE: 'qgis/qgis-server:ltr' } },
];
/** The course's stacks, each with the variables of its `.env.example`. */
const STACKS = ['02-architecture', '07-reverse-proxy', '09-base-de-donnees'];

const root = join(CASES, 'cross');
rmSync(root, { recursive: true, force: true });
const write = (id: string, meta: object, files: Record<string, string>): void => {
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, id, 'project', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  writeFileSync(join(root, id, 'case.json'), `${JSON.stringify(meta, null, 2)}\n`);
};

const staged = process.argv[2] ? (JSON.parse(readFileSync(process.argv[2], 'utf8')) as Staged[]) : [];
for (const s of staged) {
  // `from`: the repository's file a project file is a copy of (`.env` from `env.example`, as the project's README says to make it).
  const commits = Object.fromEntries(Object.entries(s.files).map(([path, f]) => [path, f.from ? `${f.commit} (${f.from})` : f.commit]));
  write(s.id, { origin: { repository: s.repository }, path: s.folder, commits, licence: s.licence, composeFile: s.composeFile, ...(s.composeFiles ? { composeFiles: s.composeFiles } : {}), ...(s.env ? { env: s.env } : {}), ...(s.note ? { note: s.note } : {}) }, Object.fromEntries(Object.entries(s.files).map(([p, f]) => [p, f.text])));
}
for (const { id, env } of FROM_CORPUS) {
  const source = join(CASES, 'compose', id);
  const meta = JSON.parse(readFileSync(join(source, 'case.json'), 'utf8')) as Record<string, unknown>;
  mkdirSync(join(root, id), { recursive: true });
  cpSync(join(source, 'project'), join(root, id, 'project'), { recursive: true });
  writeFileSync(join(root, id, 'case.json'), `${JSON.stringify({ ...meta, ...(env ? { env } : {}) }, null, 2)}\n`);
}
for (const stack of STACKS) {
  const dir = join(REPO, 'stacks', stack);
  const files: Record<string, string> = { 'compose.yaml': readFileSync(join(dir, 'compose.yaml'), 'utf8') };
  const walk = (rel: string): void => {
    const abs = join(dir, rel);
    if (!existsSync(abs)) return;
    for (const name of readdirSync(abs, { withFileTypes: true })) {
      const path = `${rel}/${name.name}`;
      if (name.isDirectory()) walk(path);
      else if (/\.conf(\.template)?$/.test(name.name)) files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('nginx');
  const env = Object.fromEntries(
    readFileSync(join(dir, '.env.example'), 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  write(`stacks+${stack}`, { origin: 'stacks', path: `stacks/${stack}`, licence: 'the project’s own', composeFile: 'compose.yaml', env }, files);
}
console.log({ repositories: staged.length, corpus: FROM_CORPUS.length, stacks: STACKS.length });
