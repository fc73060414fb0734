// Records the command-line grammar of the real tools the lessons tell the
// learner to type, into tests/oracle/docker-cli/commands.json: every command
// and subcommand of `docker compose` (Compose 2.40 from Debian forky, the
// project's oracle release) and of the Docker CLI (Debian forky's docker-cli),
// each with its usage line, aliases and flags (long and short names, and
// whether the flag takes a value), read from the tool's own `--help`.
// scripts/stacks/docker-cli.ts parses the lessons' commands against it.
//   npm run oracle:docker-cli                    (binaries from $DOCKER_COMPOSE and $DOCKER, else the forky rootfs)
//   npm run oracle:docker-cli -- --if-changed    only when a tool's version differs from the table's (npm test)
//
// Both tools are Cobra programs: their help prints `Usage:`, `Aliases:`,
// `Options:` (pflag's usage lines: `-d, --detach`, `--scale scale`, the type
// word after a flag meaning it takes a value) and command lists, a format
// stable across their releases. Help needs no daemon.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const output = join(repo, 'tests/oracle/docker-cli/commands.json');

export interface CliFlag {
  long: string;
  short?: string;
  /** pflag's type word (`string`, `stringArray`, `int`, `duration`…); absent for a boolean flag. */
  value?: string;
}

export interface CliCommand {
  usage: string;
  /** Other full paths to the same command (`docker ps` for `docker container ls`). */
  aliases: string[];
  flags: CliFlag[];
  /** Names of its subcommands, for a command that groups others (`docker network`). */
  subcommands: string[];
}

export interface CliTable {
  recordedWith: { compose: string; docker: string };
  /** Keyed by the full command path: `docker`, `docker compose`, `docker compose up`, `docker network create`. */
  commands: Record<string, CliCommand>;
}

// No daemon to ask: the Docker CLI then shows every command, Swarm ones included.
const ENV = { HOME: '/nonexistent', PATH: '/usr/bin:/bin', NO_COLOR: '1', DOCKER_HOST: 'unix:///nonexistent.sock' };

function rootfs(packageName: string): string {
  return execFileSync('bash', [join(repo, 'scripts/ci/rootfs.sh'), 'forky', packageName], { encoding: 'utf8' }).trim();
}

/** `--help` output; Cobra prints it on stdout and exits 0. */
function help(command: string[], args: string[]): string {
  const [binary, ...prefix] = command;
  return execFileSync(binary!, [...prefix, ...args, '--help'], { encoding: 'utf8', env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A pflag usage line: `  -d, --detach   text` or `      --scale scale   text`. */
const FLAG_LINE = /^\s{2,}(?:-(\w), )?\s*--([\w-]+)(?: ([\w.]+))?(?:\s{2,}|$)/;

export function parseHelp(text: string): CliCommand {
  const lines = text.split('\n');
  const usage = /^Usage:\s+(.*)$/m.exec(text)?.[1]?.trim() ?? '';
  const aliases = (/^Aliases:\n\s+(.*)$/m.exec(text)?.[1] ?? '').split(',').map((alias) => alias.trim()).filter(Boolean);
  const flags: CliFlag[] = [];
  const subcommands: string[] = [];
  let section = '';
  for (const line of lines) {
    const heading = /^([A-Z][\w ]*):\s*$/.exec(line);
    if (heading) {
      section = heading[1]!;
      continue;
    }
    if (/Options$/.test(section) || section === 'Flags') {
      const match = FLAG_LINE.exec(line);
      if (match) {
        const flag: CliFlag = { long: match[2]! };
        if (match[1]) flag.short = match[1];
        if (match[3]) flag.value = match[3];
        flags.push(flag);
      }
    } else if (/Commands$/.test(section)) {
      // `  network*    Manage networks` — a star marks a CLI plugin.
      const command = /^\s{2}([a-z][\w-]*)\*?\s{2,}/.exec(line)?.[1];
      if (command) subcommands.push(command);
    }
  }
  return { usage, aliases, flags, subcommands };
}

function record(binary: string[], prefix: string[], argv: string[], table: Record<string, CliCommand>, skip: (path: string) => boolean): void {
  const key = [...prefix, ...argv].join(' ');
  const command = parseHelp(help(binary, argv));
  table[key] = command;
  for (const sub of command.subcommands) {
    const path = `${key} ${sub}`;
    if (!skip(path)) record(binary, prefix, [...argv, sub], table, skip);
  }
}

function main(): void {
  const composeBinary = process.env['DOCKER_COMPOSE'] ?? join(rootfs('docker-compose'), 'usr/libexec/docker/cli-plugins/docker-compose');
  const compose = [composeBinary];
  // Inside its root filesystem, the Docker CLI finds no plugin of the host (buildx adds `bake` to its commands).
  const docker = process.env['DOCKER'] ? [process.env['DOCKER']] : ['/usr/sbin/chroot', rootfs('docker-cli'), '/usr/bin/docker'];
  const recordedWith = {
    compose: execFileSync(composeBinary, ['version', '--short'], { encoding: 'utf8', env: ENV }).trim(),
    // `docker version` exits 1 without a daemon: `--version` prints the client's alone.
    docker: /^Docker version ([^,\s]+)/.exec(execFileSync(docker[0]!, [...docker.slice(1), '--version'], { encoding: 'utf8', env: ENV }))?.[1] ?? '',
  };
  // `npm test` asks again only when a tool changed (about a minute of --help calls otherwise).
  if (process.argv.includes('--if-changed') && existsSync(output)) {
    const previous = JSON.parse(readFileSync(output, 'utf8')) as CliTable;
    if (previous.recordedWith.compose === recordedWith.compose && previous.recordedWith.docker === recordedWith.docker) {
      console.log(`docker-cli: à jour (Compose ${recordedWith.compose}, Docker CLI ${recordedWith.docker})`);
      return;
    }
  }
  const commands: Record<string, CliCommand> = {};
  // The Docker CLI lists its plugins (compose, buildx) when it finds them: compose is recorded from its own binary.
  record(docker, ['docker'], [], commands, (path) => path === 'docker compose' || path === 'docker buildx');
  record(compose, ['docker', 'compose'], [], commands, () => false);
  const table: CliTable = { recordedWith, commands: Object.fromEntries(Object.entries(commands).sort(([a], [b]) => a.localeCompare(b))) };
  writeFileSync(output, `${JSON.stringify(table, null, 1)}\n`);
  console.log(`docker-cli: ${Object.keys(commands).length} commandes (Compose ${table.recordedWith.compose}, Docker CLI ${table.recordedWith.docker}) → ${output}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
