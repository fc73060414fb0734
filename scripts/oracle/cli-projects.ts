// Shared by the recorder (record-cli-projects.ts) and the test
// (src/cli/compose-oracle.test.ts): the cases and how the real tool is asked.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(repo, 'src/cli/fixtures/projects');
export const ANSWERS_PATH = join(FIXTURES, 'compose-answers.json');

export interface ProjectCase {
  cwd: string;
  args: string[];
  env?: Record<string, string>;
}

export interface ComposeAnswer {
  status: number;
  /** Sorted: the tool prints them in dependency order. */
  services: string[];
  /** The tool's error (its timestamped warnings left out), with the fixtures' path replaced by `${FIXTURES}`. */
  error?: string;
}

export function loadCases(): Record<string, ProjectCase> {
  return (JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as { cases: Record<string, ProjectCase> }).cases;
}

export function caseArgs(testCase: ProjectCase): string[] {
  return testCase.args.map((arg) => arg.replaceAll('${FIXTURES}', FIXTURES));
}

/** The forky chroot's Compose (scripts/ci/rootfs.sh), or $DOCKER_COMPOSE. Building the chroot needs root. */
export function composeBinary(): string {
  const fromEnv = process.env['DOCKER_COMPOSE'];
  if (fromEnv) return fromEnv;
  const rootfs = execFileSync('bash', [join(repo, 'scripts/ci/rootfs.sh'), 'forky', 'docker-compose'], { encoding: 'utf8' }).trim();
  const binary = join(rootfs, 'usr/libexec/docker/cli-plugins/docker-compose');
  if (!existsSync(binary)) throw new Error(`docker compose binary not found: ${binary}`);
  return binary;
}

export function composeVersion(binary: string): string {
  return execFileSync(binary, ['version', '--short'], { encoding: 'utf8', env: {} }).trim();
}

/** Runs the tool as a fresh shell would: only the case's variables, no HOME config. */
export function askCompose(binary: string, testCase: ProjectCase): ComposeAnswer {
  const result = spawnSync(binary, [...caseArgs(testCase), 'config', '--services'], {
    cwd: join(FIXTURES, testCase.cwd),
    encoding: 'utf8',
    env: { HOME: mkdtempSync(join(tmpdir(), 'compose-home-')), PATH: '/usr/bin:/bin', ...testCase.env },
  });
  const services = result.stdout.split('\n').filter((line) => line !== '').sort();
  // Warnings carry a timestamp; the error is the last line.
  const error = result.stderr
    .split('\n')
    .filter((line) => line !== '' && !/level=warning/.test(line))
    .join('\n')
    .replaceAll(FIXTURES, '${FIXTURES}');
  return { status: result.status ?? -1, services, ...(result.status !== 0 ? { error } : {}) };
}
