// Runs the docker CLI for the contract tests of the stand-in images. These
// tests describe the official images' contract, so they would pass against the
// official images too; nothing here looks for the stand-in's label.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Docker is required unless ATELIER_NO_DOCKER=1: a missing daemon in CI must fail, not skip. */
export const dockerDisabled = process.env['ATELIER_NO_DOCKER'] === '1';

if (dockerDisabled) {
  console.warn('ATELIER_NO_DOCKER=1 : tests de contrat des images de remplacement ignorés.');
}

export function docker(args: readonly string[], input?: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Like docker(), but a non-zero exit is a test failure that shows the command's output. */
export async function dockerOk(args: readonly string[], input?: string): Promise<string> {
  const result = await docker(args, input);
  if (result.code !== 0) {
    throw new Error(`docker ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Fails with the command to run when the daemon or the image is missing. */
export async function requireImage(image: string): Promise<void> {
  const info = await docker(['info', '--format', '{{.ServerVersion}}']).catch(() => undefined);
  if (info === undefined || info.code !== 0) {
    throw new Error(
      'Docker ne répond pas : lancez scripts/docker/ensure.sh (ou ATELIER_NO_DOCKER=1 pour ignorer ces tests).',
    );
  }
  const inspect = await docker(['image', 'inspect', '--format', '{{.Id}}', image]);
  if (inspect.code !== 0) {
    throw new Error(`Image ${image} absente : lancez scripts/images/build.sh (aucun registre n'est joignable ici).`);
  }
}

export function uniqueName(prefix: string): string {
  return `atelier-test-${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Containers, networks and volumes a test file creates, removed in afterAll. */
export class Scratch {
  private readonly containers: string[] = [];
  private readonly networks: string[] = [];
  private readonly volumes: string[] = [];
  private readonly images: string[] = [];

  /** `docker run -d` with a unique name; returns the name. */
  async start(prefix: string, args: readonly string[]): Promise<string> {
    const name = uniqueName(prefix);
    this.containers.push(name);
    await dockerOk(['run', '-d', '--name', name, ...args]);
    return name;
  }

  async network(): Promise<string> {
    const name = uniqueName('net');
    this.networks.push(name);
    await dockerOk(['network', 'create', name]);
    return name;
  }

  volume(): string {
    const name = uniqueName('vol');
    this.volumes.push(name);
    return name;
  }

  image(): string {
    const name = uniqueName('img');
    this.images.push(name);
    return name;
  }

  async cleanup(): Promise<void> {
    if (this.containers.length) await docker(['rm', '-f', '-v', ...this.containers]);
    if (this.networks.length) await docker(['network', 'rm', ...this.networks]);
    if (this.volumes.length) await docker(['volume', 'rm', '-f', ...this.volumes]);
    if (this.images.length) await docker(['image', 'rm', '-f', ...this.images]);
  }
}

/** Polls until check() resolves true; on timeout, fails with what describe() returns (e.g. the logs). */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  describe: () => Promise<string> = async () => '',
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}\n${await describe()}`);
}

export async function logs(container: string): Promise<string> {
  const result = await docker(['logs', container]);
  return result.stdout + result.stderr;
}
