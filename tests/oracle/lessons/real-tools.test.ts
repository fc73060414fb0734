// Every compose and nginx file a lesson shows is judged by the real tools,
// not only by our engine: `docker compose config -q` (Compose 2.40 from
// Debian forky) and `nginx -t` (nginx 1.30, in a forky chroot).
// Needs root (chroot, debootstrap). CI sets ATELIER_REQUIRE_ORACLES=1, so a
// missing tool fails there instead of skipping.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNginxContext } from '../../../src/engine/nginx/context.ts';
import { LOAD_MODULES, prepare, rootfs as nginxRootfs, runAll } from '../../../scripts/oracle/nginx-chroot.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const lessonsDir = join(repo, 'src/content/lessons');
const required = process.env['ATELIER_REQUIRE_ORACLES'] === '1';
const canRun = process.getuid?.() === 0;
/** Inside the chroot; apart from the oracle recorder's, so both may run at once. */
const WORK_DIR = '/tmp/atelier-lessons-nginx';

/** Start files that are invalid on purpose: the exercise is to repair them (the lesson says so). */
const INVALID_ON_PURPOSE: Record<string, string> = {
  '10-commandes/start': 'is missing a value',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'));
}

const variants = readdirSync(lessonsDir)
  .filter((lesson) => /^\d\d-/.test(lesson))
  .flatMap((lesson) => ['start', 'solution'].map((variant) => `${lesson}/${variant}`));

function envOf(dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  try {
    for (const line of readFileSync(join(dir, '.env'), 'utf8').split('\n')) {
      const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
      if (match) env[match[1]!] = match[2]!.replace(/^(["'])(.*)\1$/, '$2');
    }
  } catch {
    // no .env in this lesson
  }
  return env;
}

describe.skipIf(!canRun && !required)('lesson files judged by the real tools', () => {
  let composeBinary = '';
  let nginxRoot = '';

  beforeAll(() => {
    const script = join(repo, 'scripts/ci/rootfs.sh');
    const root = execFileSync('bash', [script, 'forky', 'docker-compose'], { encoding: 'utf8' }).trim();
    composeBinary = join(root, 'usr/libexec/docker/cli-plugins/docker-compose');
    nginxRoot = nginxRootfs();
    prepare(nginxRoot, WORK_DIR);
  }, 600_000);

  it.each(variants)('%s: docker compose config -q', (variant) => {
    const dir = join(lessonsDir, variant);
    const composeFiles = filesUnder(dir).filter((f) => /^compose(\.[\w-]+)?\.ya?ml$/.test(f)).sort((a, b) => a.length - b.length);
    if (composeFiles.length === 0) return;
    const args = composeFiles.flatMap((file) => ['-f', file]);
    const result = spawnSync(composeBinary, [...args, 'config', '-q'], {
      cwd: dir,
      encoding: 'utf8',
      env: { HOME: mkdtempSync(join(tmpdir(), 'compose-home-')), PATH: '/usr/bin:/bin' },
    });
    const expected = INVALID_ON_PURPOSE[variant];
    if (expected) {
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(expected);
    }
    else expect(result.stderr.replace(/.*level=warning.*\n?/g, '') + `exit ${result.status}`).toBe('exit 0');
  });

  it('nginx -t accepts every nginx file the lessons show', () => {
    const files: Record<string, string> = {};
    const mains: string[] = [];
    for (const variant of variants) {
      const dir = join(lessonsDir, variant);
      const env = envOf(dir);
      for (const path of filesUnder(dir).filter((f) => /\.conf(\.template)?$/.test(f))) {
        // The official image renders templates with envsubst before nginx reads them.
        const text = readFileSync(join(dir, path), 'utf8').replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => env[name] ?? whole);
        const name = `${variant}/${path}`;
        const role = createNginxContext({ path, text }, []).role;
        files[name] = text;
        if (role === 'main') mains.push(name);
        else {
          files[`${name}.main`] = `${LOAD_MODULES}events {}\nhttp {\n    include /etc/nginx/mime.types;\n    include ${join(WORK_DIR, 'files', name)};\n}\n`;
          mains.push(`${name}.main`);
        }
      }
    }
    expect(mains.length).toBeGreaterThan(0);
    const verdicts = runAll(nginxRoot, files, mains, 2, '', WORK_DIR);
    const failures = [...verdicts].filter(([, v]) => !v.ok).map(([name, v]) => `${name}: ${v.message} (${relative('/', v.file ?? '')}:${v.line})`);
    expect(failures).toEqual([]);
  }, 120_000);
});
