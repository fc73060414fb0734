import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineClient, type EngineFailure, type WorkerAnswer, type WorkerListener } from './engine-client.ts';

interface Request {
  id: number;
  text: string;
}
interface Result {
  text: string;
}

/** A scripted worker: the test decides what it answers, and when. */
function harness(budgets = { startupBudgetMs: 1_000, checkBudgetMs: 100 }) {
  const workers: { listener: WorkerListener<Result>; posted: Request[]; terminated: boolean }[] = [];
  const results: number[] = [];
  const failures: EngineFailure<Request>[] = [];
  const client = createEngineClient<Request, Result>({
    spawn(listener) {
      const worker = { listener, posted: [] as Request[], terminated: false };
      workers.push(worker);
      return { post: (request) => worker.posted.push(request), terminate: () => void (worker.terminated = true) };
    },
    onResult: (result) => results.push(result.id),
    onFailure: (failure) => failures.push(failure),
    ...budgets,
  });
  const say = (index: number, answer: WorkerAnswer<Result>) => workers[index]!.listener.message(answer);
  const answer = (index: number, id: number) => say(index, { kind: 'result', id, text: '' });
  return { client, workers, results, failures, say, answer };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('engine client', () => {
  it('hands results on and keeps one worker while it behaves', () => {
    const h = harness();
    h.client.check({ id: 1, text: 'a' });
    h.say(0, { kind: 'ready' });
    h.answer(0, 1);
    h.client.check({ id: 2, text: 'b' });
    h.answer(0, 2);
    expect(h.results).toEqual([1, 2]);
    expect(h.workers).toHaveLength(1);
    expect(h.failures).toEqual([]);
  });

  it('keeps one check in flight: a newer request waits and replaces an older waiting one', () => {
    const h = harness();
    h.client.check({ id: 1, text: 'a' });
    h.client.check({ id: 2, text: 'ab' });
    h.client.check({ id: 3, text: 'abc' });
    expect(h.workers[0]!.posted.map((r) => r.id)).toEqual([1]);
    h.answer(0, 1);
    expect(h.workers[0]!.posted.map((r) => r.id)).toEqual([1, 3]);
  });

  it('reports a check that threw, terminates the worker and checks the next text in a fresh one', () => {
    const h = harness();
    h.client.check({ id: 1, text: 'bad' });
    h.say(0, { kind: 'failed', id: 1, error: 'Error: Merge sources must be maps' });
    expect(h.failures).toEqual([{ request: { id: 1, text: 'bad' }, reason: 'threw', detail: 'Error: Merge sources must be maps' }]);
    expect(h.workers[0]!.terminated).toBe(true);
    h.client.check({ id: 2, text: 'good' });
    expect(h.workers).toHaveLength(2);
    expect(h.workers[1]!.posted).toEqual([{ id: 2, text: 'good' }]);
  });

  it('reports a worker that died, and ignores what a terminated worker says afterwards', () => {
    const h = harness();
    h.client.check({ id: 1, text: 'a' });
    h.workers[0]!.listener.error();
    expect(h.failures.map((f) => f.reason)).toEqual(['crashed']);
    h.answer(0, 1);
    expect(h.results).toEqual([]);
  });

  it('gives up on a check past its budget, counted from the moment the worker is ready', () => {
    const h = harness();
    h.client.check({ id: 1, text: 'slow' });
    vi.advanceTimersByTime(900);
    h.say(0, { kind: 'ready' });
    vi.advanceTimersByTime(99);
    expect(h.failures).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(h.failures).toEqual([{ request: { id: 1, text: 'slow' }, reason: 'timeout' }]);
    expect(h.workers[0]!.terminated).toBe(true);
  });

  it('gives up on a worker that never loads', () => {
    const h = harness();
    h.client.check({ id: 1, text: 'a' });
    vi.advanceTimersByTime(1_099);
    expect(h.failures).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(h.failures.map((f) => f.reason)).toEqual(['timeout']);
  });

  it('sends the text typed during a failed check to a fresh worker', () => {
    const h = harness();
    h.client.check({ id: 1, text: 'x' });
    h.say(0, { kind: 'ready' });
    h.client.check({ id: 2, text: 'xy' });
    vi.advanceTimersByTime(100);
    expect(h.failures.map((f) => f.request.id)).toEqual([1]);
    expect(h.workers[1]!.posted.map((r) => r.id)).toEqual([2]);
  });

  it('treats a worker that cannot be created as crashed', () => {
    const failures: string[] = [];
    const client = createEngineClient<Request, Result>({
      spawn: () => {
        throw new Error('blocked');
      },
      onResult: () => undefined,
      onFailure: (failure) => failures.push(failure.reason),
    });
    client.check({ id: 1, text: 'a' });
    expect(failures).toEqual(['crashed']);
  });
});
