// Mutation testing of the engine and the lesson objectives (StrykerJS, vitest runner).
//   npm run mutation                          every folder, one after the other
//   npm run mutation -- src/engine/yaml       only these folders
//   npm run mutation -- --report              print the last scores without running
//   npm run mutation -- --force src/engine/rules/cross   re-test every mutant
// Not part of `npm test`: a full run takes hours on two shared cores. Each
// folder is a separate Stryker run with its own incremental file, so a run
// that is stopped, or a later run after a small change, only tests the
// mutants whose code or covering tests changed. Everything is written under
// .cache/mutation/<folder>/ (report.json, report.html, incremental.json).
// Incremental mode knows a test by its file and name: a rule's examples are
// tests written in the rule's own file, so after changing examples only, a
// surviving mutant keeps its old verdict. Use --force then.
// MUTATION_CONCURRENCY (default 2) sets the number of test-runner processes.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PartialStrykerOptions } from '@stryker-mutator/api/core';
import { Stryker } from '@stryker-mutator/core';

const repo = fileURLToPath(new URL('../../', import.meta.url));
process.chdir(repo);

/** A folder the score is given for; `mutate` are Stryker globs, relative to the repository. */
interface Folder {
  path: string;
  mutate: string[];
}

// Generated tables (nginx directive reference, compiled JSON schema) and the
// test helpers are not mutated: a mutant there says nothing about a test.
const notMutated = ['!**/*.test.ts', '!src/objectives/objective-tester.ts', '!src/engine/nginx/generated/**', '!src/engine/compose/schema/*.generated.*', '!src/engine/testing/**', '!src/engine/types.ts'];

const folders: Folder[] = [
  { path: 'src/engine', mutate: ['src/engine/*.ts'] },
  { path: 'src/engine/yaml', mutate: ['src/engine/yaml/**/*.ts'] },
  { path: 'src/engine/compose', mutate: ['src/engine/compose/**/*.ts'] },
  { path: 'src/engine/nginx', mutate: ['src/engine/nginx/**/*.ts'] },
  { path: 'src/engine/cross', mutate: ['src/engine/cross/**/*.ts'] },
  { path: 'src/engine/rules/compose', mutate: ['src/engine/rules/compose/**/*.ts', 'src/engine/rules/catalogue.ts'] },
  { path: 'src/engine/rules/nginx', mutate: ['src/engine/rules/nginx/**/*.ts'] },
  { path: 'src/engine/rules/cross', mutate: ['src/engine/rules/cross/**/*.ts'] },
  { path: 'src/engine/rules/swarm', mutate: ['src/engine/rules/swarm/**/*.ts'] },
  { path: 'src/objectives', mutate: ['src/objectives/**/*.ts'] },
];

const outDir = (folder: Folder): string => join('.cache/mutation', folder.path.replaceAll('/', '-'));

function optionsFor(folder: Folder, force: boolean): PartialStrykerOptions {
  const out = outDir(folder);
  return {
    mutate: [...folder.mutate, ...notMutated],
    testRunner: 'vitest',
    vitest: { configFile: 'scripts/mutation/vitest.config.ts', related: true },
    plugins: ['@stryker-mutator/vitest-runner'],
    coverageAnalysis: 'perTest',
    // A static mutant (a constant evaluated when its module loads) makes
    // Stryker reload and run every test for it: hours on this machine. The
    // tables they live in (message templates, defaults) are read by the
    // rule examples anyway.
    ignoreStatic: true,
    concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
    incremental: true,
    force,
    incrementalFile: join(out, 'incremental.json'),
    reporters: ['json', 'html', 'progress-append-only'],
    jsonReporter: { fileName: join(out, 'report.json') },
    htmlReporter: { fileName: join(out, 'report.html') },
    tempDirName: join('.cache/mutation', 'sandbox'),
    cleanTempDir: 'always',
    ignorePatterns: ['dist', '.astro', '.cache', 'test-results', 'coverage', 'tests/e2e', 'tests/stacks', 'tests/images'],
    // The machine is shared: a slow neighbour must not turn a surviving mutant into a "timeout".
    timeoutMS: 60_000,
    timeoutFactor: 3,
    dryRunTimeoutMinutes: 30,
  };
}

type Status = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: Status;
  location: { start: { line: number; column: number } };
}

interface Report {
  files: Record<string, { mutants: ReportMutant[] }>;
}

interface Counts {
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  errors: number;
  ignored: number;
}

function count(mutants: readonly ReportMutant[]): Counts {
  const c: Counts = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0, ignored: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else if (m.status === 'Timeout') c.timeout++;
    else if (m.status === 'Ignored') c.ignored++;
    else c.errors++;
  }
  return c;
}

/** Stryker's mutation score: detected / (detected + undetected); errors and ignored mutants are left out. */
const score = (c: Counts): number => (100 * (c.killed + c.timeout)) / Math.max(1, c.killed + c.timeout + c.survived + c.noCoverage);

function readReport(folder: Folder): Report | undefined {
  const file = join(outDir(folder), 'report.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Report) : undefined;
}

function printScores(selected: readonly Folder[]): void {
  const rows: string[][] = [['folder', 'score', 'killed', 'timeout', 'survived', 'no cov.', 'errors', 'ignored']];
  const survivorsByFile: [string, number][] = [];
  for (const folder of selected) {
    const report = readReport(folder);
    if (report === undefined) {
      rows.push([folder.path, 'not run']);
      continue;
    }
    const mutants = Object.values(report.files).flatMap((f) => f.mutants);
    const c = count(mutants);
    rows.push([folder.path, `${score(c).toFixed(1)} %`, String(c.killed), String(c.timeout), String(c.survived), String(c.noCoverage), String(c.errors), String(c.ignored)]);
    for (const [file, { mutants: ms }] of Object.entries(report.files)) {
      const left = ms.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').length;
      if (left > 0) survivorsByFile.push([relative(repo, join(repo, file)), left]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  console.log('\nMutation score per folder (detected / (detected + survived + no coverage)):');
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  survivorsByFile.sort((a, b) => b[1] - a[1]);
  if (survivorsByFile.length > 0) {
    console.log('\nFiles with the most undetected mutants (details in .cache/mutation/<folder>/report.html):');
    for (const [file, left] of survivorsByFile.slice(0, 15)) console.log(`  ${String(left).padStart(4)}  ${file}`);
  }
}

const args = process.argv.slice(2);
const reportOnly = args.includes('--report');
const asked = args.filter((a) => !a.startsWith('--')).map((a) => a.replace(/\/+$/, ''));
const unknown = asked.filter((a) => !folders.some((f) => f.path === a));
if (unknown.length > 0) {
  console.error(`Unknown folder(s): ${unknown.join(', ')}. Known: ${folders.map((f) => f.path).join(', ')}`);
  process.exit(2);
}
// In the order asked: a long run can start with the folder that matters most.
const selected = asked.length === 0 ? folders : asked.map((path) => folders.find((f) => f.path === path)!);

if (!reportOnly) {
  for (const folder of selected) {
    mkdirSync(outDir(folder), { recursive: true });
    // A run killed while writing leaves half a file, which Stryker cannot read: start that folder afresh.
    const incremental = join(outDir(folder), 'incremental.json');
    try {
      if (existsSync(incremental)) JSON.parse(readFileSync(incremental, 'utf8'));
    } catch {
      rmSync(incremental);
    }
    console.log(`\n=== ${folder.path} ===`);
    const started = performance.now();
    await new Stryker(optionsFor(folder, args.includes('--force'))).runMutationTest();
    console.log(`${folder.path}: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  }
}
printScores(selected);
