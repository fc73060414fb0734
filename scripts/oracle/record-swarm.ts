// Records what the real `docker stack config` (the Docker CLI's stack loader,
// the same code `docker stack deploy` runs first) says about every case of
// the Swarm oracle corpus, into tests/oracle/swarm/verdicts.json.
//   npm run oracle:swarm                       (the `docker` on PATH, or $DOCKER)
// `docker stack config` needs no swarm and no daemon: it loads, interpolates
// and validates the file, and prints it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const corpusFile = join(repo, 'tests/oracle/swarm/corpus.json');
const output = join(repo, 'tests/oracle/swarm/verdicts.json');

export interface Verdict {
  verdict: 'valid' | 'invalid';
  message: string;
}

function dockerBinary(): string {
  return process.env['DOCKER'] ?? execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
}

interface SwarmCase {
  stack: string;
  envFiles: string[];
}

/** Runs the tool in a fresh directory holding the case, with an empty environment: a stack's variables come only from the shell. */
function run(binary: string, swarmCase: SwarmCase): Promise<Verdict> {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-swarm-oracle-'));
  writeFileSync(join(dir, 'stack.yaml'), swarmCase.stack);
  for (const path of swarmCase.envFiles) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), '');
  }
  return new Promise((resolve) => {
    const child = spawn(binary, ['stack', 'config', '-c', 'stack.yaml'], { cwd: dir, env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' } });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const message = stderr.replace(new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '.').trim();
      rmSync(dir, { recursive: true, force: true });
      resolve({ verdict: code === 0 ? 'valid' : 'invalid', message });
    });
  });
}

async function main(): Promise<void> {
  const binary = dockerBinary();
  const version = execFileSync(binary, ['version', '--format', '{{.Client.Version}}'], { encoding: 'utf8', env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' } }).trim();
  const corpus = (JSON.parse(readFileSync(corpusFile, 'utf8')) as { cases: Record<string, SwarmCase> }).cases;
  const cases = Object.keys(corpus).sort();
  const verdicts: Record<string, Verdict> = {};
  const queue = [...cases];
  const workers = Array.from({ length: 2 }, async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) verdicts[name] = await run(binary, corpus[name]!);
  });
  await Promise.all(workers);
  const sorted = Object.fromEntries(Object.entries(verdicts).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(output, `${JSON.stringify({ tool: `docker stack config (Docker CLI ${version})`, command: 'docker stack config -c stack.yaml', cases: sorted }, null, 2)}\n`);
  const invalid = Object.values(sorted).filter((v) => v.verdict === 'invalid').length;
  console.log(`recorded ${cases.length} cases (${invalid} invalid) with Docker CLI ${version} into ${output}`);
}

await main();
