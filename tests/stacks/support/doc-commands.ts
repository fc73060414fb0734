// Runs a command a README or a lesson tells the learner to type, against the
// stack under test, as written (its ports and placeholders substituted), and
// checks what the text says it prints. Shared by the README and lesson steps
// of stacks.test.ts, which run against the same started stack.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { substitute, type ReadmeCommand } from '../../../scripts/stacks/readme-commands.ts';
import { run, type ComposeProject, type RunResult } from './compose-project.ts';

export type Expectation = NonNullable<ReadmeCommand['expect']>;

export function docEnv(p: ComposeProject): NodeJS.ProcessEnv {
  return { ...p.env, COMPOSE_PROJECT_NAME: p.name, PGPASSWORD: p.envFile['POSTGRES_PASSWORD'] ?? '', PGCONNECT_TIMEOUT: '5' };
}

/** The command as the harness runs it: the test's ports, the latest dump, the test's project name. */
export async function asRun(p: ComposeProject, text: string): Promise<string> {
  const dumps = (await readdir(join(p.dir, 'backups')).catch(() => [] as string[])).filter((f) => /^atelier-\d{8}T\d{6}Z\.dump$/.test(f)).sort();
  return substitute(text, {
    httpPort: p.httpPort,
    httpsPort: p.httpsPort,
    dbPort: p.dbPort,
    project: { written: p.slug, running: p.name },
    ...(dumps.length ? { latestDump: `/backups/${dumps.at(-1)}` } : {}),
  });
}

/** Checks what the text says the command prints, whatever its exit. */
async function checkOutput(p: ComposeProject, where: string, command: string, result: RunResult, expectation: Expectation | undefined): Promise<void> {
  const output = `${result.stdout}\n${result.stderr}`;
  if (expectation?.contains) expect(output.toLowerCase(), `${where} : ${command}`).toContain((await asRun(p, expectation.contains)).toLowerCase());
  if (expectation?.status !== undefined) expect(result.stdout, `${where} : ${command}`).toMatch(new RegExp(`^HTTP/[\\d.]+ ${expectation.status}\\b`, 'm'));
  if (expectation?.empty) expect(result.stdout, `${where} : ${command}`).toBe('');
  if (expectation?.matches) expect(result.stdout, `${where} : ${command}`).toMatch(new RegExp(expectation.matches, 'm'));
}

/** Exit codes of a command stopped by Ctrl+C: 0 (it handled SIGINT and ended cleanly) or 128 + 2. */
export const INTERRUPTED = new Set([0, 130]);

/**
 * docker/compose#11710: Compose 2.26 (the CI's, from Debian trixie) sometimes
 * panics with « close of closed channel » (pkg/compose/up.go) once Ctrl+C has
 * stopped the containers gracefully, and exits with 2; fixed in 2.27
 * (docker/compose#11719), so a learner's Compose does not. Only that panic,
 * after the graceful stop, counts as a stop.
 */
export function panicAfterGracefulStop(code: number, output: string): boolean {
  return code === 2 && /Gracefully stopping/.test(output) && /panic: close of closed channel\s+goroutine \d+ \[running\]:\s+\S*compose\S*\.\(\*composeService\)\.Up\b[\s\S]*?pkg\/compose\/up\.go:\d+/.test(output);
}

export interface Interrupted {
  result: RunResult;
  /** It ended by itself, before Ctrl+C. */
  endedAlone: boolean;
  /** It ended on Ctrl+C (or by itself) within a minute. */
  stopped: boolean;
}

/** Starts a command, waits until it has printed something and then nothing new for `settleMs`, sends Ctrl+C to its process group. */
export async function interruptAfterOutput(command: string, cwd: string, env: NodeJS.ProcessEnv, settleMs = 3000): Promise<Interrupted> {
  const start = performance.now();
  const child = spawn('bash', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  let lastOutput = 0;
  child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString('utf8')), (lastOutput = performance.now())));
  child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString('utf8')), (lastOutput = performance.now())));
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const closed = new Promise<void>((resolve) => child.on('close', (code, signal) => ((exit = { code, signal }), resolve())));
  const deadline = start + 120_000;
  while (!exit && performance.now() < deadline && !(lastOutput > 0 && performance.now() - lastOutput > settleMs)) await new Promise((r) => setTimeout(r, 200));
  const endedAlone = exit !== undefined;
  const within = (ms: number): Promise<boolean> => Promise.race([closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(exit !== undefined), ms))]);
  let stopped = endedAlone;
  if (!endedAlone) {
    // Ctrl+C to the docker CLI (bash -c execs a lone command), which hands it to the Compose plugin. Sent to
    // the whole group, the plugin also gets it directly, takes the second as « press Ctrl+C again to force »
    // and kills the containers, and the engine's Compose 2.26 then panics (close of closed channel, up.go:87).
    process.kill(child.pid!, 'SIGINT');
    stopped = await within(15_000);
    // A pipeline: bash does not pass the signal on; the terminal would signal the whole group.
    if (!stopped) process.kill(-child.pid!, 'SIGINT');
    stopped ||= await within(45_000);
  }
  if (!stopped) process.kill(-child.pid!, 'SIGKILL');
  const result: RunResult = { code: exit?.code ?? (exit?.signal === 'SIGINT' ? 130 : -1), stdout, stderr, ms: performance.now() - start };
  return { result, endedAlone, stopped };
}

/**
 * A command that never returns on its own (`logs -f`, `up` in the foreground,
 * `watch`): started as the learner would, given the time to show it works (it
 * has printed something, then nothing new for a few seconds), then sent
 * Ctrl+C, that is SIGINT to its process group, as a terminal does. It fails if
 * it ends by itself with an error, prints nothing, or does not stop on Ctrl+C.
 */
export async function runUntilInterrupted(p: ComposeProject, where: string, text: string, expectation: Expectation | undefined): Promise<RunResult> {
  const command = await asRun(p, text);
  const { result, endedAlone, stopped } = await interruptAfterOutput(command, p.dir, docEnv(p));
  const output = `${result.stdout}\n${result.stderr}`;
  expect(stopped, `${where} : ne s’arrête pas sur Ctrl+C : ${command}\n${output}`).toBe(true);
  // A command the text says fails (`watch` without a develop section) ends by itself, in error.
  if (expectation?.fails) expect(endedAlone && result.code !== 0, `${where} doit échouer : ${command}\n${output}`).toBe(true);
  else if (endedAlone) expect(result.code, `${where} : s’est terminée seule, en erreur : ${command}\n${output}`).toBe(0);
  else expect(INTERRUPTED.has(result.code) || panicAfterGracefulStop(result.code, output), `${where} : code ${result.code} après Ctrl+C : ${command}\n${output}`).toBe(true);
  expect(output.trim(), `${where} : n’a rien affiché : ${command}`).not.toBe('');
  await checkOutput(p, where, command, result, expectation);
  return result;
}

/** Runs it and asserts the exit code and what the text says it prints; returns the report line's verdict. */
export async function runDocCommand(p: ComposeProject, where: string, text: string, expectation: Expectation | undefined): Promise<RunResult> {
  const command = await asRun(p, text);
  const result = await run('bash', ['-c', command], { cwd: p.dir, env: docEnv(p), timeoutMs: 600_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  if (expectation?.fails) expect(result.code, `${where} doit échouer : ${command}\n${output}`).not.toBe(0);
  else expect(result.code, `${where} : ${command}\n${output}`).toBe(0);
  await checkOutput(p, where, command, result, expectation);
  return result;
}
