import { describe, expect, it } from 'vitest';
import { checkProject } from '../engine/check.ts';
import { composeView } from './compose-view.ts';
import { serviceOf } from './objective-tester.ts';
import { apiProbesWithWget, logsRotatedFromExtension, redisPingsWithPassword, restartsUnlessStopped } from './operations.ts';

const viewOf = (text: string) => composeView(checkProject([{ path: 'compose.yaml', text }]));
const LOGS = 'x-logs: &logs\n  options:\n    max-size: 10m\n    max-file: "3"\n';

describe('restartsUnlessStopped', () => {
  it('wants unless-stopped everywhere but on one-shot services, which keep no or nothing', () => {
    const text = (api: string, certs: string) => `services:\n  api:\n    image: a:1\n${api}  certs:\n    image: b:1\n${certs}`;
    expect(restartsUnlessStopped(viewOf(text('    restart: unless-stopped\n', '')), ['certs'])).toBe(true);
    expect(restartsUnlessStopped(viewOf(text('    restart: unless-stopped\n', '    restart: "no"\n')), ['certs'])).toBe(true);
    expect(restartsUnlessStopped(viewOf(text('    restart: unless-stopped\n', '    restart: on-failure\n')), ['certs'])).toBe(false);
    expect(restartsUnlessStopped(viewOf(text('', '')), ['certs'])).toBe(false);
    expect(restartsUnlessStopped(viewOf('services: {}\n'), [])).toBe(false);
    expect(restartsUnlessStopped(undefined, [])).toBe(false);
  });
});

describe('logsRotatedFromExtension', () => {
  it('wants an x- extension with max-size and max-file, used by every service', () => {
    expect(logsRotatedFromExtension(viewOf(`${LOGS}services:\n  a:\n    image: a:1\n    logging: *logs\n`))).toBe(true);
    expect(logsRotatedFromExtension(viewOf(`${LOGS}services:\n  a:\n    image: a:1\n    logging:\n      driver: local\n`))).toBe(false);
    expect(logsRotatedFromExtension(viewOf('x-logs: &logs\n  options:\n    max-file: "3"\nservices:\n  a:\n    image: a:1\n    logging: *logs\n'))).toBe(false);
    expect(logsRotatedFromExtension(viewOf('x-logs: &logs local\nservices:\n  a:\n    image: a:1\n'))).toBe(false);
    expect(logsRotatedFromExtension(viewOf(`${LOGS}services: {}\n`))).toBe(false);
    expect(logsRotatedFromExtension(undefined)).toBe(false);
  });
});

describe('healthchecks of Redis and of the API', () => {
  const test = (command: string) => serviceOf(`    healthcheck:\n      test: ${command}\n`);
  it('wants redis-cli with -a and ping', () => {
    expect(redisPingsWithPassword(test('["CMD-SHELL", "redis-cli -a \\"$${REDIS_PASSWORD}\\" PING"]'))).toBe(true);
    expect(redisPingsWithPassword(test('["CMD", "redis-cli", "-a", "x", "ping"]'))).toBe(true);
    expect(redisPingsWithPassword(test('["CMD", "redis-cli", "ping"]'))).toBe(false);
    expect(redisPingsWithPassword(test('["CMD", "redis-cli", "-a", "x", "info"]'))).toBe(false);
    expect(redisPingsWithPassword(test('["CMD", "valkey-cli", "-a", "x", "ping"]'))).toBe(false);
  });

  it('wants wget on /health, and no curl', () => {
    expect(apiProbesWithWget(test('["CMD", "wget", "-qO-", "http://127.0.0.1:3000/health"]'))).toBe(true);
    expect(apiProbesWithWget(test('["CMD-SHELL", "wget -qO- http://127.0.0.1:3000/health || curl -f http://127.0.0.1:3000/health"]'))).toBe(false);
    expect(apiProbesWithWget(test('["CMD", "wget", "-qO-", "http://127.0.0.1:3000/healthz"]'))).toBe(false);
    expect(apiProbesWithWget(test('["CMD", "curl", "-f", "http://127.0.0.1:3000/health"]'))).toBe(false);
  });
});
