// Records what the real `docker compose config -q` says about every case of
// the compose oracle corpus, into tests/oracle/compose/verdicts.json.
//   npm run oracle:compose                  (binary from $DOCKER_COMPOSE, else the forky rootfs)
//   DOCKER_COMPOSE=/usr/libexec/docker/cli-plugins/docker-compose npm run oracle:compose
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const corpusDir = join(repo, 'tests/oracle/compose/corpus');
const output = join(repo, 'tests/oracle/compose/verdicts.json');

export interface Verdict {
  verdict: 'valid' | 'invalid';
  /** Line the tool's message names (`line 4:`), if any. */
  line?: number;
  message: string;
}

function composeBinary(): string {
  const fromEnv = process.env['DOCKER_COMPOSE'];
  if (fromEnv) return fromEnv;
  const rootfs = execFileSync('bash', [join(repo, 'scripts/ci/rootfs.sh'), 'forky', 'docker-compose'], { encoding: 'utf8' }).trim();
  return join(rootfs, 'usr/libexec/docker/cli-plugins/docker-compose');
}

function version(binary: string): string {
  return execFileSync(binary, ['version', '--short'], { encoding: 'utf8', env: {} }).trim();
}

/** Runs the tool in the case's directory with an empty environment, as a fresh shell would have no project variables. */
function run(binary: string, dir: string): Promise<Verdict> {
  return new Promise((resolve) => {
    const child = spawn(binary, ['config', '-q'], { cwd: dir, env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' } });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('close', (code) => {
      // Compose's warnings carry the time they were printed: dropped, so a new recording of the same verdicts leaves the file unchanged.
      const message = text.replace(new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '.').replace(/time="[^"]*" /g, '').trim();
      const line = /\bline (\d+)/.exec(message);
      resolve({ verdict: code === 0 ? 'valid' : 'invalid', ...(code !== 0 && line ? { line: Number(line[1]) } : {}), message });
    });
  });
}

async function main(): Promise<void> {
  const binary = composeBinary();
  if (!existsSync(binary)) throw new Error(`docker compose binary not found: ${binary}`);
  const cases = readdirSync(corpusDir).sort();
  const verdicts: Record<string, Verdict> = {};
  const queue = [...cases];
  const workers = Array.from({ length: 4 }, async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) verdicts[name] = await run(binary, join(corpusDir, name));
  });
  await Promise.all(workers);
  // Go's map order makes Compose name one of several problems at random (which service a schema error
  // cites): when the verdict and line are what was recorded, the recorded message stays, so re-recording
  // in npm test leaves the file unchanged unless the tool's verdict changed.
  const previous = existsSync(output) ? (JSON.parse(readFileSync(output, 'utf8')) as { cases: Record<string, Verdict> }).cases : {};
  for (const [name, verdict] of Object.entries(verdicts)) {
    const before = previous[name];
    if (before && before.verdict === verdict.verdict && before.line === verdict.line) verdicts[name] = before;
  }
  const sorted = Object.fromEntries(Object.entries(verdicts).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(output, `${JSON.stringify({ tool: `docker compose ${version(binary)}`, command: 'docker compose config -q', cases: sorted }, null, 2)}\n`);
  const invalid = Object.values(sorted).filter((v) => v.verdict === 'invalid').length;
  console.log(`recorded ${cases.length} cases (${invalid} invalid) with docker compose ${version(binary)} into ${output}`);
}

await main();
