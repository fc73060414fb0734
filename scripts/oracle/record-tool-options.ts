// Records the options of the other programs the lessons tell the learner to
// type (inside a container, through `docker compose exec`, or in a healthcheck),
// read from each tool's own help inside the images the stacks run, into
// tests/oracle/tool-options/options.json: psql, pg_dump and pg_restore
// (postgres:17-alpine), redis-cli (redis:8-alpine), nginx (nginx:1.30-alpine)
// and the npm commands the lessons name (node:24-alpine). In CI those images
// are the stand-ins built from Debian's packages (scripts/images/), whose tools
// are the same programs as the official images'. scripts/stacks/tool-options.ts
// checks the lessons' commands against the table, as docker-cli.ts does for docker.
//   npm run oracle:tool-options                  (Docker and the images, scripts/docker/ensure.sh)
//   npm run oracle:tool-options -- --if-changed  only when a tool's version differs from the table's (the stacks phase)
//
// Three help formats: GNU getopt_long (PostgreSQL: `  -c, --command=COMMAND`),
// redis-cli's and nginx's own (`  -a <password>`, `  -s signal     : …`), and
// npm's bracketed usage (`[--omit <dev|optional|peer> ...] [--no-audit]`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
export const toolOptionsPath = join(repo, 'tests/oracle/tool-options/options.json');

export interface ToolOption {
  /** `command` for `--command`, `c` for `-c`. */
  name: string;
  /** Two dashes (`--omit`) or one (`-c`). */
  long: boolean;
  /** The option takes a value (`--omit <dev|…>`, `-c filename`, `--command=COMMAND`). */
  value: boolean;
}

export interface ToolGrammar {
  /** The usage line of its help. */
  usage: string;
  options: ToolOption[];
  /** Single-letter options may be grouped (`-tAc`), as getopt allows. */
  clusters: boolean;
}

export interface ToolTable {
  /** Image → the tool versions read there (not its id: the stand-ins are built on each machine). */
  recordedWith: Record<string, { versions: Record<string, string> }>;
  /** `psql`, `redis-cli`, `nginx`, `npm ci`, `npm install`… */
  tools: Record<string, ToolGrammar>;
}

/** The tools, where they run, and how to ask for their help. */
const TOOLS: { key: string; image: string; argv: string[] }[] = [
  { key: 'psql', image: 'postgres:17-alpine', argv: ['psql', '--help'] },
  { key: 'pg_dump', image: 'postgres:17-alpine', argv: ['pg_dump', '--help'] },
  { key: 'pg_restore', image: 'postgres:17-alpine', argv: ['pg_restore', '--help'] },
  { key: 'pg_isready', image: 'postgres:17-alpine', argv: ['pg_isready', '--help'] },
  { key: 'redis-cli', image: 'redis:8-alpine', argv: ['redis-cli', '--help'] },
  { key: 'nginx', image: 'nginx:1.30-alpine', argv: ['nginx', '-h'] },
  ...['ci', 'install', 'start', 'run', 'test'].map((command) => ({ key: `npm ${command}`, image: 'node:24-alpine', argv: ['npm', command, '--help'] })),
];

const VERSIONS: Record<string, string[][]> = {
  'postgres:17-alpine': [['psql', '--version']],
  'redis:8-alpine': [['redis-cli', '--version']],
  'nginx:1.30-alpine': [['nginx', '-v']],
  'node:24-alpine': [['npm', '--version']],
};

function inImage(image: string, argv: string[]): string {
  const result = spawnSync('docker', ['run', '--rm', '--network', 'none', '--entrypoint', argv[0]!, image, ...argv.slice(1)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`${image} ${argv.join(' ')}: exit ${result.status}\n${result.stderr}`);
  // nginx prints its help and its version on stderr.
  return `${result.stdout}${result.stderr}`.trim();
}

/** GNU getopt_long help: `  -c, --command=COMMAND`, `      --csv`, `  -v, --set=, --variable=NAME=VALUE`, `  -1 ("one"), --single-transaction`. */
export function parseGnuHelp(text: string): ToolGrammar {
  const options: ToolOption[] = [];
  for (const line of text.split('\n')) {
    const head = /^ {2}(-[^\s]|\s{4})(.*?)(?:\s{2,}|$)/.exec(line);
    if (!head) continue;
    const spec = line.trim().split(/\s{2,}/)[0]!;
    // `--pset=VAR[=ARG]` takes a value; `--help[=options]` may take one, written attached: not a value to read from the next word.
    const value = /--[\w-]+=/.test(spec);
    for (const match of spec.matchAll(/(?:^|[\s,])(--?)([\w?][\w-]*)/g)) options.push({ name: match[2]!, long: match[1] === '--', value });
  }
  return { usage: /Usage:\s*\n\s*(.*)/.exec(text)?.[1]?.trim() ?? '', options: dedupe(options), clusters: true };
}

/** redis-cli's help: `  -a <password>   text`, `  --no-auth-warning   text`, `  -e   text`. */
export function parseRedisHelp(text: string): ToolGrammar {
  const options: ToolOption[] = [];
  for (const line of text.split('\n')) {
    const match = /^ {2}(--?)([\w-]+)( <[^>]+>)?(?:\s|$)/.exec(line);
    if (match) options.push({ name: match[2]!, long: match[1] === '--', value: Boolean(match[3]) });
  }
  return { usage: /^Usage: (.*)$/m.exec(text)?.[1]?.trim() ?? '', options: dedupe(options), clusters: false };
}

/** nginx -h: `  -s signal     : send signal…`, `  -?,-h         : this help`. */
export function parseNginxHelp(text: string): ToolGrammar {
  const options: ToolOption[] = [];
  for (const line of text.split('\n')) {
    const match = /^ {2}((?:-[?\w],?)+)( \w+)?\s*:/.exec(line);
    if (!match) continue;
    for (const name of match[1]!.split(',').filter(Boolean)) options.push({ name: name.slice(1), long: false, value: Boolean(match[2]) });
  }
  return { usage: /^Usage: (.*)$/m.exec(text)?.[1]?.trim() ?? '', options: dedupe(options), clusters: true };
}

/** npm's command help: `Usage:\nnpm ci`, then `Options:` and bracketed groups, `[-w|--workspace <name> ...]`. */
export function parseNpmHelp(text: string): ToolGrammar {
  const usage = /^Usage:\n(.*)$/m.exec(text)?.[1]?.trim() ?? '';
  const block = /^Options:\n([\s\S]*?)\n\n/m.exec(`${text}\n\n`)?.[1] ?? '';
  const options: ToolOption[] = [];
  // Outer groups only: `[--omit <x> [--omit <x> ...]]` repeats the same option.
  let depth = 0;
  let group = '';
  for (const char of block) {
    if (char === '[') depth += 1;
    if (depth > 0) group += char;
    if (char === ']') {
      depth -= 1;
      if (depth === 0) {
        const value = /^\[[^[\]]*?<[^>]+>/.test(group);
        for (const match of /^\[([^\s[\]<]+)/.exec(group)?.[1]?.split('|') ?? []) {
          const long = match.startsWith('--');
          options.push({ name: match.replace(/^--?/, ''), long, value });
        }
        group = '';
      }
    }
  }
  return { usage, options: dedupe(options), clusters: false };
}

function dedupe(options: ToolOption[]): ToolOption[] {
  const seen = new Map<string, ToolOption>();
  for (const option of options) seen.set(`${option.long ? '--' : '-'}${option.name}`, option);
  return [...seen.values()];
}

export function parseToolHelp(key: string, text: string): ToolGrammar {
  if (key.startsWith('npm ')) return parseNpmHelp(text);
  if (key === 'redis-cli') return parseRedisHelp(text);
  if (key === 'nginx') return parseNginxHelp(text);
  return parseGnuHelp(text);
}

function main(): void {
  const images = [...new Set(TOOLS.map((tool) => tool.image))];
  const recordedWith: ToolTable['recordedWith'] = {};
  for (const image of images) {
    recordedWith[image] = { versions: Object.fromEntries((VERSIONS[image] ?? []).map((argv) => [argv[0]!, inImage(image, argv).split('\n')[0]!])) };
  }
  if (process.argv.includes('--if-changed') && existsSync(toolOptionsPath)) {
    const previous = JSON.parse(readFileSync(toolOptionsPath, 'utf8')) as ToolTable;
    if (JSON.stringify(previous.recordedWith) === JSON.stringify(recordedWith)) {
      console.log('tool-options: à jour');
      return;
    }
  }
  const tools: Record<string, ToolGrammar> = {};
  for (const { key, image, argv } of TOOLS) {
    tools[key] = parseToolHelp(key, inImage(image, argv));
    if (tools[key].options.length === 0) throw new Error(`${key}: no option read from its help`);
  }
  mkdirSync(dirname(toolOptionsPath), { recursive: true });
  writeFileSync(toolOptionsPath, `${JSON.stringify({ recordedWith, tools } satisfies ToolTable, null, 1)}\n`);
  console.log(`tool-options: ${Object.keys(tools).length} outils → ${toolOptionsPath}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
