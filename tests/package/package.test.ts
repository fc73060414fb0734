// The npm package as a user gets it: packed, installed offline into an empty
// prefix, run on a real stack and on a broken project, imported by another
// project with its types. Prints the sizes the issue asks for (≤ 20 MB installed).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installOffline, repo, toolEnv, treeSize } from './pack.ts';

const fixtures = join(repo, 'tests/package/fixtures');
const MAX_INSTALLED_BYTES = 20 * 1024 * 1024;

let tarball = '';
let prefix = '';
let consumer = '';
let bin = '';
const made: string[] = [];

function temporary(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `atelier-${label}-`));
  made.push(dir);
  return dir;
}

function cli(args: readonly string[], cwd: string, node = process.execPath): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(node, [bin, ...args], { cwd, env: { PATH: toolEnv.PATH, HOME: tmpdir() }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  tarball = inject('tarball');
  prefix = installOffline(tarball, temporary('prefix'));
  bin = join(prefix, 'node_modules/.bin/atelier-compose');
  consumer = temporary('consumer');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  installOffline(tarball, consumer);
}, 300_000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds only the launcher, the bundles, their types and licences, the README and package.json', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    expect(listing).toEqual([
      'package/LICENSE',
      'package/README.md',
      'package/bin/atelier-compose.cjs',
      'package/lib/THIRD-PARTY-LICENSES.md',
      'package/lib/cli.cjs',
      'package/lib/index.d.ts',
      'package/lib/index.js',
      'package/package.json',
    ]);
  });

  it('installs offline into an empty prefix without pulling any dependency, under 20 MB', () => {
    const installed = treeSize(join(prefix, 'node_modules'));
    const packages = JSON.parse(readFileSync(join(prefix, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    console.log(
      `package: tarball ${(statSync(tarball).size / 1024).toFixed(0)} kB; installed ${(installed.bytes / 1024 / 1024).toFixed(2)} MB in ${installed.files} files`,
    );
    expect(Object.keys(packages.packages)).toEqual(['node_modules/atelier-compose']);
    expect(installed.bytes).toBeLessThanOrEqual(MAX_INSTALLED_BYTES);
  });
});

describe('the installed atelier-compose command', () => {
  it('finds nothing wrong in the chapter 08 stack and exits 0', () => {
    const project = temporary('stack08');
    cpSync(join(repo, 'stacks/08-production'), project, { recursive: true });
    cpSync(join(project, '.env.example'), join(project, '.env'));
    const { status, stdout, stderr } = cli(['check', '.'], project);
    expect(stderr).toBe('');
    expect(stdout).toContain('Aucun problème trouvé.');
    expect(status).toBe(0);
  });

  it('reports the compose and nginx errors of a broken project and exits 1', () => {
    const { status, stdout } = cli(['check', 'broken'], fixtures);
    expect(stdout).toMatch(/^broken\/compose\.yaml:7:9 erreur invalid-port /m);
    expect(stdout).toMatch(/^broken\/default\.conf:2:14 erreur nginx-missing-semicolon /m);
    expect(status).toBe(1);
  });

  it('runs the README’s first command for someone who only has the tarball (npx, offline, fresh cache)', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const command = /^npx --yes --package \.\/(\S+\.tgz) atelier-compose check \.(?=\s)/m.exec(readme);
    expect(command?.[1]).toBe(basename(tarball));
    const dir = temporary('readme');
    cpSync(tarball, join(dir, basename(tarball)));
    cpSync(join(fixtures, 'broken'), dir, { recursive: true });
    const env = { PATH: toolEnv.PATH, HOME: dir, npm_config_cache: join(dir, '.npm'), npm_config_offline: 'true', npm_config_update_notifier: 'false' };
    const result = spawnSync('bash', ['-c', command![0]], { cwd: dir, env, encoding: 'utf8' });
    expect(result.stdout).toMatch(/^compose\.yaml:7:9 erreur invalid-port /m);
    expect(result.status).toBe(1);
  });

  it('writes a long report whole into a pipe, and stops quietly with the check’s exit code when the reader leaves', () => {
    const project = temporary('many-problems');
    const services = Array.from({ length: 400 }, (_, i) => `  s${i}:\n    image: nginx:latest\n    depends_on: [absent${i}]\n`).join('');
    writeFileSync(join(project, 'compose.yaml'), `services:\n${services}`);
    const whole = cli(['check', '.'], project);
    expect(whole.stdout.split('\n').length).toBeGreaterThan(300);
    expect(whole.stdout).toMatch(/100 erreurs, 100 avertissements/);
    // `| head -1` closes the pipe after one line: no EPIPE trace, and pipefail sees the check's 1.
    const cut = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${bin}" check . | head -1`], { cwd: project, env: { PATH: toolEnv.PATH, HOME: tmpdir() }, encoding: 'utf8' });
    expect(cut.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(cut.stderr).toBe('');
    expect(cut.status).toBe(1);
  });

  it('colours its report on a terminal only (a pseudo-terminal through script(1), a pipe, the null device)', () => {
    const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${bin}" check broken`, '/dev/null'], { cwd: fixtures, env: { PATH: toolEnv.PATH, HOME: tmpdir(), TERM: 'xterm' }, encoding: 'utf8' });
    expect(tty.stdout).toContain('\u001b[31merreur\u001b[0m');
    expect(cli(['check', 'broken'], fixtures).stdout).not.toContain('\u001b[');
    const devNull = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" check broken > /dev/null; echo "$?"`], { cwd: fixtures, env: { PATH: toolEnv.PATH, HOME: tmpdir() }, encoding: 'utf8' });
    expect(devNull.stdout.trim()).toBe('1');
  });

  it('exits 2 with a French message when a path does not exist', () => {
    const { status, stderr } = cli(['check', 'nulle-part/compose.yaml'], fixtures);
    expect(stderr).toMatch(/introuvable/);
    expect(status).toBe(2);
  });

  it('writes its code cache after the first run, and gives the same answers from it, from a damaged one or where it cannot write', () => {
    const cache = temporary('code-cache');
    const run = (where = cache) => spawnSync(process.execPath, [bin, 'check', 'broken'], { cwd: fixtures, env: { PATH: toolEnv.PATH, HOME: tmpdir(), NODE_COMPILE_CACHE: where }, encoding: 'utf8' });
    const first = run();
    const [cacheFile] = readdirSync(join(cache, 'atelier-compose'));
    expect(cacheFile).toMatch(new RegExp(`^${process.version}-${process.arch}-\\d+-\\d+\\.bin$`));
    const written = statSync(join(cache, 'atelier-compose', cacheFile!));
    expect(written.size).toBeGreaterThan(100_000);
    const second = run();
    expect(statSync(join(cache, 'atelier-compose', cacheFile!)).mtimeMs).toBe(written.mtimeMs);
    writeFileSync(join(cache, 'atelier-compose', cacheFile!), 'pas un cache V8');
    const third = run();
    expect(statSync(join(cache, 'atelier-compose', cacheFile!)).size).toBeGreaterThan(100_000);
    // Below a regular file no folder can be made, whoever runs the test (root writes in a read-only folder).
    const unwritable = join(cache, 'atelier-compose', cacheFile!, 'below-a-file');
    const fourth = run(unwritable);
    for (const result of [first, second, third, fourth]) {
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      expect(result.stdout).toBe(first.stdout);
    }
  });

  // The machine's own Node is 20 (the repository installs 24 from npm): the launcher must refuse it in French.
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
    const result = spawnSync(path, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' });
    return result.status === 0 && Number(result.stdout) < 22;
  });
  it.skipIf(systemNode === undefined)('refuses a Node older than 22 in French, with exit code 2', () => {
    const { status, stderr } = cli(['check', 'clean'], fixtures, systemNode);
    expect(stderr).toMatch(/^atelier-compose demande Node\.js 22 ou plus récent \(ici 2\d\./);
    expect(status).toBe(2);
  });
});

describe('the programmatic API', () => {
  it('is imported by another project and checks files in memory', () => {
    writeFileSync(
      join(consumer, 'check.js'),
      [
        "import { checkProject, rules } from 'atelier-compose';",
        "import { readFileSync } from 'node:fs';",
        `const read = (path) => ({ path, text: readFileSync(${JSON.stringify(join(fixtures, 'broken'))} + '/' + path, 'utf8') });`,
        "const { diagnostics } = checkProject([read('compose.yaml'), read('default.conf')]);",
        'console.log(JSON.stringify({ rules: rules.length, diagnostics }));',
      ].join('\n'),
    );
    const output = execFileSync(process.execPath, ['check.js'], { cwd: consumer, encoding: 'utf8' });
    const { rules, diagnostics } = JSON.parse(output) as { rules: number; diagnostics: { file: string; ruleId: string; range: { start: { line: number; column: number } } }[] };
    expect(rules).toBeGreaterThan(20);
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.range.start.line, d.range.start.column])).toEqual([
      ['compose.yaml', 'invalid-port', 7, 9],
      ['default.conf', 'nginx-missing-semicolon', 2, 14],
    ]);
  });

  it('ships types a strict TypeScript project compiles against', () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [], skipLibCheck: false }, files: ['typed.ts'] }),
    );
    writeFileSync(
      join(consumer, 'typed.ts'),
      [
        "import { checkProject, classifyFile, rules, type Diagnostic, type FileKind, type ProjectFile } from 'atelier-compose';",
        "const files: ProjectFile[] = [{ path: 'compose.yaml', text: 'services: {}\\n' }];",
        'const diagnostics: Diagnostic[] = checkProject(files, { production: true }).diagnostics;',
        "const kind: FileKind = classifyFile('nginx/default.conf');",
        'const line: number | undefined = diagnostics[0]?.range.start.line;',
        'const ids: string[] = rules.map((rule) => rule.id + rule.docs.title);',
        'export { ids, kind, line };',
        '// @ts-expect-error a project file needs its text',
        "checkProject([{ path: 'compose.yaml' }]);",
        '// @ts-expect-error severities are a closed set',
        "const severity: Diagnostic['severity'] = 'fatal';",
        'export { severity };',
      ].join('\n'),
    );
    const result = spawnSync(join(repo, 'node_modules/.bin/tsc'), ['-p', consumer], { cwd: consumer, env: toolEnv, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('keeps the repository free of the built bundle after packing (postpack)', () => {
    expect(() => statSync(join(repo, 'lib'))).toThrow();
  });
});
