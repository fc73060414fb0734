// Mutation testing of the engine and the lesson objectives (StrykerJS, vitest runner).
//   npm run mutation                          every folder, one after the other
//   npm run mutation -- src/engine/yaml       only these folders
//   npm run mutation -- --report              print the last scores without running
//   npm run mutation -- --force src/engine/rules/cross   re-test every mutant
//   npm run mutation -- --report --survivors src/engine/rules/nginx   and list each undetected mutant
//   npm run mutation -- src/engine/rules/nginx/nginx-log-format.ts   re-test only these files (all their
//                                             mutants) and put their results into their folder's report
//   npm run mutation -- --undetected src/engine/rules/nginx/nginx-log-format.ts   only the lines of
//                                             its undetected mutants (after new examples: minutes, not hours)
// Not part of `npm test`: a full run takes hours on two cores. Each file is
// a separate Stryker run with its own incremental file, so a run that is
// stopped, or a later run after a small change, only tests the mutants whose
// code or covering tests changed. Everything is written under
// .cache/mutation/<folder>/ (report.json, incremental/<file>.json).
// Incremental mode knows a test by its file and name: a rule's examples are
// tests written in the rule's own file, so after changing examples only, a
// surviving mutant keeps its old verdict. Use --force then.
// MUTATION_CONCURRENCY (default 2) sets the number of test-runner processes, MUTATION_TIMEOUT_MS
// (default 60,000) the time a mutant's tests get beyond three times their normal time.
import { existsSync, globSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, matchesGlob, relative } from 'node:path';
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
  return {
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
    reporters: ['json', 'progress-append-only'],
    // One sandbox per folder: a short re-test of one folder can run while another folder is measured.
    tempDirName: join('.cache/mutation', `sandbox-${folder.path.replaceAll('/', '-')}`),
    cleanTempDir: 'always',
    ignorePatterns: ['dist', '.astro', '.cache', 'test-results', 'coverage', 'tests/e2e', 'tests/stacks', 'tests/images'],
    // The machine is shared: a slow neighbour must not turn a surviving mutant into a "timeout".
    // MUTATION_TIMEOUT_MS lowers it on a machine kept for the run (each endless-loop mutant waits it out).
    timeoutMS: Number(process.env.MUTATION_TIMEOUT_MS ?? 60_000),
    timeoutFactor: 3,
    dryRunTimeoutMinutes: 30,
  };
}

type Status = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: Status;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

interface Report {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
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

const undetected = (m: ReportMutant): boolean => m.status === 'Survived' || m.status === 'NoCoverage';

/** Each undetected mutant as `file:line:column  mutator  original → replacement`, to read beside the code. */
function printSurvivors(selected: readonly Folder[]): void {
  const oneLine = (text: string): string => (text.length > 70 ? `${text.slice(0, 69)}…` : text).replace(/\s+/g, ' ');
  for (const folder of selected) {
    const report = readReport(folder);
    if (report === undefined) continue;
    console.log(`\nUndetected mutants of ${folder.path}:`);
    for (const [file, { source, mutants }] of Object.entries(report.files)) {
      const lines = source.split('\n');
      for (const m of mutants.filter(undetected).sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
        const { start, end } = m.location;
        const original = start.line === end.line ? lines[start.line - 1]!.slice(start.column - 1, end.column - 1) : `${lines[start.line - 1]!.slice(start.column - 1)}…`;
        const where = `${relative(repo, join(repo, file))}:${start.line}:${start.column}`;
        const label = m.status === 'NoCoverage' ? `${m.mutatorName}, no coverage` : m.mutatorName;
        console.log(`  ${where}  ${label}  ${oneLine(original)} → ${oneLine(m.replacement ?? '')}`);
      }
    }
  }
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
      const left = ms.filter(undetected).length;
      if (left > 0) survivorsByFile.push([relative(repo, join(repo, file)), left]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  console.log('\nMutation score per folder (detected / (detected + survived + no coverage)):');
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  survivorsByFile.sort((a, b) => b[1] - a[1]);
  if (survivorsByFile.length > 0) {
    console.log('\nFiles with the most undetected mutants (each one: --report --survivors <folder>):');
    for (const [file, left] of survivorsByFile.slice(0, 15)) console.log(`  ${String(left).padStart(4)}  ${file}`);
  }
}

// The folder whose `mutate` globs take `file` (they are only `dir/*.ts`, `dir/**/*.ts` and plain paths).
function folderOf(file: string): Folder | undefined {
  const takes = (glob: string): boolean => {
    if (glob.endsWith('/**/*.ts')) return file.startsWith(glob.slice(0, -'**/*.ts'.length));
    if (glob.endsWith('/*.ts')) return dirname(file) === glob.slice(0, -'/*.ts'.length);
    return file === glob;
  };
  return folders.find((f) => f.mutate.some(takes));
}

/** The source files of a folder that are mutated: its `mutate` globs minus what is not mutated. */
function filesOf(folder: Folder): string[] {
  const excluded = notMutated.map((glob) => glob.slice(1));
  return [...new Set(folder.mutate.flatMap((glob) => globSync(glob)))].filter((file) => !excluded.some((glob) => matchesGlob(file, glob))).sort();
}

/**
 * Tests the mutants of one file in a Stryker run of its own, then puts the
 * results into its folder's report in place of the old ones. One file at a
 * time because an instrumented file slows every test that runs its code:
 * with the whole of src/engine/yaml instrumented, the tests took 47 s
 * instead of 1.5 s, and each of 4,076 mutants paid for it. Each file keeps
 * its own incremental record, so a stopped folder run keeps the files done.
 * `onlyUndetected`: only the lines of the mutants left undetected are mutated
 * again (new examples cannot let a killed mutant live, so the others keep
 * their verdict); a file whose code changed is tested whole.
 */
async function testFile(folder: Folder, file: string, force: boolean, onlyUndetected: boolean): Promise<void> {
  const out = outDir(folder);
  const partial = join(out, 'partial-report.json');
  const reportFile = join(out, 'report.json');
  const before = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as Report) : undefined;
  const old = before?.files[file];
  let ranges: [number, number][] | undefined;
  if (onlyUndetected && old !== undefined && old.source === readFileSync(file, 'utf8')) {
    const all = old.mutants.filter(undetected).map((m): [number, number] => [m.location.start.line, m.location.end.line]);
    ranges = [...new Map(all.map((r) => [r.join('-'), r])).values()];
    if (ranges.length === 0) return;
  }
  const incrementalFile = join(out, 'incremental', `${file.replaceAll('/', '-')}.json`);
  // A run killed while writing leaves half a file, which Stryker cannot read: start that file afresh.
  try {
    if (existsSync(incrementalFile)) JSON.parse(readFileSync(incrementalFile, 'utf8'));
  } catch {
    rmSync(incrementalFile);
  }
  const mutate = ranges?.map(([a, b]) => `${file}:${a}-${b}`) ?? [file];
  await new Stryker({
    ...optionsFor(folder, force),
    mutate: [...mutate, ...notMutated],
    // A run over some lines only would leave an incremental record of those lines alone.
    incremental: ranges === undefined,
    incrementalFile,
    jsonReporter: { fileName: partial },
  }).runMutationTest();
  if (ranges !== undefined && existsSync(incrementalFile)) rmSync(incrementalFile);
  const fresh = existsSync(partial) ? (JSON.parse(readFileSync(partial, 'utf8')) as Report) : { files: {} };
  // Without a report yet, the folder's report grows file by file (its score then covers those files only).
  const report = before ?? { ...fresh, files: {} };
  const retested = fresh.files[file];
  if (ranges === undefined) {
    if (retested) report.files[file] = retested;
  } else {
    const inRanges = (m: ReportMutant): boolean => ranges.some(([a, b]) => m.location.start.line >= a && m.location.end.line <= b);
    report.files[file] = { ...old!, mutants: [...old!.mutants.filter((m) => !inRanges(m)), ...(retested?.mutants ?? [])] };
  }
  // Files deleted or renamed since leave the report.
  for (const name of Object.keys(report.files)) if (!existsSync(name)) delete report.files[name];
  writeFileSync(reportFile, JSON.stringify(report));
  if (existsSync(partial)) rmSync(partial);
}

const args = process.argv.slice(2);
const reportOnly = args.includes('--report');
const positional = args.filter((a) => !a.startsWith('--')).map((a) => a.replace(/\/+$/, ''));
const files = positional.filter((a) => a.endsWith('.ts'));
const asked = positional.filter((a) => !a.endsWith('.ts'));
const unknown = [...asked.filter((a) => !folders.some((f) => f.path === a)), ...files.filter((f) => !existsSync(f) || folderOf(f) === undefined)];
if (unknown.length > 0) {
  console.error(`Unknown folder(s) or file(s): ${unknown.join(', ')}. Known folders: ${folders.map((f) => f.path).join(', ')}`);
  process.exit(2);
}
const filesByFolder = new Map<Folder, string[]>();
for (const file of files) filesByFolder.set(folderOf(file)!, [...(filesByFolder.get(folderOf(file)!) ?? []), file]);
// In the order asked: a long run can start with the folder that matters most.
const selected = asked.length === 0 && files.length === 0 ? folders : [...new Set([...asked.map((path) => folders.find((f) => f.path === path)!), ...filesByFolder.keys()])];

if (!reportOnly) {
  const force = args.includes('--force');
  for (const [folder, some] of filesByFolder) {
    mkdirSync(outDir(folder), { recursive: true });
    for (const file of some) {
      console.log(`\n=== ${file} ===`);
      await testFile(folder, file, true, args.includes('--undetected'));
    }
  }
  for (const folder of selected.filter((f) => asked.includes(f.path) || files.length === 0)) {
    mkdirSync(outDir(folder), { recursive: true });
    const started = performance.now();
    for (const file of filesOf(folder)) {
      console.log(`\n=== ${folder.path}: ${file} ===`);
      await testFile(folder, file, force, false);
    }
    console.log(`${folder.path}: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  }
}
if (args.includes('--survivors')) printSurvivors(selected);
printScores(selected);
