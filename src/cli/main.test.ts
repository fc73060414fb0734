import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonReport } from './format-json.ts';
import { runCli, type CliIo } from './main.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A scratch folder holding `files` (path → text), removed after the tests. */
function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-cli-'));
  temporary.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(argv: string[], io: Partial<CliIo> = {}): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, {
    cwd: fixtures,
    env: {},
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    ...io,
  });
  return { code, out, err };
}

const json = (out: string): JsonReport => JSON.parse(out) as JsonReport;

describe('atelier-compose check: which files', () => {
  it('exits 0 and says so in French on a clean project', () => {
    const { code, out } = run(['check', 'clean']);
    expect(code).toBe(0);
    expect(out).toContain('Aucun problème trouvé.');
  });

  it('prints file:line:col severity rule message and exits 1 on an error', () => {
    const { code, out } = run(['check', 'broken/compose.yaml']);
    expect(code).toBe(1);
    // Line 1: where `docker compose config` says it is (`yaml: line 1: did not find expected key`); the message names line 4.
    expect(out).toMatch(/^broken\/compose\.yaml:1:\d+ erreur [a-z-]+ .+la ligne 4\.$/m);
    expect(out).toMatch(/→ https:\/\/atelier-compose\.example\/regles\/[a-z-]+\//);
  });

  it('reads absolute paths as they are (it used to read ./etc/… for /etc/…)', () => {
    const elsewhere = join(scratch({ 'a/b/c/README': '' }), 'a/b/c');
    const { code, out } = run(['check', '--format', 'json', join(fixtures, 'broken/compose.yaml')], { cwd: elsewhere });
    expect(code).toBe(1);
    expect(json(out).files).toEqual([join(fixtures, 'broken/compose.yaml')]);
    expect(json(out).diagnostics[0]!.file).toBe(join(fixtures, 'broken/compose.yaml'));
  });

  it('checks the project of the working directory without an argument: compose.yaml, its override and .env, not docker-compose.yml', () => {
    const { code, out, err } = run(['check', '--format', 'json'], { cwd: join(fixtures, 'projects/override') });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(json(out).files).toEqual(['compose.yaml', 'compose.override.yaml', '.env']);
  });

  it('finds the project in a parent folder, as Compose does', () => {
    const { code, out } = run(['check', '--format', 'json'], { cwd: join(fixtures, 'projects/nested/app/sub') });
    expect(code).toBe(0);
    expect(json(out).files).toEqual(['../compose.yaml']);
  });

  it('reports a missing required variable as Compose does, and lets the shell provide it', () => {
    const missing = run(['check', 'projects/no-env-default']);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('required-variable');
    expect(run(['check', 'projects/no-env-default'], { env: { NGINX_TAG: '1.30-alpine' } }).code).toBe(0);
  });

  it('reads the nginx files the project bind-mounts, each where it is mounted', () => {
    const { code, out } = run(['check', '--format', 'json', 'projects/mounted-nginx']);
    const report = json(out);
    expect(report.files).toEqual([
      'projects/mounted-nginx/compose.yaml',
      'projects/mounted-nginx/nginx/nginx.conf',
      'projects/mounted-nginx/nginx/templates/api.conf.template',
    ]);
    // nginx.conf is mounted as conf.d/default.conf: a `server` at its top is right there.
    expect(report.diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it('reads the files Compose opens (include, extends.file, env_file, outside the project folder too) and says which are missing', () => {
    const dir = scratch({
      'app/compose.yaml': 'include:\n  - ../commun/base.yaml\nservices:\n  api:\n    image: node:24-alpine\n    env_file: ./api.env\n    extends:\n      file: ./ext.yaml\n      service: x\n',
      'app/api.env': 'A=1\n',
      'app/ext.yaml': 'services:\n  x:\n    restart: always\n',
      'commun/base.yaml': 'services:\n  db:\n    image: postgres:18\n    env_file: db.env\n',
    });
    const missing = run(['check', '--format', 'json'], { cwd: join(dir, 'app') });
    expect(json(missing.out).diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.ruleId}`)).toEqual(['../commun/base.yaml:4 missing-project-file']);
    writeFileSync(join(dir, 'commun/db.env'), 'B=1\n');
    const found = run(['check'], { cwd: join(dir, 'app') });
    expect(found.out).toContain('Aucun problème trouvé.');
    expect(found.code).toBe(0);
  });

  it('checks the stacks of the course, each with its .env.example, without an error', () => {
    for (const stack of ['01-introduction', '04-client', '07-reverse-proxy', '08-production', '11-bonnes-pratiques']) {
      const dir = join(repo, 'stacks', stack);
      const { code, out } = run(['check', '--format', 'json', '--env-file', '.env.example'], { cwd: dir });
      expect(code, stack).toBe(0);
      expect(json(out).summary.errors, stack).toBe(0);
      expect(json(out).files.some((f) => /\.conf(\.template)?$/.test(f)), stack).toBe(stack !== '01-introduction');
    }
  });

  it('says which services the profiles leave out, and checks them with --profile *', () => {
    const { out } = run(['check', 'projects/profiles']);
    expect(out).toContain('Services laissés de côté par les profils (comme docker compose) : cache, backup, adminer.');
    expect(run(['check', '--profile', '*', 'projects/profiles']).out).not.toContain('laissés de côté');
  });

  it('checks an nginx file given alone', () => {
    const dir = scratch({ 'site.conf': 'server {\n    listen 80 http2;\n}\n' });
    const { out } = run(['check', '--format', 'json', 'site.conf'], { cwd: dir });
    expect(json(out).files).toEqual(['site.conf']);
  });
});

describe('atelier-compose check: refusals, exit code 2', () => {
  it('says a path is missing, in French', () => {
    const missing = run(['check', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Fichier introuvable : nope.yaml');
  });

  it('says once that an env file is missing, as Compose refuses it', () => {
    const { code, err } = run(['check', '--env-file', 'absent.env'], { cwd: join(fixtures, 'projects/override') });
    expect(code).toBe(2);
    expect(err).toBe('Fichier d’environnement illisible\u00a0: Fichier introuvable\u00a0: absent.env\n');
  });

  it('says a folder holds compose files Compose would not read by itself', () => {
    const dir = scratch({ 'app/compose.prod.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n' });
    const { code, err } = run(['check', 'app'], { cwd: dir });
    expect(code).toBe(2);
    expect(err).toContain('app n’a ni compose.yaml ni docker-compose.yml, que Compose chercherait\u00a0: indiquez -f app/compose.prod.yaml pour vérifier ce fichier.');
  });

  it('says when no compose file is found here or above', () => {
    const { code, err } = run(['check'], { cwd: '/' });
    expect(code).toBe(2);
    expect(err).toContain('Aucun fichier compose trouvé dans . ni dans ses dossiers parents');
  });

  it('refuses a FIFO without hanging, and a device', () => {
    const dir = scratch({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n' });
    execFileSync('mkfifo', [join(dir, 'compose.override.yaml')]);
    const fifo = run(['check', '-f', 'compose.override.yaml'], { cwd: dir });
    expect(fifo.code).toBe(2);
    expect(fifo.err).toContain('compose.override.yaml est un tube nommé (FIFO), pas un fichier ordinaire : ignoré.');
    // Found by Compose's own lookup too (compose.yaml + its override).
    expect(run(['check'], { cwd: dir }).err).toContain('tube nommé');
    const device = run(['check', '-f', '/dev/null']);
    expect(device.code).toBe(2);
    expect(device.err).toContain('/dev/null est un périphérique, pas un fichier ordinaire');
  });

  it('says which sub-folder it cannot read, and still checks the rest', () => {
    const dir = scratch({
      'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    volumes:\n      - ./nginx:/etc/nginx/conf.d:ro\n',
      'nginx/site.conf': 'server {\n    listen 80;\n}\n',
      'nginx/private/secret.conf': 'server {\n    listen 81;\n}\n',
    });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'nginx/private'), 0o000);
    let result;
    if (process.getuid?.() === 0) {
      // root reads any folder: run the CLI as `nobody` instead.
      const script = `import { runCli } from ${JSON.stringify(join(repo, 'src/cli/main.ts'))};
let out = '', err = '';
const code = runCli(['check', '--format', 'json'], { cwd: ${JSON.stringify(dir)}, env: {}, stdout: (t) => (out += t), stderr: (t) => (err += t) });
process.stdout.write(JSON.stringify({ code, out, err }));`;
      const child = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(child.stderr).toBe('');
      result = JSON.parse(child.stdout) as { code: number; out: string; err: string };
    } else {
      result = run(['check', '--format', 'json'], { cwd: dir });
    }
    chmodSync(join(dir, 'nginx/private'), 0o755);
    expect(result.err).toContain('Dossier illisible (permissions) : nginx/private');
    expect(result.code).toBe(2);
    expect(json(result.out).files).toEqual(['compose.yaml', 'nginx/site.conf']);
  });

  it('explains its usage on a wrong command or option', () => {
    expect(run(['verifier']).code).toBe(2);
    expect(run(['check', '--format', 'xml', 'clean']).err).toContain('Format inconnu : xml');
    expect(run(['check', '--max-warnings', 'beaucoup', 'clean']).err).toContain('--max-warnings attend un nombre entier');
    expect(run(['check', '--inconnue', 'clean']).err).toContain('Option incorrecte');
    expect(run(['check', '-f', '-']).err).toContain('sur l’entrée standard (-f -) n’est pas prise en charge');
    expect(run(['--help']).out).toContain('Usage');
    const name = run(['check', '-p', 'Demo', 'clean']);
    expect(name.code).toBe(2);
    expect(name.err).toContain('Nom de projet invalide : « Demo »');
  });
});

describe('atelier-compose check: exit codes and --max-warnings', () => {
  it('exits 0 with warnings only, 1 past --max-warnings', () => {
    expect(run(['check', 'warnings']).code).toBe(0);
    expect(run(['check', '--max-warnings', '1', 'warnings']).code).toBe(0);
    const over = run(['check', '--max-warnings', '0', 'warnings']);
    expect(over.code).toBe(1);
    expect(over.err).toContain('Trop d’avertissements : 1 pour 0 permis (--max-warnings).');
  });
});

describe('atelier-compose check: text output', () => {
  const hostile = scratch({
    // A dependency name, quoted in the message, that tries to erase the line and print a clean result.
    'compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    depends_on: ["db\\e[2K\\rAucun problème trouvé.\\nfaux:1:1"]\n',
  });

  it('escapes control characters from the files, so no line can be forged', () => {
    const { out } = run(['check', 'compose.yaml'], { cwd: hostile, isTTY: false });
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\r');
    expect(out).toContain('\\u001b[2K\\rAucun problème trouvé.\\nfaux:1:1');
    expect(out.split('\n')).not.toContain('Aucun problème trouvé.');
  });

  it('colours on a terminal, not when NO_COLOR is set nor in a pipe', () => {
    expect(run(['check', 'broken'], { isTTY: true }).out).toContain('\u001b[31merreur\u001b[0m');
    expect(run(['check', 'broken'], { isTTY: true, env: { NO_COLOR: '1' } }).out).not.toContain('\u001b[');
    expect(run(['check', 'broken'], { isTTY: false }).out).not.toContain('\u001b[');
  });
});

describe('atelier-compose check: JSON output', () => {
  it('prints a versioned report with the files, a summary and the diagnostics with their ranges', () => {
    const { code, out } = run(['check', '--format', 'json', 'broken']);
    expect(code).toBe(1);
    const report = json(out);
    expect(report).toMatchObject({ version: 1, tool: { name: 'atelier-compose' }, files: ['broken/compose.yaml'], summary: { errors: 1, warnings: 0, infos: 0 } });
    expect(report.diagnostics[0]).toMatchObject({ file: 'broken/compose.yaml', severity: 'error', ruleId: 'yaml-syntax', url: 'https://atelier-compose.example/regles/yaml-syntax/' });
    expect(report.diagnostics[0]!.range.start.line).toBe(1); // where `docker compose config` says it is
  });

  it('links rules to the deployment given by --docs-url', () => {
    expect(run(['check', '--docs-url', 'https://cours.example/formation', 'broken']).out).toContain('https://cours.example/formation/regles/');
  });
});

describe('atelier-compose check: GitHub annotations', () => {
  it('prints one workflow command per diagnostic, escaped so file content cannot end it or start another', () => {
    const dir = scratch({ 'a,b:c%.yaml/compose.yaml': 'services:\n  web:\n    image: nginx:1.30-alpine\n    depends_on: ["db\\n::error::forged"]\n' });
    const { out } = run(['check', '--format', 'github', 'a,b:c%.yaml/compose.yaml'], { cwd: dir });
    const lines = out.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=a%2Cb%3Ac%25\.yaml\/compose\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::/);
    expect(out).not.toMatch(/\n::error::forged/);
    expect(out).toContain('%0Ahttps://atelier-compose.example/regles/');
  });
});

describe('atelier-compose check: configuration file', () => {
  const project = { 'compose.yaml': 'services:\n  web:\n    image: nginx:latest\n    container_name: web\n' };

  it('turns a rule off and changes a severity from .atelier-composerc.json', () => {
    const plain = json(run(['check', '--format', 'json'], { cwd: scratch(project) }).out);
    expect(plain.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['image-tag', 'warning'], ['no-container-name', 'info']]);
    const dir = scratch({ ...project, '.atelier-composerc.json': '{ "rules": { "image-tag": "error", "no-container-name": "off" } }' });
    const { code, out } = run(['check', '--format', 'json'], { cwd: dir });
    expect(json(out).diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['image-tag', 'error']]);
    expect(code).toBe(1);
  });

  it('finds the config in package.json, in YAML, in JavaScript, or where --config says', () => {
    const ids = (files: Record<string, string>, args: string[] = []) =>
      json(run(['check', '--format', 'json', ...args], { cwd: scratch({ ...project, ...files }) }).out).diagnostics.map((d) => d.ruleId);
    expect(ids({ 'package.json': '{ "name": "x", "atelier-compose": { "rules": { "image-tag": "off" } } }' })).toEqual(['no-container-name']);
    expect(ids({ '.atelier-composerc.yaml': 'rules:\n  image-tag: off\n' })).toEqual(['no-container-name']);
    expect(ids({ 'atelier-compose.config.js': 'export default { rules: { "no-container-name": "off" } };\n', 'package.json': '{ "type": "module" }' })).toEqual(['image-tag']);
    expect(ids({ 'ci/lint.yaml': 'rules:\n  image-tag: off\n  no-container-name: off\n' }, ['--config', 'ci/lint.yaml'])).toEqual([]);
  });

  it('refuses an unknown rule id or setting in French, with exit code 2', () => {
    const typo = run(['check'], { cwd: scratch({ ...project, '.atelier-composerc.json': '{ "rules": { "image-tags": "off" } }' }) });
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/la règle «\u00a0image-tags\u00a0» n’existe pas\u00a0; vouliez-vous dire «\u00a0image-tag\u00a0»\u00a0\?/);
    const setting = run(['check'], { cwd: scratch({ ...project, '.atelier-composerc.json': '{ "rules": { "image-tag": "warn" } }' }) });
    expect(setting.err).toContain('« warn » n’est pas un réglage pour « image-tag »');
    expect(run(['check', '--config', 'absent.json'], { cwd: scratch(project) }).err).toContain('Fichier de configuration introuvable');
  });

  it('honours # atelier-compose-disable-next-line comments', () => {
    const dir = scratch({ 'compose.yaml': 'services:\n  web:\n    # atelier-compose-disable-next-line image-tag -- image de test\n    image: nginx:latest\n' });
    expect(run(['check'], { cwd: dir }).out).toContain('Aucun problème trouvé.');
  });
});

describe('atelier-compose rules', () => {
  it('lists the catalogue as JSON with id, severity, title and page URL', () => {
    const { code, out } = run(['rules', '--format', 'json']);
    expect(code).toBe(0);
    const rules = JSON.parse(out) as { id: string; severity: string; title: string; url: string }[];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.url).toBe(`https://atelier-compose.example/regles/${rule.id}/`);
      expect(rule.title).not.toBe('');
    }
  });
});

describe('atelier-compose check --production', () => {
  it('applies the production rules with the flag only', () => {
    const project = scratch({ 'compose.yaml': 'services:\n  api:\n    image: node:24-alpine\n' });
    const rules = (...flags: string[]): string[] => json(run(['check', '--format', 'json', ...flags], { cwd: project }).out).diagnostics.map((d) => d.ruleId);
    expect(rules()).not.toContain('production-restart-policy');
    expect(rules('--production')).toContain('production-restart-policy');
  });
});
