import { describe, expect, it } from 'vitest';
import { healthcheckCommand, probesWithWget } from './healthcheck.ts';
import { serviceOf } from './objective-tester.ts';

describe('healthcheckCommand', () => {
  it('joins the list form, keeps the string form, and is empty when disabled or absent', () => {
    expect(healthcheckCommand(serviceOf('    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://127.0.0.1/"]\n'))).toBe('CMD wget -qO- http://127.0.0.1/');
    expect(healthcheckCommand(serviceOf('    healthcheck:\n      test: wget -qO- http://127.0.0.1/\n'))).toBe('wget -qO- http://127.0.0.1/');
    expect(healthcheckCommand(serviceOf('    healthcheck:\n      test: ["CMD", "true"]\n      disable: true\n'))).toBe('');
    expect(healthcheckCommand(serviceOf('    healthcheck:\n      interval: 10s\n'))).toBe('');
    expect(healthcheckCommand(serviceOf(''))).toBe('');
    expect(healthcheckCommand(undefined)).toBe('');
  });
});

describe('probesWithWget', () => {
  const url = 'http://127.0.0.1/health';
  it('wants wget and that exact URL, quoted or not', () => {
    expect(probesWithWget(serviceOf(`    healthcheck:\n      test: ["CMD-SHELL", "wget -qO- '${url}' || exit 1"]\n`), url)).toBe(true);
    expect(probesWithWget(serviceOf(`    healthcheck:\n      test: ["CMD-SHELL", "wget -qO- \\"${url}\\""]\n`), url)).toBe(true);
    expect(probesWithWget(serviceOf(`    healthcheck:\n      test: ["CMD", "wget", "-qO-", "${url}/extra"]\n`), url)).toBe(false);
    expect(probesWithWget(serviceOf(`    healthcheck:\n      test: ["CMD", "wgetx", "${url}"]\n`), url)).toBe(false);
  });
});
