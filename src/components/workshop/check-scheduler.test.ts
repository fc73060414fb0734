import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCheckScheduler } from './check-scheduler.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('check scheduler', () => {
  it('checks a keystroke after a quiet moment at once', () => {
    const sent: [number, string][] = [];
    const scheduler = createCheckScheduler<string>((id, text) => sent.push([id, text]), 150);
    scheduler.request('s');
    expect(sent).toEqual([[1, 's']]);
  });

  it('checks a burst of typing once more, with its last text, when the learner pauses', () => {
    const sent: [number, string][] = [];
    const scheduler = createCheckScheduler<string>((id, text) => sent.push([id, text]), 150);
    scheduler.request('s');
    vi.advanceTimersByTime(100);
    scheduler.request('se');
    vi.advanceTimersByTime(100);
    scheduler.request('ser');
    expect(sent).toEqual([[1, 's']]);
    vi.advanceTimersByTime(149);
    expect(sent).toEqual([[1, 's']]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      [1, 's'],
      [2, 'ser'],
    ]);
  });

  it('is quiet again once the delay has passed without a request', () => {
    const sent: string[] = [];
    const scheduler = createCheckScheduler<string>((_, text) => sent.push(text), 150);
    scheduler.request('a');
    vi.advanceTimersByTime(200);
    scheduler.request('b');
    expect(sent).toEqual(['a', 'b']);
  });

  it('drops the answer to a request overtaken by a newer one', () => {
    const scheduler = createCheckScheduler<string>(() => undefined, 150);
    scheduler.request('a');
    vi.advanceTimersByTime(200);
    scheduler.request('ab');
    expect(scheduler.isCurrent(1)).toBe(false);
    expect(scheduler.isCurrent(2)).toBe(true);
  });

  it('treats an answer as stale while a newer edit waits for its delay', () => {
    const scheduler = createCheckScheduler<string>(() => undefined, 150);
    scheduler.request('a');
    scheduler.request('ab');
    expect(scheduler.isCurrent(1)).toBe(false);
    vi.advanceTimersByTime(150);
    expect(scheduler.isCurrent(2)).toBe(true);
  });

  it('flush sends the pending request at once, and only once', () => {
    const sent: string[] = [];
    const scheduler = createCheckScheduler<string>((_, text) => sent.push(text), 150);
    scheduler.request('x');
    scheduler.request('xy');
    scheduler.flush();
    vi.advanceTimersByTime(500);
    expect(sent).toEqual(['x', 'xy']);
  });

  it('sends nothing pending after dispose', () => {
    const sent: string[] = [];
    const scheduler = createCheckScheduler<string>((_, text) => sent.push(text), 150);
    scheduler.request('x');
    scheduler.request('xy');
    scheduler.dispose();
    vi.advanceTimersByTime(500);
    expect(sent).toEqual(['x']);
  });
});
