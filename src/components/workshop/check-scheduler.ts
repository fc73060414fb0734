// Typing fires many changes per second. A change after a quiet moment is
// checked at once (leading edge: the learner sees the effect of a single
// keystroke without waiting), while a burst of typing is checked once, `delay`
// ms after it stops (trailing edge). An answer that arrives after a newer
// request was sent describes text that no longer exists, so it is dropped.

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CheckScheduler<Payload> {
  /** Asks for a check of `payload`: now after a quiet moment, else once the burst pauses for `delay` ms. */
  request(payload: Payload): void;
  /** Sends the pending request now. */
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
  /** Running while a burst is in progress: the window after the last send or request. */
  let handle: unknown;

  const fire = (): void => {
    if (!pending) return;
    const { payload } = pending;
    pending = undefined;
    lastId += 1;
    send(lastId, payload);
  };
  const restartWindow = (): void => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = timers.setTimeout(() => {
      handle = undefined;
      fire();
    }, delay);
  };

  return {
    request(payload) {
      pending = { payload };
      const quiet = handle === undefined;
      if (quiet) fire();
      restartWindow();
    },
    flush() {
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
