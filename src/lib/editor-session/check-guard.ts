import type { KeyValueStore } from '../progress/storage.ts';
import type { EngineFailureReason } from './engine-client.ts';

// Remembers, in the browser's storage, the check in flight and the check that
// failed, by a fingerprint of the files. If the engine takes the whole tab
// down (or the worker dies), the learner's text is saved and would be checked
// again at the next load, failing the same way forever: at load, a page asks
// `blocked(files)` and lets the learner choose (retry, or edit without checks).

export const GUARD_PREFIX = 'atelier-compose:verification:';

export type BlockReason = EngineFailureReason | 'interrupted';

interface Mark {
  fingerprint: string;
  startedAt: number;
  failed?: EngineFailureReason;
}

export interface CheckGuard {
  /** A check of `files` is about to be sent. */
  begin(files: Record<string, string>): void;
  /** The check in flight answered: nothing to remember. */
  succeeded(): void;
  failed(files: Record<string, string>, reason: EngineFailureReason): void;
  /**
   * Why checking exactly these files failed or never finished, as the last
   * page left it (or a failure in this page): a check begun by this page and
   * still running does not count.
   */
  blocked(files: Record<string, string>): BlockReason | undefined;
  /**
   * The page is being left (pagehide): a check still in flight was cut short by
   * the learner, not by a crash (a crashed tab fires no pagehide). A check
   * that already failed stays remembered.
   */
  leaving(): void;
  clear(): void;
}

/**
 * FNV-1a (32 bits) and the length: synchronous, unlike crypto.subtle,
 * because it runs before every check; a collision only costs the learner a
 * needless question.
 */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(36)}-${text.length.toString(36)}`;
}

export function fingerprint(files: Record<string, string>): string {
  return hash(JSON.stringify(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** `scope` keeps lessons and the playground apart. Storage errors are ignored: the guard is a safety net, not a feature. */
export function createCheckGuard(store: KeyValueStore, scope: string, now: () => number = Date.now): CheckGuard {
  const key = GUARD_PREFIX + scope;
  const read = (): Mark | undefined => {
    try {
      const raw = store.getItem(key);
      if (raw === null) return undefined;
      const mark = JSON.parse(raw) as Partial<Mark>;
      return typeof mark.fingerprint === 'string' && typeof mark.startedAt === 'number' ? (mark as Mark) : undefined;
    } catch {
      return undefined;
    }
  };
  const write = (mark: Mark): void => {
    try {
      store.setItem(key, JSON.stringify(mark));
    } catch {
      // Storage full or blocked: the page still works, without this net.
    }
  };
  const clear = (): void => {
    try {
      store.removeItem(key);
    } catch {
      // As above.
    }
  };
  let previous = read();
  return {
    begin: (files) => write({ fingerprint: fingerprint(files), startedAt: now() }),
    succeeded() {
      previous = undefined;
      clear();
    },
    failed(files, reason) {
      previous = { fingerprint: fingerprint(files), startedAt: now(), failed: reason };
      write(previous);
    },
    blocked(files) {
      if (!previous || previous.fingerprint !== fingerprint(files)) return undefined;
      return previous.failed ?? 'interrupted';
    },
    leaving() {
      const mark = read();
      if (mark && !mark.failed) clear();
    },
    clear() {
      previous = undefined;
      clear();
    },
  };
}
