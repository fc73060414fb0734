// The CLI reads a project as `docker compose` 2.40 does: on every case of
// fixtures/projects/cases.json, its service list is the one
// `docker compose config --services` printed (recorded in
// compose-answers.json), and where the tool refused the project, `check`
// reports an error. When the real tool is at hand (root, the forky chroot),
// the recorded answers are checked against it too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSWERS_PATH, askCompose, caseArgs, composeBinary, FIXTURES, loadCases, type ComposeAnswer } from '../../scripts/oracle/cli-projects.ts';
import { runCli } from './main.ts';

const cases = loadCases();
const recorded = JSON.parse(readFileSync(ANSWERS_PATH, 'utf8')) as { tool: string; answers: Record<string, ComposeAnswer> };

function cli(command: string, name: string): { code: number; out: string; err: string } {
  const testCase = cases[name]!;
  let out = '';
  let err = '';
  const code = runCli([command, ...caseArgs(testCase)], {
    cwd: join(FIXTURES, testCase.cwd),
    env: { PATH: '/usr/bin:/bin', ...testCase.env },
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
  });
  return { code, out, err };
}

describe(`the CLI finds the services ${recorded.tool} finds`, () => {
  it('has an answer recorded for every case', () => {
    expect(Object.keys(recorded.answers).sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(Object.keys(cases))('%s', (name) => {
    const answer = recorded.answers[name]!;
    if (answer.status === 0) {
      const { code, out, err } = cli('services', name);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(out.split('\n').filter((line) => line !== '').sort()).toEqual(answer.services);
    } else {
      // The tool refused the project: `check` must refuse it too, for the same reason.
      const { code, out, err } = cli('check', name);
      if (/required variable/.test(answer.error ?? '')) {
        expect(code).toBe(1);
        expect(out).toMatch(/ erreur required-variable /);
      } else {
        expect(answer.error).toMatch(/no such file or directory/);
        expect(code).toBe(2);
        expect(err).toMatch(/Fichier introuvable/);
      }
    }
  });
});

const canRun = process.getuid?.() === 0 || process.env['DOCKER_COMPOSE'] !== undefined;
const required = process.env['ATELIER_REQUIRE_ORACLES'] === '1';

describe.skipIf(!canRun && !required)('the recorded answers are still what docker compose says', () => {
  let binary = '';
  // The first run builds the forky chroot (scripts/ci/rootfs.sh); later ones find it cached.
  beforeAll(() => {
    binary = composeBinary();
  }, 900_000);

  // With several unset required variables, Compose names the first it meets in Go's random map order:
  // the kind of error is stable, the variable it names is not.
  const stable = <T extends { error?: string }>(answer: T): T =>
    answer.error === undefined ? answer : { ...answer, error: answer.error.replace(/interpolating \S+: required variable \S+ is missing a value/, 'interpolating …: required variable … is missing a value') };

  it.each(Object.keys(cases))('%s', (name) => {
    expect(existsSync(binary)).toBe(true);
    expect(stable(askCompose(binary, cases[name]!))).toEqual(stable(recorded.answers[name]!));
  });
});
