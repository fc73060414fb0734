import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectFiles } from './agreement.ts';
import { execFileSync } from 'node:child_process';
import { corpusDir, REPO, verdictsFile } from './paths.ts';
// Compose 2.40.3 from Debian forky (scripts/ci/rootfs.sh), as the other oracle.
const rootfs = execFileSync('bash', [join(REPO, 'scripts/ci/rootfs.sh'), 'forky', 'docker-compose'], { encoding: 'utf8' }).trim();
const BIN = process.env['DOCKER_COMPOSE'] ?? join(rootfs, 'usr/libexec/docker/cli-plugins/docker-compose');
const KIND = process.argv[2] === 'mutants' ? 'compose-mutants' : 'compose';
const ROOT = corpusDir(KIND);
const CANONICAL = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
export function composeArgs(dir: string, file: string): string[] {
  const present = CANONICAL.filter((n) => existsSync(join(dir, n)));
  return present[0] === file ? ['config', '-q'] : ['-f', file, 'config', '-q'];
}
function run(dir: string, args: string[]): Promise<{ verdict: string; line?: number; message: string }> {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { cwd: dir, env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' } });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c));
    child.stderr.on('data', (c: Buffer) => (text += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
    child.on('close', (code) => {
      clearTimeout(timer);
      // Warnings carry the time they were printed: not part of the verdict.
      const message = text.split(dir).join('.').replace(/time="[^"]*" /g, '').trim();
      const line = /\bline (\d+)/.exec(message);
      resolve({ verdict: code === 0 ? 'valid' : 'invalid', ...(code !== 0 && line ? { line: Number(line[1]) } : {}), message: message.slice(0, 2000) });
    });
  });
}
const cases = readdirSync(ROOT).sort();
const out: Record<string, { verdict: string; line?: number; message: string }> = {};
const previous = (existsSync(verdictsFile(KIND)) ? JSON.parse(readFileSync(verdictsFile(KIND), 'utf8')) : {}) as typeof out;
const queue = [...cases];
await Promise.all(Array.from({ length: 3 }, async () => {
  for (let id = queue.shift(); id; id = queue.shift()) {
    const meta = JSON.parse(readFileSync(join(ROOT, id, 'case.json'), 'utf8'));
    // Compose runs in a folder holding the case's project as it would be checked out.
    const dir = mkdtempSync(join(tmpdir(), 'rw-compose-'));
    for (const [path, text] of projectFiles(KIND, id)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const args = composeArgs(dir, meta.composeFile);
    const verdict = { args, ...(await run(dir, args)) };
    // Compose meets map entries in random order: of several errors, the one it names varies. The same verdict on the same line keeps the previous message.
    const before = previous[id];
    out[id] = before && before.verdict === verdict.verdict && before.line === verdict.line ? { ...verdict, message: before.message } : verdict;
    rmSync(dir, { recursive: true, force: true });
  }
}));
// Sorted by id, so that re-recording rewrites nothing when nothing changed.
writeFileSync(verdictsFile(KIND), JSON.stringify(Object.fromEntries(cases.filter((id) => out[id]).map((id) => [id, out[id]])), null, 1));
const inv = Object.values(out).filter((v: any) => v.verdict === 'invalid').length;
console.log(`recorded ${cases.length}, invalid ${inv}`);
