// The page's side of the engine worker, written so the page survives
// whatever the engine does: a check that throws, a worker that dies, or one
// that never answers. One check is in flight at a time (a newer request waits
// and replaces any older waiting one), each within a time budget; on a
// failure the worker is terminated and a fresh one is started for the next
// check. Worker creation and timers are injected so this is tested in Node.

import type { Timers } from '../../components/workshop/check-scheduler.ts';

export type EngineFailureReason = 'threw' | 'crashed' | 'timeout';

/** What the worker posts, reduced to what supervising it needs. */
export type WorkerAnswer<Result> = { kind: 'ready' } | ({ kind: 'result'; id: number } & Result) | { kind: 'failed'; id: number; error: string };

export interface WorkerHandle<Request> {
  post(request: Request): void;
  terminate(): void;
}

export interface WorkerListener<Result> {
  message(answer: WorkerAnswer<Result>): void;
  /** The worker died or its script failed (an `error` event). */
  error(): void;
}

export type SpawnWorker<Request, Result> = (listener: WorkerListener<Result>) => WorkerHandle<Request>;

export interface EngineFailure<Request> {
  request: Request;
  reason: EngineFailureReason;
  detail?: string;
}

export interface EngineClientOptions<Request, Result> {
  spawn: SpawnWorker<Request, Result>;
  onResult(result: { kind: 'result'; id: number } & Result): void;
  onFailure(failure: EngineFailure<Request>): void;
  /** Called just before a request is posted (the page records it, see check-guard.ts). */
  onSend?(request: Request): void;
  timers?: Timers;
  /** Loading the worker's modules: generous, a cold cache on a slow phone. */
  startupBudgetMs?: number;
  /** One check once the worker is ready: the engine's goal is 1 s for 512 KB in Node; room for a slow phone or a loaded CI machine. */
  checkBudgetMs?: number;
}

export interface EngineClient<Request> {
  check(request: Request): void;
  /** Terminates the worker; a later `check` starts a new one. */
  dispose(): void;
}

export const STARTUP_BUDGET_MS = 60_000;
export const CHECK_BUDGET_MS = 15_000;

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createEngineClient<Request extends { id: number }, Result>(options: EngineClientOptions<Request, Result>): EngineClient<Request> {
  const timers = options.timers ?? browserTimers;
  const startupBudget = options.startupBudgetMs ?? STARTUP_BUDGET_MS;
  const checkBudget = options.checkBudgetMs ?? CHECK_BUDGET_MS;
  let worker: WorkerHandle<Request> | undefined;
  let ready = false;
  let inFlight: Request | undefined;
  let waiting: Request | undefined;
  let timer: unknown;
  /** Each worker's listener knows its generation: a terminated worker's late messages are ignored. */
  let generation = 0;

  const stopTimer = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };
  const armTimer = (ms: number): void => {
    stopTimer();
    timer = timers.setTimeout(() => {
      timer = undefined;
      fail('timeout');
    }, ms);
  };
  const stopWorker = (): void => {
    stopTimer();
    generation += 1;
    worker?.terminate();
    worker = undefined;
    ready = false;
  };
  const sendNext = (): void => {
    const next = waiting;
    waiting = undefined;
    if (next) send(next);
  };
  const fail = (reason: EngineFailureReason, detail?: string): void => {
    const request = inFlight;
    stopWorker();
    inFlight = undefined;
    if (request) options.onFailure(detail === undefined ? { request, reason } : { request, reason, detail });
    sendNext();
  };
  const spawn = (): WorkerHandle<Request> => {
    const mine = generation;
    const current = (): boolean => mine === generation;
    return options.spawn({
      message(answer) {
        if (!current()) return;
        if (answer.kind === 'ready') {
          ready = true;
          if (inFlight) armTimer(checkBudget);
        } else if (answer.id === inFlight?.id) {
          if (answer.kind === 'failed') return fail('threw', answer.error);
          stopTimer();
          inFlight = undefined;
          options.onResult(answer);
          sendNext();
        }
      },
      error() {
        if (current()) fail('crashed');
      },
    });
  };
  function send(request: Request): void {
    inFlight = request;
    options.onSend?.(request);
    try {
      worker ??= spawn();
      worker.post(request);
    } catch {
      // A worker that cannot even start (blocked script, old browser) is a crash like any other.
      return fail('crashed');
    }
    armTimer(ready ? checkBudget : startupBudget + checkBudget);
  }

  return {
    check(request) {
      if (inFlight) waiting = request;
      else send(request);
    },
    dispose() {
      stopWorker();
      inFlight = undefined;
      waiting = undefined;
    },
  };
}
