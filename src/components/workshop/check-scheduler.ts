// Typing fires many changes per second; the engine should run once the learner
// pauses, and an answer that arrives after a newer request was sent describes
// text that no longer exists, so it is dropped.

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CheckScheduler<Payload> {
  /** Asks for a check of `payload` after `delay` ms without a newer request. */
  request(payload: Payload): void;
  /** Sends the pending request now (opening the workshop, switching lesson files). */
  flush(): void;
  /** True for the answer to the most recent request sent, false for a stale one. */
  isCurrent(id: number): boolean;
  dispose(): void;
}

const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createCheckScheduler<Payload>(
  send: (id: number, payload: Payload) => void,
  delay = 150,
  timers: Timers = browserTimers,
): CheckScheduler<Payload> {
  let lastId = 0;
  let pending: { payload: Payload } | undefined;
  let handle: unknown;

  const fire = (): void => {
    handle = undefined;
    if (!pending) return;
    const { payload } = pending;
    pending = undefined;
    lastId += 1;
    send(lastId, payload);
  };

  return {
    request(payload) {
      pending = { payload };
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = timers.setTimeout(fire, delay);
    },
    flush() {
      if (handle !== undefined) timers.clearTimeout(handle);
      fire();
    },
    isCurrent(id) {
      return id === lastId && pending === undefined;
    },
    dispose() {
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      pending = undefined;
    },
  };
}
