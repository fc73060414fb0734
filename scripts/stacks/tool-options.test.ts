// The psql, pg_dump, pg_restore, pg_isready, redis-cli, nginx and npm commands
// the course shows use only options those tools list in their own help, as
// recorded in the images the stacks run: in the lessons (inline, inside
// `docker compose exec`, in `sh -c`), in the stacks' READMEs, and in the
// healthchecks and Dockerfile RUN lines the lessons quote.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCliTable, parseDocker } from './docker-cli.ts';
import { AVOIDED_OPTIONS, lessonCommands } from './lesson-commands.ts';
import { readmeCommands } from './readme-commands.ts';
import { CHECKED_TOOLS, innerToolCommands, loadToolTable, toolCommands, toolProblems } from './tool-options.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tools = loadToolTable();
const cli = loadCliTable();
const words = (text: string): string[] => toolCommands(text)[0]!;
const problems = (text: string): string[] => toolProblems(words(text), tools);

/** Every tool command of a shell line, through docker exec/run and sh -c. */
function toolLines(text: string): string[][] {
  const found: string[][] = [];
  for (const argv of toolCommands(text)) {
    if (CHECKED_TOOLS.has(argv[0]!)) found.push(argv);
    if (argv[0] === 'docker') found.push(...innerToolCommands(parseDocker(argv, cli).inner).flatMap((inner) => (CHECKED_TOOLS.has(inner[0]!) ? [inner] : [])));
  }
  return found;
}

function filesUnder(dir: string, match: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => !path.split('/').includes('node_modules') && match.test(path) && statSync(join(dir, path)).isFile())
    .map((path) => join(dir, path));
}

/** Healthcheck tests of the compose files (CMD argv, CMD-SHELL line with Compose's $$ read as $). */
function healthchecks(file: string): string[] {
  const document = parse(readFileSync(file, 'utf8')) as { services?: Record<string, { healthcheck?: { test?: unknown } }> } | null;
  return Object.values(document?.services ?? {}).flatMap((service) => {
    const test = service?.healthcheck?.test;
    if (!Array.isArray(test)) return typeof test === 'string' ? [test.replaceAll('$$', '$')] : [];
    if (test[0] === 'CMD-SHELL') return [String(test[1]).replaceAll('$$', '$')];
    if (test[0] === 'CMD') return [test.slice(1).map((word) => `'${String(word)}'`).join(' ')];
    return [];
  });
}

describe('the options of psql, pg_dump, pg_restore, pg_isready, redis-cli, nginx and npm', () => {
  it('are recorded from the tools’ own help in the images the stacks run', () => {
    for (const tool of ['psql', 'pg_dump', 'pg_restore', 'pg_isready', 'redis-cli', 'nginx', 'npm ci', 'npm install']) {
      expect(tools.tools[tool]?.options.length, tool).toBeGreaterThan(1);
    }
    expect(Object.keys(tools.recordedWith)).toEqual(['postgres:17-alpine', 'redis:8-alpine', 'nginx:1.30-alpine', 'node:24-alpine']);
  });

  it('accept what the tools accept and refuse an unknown or misused option', () => {
    expect(problems("psql -U atelier -d atelier -tAc 'SELECT 1'")).toEqual([]);
    expect(problems('psql -h 127.0.0.1 -p 5432 --username=atelier atelier')).toEqual([]);
    expect(problems('psql --tuples-onli')).toEqual(['psql : option inconnue --tuples-onli']);
    expect(problems('psql -tYc x')).toEqual(['psql : option inconnue -Y']);
    expect(problems('psql -U')).toEqual(['psql : -U attend une valeur']);
    expect(problems('pg_dump --format=custom --file=/backups/x.dump')).toEqual([]);
    expect(problems('pg_dump --formatt=custom')).toEqual(['pg_dump : option inconnue --formatt']);
    expect(problems('pg_restore --clean --if-exists --single-transaction --dbname="$PGDATABASE" x.dump')).toEqual([]);
    expect(problems('redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping')).toEqual([]);
    // After the Redis command, the words are its own: `-x` is no option of redis-cli here.
    expect(problems('redis-cli --raw incr -x')).toEqual([]);
    expect(problems('redis-cli --no-auth-warnin ping')).toEqual(['redis-cli : option inconnue --no-auth-warnin']);
    expect(problems('redis-cli -ea x ping')[0]).toMatch(/ne groupe pas ses options/);
    expect(problems('nginx -s reload')).toEqual([]);
    expect(problems('nginx -x')).toEqual(['nginx : option inconnue -x']);
    expect(problems('npm ci --omit=dev --no-audit --no-fund')).toEqual([]);
    expect(problems('npm ci --audit=false --omit dev')).toEqual([]);
    expect(problems('npm ci --production')).toEqual(['npm ci : option inconnue --production']);
    expect(problems('npm publsh')).toEqual(['npm publsh : commande npm absente de la table (scripts/oracle/record-tool-options.ts)']);
  });

  it('find the tool inside docker compose exec and sh -c', () => {
    expect(toolLines("docker compose exec db psql -U atelier -d atelier -tAc 'SELECT 1'").map((argv) => argv[0])).toEqual(['psql']);
    expect(toolLines(`docker compose exec cache sh -c 'redis-cli -a "$REDIS_PASSWORD" --no-auth-warning ping | grep -q PONG'`).map((argv) => argv[0])).toEqual(['redis-cli']);
  });

  it('are the only ones the course shows: lessons, READMEs, healthchecks and Dockerfiles', () => {
    const lines: { where: string; text: string }[] = [];
    const lessonsDir = join(root, 'src/content/lessons');
    for (const slug of readdirSync(lessonsDir).filter((name) => /^\d\d-/.test(name))) {
      for (const command of lessonCommands(readFileSync(join(lessonsDir, slug, 'index.mdx'), 'utf8'))) {
        if (!(command.text in AVOIDED_OPTIONS)) lines.push({ where: `${slug} l.${command.line}`, text: command.text });
      }
    }
    for (const readme of filesUnder(join(root, 'stacks'), /^\d\d-[^/]+\/README\.md$/)) {
      for (const command of readmeCommands(readFileSync(readme, 'utf8'))) lines.push({ where: `${readme.replace(root, '')} l.${command.line}`, text: command.text });
    }
    for (const file of [...filesUnder(join(root, 'stacks'), /compose[\w.-]*\.ya?ml$/), ...filesUnder(lessonsDir, /\/solution\/compose[\w.-]*\.ya?ml$/)]) {
      for (const test of healthchecks(file)) lines.push({ where: file.replace(root, ''), text: test });
    }
    for (const file of filesUnder(join(root, 'stacks'), /Dockerfile$/)) {
      for (const run of readFileSync(file, 'utf8').split('\n').filter((line) => /^RUN /.test(line))) lines.push({ where: file.replace(root, ''), text: run.slice(4) });
    }
    const checked = lines.flatMap(({ where, text }) => toolLines(text).map((argv) => ({ where, argv })));
    const byTool = new Map<string, number>();
    for (const { argv } of checked) byTool.set(argv[0]!, (byTool.get(argv[0]!) ?? 0) + 1);
    console.log(`options vérifiées : ${checked.length} commandes (${[...byTool].map(([tool, n]) => `${tool} ${n}`).join(', ')})`);
    expect(checked.length).toBeGreaterThan(40);
    for (const tool of CHECKED_TOOLS) expect(byTool.get(tool), tool).toBeGreaterThan(0);
    expect(checked.flatMap(({ where, argv }) => toolProblems(argv, tools).map((p) => `${where} : ${argv.join(' ')} → ${p}`))).toEqual([]);
  });

  it('still refuse the forms a lesson shows to avoid, so its claim stays true', () => {
    for (const text of Object.keys(AVOIDED_OPTIONS)) expect(problems(text), text).not.toEqual([]);
  });
});
