// What a lesson shows equals what its stack ships. A lesson's solution is the
// workshop's excerpt of the chapter's stack: a file both hold is identical,
// and a compose service both define agrees on what the lesson teaches (image,
// healthcheck, networks, dependency conditions). The stack may add what later
// chapters teach (healthchecks, restart policies); it may not contradict.
// No difference is kept: where they disagreed, the one that did not start as
// written was changed (chapter 04's stack now starts the workshop's solution,
// chapter 05's solution publishes the API as its stack does, and shows the
// stack's index.js).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));
const lessonsDir = join(root, 'src/content/lessons');
const lessons = readdirSync(lessonsDir)
  .filter((name) => /^(0\d|1[01])-/.test(name))
  .map((slug) => ({ slug, stack: /^stack:\s*(\S+)/m.exec(readFileSync(join(lessonsDir, slug, 'index.mdx'), 'utf8'))?.[1] ?? '' }))
  .sort((a, b) => a.slug.localeCompare(b.slug));

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? files(dir, path) : [path];
  });
}

function networks(service: Plain): string[] {
  const value = service['networks'];
  return (Array.isArray(value) ? value.map(String) : isPlain(value) ? Object.keys(value) : []).sort();
}

function conditions(service: Plain): Record<string, string> {
  const value = service['depends_on'];
  if (Array.isArray(value)) return Object.fromEntries(value.map((name) => [String(name), 'service_started']));
  if (!isPlain(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([name, options]) => [name, String((isPlain(options) && options['condition']) || 'service_started')]));
}

describe.each(lessons)('$slug shows what stacks/$stack ships', ({ slug, stack }) => {
  const solution = join(lessonsDir, slug, 'solution');
  const shipped = join(root, 'stacks', stack);

  it('has identical files wherever the solution and the stack hold the same path (compose.yaml compared below)', () => {
    const shared = files(solution).filter((path) => path !== 'compose.yaml' && path !== '.env' && existsSync(join(shipped, path)));
    const differing = shared.filter((path) => readFileSync(join(solution, path), 'utf8') !== readFileSync(join(shipped, path), 'utf8'));
    expect(differing).toEqual([]);
  });

  it('agrees with the stack on every compose service the lesson defines', () => {
    const lesson = parse(readFileSync(join(solution, 'compose.yaml'), 'utf8')) as Plain;
    const stackCompose = parse(readFileSync(join(shipped, 'compose.yaml'), 'utf8')) as Plain;
    const stackServices = isPlain(stackCompose['services']) ? stackCompose['services'] : {};
    const problems: string[] = [];
    for (const [name, body] of Object.entries(isPlain(lesson['services']) ? lesson['services'] : {})) {
      const other = stackServices[name];
      if (!isPlain(body)) continue;
      if (!isPlain(other)) {
        problems.push(`${name}: absent de la pile`);
        continue;
      }
      const compare = (key: string, a: unknown, b: unknown): void => {
        if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${name}.${key}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
      };
      if (body['image'] !== undefined) compare('image', body['image'], other['image']);
      const test = (s: Plain) => (isPlain(s['healthcheck']) ? s['healthcheck']['test'] : undefined);
      if (test(body) !== undefined) compare('healthcheck', test(body), test(other));
      compare('networks', networks(body), networks(other));
      const wanted = conditions(body);
      const shippedConditions = conditions(other);
      compare('depends_on', wanted, Object.fromEntries(Object.keys(wanted).map((key) => [key, shippedConditions[key]])));
      if (body['restart'] !== undefined) compare('restart', body['restart'], other['restart']);
    }
    expect(problems).toEqual([]);
  });
});
