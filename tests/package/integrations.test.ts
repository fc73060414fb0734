// Where people run linters: the pre-commit hook definition and the GitHub
// Action, exercised with the packed tarball. The action's script runs here as
// GitHub would run it (its inputs in the environment, GITHUB_OUTPUT a file);
// only the SARIF upload and setup-node need GitHub.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installOffline, repo, toolEnv } from './pack.ts';

const fixtures = join(repo, 'tests/package/fixtures');
const made: string[] = [];
let prefix = '';

function temporary(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `atelier-${label}-`));
  made.push(dir);
  return dir;
}

/** A copy of a fixture folder, as a repository checkout the hook or the action runs in. */
function checkout(fixture: string): string {
  const dir = temporary(`checkout-${fixture}`);
  cpSync(join(fixtures, fixture), dir, { recursive: true });
  return dir;
}

beforeAll(() => {
  prefix = installOffline(inject('tarball'), temporary('prefix'));
}, 300_000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'atelier-compose')!;

  it('is a node hook that pre-commit installs from this repository (npm pack, then the tarball)', () => {
    expect(hook).toMatchObject({ name: 'atelier-compose', language: 'node', pass_filenames: false });
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).bin).toHaveProperty(hook.entry.split(' ')[0]!);
  });

  it('runs when a compose, .env or nginx file changes, and only then', () => {
    // pre-commit matches `files` with Python's re.search on the staged paths; this pattern means the same in JavaScript.
    const files = new RegExp(hook.files);
    const staged = [
      'compose.yaml',
      'docker-compose.yml',
      'stacks/08-production/compose.prod.yaml',
      'compose.override.yaml',
      '.env',
      'stacks/08-production/nginx/proxy.conf.template',
      'nginx/conf.d/default.conf',
      'nginx.conf',
      'README.md',
      'package.json',
      '.env.example',
      'compose.yaml.orig',
      'src/compose.ts',
      'docs/conf.py',
    ];
    expect(staged.filter((path) => files.test(path))).toEqual(staged.slice(0, 8));
  });

  it('fails the commit on a broken project and lets a clean one through', () => {
    const [command, ...args] = hook.entry.split(' ');
    const run = (dir: string) => spawnSync(join(prefix, 'node_modules/.bin', command!), args, { cwd: dir, env: toolEnv, encoding: 'utf8' });
    const broken = run(checkout('broken'));
    expect(broken.stdout).toMatch(/compose\.yaml:7:9 erreur invalid-port/);
    expect(broken.status).toBe(1);
    expect(run(checkout('clean')).status).toBe(0);
  });
});

interface ActionStep {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

describe('the GitHub Action (action.yml)', () => {
  const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: ActionStep[] };
  };
  const steps = action.runs.steps;

  it('is a composite action: the check script, then the SARIF upload, then the verdict', () => {
    expect(action.runs.using).toBe('composite');
    const check = steps.find((s) => s.id === 'check')!;
    expect(check.run).toBe('bash "$GITHUB_ACTION_PATH/scripts/action/check.sh"');
    for (const input of ['path', 'args', 'package', 'sarif-file']) {
      expect(check.env?.[`INPUT_${input.toUpperCase().replace('-', '_')}`]).toBe(`\${{ inputs.${input} }}`);
    }
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with?.['sarif_file']).toBe('${{ steps.check.outputs.sarif-file }}');
    expect(upload.if).toContain('always()');
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(check));
    const verdict = steps.at(-1)!;
    expect(verdict.if).toContain("steps.check.outputs.exit-code != '0'");
    expect(verdict.run).toMatch(/exit 1\s*$/);
    expect(action.outputs['exit-code']!.value).toBe('${{ steps.check.outputs.exit-code }}');
  });

  /** check.sh with GitHub's environment: inputs as INPUT_*, outputs appended to the GITHUB_OUTPUT file. */
  function runAction(dir: string, inputs: Record<string, string>) {
    const outputFile = join(temporary('github-output'), 'output');
    writeFileSync(outputFile, '');
    const result = spawnSync('bash', [join(repo, 'scripts/action/check.sh')], {
      cwd: dir,
      env: {
        PATH: toolEnv.PATH,
        HOME: tmpdir(),
        GITHUB_ACTION_PATH: repo,
        GITHUB_OUTPUT: outputFile,
        RUNNER_TEMP: temporary('runner'),
        INPUT_PACKAGE: inject('tarball'),
        INPUT_PATH: action.inputs['path']!.default!,
        INPUT_ARGS: '',
        INPUT_SARIF_FILE: action.inputs['sarif-file']!.default!,
        ...inputs,
      },
      encoding: 'utf8',
    });
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    return { ...result, outputs };
  }

  /**
   * The sarif and github formats come with the CLI's project loading (branch
   * cli-project of issue #15); until both branches meet, a CLI without them
   * makes these two tests skip with a note instead of failing on a usage error.
   */
  function skipWithoutFormats(context: { skip: (note?: string) => void }): void {
    const probe = spawnSync(join(prefix, 'node_modules/.bin/atelier-compose'), ['check', '--format', 'sarif', '.'], { cwd: join(fixtures, 'clean'), env: toolEnv, encoding: 'utf8' });
    if (/Format inconnu/.test(probe.stderr)) context.skip('le CLI empaqueté ne connaît pas encore --format sarif');
  }

  it('writes a SARIF 2.1.0 report and annotations for a broken project, and passes on its exit code 1', (context) => {
    skipWithoutFormats(context);
    const dir = checkout('broken');
    const { status, stdout, outputs } = runAction(dir, {});
    expect(status).toBe(0);
    expect(outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'atelier-compose.sarif' });
    const sarif = JSON.parse(readFileSync(join(dir, 'atelier-compose.sarif'), 'utf8')) as {
      version: string;
      runs: { tool: { driver: { name: string } }; results: { ruleId: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('atelier-compose');
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['invalid-port', 'nginx-missing-semicolon']));
    expect(stdout).toMatch(/^::error file=compose\.yaml,line=7,col=9/m);
  });

  it('reports exit code 0 on a clean project and 2, with no report to upload, on a path that does not exist', (context) => {
    skipWithoutFormats(context);
    expect(runAction(checkout('clean'), {}).outputs).toEqual({ 'exit-code': '0', 'sarif-file': 'atelier-compose.sarif' });
    expect(runAction(checkout('clean'), { INPUT_PATH: 'nulle-part' }).outputs).toEqual({ 'exit-code': '2' });
  });
});
