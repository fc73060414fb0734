// Whole-process wall time of the CLI as users run it (bin/atelier-compose.cjs
// and the bundle in lib/, built first), against `docker compose config -q` and
// dclint on the same project: a copy of stacks/08-production with its .env.
// The three commands take turns, so a neighbour's load spreads over all of
// them, and each gets the median of its runs. The first run of each fills
// Node's compile cache (a private folder here), as a user's first run does;
// the variable that moves it there also turns Node's compile cache on for
// dclint, which a user would not have by default (a few percent in its favour).
// Both Node programs run on the same Node, this one: started from its
// `#!/usr/bin/env node` line, dclint ran on whatever `node` came first in
// PATH (the system's Node 20 here, a fifth slower than Node 24), unless the
// bench was started through npm.
// Goals (issue #15): ≤ 2× docker compose, ≥ 4× faster than dclint.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPackage, cleanPackage } from '../cli/build.ts';

interface Command {
  label: string;
  command: string;
  args: string[];
}

export interface CliWallTimes {
  cli: number;
  compose: number | undefined;
  dclint: number;
  /** Mean CPU time (user + system) of one run, when /proc tells: steadier than wall time on a busy machine. */
  cpu: Map<string, number>;
}

/** CPU time of the waited-for children so far (Linux /proc, clock ticks of 10 ms), or undefined elsewhere. */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // Fields 16 and 17 of proc(5), cutime and cstime; the split starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Copies the chapter 08 stack as a learner has it after `cp .env.example .env`. */
function chapter08Project(repo: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-cli-bench-'));
  cpSync(join(repo, 'stacks/08-production'), dir, { recursive: true, filter: (path) => !/\/(node_modules|certs|backups)(\/|$)/.test(path) });
  cpSync(join(dir, '.env.example'), join(dir, '.env'));
  return dir;
}

export async function measureCliWallTime(repo: string, composeBinary: string | undefined, runs = 21): Promise<CliWallTimes> {
  await buildPackage();
  const project = chapter08Project(repo);
  const cache = mkdtempSync(join(tmpdir(), 'atelier-compile-cache-'));
  const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: tmpdir(), NODE_COMPILE_CACHE: cache };
  const commands: Command[] = [{ label: 'cli', command: process.execPath, args: [join(repo, 'bin/atelier-compose.cjs'), 'check', '.'] }];
  // The Compose plugin itself, without the `docker` command users start it through (in its favour).
  if (composeBinary) commands.push({ label: 'compose', command: composeBinary, args: ['config', '-q'] });
  commands.push({ label: 'dclint', command: process.execPath, args: [realpathSync(join(repo, 'node_modules/.bin/dclint')), 'compose.yaml'] });
  const samples = new Map<string, number[]>(commands.map((c) => [c.label, []]));
  const cpuTotals = new Map<string, number>(commands.map((c) => [c.label, 0]));
  try {
    for (let run = -1; run < runs; run++) {
      for (const { label, command, args } of commands) {
        const cpuBefore = childrenCpuMs();
        const started = performance.now();
        const result = spawnSync(command, args, { cwd: project, env, stdio: 'ignore' });
        const took = performance.now() - started;
        const cpuAfter = childrenCpuMs();
        if (result.error) throw result.error;
        if (run < 0) continue;
        samples.get(label)!.push(took);
        if (cpuBefore !== undefined && cpuAfter !== undefined) cpuTotals.set(label, cpuTotals.get(label)! + cpuAfter - cpuBefore);
      }
    }
  } finally {
    rmSync(project, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    // A bundle left in lib/ would shadow the sources for `npx atelier-compose` in this checkout.
    cleanPackage();
  }
  const compose = samples.get('compose');
  const cpu = new Map(childrenCpuMs() === undefined ? [] : [...cpuTotals].map(([label, total]) => [label, total / runs] as const));
  return { cli: median(samples.get('cli')!), compose: compose && compose.length > 0 ? median(compose) : undefined, dclint: median(samples.get('dclint')!), cpu };
}

/** The section `npm run bench` prints. */
export async function printCliWallTime(repo: string, composeBinary: string | undefined): Promise<void> {
  const runs = 21;
  const times = await measureCliWallTime(repo, composeBinary, runs);
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  console.log(`\nwhole process on stacks/08-production (median of ${runs} runs, taking turns)`);
  console.log(`  atelier-compose check .     ${ms(times.cli)}`);
  if (times.compose !== undefined) {
    const ratio = times.cli / times.compose;
    console.log(`  docker compose config -q    ${ms(times.compose)}  → CLI takes ${ratio.toFixed(2)}× its time ${ratio <= 2 ? 'OK (≤ 2×)' : 'ABOVE the 2× goal'}`);
  } else {
    console.log('  docker compose              not found (set DOCKER_COMPOSE or run scripts/ci/rootfs.sh forky docker-compose)');
  }
  const faster = times.dclint / times.cli;
  console.log(`  dclint compose.yaml         ${ms(times.dclint)}  → CLI ${faster.toFixed(1)}× faster ${faster >= 4 ? 'OK (≥ 4×)' : 'BELOW the 4× goal'}`);
  if (times.cpu.size > 0) {
    const cpu = (label: string): string => (times.cpu.has(label) ? `${label} ${ms(times.cpu.get(label)!)}` : '');
    const line = ['cli', 'compose', 'dclint'].map(cpu).filter(Boolean).join(', ');
    const cli = times.cpu.get('cli')!;
    const compose = times.cpu.get('compose');
    const ratios = `${compose ? `CLI/compose ${(cli / compose).toFixed(2)}×, ` : ''}dclint/CLI ${(times.cpu.get('dclint')! / cli).toFixed(1)}×`;
    console.log(`  CPU per run (user + system, mean): ${line}  (${ratios}; steadier than wall time when the machine is busy)`);
  }
}

if (process.argv[1]?.endsWith('cli-wall-time.ts')) {
  const { fileURLToPath } = await import('node:url');
  await printCliWallTime(fileURLToPath(new URL('../../', import.meta.url)), process.env['DOCKER_COMPOSE']);
}
