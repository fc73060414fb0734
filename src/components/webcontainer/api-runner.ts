import type { FileSystemTree } from '@webcontainer/api';
import { DB_INIT_DIR, PGLITE_SERVER } from './mount-tree.ts';

// The "Lancer l'API dans le navigateur" sequence as a state machine, with
// WebContainer behind `ContainerHost` so tests drive it with a fake. Every
// wait is bounded: a learner must never watch a spinner forever.

export type FailureReason =
  | 'not-isolated'
  | 'no-shared-array-buffer'
  | 'offline'
  | 'boot-refused'
  | 'boot-timeout'
  | 'unreachable'
  | 'install-failed'
  | 'install-timeout'
  | 'database-failed'
  | 'database-timeout'
  | 'start-failed'
  | 'start-timeout'
  | 'crashed';

export interface Failure {
  reason: FailureReason;
  seconds?: number;
  code?: number;
  detail?: string;
}

export type RunnerState =
  | { kind: 'idle' }
  | { kind: 'booting' }
  | { kind: 'installing' }
  | { kind: 'starting' }
  | { kind: 'running'; url: string }
  | { kind: 'stopped' }
  | { kind: 'failed'; failure: Failure };

export interface ContainerProcess {
  output: ReadableStream<string>;
  exit: Promise<number>;
  kill(): void;
}

export interface Container {
  mount(tree: FileSystemTree): Promise<void>;
  spawn(command: string, args: string[], options?: { env?: Record<string, string> }): Promise<ContainerProcess>;
  /** Calls `listener` when a process listens on a port; returns the unsubscribe function. */
  onServerReady(listener: (port: number, url: string) => void): () => void;
  teardown(): void;
}

export interface ContainerHost {
  /** Called once per page: WebContainer boots one instance, and a second boot waits for the first. */
  boot(): Promise<Container>;
  /**
   * Rejects as soon as the boot is known to be hopeless (StackBlitz's frame
   * loaded an error page: DNS failure, filtered network), so the learner is
   * told in a second or two rather than at the boot timeout. Never resolves.
   */
  unreachable?(): Promise<never>;
  /** Tries the pending boot again (reloads StackBlitz's frame), for a retry without reloading the page. */
  retry?(): void;
}

export interface Environment {
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
  onLine: boolean;
}

export interface Timeouts {
  boot: number;
  install: number;
  database: number;
  start: number;
}

/** In ms. npm install of express, pg, redis and PGlite takes 20 to 60 s on a fair connection. */
export const DEFAULT_TIMEOUTS: Timeouts = { boot: 20_000, install: 180_000, database: 60_000, start: 30_000 };

export const API_PORT = 3000;
const PG_PORT = 5432;

/** The stack's `db` service, as the API sees it; Redis is left configured but absent, so the API runs degraded. */
export const CONTAINER_ENV: Record<string, string> = {
  PGHOST: '127.0.0.1',
  PGPORT: String(PG_PORT),
  PGUSER: 'postgres',
  PGPASSWORD: 'postgres',
  PGDATABASE: 'postgres',
  DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${PG_PORT}/postgres`,
  REDIS_URL: 'redis://127.0.0.1:6379',
  API_PORT: String(API_PORT),
};

const STATUS: Record<Exclude<RunnerState['kind'], 'failed'>, string> = {
  idle: 'L’API n’est pas lancée.',
  booting: 'Démarrage de WebContainer (Node.js dans le navigateur)…',
  installing: 'Installation des dépendances (npm install)…',
  starting: 'Démarrage de PostgreSQL (PGlite) puis de l’API…',
  running: 'L’API répond. Redis est absent\u00a0: /health indique «\u00a0degraded\u00a0», le mode dégradé vu dans le chapitre.',
  stopped: 'L’API est arrêtée.',
};

const DOWNLOAD_HINT = 'Téléchargez la stack du chapitre pour la lancer avec Docker.';

const FAILURES: Record<FailureReason, (failure: Failure) => string> = {
  'not-isolated': () =>
    `Cette page n’est pas isolée (en-têtes Cross-Origin-Opener-Policy et Cross-Origin-Embedder-Policy absents)\u00a0: le navigateur refuse d’y exécuter Node.js. ${DOWNLOAD_HINT}`,
  'no-shared-array-buffer': () =>
    `Ce navigateur ne fournit pas SharedArrayBuffer, indispensable à WebContainers. Essayez une version récente de Chrome, Edge ou Firefox. ${DOWNLOAD_HINT}`,
  offline: () => `Vous êtes hors ligne\u00a0: WebContainers télécharge Node.js et les paquets npm depuis les serveurs de StackBlitz. ${DOWNLOAD_HINT}`,
  'boot-refused': (f) => `WebContainer a refusé de démarrer${f.detail ? ` (${f.detail})` : ''}. Rechargez la page pour réessayer. ${DOWNLOAD_HINT}`,
  unreachable: () =>
    `Les serveurs de StackBlitz sont injoignables (hors ligne, nom introuvable ou réseau filtré)\u00a0: WebContainer ne peut pas démarrer. Réessayez une fois la connexion rétablie. ${DOWNLOAD_HINT}`,
  'boot-timeout': (f) =>
    `WebContainer n’a pas démarré en ${f.seconds} s\u00a0: les serveurs de StackBlitz sont sans doute injoignables (hors ligne ou réseau filtré). Réessayez une fois la connexion rétablie. ${DOWNLOAD_HINT}`,
  'install-failed': (f) => `npm install a échoué (code ${f.code})\u00a0: lisez la sortie du terminal. ${DOWNLOAD_HINT}`,
  'install-timeout': (f) => `npm install n’a pas fini en ${f.seconds} s\u00a0: le registre npm est peut-être injoignable. ${DOWNLOAD_HINT}`,
  'database-failed': (f) => `PostgreSQL (PGlite) s’est arrêté au démarrage (code ${f.code})\u00a0: lisez la sortie du terminal.`,
  'database-timeout': (f) => `PostgreSQL (PGlite) n’était pas prêt après ${f.seconds} s.`,
  'start-failed': (f) =>
    `L’API s’est arrêtée au démarrage (code ${f.code})\u00a0: lisez la sortie du terminal\u00a0; une erreur dans votre api/src/index.js\u00a0?`,
  'start-timeout': (f) => `L’API n’écoutait toujours pas sur le port ${API_PORT} après ${f.seconds} s.`,
  crashed: (f) => `L’API s’est arrêtée (code ${f.code})\u00a0: lisez la sortie du terminal.`,
};

/** The French line shown in the panel's status area. */
export function statusMessage(state: RunnerState): string {
  return state.kind === 'failed' ? FAILURES[state.failure.reason](state.failure) : STATUS[state.kind];
}

/** Why WebContainers cannot run here, before trying, or null. */
export function checkSupport(environment: Environment): FailureReason | null {
  if (!environment.crossOriginIsolated) return 'not-isolated';
  if (!environment.sharedArrayBuffer) return 'no-shared-array-buffer';
  if (!environment.onLine) return 'offline';
  return null;
}

class RunnerFailure extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.reason);
    this.failure = failure;
  }
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

function bounded<T>(promise: Promise<T>, ms: number, failure: Failure): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RunnerFailure({ ...failure, seconds: seconds(ms) })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// eslint-disable-next-line no-control-regex -- terminal colour codes are control characters by definition.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

/** npm and node colour their output for a terminal; a plain <pre> shows text. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

async function drain(process: ContainerProcess, onText: (text: string) => void): Promise<void> {
  const reader = process.output.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onText(stripAnsi(value));
    }
  } catch {
    // The process was killed: its stream errors, nothing to report.
  }
}

export interface RunnerOptions {
  host: ContainerHost;
  tree: FileSystemTree;
  /** Scripts of the api folder run to completion before the API (migrations). */
  preStart: string[];
  /** Read at each start: the learner may come back online. */
  environment(): Environment;
  timeouts?: Timeouts;
  onChange(state: RunnerState): void;
  onOutput(text: string): void;
}

export interface ApiRunner {
  start(): Promise<void>;
  stop(): void;
  state(): RunnerState;
  /** False while busy or running, and for good once a boot was refused or cannot happen (one WebContainer per page). */
  canStart(): boolean;
}

export function createApiRunner(options: RunnerOptions): ApiRunner {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  let state: RunnerState = { kind: 'idle' };
  let container: Container | undefined;
  let installed = false;
  let processes: ContainerProcess[] = [];
  // Bumped by stop(): a start still awaiting something notices it was cancelled.
  let generation = 0;

  const set = (next: RunnerState): void => {
    state = next;
    options.onChange(next);
  };

  const spawn = async (command: string, args: string[]): Promise<ContainerProcess> => {
    if (!container) throw new Error('spawn before boot');
    const process = await container.spawn(command, args, { env: CONTAINER_ENV });
    processes.push(process);
    void process.exit.then(() => {
      processes = processes.filter((other) => other !== process);
    });
    return process;
  };

  const killAll = (): void => {
    for (const process of processes) process.kill();
    processes = [];
  };

  /** The page's one boot: kept across a timeout or an unreachable StackBlitz, so a retry waits for it again. */
  let booting: Promise<Container> | undefined;
  const UNREACHABLE = Symbol('unreachable');

  async function boot(): Promise<Container> {
    if (booting) options.host.retry?.();
    booting ??= options.host.boot();
    const unreachable = options.host.unreachable?.().catch(() => Promise.reject(UNREACHABLE));
    try {
      return await bounded(unreachable ? Promise.race([booting, unreachable]) : booting, timeouts.boot, { reason: 'boot-timeout' });
    } catch (error) {
      if (error instanceof RunnerFailure) throw error;
      if (error === UNREACHABLE) throw new RunnerFailure({ reason: 'unreachable' });
      booting = undefined;
      throw new RunnerFailure({ reason: 'boot-refused', detail: error instanceof Error ? error.message : String(error) });
    }
  }

  async function run(mine: number): Promise<void> {
    const reason = checkSupport(options.environment());
    if (reason) throw new RunnerFailure({ reason });

    if (!container) {
      set({ kind: 'booting' });
      container = await boot();
      await container.mount(options.tree);
    }
    if (mine !== generation) return;

    if (!installed) {
      set({ kind: 'installing' });
      options.onOutput('$ npm install\n');
      const install = await spawn('npm', ['install', '--no-audit', '--no-fund']);
      void drain(install, options.onOutput);
      const code = await bounded(install.exit, timeouts.install, { reason: 'install-timeout' }).catch((error: unknown) => {
        install.kill();
        throw error;
      });
      if (code !== 0) throw new RunnerFailure({ reason: 'install-failed', code });
      installed = true;
    }
    if (mine !== generation) return;

    set({ kind: 'starting' });
    options.onOutput(`$ node ${PGLITE_SERVER} ${DB_INIT_DIR}\n`);
    const database = await spawn('node', [PGLITE_SERVER, DB_INIT_DIR]);
    await bounded(
      new Promise<void>((resolve, reject) => {
        let seen = '';
        void drain(database, (text) => {
          options.onOutput(text);
          seen += text;
          if (seen.includes('pglite: ready')) resolve();
        });
        void database.exit.then((code) => reject(new RunnerFailure({ reason: 'database-failed', code })));
      }),
      timeouts.database,
      { reason: 'database-timeout' },
    );

    for (const script of options.preStart) {
      if (mine !== generation) return;
      options.onOutput(`$ node ${script}\n`);
      const step = await spawn('node', [script]);
      void drain(step, options.onOutput);
      const code = await bounded(step.exit, timeouts.start, { reason: 'start-timeout' });
      if (code !== 0) throw new RunnerFailure({ reason: 'start-failed', code });
    }
    if (mine !== generation) return;

    options.onOutput('$ node src/index.js\n');
    let unsubscribe = (): void => {};
    const ready = new Promise<string>((resolve) => {
      unsubscribe = container?.onServerReady((port, url) => {
        if (port === API_PORT) resolve(url);
      }) ?? unsubscribe;
    });
    const api = await spawn('node', ['src/index.js']);
    void drain(api, options.onOutput);
    const exited = api.exit.then((code) => {
      throw new RunnerFailure({ reason: 'start-failed', code });
    });
    const url = await bounded(Promise.race([ready, exited]), timeouts.start, { reason: 'start-timeout' }).finally(unsubscribe);
    if (mine !== generation) return;
    set({ kind: 'running', url });
    exited.catch((error: unknown) => {
      if (mine !== generation || !(error instanceof RunnerFailure)) return;
      killAll();
      set({ kind: 'failed', failure: { ...error.failure, reason: 'crashed' } });
    });
  }

  // A refused boot is final for the page (WebContainer boots once); a network that failed may come back.
  const RETRYABLE: readonly FailureReason[] = ['offline', 'boot-timeout', 'unreachable'];
  const canStart = (): boolean =>
    state.kind === 'idle' ||
    state.kind === 'stopped' ||
    (state.kind === 'failed' && (container !== undefined || RETRYABLE.includes(state.failure.reason)));

  return {
    state: () => state,
    canStart,
    async start() {
      // A failed boot leaves no container, and WebContainer allows one boot per page.
      if (!canStart()) return;
      generation += 1;
      const mine = generation;
      try {
        await run(mine);
      } catch (error) {
        if (mine !== generation) return;
        killAll();
        if (error instanceof RunnerFailure) set({ kind: 'failed', failure: error.failure });
        else throw error;
      }
    },
    stop() {
      generation += 1;
      killAll();
      set({ kind: 'stopped' });
    },
  };
}
