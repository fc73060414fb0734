import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../progress/storage.ts';
import { createCheckGuard, fingerprint, GUARD_PREFIX } from './check-guard.ts';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const poison = { 'compose.yaml': '{<<: 1}: x\n' };
const other = { 'compose.yaml': 'services: {}\n' };

describe('check guard', () => {
  it('blocks, at the next load, exactly the files whose check failed', () => {
    const store = memory();
    const guard = createCheckGuard(store, '07-reverse-proxy');
    guard.begin(poison);
    guard.failed(poison, 'timeout');
    const nextLoad = createCheckGuard(store, '07-reverse-proxy');
    expect(nextLoad.blocked(poison)).toBe('timeout');
    expect(nextLoad.blocked(other)).toBeUndefined();
    expect(createCheckGuard(store, 'bac-a-sable').blocked(poison)).toBeUndefined();
  });

  it('blocks a check that never finished because the page itself died', () => {
    const store = memory();
    createCheckGuard(store, 'bac-a-sable').begin(poison);
    expect(createCheckGuard(store, 'bac-a-sable').blocked(poison)).toBe('interrupted');
  });

  it('is not blocked by a check this page itself has just sent', () => {
    const guard = createCheckGuard(memory(), 'bac-a-sable');
    guard.begin(poison);
    expect(guard.blocked(poison)).toBeUndefined();
    guard.failed(poison, 'crashed');
    expect(guard.blocked(poison)).toBe('crashed');
  });

  it('forgets a check that answered', () => {
    const store = memory();
    const guard = createCheckGuard(store, 'bac-a-sable');
    guard.begin(poison);
    guard.succeeded();
    expect(guard.blocked(poison)).toBeUndefined();
    expect(store.data.size).toBe(0);
  });

  it('forgets a check cut short by leaving the page, however long it ran, but not a failed one', () => {
    let clock = 0;
    const store = memory();
    const guard = createCheckGuard(store, 'x', () => clock);
    guard.begin(poison);
    clock += 60_000;
    guard.leaving();
    expect(createCheckGuard(store, 'x').blocked(poison)).toBeUndefined();
    guard.failed(poison, 'timeout');
    guard.leaving();
    expect(createCheckGuard(store, 'x').blocked(poison)).toBe('timeout');
  });

  it('does not depend on the order of the files', () => {
    expect(fingerprint({ a: '1', b: '2' })).toBe(fingerprint({ b: '2', a: '1' }));
    expect(fingerprint({ a: '1', b: '2' })).not.toBe(fingerprint({ a: '2', b: '1' }));
  });

  it('ignores unreadable marks and unavailable storage', () => {
    const store = memory();
    store.data.set(`${GUARD_PREFIX}x`, '{oops');
    expect(createCheckGuard(store, 'x').blocked(poison)).toBeUndefined();
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('no');
      },
      setItem: () => {
        throw new Error('no');
      },
      removeItem: () => {
        throw new Error('no');
      },
    };
    const guard = createCheckGuard(broken, 'x');
    guard.begin(poison);
    expect(guard.blocked(poison)).toBeUndefined();
  });
});
