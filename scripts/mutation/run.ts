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
// MUTATION_CONCURRENCY (default 2) sets the number of test-runner processes; a mutant's tests get
// MUTATION_TIMEOUT_FACTOR (default 3) times their normal time plus MUTATION_TIMEOUT_MS (default 60,000).
import { existsSync, globSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, matchesGlob, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PartialStrykerOptions } from '@stryker-mutator/api/core';
import { Stryker } from '@stryker-mutator/core';
import { Instrumenter } from '@stryker-mutator/instrumenter';

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
    // Not `related`: Stryker names the tests covering each mutant; vitest searching the module graph for the
    // test files importing it added to every run (flow-indent.ts: 1 min 41 s instead of 2 min 13 s).
    vitest: { configFile: 'scripts/mutation/vitest.config.ts', related: false },
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
    timeoutFactor: Number(process.env.MUTATION_TIMEOUT_FACTOR ?? 3),
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

function readReport(folder: Folder, name = 'report.json'): Report | undefined {
  const file = join(outDir(folder), name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Report) : undefined;
}

const undetected = (m: ReportMutant): boolean => m.status === 'Survived' || m.status === 'NoCoverage';

/** Each undetected mutant as `file:line:column  mutator  original → replacement`, to read beside the code. */
function printSurvivors(selected: readonly Folder[]): void {
  const oneLine = (text: string): string => (text.length > 70 ? `${text.slice(0, 69)}…` : text).replace(/\s+/g, ' ');
  for (const folder of selected) {
    const report = scoredReport(folder);
    if (report === undefined) continue;
    console.log(`\nUndetected mutants of ${folder.path}${'sample' in report ? ' (sample)' : ''}:`);
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

type SampledReport = Report & { sample: SampleInfo };

/**
 * The 95 % margin of a sampled score, in points. The mutants of one line live
 * or die together more often than not, so the line is the unit: the variance
 * of a ratio estimate over a sample of clusters.
 */
function sampleMargin(report: SampledReport): number {
  const perLine = new Map<string, { detected: number; counted: number }>();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      if (m.status === 'Ignored' || !(['Killed', 'Timeout', 'Survived', 'NoCoverage'] as Status[]).includes(m.status)) continue;
      const line = perLine.get(`${file}:${m.location.start.line}`) ?? { detected: 0, counted: 0 };
      line.counted++;
      if (!undetected(m)) line.detected++;
      perLine.set(`${file}:${m.location.start.line}`, line);
    }
  }
  const clusters = [...perLine.values()];
  const k = clusters.length;
  if (k < 2) return 100;
  const counted = clusters.reduce((sum, l) => sum + l.counted, 0);
  const ratio = clusters.reduce((sum, l) => sum + l.detected, 0) / counted;
  const mean = counted / k;
  const spread = clusters.reduce((sum, l) => sum + (l.detected - ratio * l.counted) ** 2, 0) / (k - 1);
  // Finite population correction: a large share of a small folder's lines leaves less to guess.
  const fpc = 1 - k / report.sample.populationLines;
  return 196 * Math.sqrt((fpc * spread) / (k * mean * mean));
}

/** The folder's latest measure: its whole report when it covers every file, or its sampled report, whichever is newer. */
function scoredReport(folder: Folder): Report | SampledReport | undefined {
  const whole = readReport(folder);
  const sample = readReport(folder, 'sample-report.json') as SampledReport | undefined;
  const modified = (name: string): number => statSync(join(outDir(folder), name)).mtimeMs;
  const wholeCovers = whole !== undefined && filesOf(folder).every((file) => whole.files[file] !== undefined);
  if (wholeCovers && (sample === undefined || modified('report.json') > modified('sample-report.json'))) return whole;
  return sample ?? whole;
}

function printScores(selected: readonly Folder[]): void {
  const rows: string[][] = [['folder', 'score', 'killed', 'timeout', 'survived', 'no cov.', 'errors', 'ignored']];
  const survivorsByFile: [string, number][] = [];
  for (const folder of selected) {
    const report = scoredReport(folder);
    if (report === undefined) {
      rows.push([folder.path, 'not run']);
      continue;
    }
    const mutants = Object.values(report.files).flatMap((f) => f.mutants);
    const c = count(mutants);
    const partial = !('sample' in report) && filesOf(folder).some((file) => report.files[file] === undefined);
    const n = c.killed + c.timeout + c.survived + c.noCoverage;
    const label = 'sample' in report ? `${folder.path} (${n} mutants on ${report.sample.lines} lines of ${report.sample.populationLines})` : partial ? `${folder.path} (some files only)` : folder.path;
    const value = 'sample' in report ? `${score(c).toFixed(1)} % ± ${sampleMargin(report).toFixed(1)}` : `${score(c).toFixed(1)} %`;
    rows.push([label, value, String(c.killed), String(c.timeout), String(c.survived), String(c.noCoverage), String(c.errors), String(c.ignored)]);
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

/** A deterministic shuffle (mulberry32): the same seed draws the same sample, so a re-run measures the same mutants. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** What a sampled report says of its draw. */
interface SampleInfo {
  seed: number;
  /** Lines drawn, and lines holding one-line mutants in the folder. */
  lines: number;
  populationLines: number;
  /** One-line mutants in the folder. */
  population: number;
}

/**
 * Measures the mutants of a random sample of a folder's lines instead of all
 * of them: in the folders whose code every test runs (the YAML reader, the
 * compose model, the nginx parser) a mutant costs two to three seconds on two
 * cores, hours for a folder. Lines, not single mutants, are drawn: Stryker
 * selects mutants by range, and the range of one mutant also selects every
 * mutant nested in it (12 drawn mutants made 92 runs); a line's range selects
 * exactly the mutants that sit on it, all of which are counted. Mutants that
 * span lines (a removed block, about 10 %) are left out: those are the ones
 * most often killed, so the sample, if anything, underestimates.
 */
async function testSample(folder: Folder, size: number, seed: number, onlyUndetected: boolean): Promise<void> {
  const out = outDir(folder);
  const before = readReport(folder, 'sample-report.json') as SampledReport | undefined;
  let lines: [string, number][];
  let sample: SampleInfo;
  if (onlyUndetected && before?.sample) {
    // The lines of the last draw that hold an undetected mutant (their files unchanged): new tests cannot let a killed mutant live.
    sample = before.sample;
    lines = Object.entries(before.files).flatMap(([file, { source, mutants }]) =>
      source === readFileSync(file, 'utf8') ? [...new Set(mutants.filter(undetected).map((m) => m.location.start.line))].map((line): [string, number] => [file, line]) : [],
    );
  } else {
    const quiet = (): boolean => false;
    const silent = (): void => undefined;
    const logger = { isTraceEnabled: quiet, isDebugEnabled: quiet, isInfoEnabled: quiet, isWarnEnabled: quiet, isErrorEnabled: quiet, isFatalEnabled: quiet, trace: silent, debug: silent, info: silent, warn: silent, error: silent, fatal: silent };
    const { mutants } = await new Instrumenter(logger).instrument(
      filesOf(folder).map((name) => ({ name, content: readFileSync(name, 'utf8'), mutate: true })),
      { plugins: null, ignorers: [], excludedMutations: [], noHeader: false } as unknown as Parameters<Instrumenter['instrument']>[1],
    );
    // The instrumenter counts lines from 0, the report and Stryker's ranges from 1.
    const perLine = new Map<string, number>();
    for (const m of mutants) {
      if (m.location.start.line !== m.location.end.line) continue;
      const key = `${m.fileName}:${m.location.start.line + 1}`;
      perLine.set(key, (perLine.get(key) ?? 0) + 1);
    }
    lines = [];
    let drawn = 0;
    for (const [key, count] of shuffled([...perLine].sort(([a], [b]) => a.localeCompare(b)), seed)) {
      if (drawn >= size) break;
      const colon = key.lastIndexOf(':');
      lines.push([key.slice(0, colon), Number(key.slice(colon + 1))]);
      drawn += count;
    }
    sample = { seed, lines: lines.length, populationLines: perLine.size, population: [...perLine.values()].reduce((a, b) => a + b, 0) };
    console.log(`${folder.path}: ${lines.length} of ${perLine.size} lines drawn (seed ${seed}), ${drawn} of ${sample.population} one-line mutants`);
  }
  const partial = join(out, 'partial-report.json');
  if (lines.length > 0) {
    await new Stryker({ ...optionsFor(folder, true), mutate: [...lines.map(([file, line]) => `${file}:${line}-${line}`), ...notMutated], incremental: false, jsonReporter: { fileName: partial } }).runMutationTest();
  }
  const fresh = existsSync(partial) ? (JSON.parse(readFileSync(partial, 'utf8')) as Report) : { files: {} };
  if (existsSync(partial)) rmSync(partial);
  const report: SampledReport = onlyUndetected && before?.sample ? before : { files: {}, sample };
  const tested = new Set(lines.map(([file, line]) => `${file}:${line}`));
  for (const [file, { source, mutants }] of Object.entries(fresh.files)) {
    const kept = report.files[file]?.mutants.filter((m) => !tested.has(`${file}:${m.location.start.line}`)) ?? [];
    report.files[file] = { source, mutants: [...kept, ...mutants.filter((m) => m.location.start.line === m.location.end.line)] };
  }
  writeFileSync(join(out, 'sample-report.json'), JSON.stringify(report));
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

const sampleArg = args.find((a) => a.startsWith('--sample'));
const sampleSize = sampleArg === undefined ? undefined : Number(sampleArg.split('=')[1] ?? 300);
const seed = Number(args.find((a) => a.startsWith('--seed='))?.split('=')[1] ?? 14);

if (!reportOnly && sampleSize !== undefined) {
  for (const folder of selected) {
    mkdirSync(outDir(folder), { recursive: true });
    const started = performance.now();
    console.log(`\n=== ${folder.path} (sample) ===`);
    await testSample(folder, sampleSize, seed, args.includes('--undetected'));
    console.log(`${folder.path}: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  }
} else if (!reportOnly) {
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
