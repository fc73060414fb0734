import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyFile } from '../../../src/engine/classify-file.ts';
import type { ProjectFile } from '../../../src/engine/types.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - start });
    });
  });
}

export async function dockerAvailable(): Promise<boolean> {
  try {
    return (await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 15_000 })).code === 0;
  } catch {
    return false;
  }
}

let referenceBinary: Promise<string> | undefined;

/**
 * The Compose release the project judges files with (2.40, from Debian forky),
 * which validates without a daemon; the engine's own `docker compose` may be older.
 */
export function referenceCompose(): Promise<string> {
  referenceBinary ??= (async () => {
    const rootfs = await run(join(repoRoot, 'scripts/ci/rootfs.sh'), ['forky', 'docker-compose'], { timeoutMs: 600_000 });
    if (rootfs.code !== 0) throw new Error(`rootfs.sh forky docker-compose failed:\n${rootfs.stderr}`);
    return join(rootfs.stdout.trim(), 'usr/libexec/docker/cli-plugins/docker-compose');
  })();
  return referenceBinary;
}

let composeCommand: Promise<string[]> | undefined;

/** `docker compose` when the engine's CLI has the plugin, else the reference binary. */
export function composeBinary(): Promise<string[]> {
  composeCommand ??= (async () => {
    try {
      if ((await run('docker', ['compose', 'version'], { timeoutMs: 15_000 })).code === 0) return ['docker', 'compose'];
    } catch {
      // no docker client at all: fall back to the reference binary
    }
    return [await referenceCompose()];
  })();
  return composeCommand;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** KEY=VALUE lines of a .env file (comments and blank lines skipped). */
export function parseEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) values[match[1]] = match[2].trim();
  }
  return values;
}

const SKIPPED = new Set(['node_modules', '.env', 'backups']);

/**
 * A stack copied to a temporary directory and run under a unique project
 * name and free host ports, so a run never writes into the repository and
 * never collides with a learner's own `docker compose up`.
 */
export class ComposeProject {
  readonly slug: string;
  readonly dir: string;
  readonly name: string;
  readonly httpPort: number;
  readonly httpsPort: number;
  /** DB_PORT, for the development overrides that publish PostgreSQL on 127.0.0.1. */
  readonly dbPort: number;
  readonly envFile: Record<string, string>;

  private constructor(slug: string, dir: string, httpPort: number, httpsPort: number, dbPort: number, envFile: Record<string, string>) {
    this.slug = slug;
    this.dir = dir;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.dbPort = dbPort;
    this.envFile = envFile;
    this.name = `atelier-test-${slug.slice(0, 2)}-${process.pid}`;
  }

  static async create(slug: string): Promise<ComposeProject> {
    const source = join(repoRoot, 'stacks', slug);
    const dir = await mkdtemp(join(tmpdir(), `atelier-${slug}-`));
    await cp(source, dir, { recursive: true, filter: (path) => !SKIPPED.has(relative(source, path).split('/').at(-1) ?? '') });
    const example = await readFile(join(dir, '.env.example'), 'utf8');
    await writeFile(join(dir, '.env'), example);
    return new ComposeProject(slug, dir, await freePort(), await freePort(), await freePort(), parseEnv(example));
  }

  get env(): NodeJS.ProcessEnv {
    return { ...process.env, HTTP_PORT: String(this.httpPort), HTTPS_PORT: String(this.httpsPort), DB_PORT: String(this.dbPort) };
  }

  async compose(args: readonly string[], timeoutMs = 300_000): Promise<RunResult> {
    const [command, ...prefix] = await composeBinary();
    return run(command ?? 'docker', [...prefix, '-p', this.name, ...args], { cwd: this.dir, env: this.env, timeoutMs });
  }

  /** The same, with the reference Compose release (validation only: it has no daemon to talk to). */
  async referenceCompose(args: readonly string[]): Promise<RunResult> {
    return run(await referenceCompose(), ['-p', this.name, ...args], { cwd: this.dir, env: this.env });
  }

  /** Runs compose and throws with its output when it fails. */
  async composeOk(args: readonly string[], timeoutMs?: number): Promise<RunResult> {
    const result = await this.compose(args, timeoutMs);
    if (result.code !== 0) {
      throw new Error(`docker compose ${args.join(' ')} → ${result.code}\n${result.stdout}\n${result.stderr}\n${await this.diagnostics()}`);
    }
    return result;
  }

  /** A shell command inside a running service's container. */
  exec(service: string, script: string, timeoutMs = 60_000): Promise<RunResult> {
    return this.compose(['exec', '-T', service, 'sh', '-c', script], timeoutMs);
  }

  async containerId(service: string): Promise<string> {
    // -a: a stopped container is still the one to inspect.
    const id = (await this.composeOk(['ps', '-a', '-q', service])).stdout.trim();
    if (!id) throw new Error(`${this.slug}: no container for ${service}`);
    return id;
  }

  async inspect(service: string, format: string): Promise<string> {
    const result = await run('docker', ['inspect', '--format', format, await this.containerId(service)]);
    if (result.code !== 0) throw new Error(result.stderr);
    return result.stdout.trim();
  }

  /** The files the engine judges, as a learner's editor would hand them over. */
  async projectFiles(): Promise<ProjectFile[]> {
    const files: ProjectFile[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules') continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (classifyFile(relative(this.dir, path)) !== 'other') {
          files.push({ path: relative(this.dir, path), text: await readFile(path, 'utf8') });
        }
      }
    };
    await walk(this.dir);
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** State and recent logs, printed when something fails. */
  async diagnostics(): Promise<string> {
    const ps = await this.compose(['ps', '-a']);
    const logs = await this.compose(['logs', '--no-color', '--tail', '30']);
    return `--- ps\n${ps.stdout}${ps.stderr}\n--- logs\n${logs.stdout}${logs.stderr}`;
  }

  /** Always run, even after a failure: containers, volumes, networks and built images go. */
  async destroy(): Promise<void> {
    if (await dockerAvailable()) {
      await this.compose(['down', '-v', '--remove-orphans', '--rmi', 'local', '--timeout', '5']);
      // A network only an extra file declares (compose.dev.yaml's poste-dev, brought up by a documented
      // `-f … up`) is unknown to a plain `down`: removed by the project's label.
      const left = await run('docker', ['network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${this.name}`]);
      for (const id of left.stdout.split('\n').filter(Boolean)) await run('docker', ['network', 'rm', id]);
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}
