import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCheckScheduler } from './check-scheduler.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('check scheduler', () => {
  it('sends one request with the last text after the learner pauses', () => {
    const sent: [number, string][] = [];
    const scheduler = createCheckScheduler<string>((id, text) => sent.push([id, text]), 150);
    scheduler.request('s');
    vi.advanceTimersByTime(100);
    scheduler.request('se');
    vi.advanceTimersByTime(100);
    scheduler.request('ser');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(sent).toEqual([[1, 'ser']]);
  });

  it('drops the answer to a request overtaken by a newer one', () => {
    const sent: number[] = [];
    const scheduler = createCheckScheduler<string>((id) => sent.push(id), 150);
    scheduler.request('a');
    vi.advanceTimersByTime(150);
    scheduler.request('ab');
    vi.advanceTimersByTime(150);
    expect(sent).toEqual([1, 2]);
    expect(scheduler.isCurrent(1)).toBe(false);
    expect(scheduler.isCurrent(2)).toBe(true);
  });

  it('treats an answer as stale while a newer edit waits for its delay', () => {
    const scheduler = createCheckScheduler<string>(() => undefined, 150);
    scheduler.request('a');
    vi.advanceTimersByTime(150);
    scheduler.request('ab');
    expect(scheduler.isCurrent(1)).toBe(false);
  });

  it('flush sends the pending request at once, and only once', () => {
    const sent: string[] = [];
    const scheduler = createCheckScheduler<string>((_, text) => sent.push(text), 150);
    scheduler.request('x');
    scheduler.flush();
    vi.advanceTimersByTime(500);
    expect(sent).toEqual(['x']);
  });

  it('sends nothing after dispose', () => {
    const sent: string[] = [];
    const scheduler = createCheckScheduler<string>((_, text) => sent.push(text), 150);
    scheduler.request('x');
    scheduler.dispose();
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([]);
  });
});
