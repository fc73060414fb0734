// Runs a command a README or a lesson tells the learner to type, against the
// stack under test, as written (its ports and placeholders substituted), and
// checks what the text says it prints. Shared by the README and lesson steps
// of stacks.test.ts, which run against the same started stack.
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

/** Runs it and asserts the exit code and what the text says it prints; returns the report line's verdict. */
export async function runDocCommand(p: ComposeProject, where: string, text: string, expectation: Expectation | undefined): Promise<RunResult> {
  const command = await asRun(p, text);
  const result = await run('bash', ['-c', command], { cwd: p.dir, env: docEnv(p), timeoutMs: 600_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  if (expectation?.fails) expect(result.code, `${where} doit échouer : ${command}\n${output}`).not.toBe(0);
  else expect(result.code, `${where} : ${command}\n${output}`).toBe(0);
  if (expectation?.contains) expect(output.toLowerCase(), `${where} : ${command}`).toContain((await asRun(p, expectation.contains)).toLowerCase());
  if (expectation?.status !== undefined) expect(result.stdout, `${where} : ${command}`).toMatch(new RegExp(`^HTTP/[\\d.]+ ${expectation.status}\\b`, 'm'));
  if (expectation?.empty) expect(result.stdout, `${where} : ${command}`).toBe('');
  if (expectation?.matches) expect(result.stdout, `${where} : ${command}`).toMatch(new RegExp(expectation.matches, 'm'));
  return result;
}
