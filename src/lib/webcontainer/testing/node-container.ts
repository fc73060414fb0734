import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileSystemTree } from '@webcontainer/api';
import type { Container, ContainerHost, ContainerProcess } from '../../../components/webcontainer/api-runner.ts';

// A stand-in for WebContainer made of a temp directory and child processes,
// so the runner's whole sequence (mount, npm install, PGlite, migrations, API)
// is exercised for real in Node. `env` overrides the runner's environment,
// since 5432 and 3000 may be taken on a CI machine; `ports` maps the port the
// runner waits for to the one actually used.

function write(dir: string, tree: FileSystemTree): void {
  for (const [name, node] of Object.entries(tree)) {
    const path = join(dir, name);
    if ('directory' in node) {
      mkdirSync(path, { recursive: true });
      write(path, node.directory);
    } else if ('file' in node && 'contents' in node.file) {
      writeFileSync(path, node.file.contents);
    }
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function nodeContainerHost(env: Record<string, string>, ports: Record<number, number>): ContainerHost & { dir(): string } {
  let root = '';
  return {
    dir: () => root,
    async boot(): Promise<Container> {
      root = mkdtempSync(join(tmpdir(), 'node-container-'));
      const listeners = new Set<(port: number, url: string) => void>();
      const announced = new Set<number>();
      return {
        async mount(tree) {
          write(root, tree);
        },
        async spawn(command, args, options): Promise<ContainerProcess> {
          const child = spawn(command, args, { cwd: root, env: { ...process.env, ...options?.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
          const exit = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 143 : 1))));
          const output = new ReadableStream<string>({
            start(controller) {
              let open = 2;
              const end = (): void => {
                open -= 1;
                if (open === 0) controller.close();
              };
              for (const stream of [child.stdout, child.stderr]) {
                stream.setEncoding('utf8');
                stream.on('data', (text: string) => controller.enqueue(text));
                stream.on('end', end);
              }
            },
          });
          // WebContainer emits server-ready when a process listens; polling the mapped ports is the nearest Node equivalent.
          const poll = setInterval(() => {
            for (const [port, real] of Object.entries(ports)) {
              if (announced.has(real)) continue;
              void answers(real).then((up) => {
                if (!up || announced.has(real)) return;
                announced.add(real);
                for (const listener of listeners) listener(Number(port), `http://127.0.0.1:${real}`);
              });
            }
          }, 200);
          void exit.then(() => clearInterval(poll));
          return { output, exit, kill: () => child.kill('SIGTERM') };
        },
        onServerReady(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        teardown() {
          rmSync(root, { recursive: true, force: true });
        },
      };
    },
  };
}
