import { describe, expect, it } from 'vitest';
import { panicAfterGracefulStop } from '../../tests/stacks/support/doc-commands.ts';

// What the CI's Compose 2.26 printed after Ctrl+C on lesson 05's `docker compose up --watch` (docker/compose#11710).
const panicked = [
  'Attaching to api-1, cache-1, db-1',
  'Gracefully stopping... (press Ctrl+C again to force)',
  ' Container atelier-test-05-22608-api-1  Stopped',
  ' Container atelier-test-05-22608-db-1  Stopped',
  'panic: close of closed channel',
  '',
  'goroutine 45 [running]:',
  'github.com/docker/compose/pkg/compose.(*composeService).Up.func2.1.1()',
  '\tgithub.com/docker/compose/pkg/compose/up.go:87 +0x96',
  'github.com/hashicorp/go-multierror.(*Group).Go.func1()',
].join('\n');

describe('the stacks harness and Compose 2.26’s panic after Ctrl+C', () => {
  it('takes that panic, after a graceful stop, as the stop it follows', () => {
    expect(panicAfterGracefulStop(2, panicked)).toBe(true);
  });

  it('takes nothing else for a stop: another code, another panic, a panic without the graceful stop, a plain failure', () => {
    expect(panicAfterGracefulStop(1, panicked)).toBe(false);
    expect(panicAfterGracefulStop(2, panicked.replace('close of closed channel', 'send on closed channel'))).toBe(false);
    expect(panicAfterGracefulStop(2, panicked.replace('Gracefully stopping... (press Ctrl+C again to force)\n', ''))).toBe(false);
    expect(panicAfterGracefulStop(2, 'Gracefully stopping...\nError response from daemon: conflict')).toBe(false);
  });
});
