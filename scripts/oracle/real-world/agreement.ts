// The engine's agreement with the real tools' recorded verdicts on the
// real-world corpus, per kind. Shared by the measuring scripts (which print
// every disagreement) and tests/oracle/real-world/agreement.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkProject } from '../../../src/engine/check.ts';
import { crossRules } from '../../../src/engine/rules/cross/index.ts';
import type { Diagnostic } from '../../../src/engine/types.ts';
import { enginePath, includedFiles } from './nginx-project-files.ts';
import { corpusDir, verdictsFile } from './paths.ts';

export type Kind = 'compose' | 'compose-mutants' | 'compose-up' | 'compose-mutants-up' | 'nginx' | 'nginx-mutants' | 'cross' | 'cross-mutants';
export interface Agreement {
  kind: Kind;
  agree: number;
  total: number;
  /** Agreement per mutation ('-' for files as published). */
  byMutation: Map<string, [agree: number, total: number]>;
  disagreements: string[];
  /** Cases left out, each with its reason (a file of the project the case needs and the corpus lacks). */
  excluded: string[];
  /** nginx: counted cases whose include targets the harness stubbed as empty files. */
  stubbed?: number;
}

interface CaseMeta {
  origin: string | { package: string } | { repository: string };
  mutation?: string;
  /** A mutant's base case. */
  base?: string;
  composeFile?: string;
  /** A mutant's base files it does without (renamed). */
  removed?: string[];
  /** Several compose files, merged in this order (`-f a -f b`). */
  composeFiles?: string[];
  context?: 'main' | 'http' | 'server';
  /** The shell's variables the project needs (a CI's, an `.env.example`'s). */
  env?: Record<string, string>;
  /** nginx: the file needs another file of its project the corpus lacks (`needs …`), so neither verdict says anything. */
  incomplete?: string;
  /** nginx: the recording chroot differs from the official image on what the file uses. */
  harness?: string;
}
const readMeta = (dir: string): CaseMeta => JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CaseMeta;
export const originName = (meta: CaseMeta): string => (typeof meta.origin === 'string' ? meta.origin : 'package' in meta.origin ? meta.origin.package : meta.origin.repository);

/** Errors `docker compose config` does not check but `up` does: the engine reports them earlier, on purpose. */
export const UP_TIME_RULES = new Set(['healthy-dependency-without-healthcheck', 'duplicate-published-port', 'relative-working-dir', 'extra-host-without-address', 'missing-secret-file', 'unknown-capability', 'windows-volume-source', 'bridge-name-conflict']);
/** Up-time rules only starting the containers proves (record-start.ts): measured where that recording can tell. */
const START_TIME_RULES = new Set(['healthy-dependency-without-healthcheck', 'duplicate-published-port']);
/** Warnings (rule:message) for what Compose accepts and Docker creates, but not as written. */
const UP_MISREADS = new Set(['healthcheck-test-form:prefixInString']);
const OVERRIDES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml'];

function walk(dir: string, base: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out);
    else out.push(relative(base, p));
  }
  return out;
}

function tally(result: Agreement, meta: CaseMeta, ok: boolean, why: () => string): void {
  const key = meta.mutation ?? '-';
  const m = result.byMutation.get(key) ?? [0, 0];
  m[1]++;
  result.total++;
  if (ok) {
    m[0]++;
    result.agree++;
  } else result.disagreements.push(why());
  result.byMutation.set(key, m);
}

/**
 * A compose case's files by path: a mutant keeps only the file it changed,
 * over its base case's project.
 */
export function projectFiles(kind: 'compose' | 'compose-mutants', id: string): Map<string, string> {
  const dir = join(corpusDir(kind), id);
  const base = readMeta(dir).base;
  const files = base ? projectFiles('compose', base) : new Map<string, string>();
  const project = join(dir, 'project');
  for (const p of walk(project, project, [])) files.set(p, readFileSync(join(project, p), 'utf8'));
  return files;
}

/**
 * The engine's diagnostics that refuse a compose case: errors of the files
 * Compose is given (up-time-only rules included), the warning that Compose
 * 2.40 refuses a newer key, and the warnings that Docker misreads the file.
 */
function engineDiagnostics(kind: 'compose' | 'compose-mutants', id: string, meta: CaseMeta, args: string[]): Diagnostic[] {
  const project = projectFiles(kind, id);
  // The compose files Compose is given: the one named, and its override when Compose picks the file by itself.
  const loaded = new Set<string>([meta.composeFile!]);
  if (args[0] === 'config') {
    const override = OVERRIDES.find((o) => project.has(o));
    if (override) loaded.add(override);
  }
  // Every file of the folder, as Compose finds them on disk: a compose-named file it is not given may still be included or extended.
  const files = [...project].map(([path, text]) => ({ path, text }));
  // Errors of the compose files, and the warning that Compose 2.40 refuses a newer key; nginx rules are another kind.
  const blocking = (d: Diagnostic): boolean =>
    (d.severity === 'error' || d.ruleId === 'newer-compose-key' || UP_MISREADS.has(`${d.ruleId}:${d.messageId}`)) &&
    !d.ruleId.startsWith('nginx') &&
    (loaded.has(d.file) || d.ruleId === 'internal-error' || d.ruleId === 'missing-project-file' || d.ruleId === 'unknown-extended-service' || d.ruleId === 'extends-cycle');
  // The files Compose reads, named as `-f` names them (whatever their names); no --profile: no profile is active, as for docker compose.
  return checkProject(files, { profiles: [], composeFiles: [...loaded] }).diagnostics.filter(blocking);
}

interface ComposeVerdict { args: string[]; verdict: 'valid' | 'invalid'; line?: number; message: string }

export function composeAgreement(kind: 'compose' | 'compose-mutants'): Agreement {
  const root = corpusDir(kind);
  const verdicts = JSON.parse(readFileSync(verdictsFile(kind), 'utf8')) as Record<string, ComposeVerdict>;
  const result: Agreement = { kind, agree: 0, total: 0, byMutation: new Map(), disagreements: [], excluded: [] };
  for (const id of Object.keys(verdicts).sort()) {
    const v = verdicts[id]!;
    const meta = readMeta(join(root, id));
    const errors = engineDiagnostics(kind, id, meta, v.args).filter((d) => !UP_TIME_RULES.has(d.ruleId) && !UP_MISREADS.has(`${d.ruleId}:${d.messageId}`));
    const verdict = errors.length ? 'invalid' : 'valid';
    let ok = verdict === v.verdict;
    if (ok && v.verdict === 'invalid' && v.line !== undefined) {
      const line = v.line;
      // go-yaml names the 0-based line of the construct it was in for parser errors: the line or the next one agrees.
      ok = /^yaml: line/.test(v.message) ? errors.some((e) => e.range.start.line <= line + 1 && e.range.end.line >= line) : errors.some((e) => Math.abs(e.range.start.line - line) <= 1);
    }
    tally(result, meta, ok, () => `${id}: compose ${v.verdict}${v.line ? `@${v.line}` : ''} (${v.message.split('\n').slice(-1)[0]!.slice(0, 140)}) / engine ${verdict} (${errors.slice(0, 4).map((e) => `${e.ruleId}:${e.messageId ?? ''}@${e.range.start.line}`).join(', ')})`);
  }
  return result;
}

export interface UpVerdict {
  /** `created`: `up` creates every container; `refused`: it stops; `untested`: an image nothing can stand in for. */
  verdict: 'created' | 'refused' | 'untested';
  message?: string;
  /** Refused because of what the recording host holds or lacks (an external network, an address range in use). */
  host?: boolean;
  /** Services created, but not as written (a healthcheck `CMD …` string run by the shell). */
  misread?: Record<string, string>;
}
export const upVerdictsFile = (kind: 'compose' | 'compose-mutants'): string => verdictsFile(kind).replace(/-verdicts\.json$/, '-up-verdicts.json');
export interface StartVerdict {
  /** What the case's Compose model could meet: two host bindings or more, a `service_healthy` dependency. */
  checks: ('ports' | 'healthy')[];
  /** `started`: every container starts; `refused`: a host port published twice, or a healthy dependency without healthcheck. */
  verdict: 'started' | 'refused' | 'untested';
  message?: string;
  /** Untested because of the recording host (a port it holds, an image whose HEALTHCHECK only the real image tells). */
  host?: boolean;
}
export const startVerdictsFile = (kind: 'compose' | 'compose-mutants'): string => verdictsFile(kind).replace(/-verdicts\.json$/, '-start-verdicts.json');

/**
 * Would `docker compose up` go wrong? The real verdict is `config`'s refusal,
 * or, for a file `config` accepts, the local dockerd's refusal to create its
 * containers or a container created not as written (record-up.ts), or its
 * refusal to start them for a host port published twice or a healthy
 * dependency without healthcheck (record-start.ts). The engine's is an error
 * (its up-time-only rules included) or a warning that Docker misreads the
 * file. The two start-time rules count where the start recording tells: a
 * case it started or refused, and a case whose model could meet neither
 * (fewer than two host bindings, no `service_healthy`: not recorded), once the
 * start verdicts exist; not where the stand-ins or the host decided. Verdicts
 * only: `config`'s lines are the compose kind's business, and `up` names none.
 */
export function upAgreement(kind: 'compose' | 'compose-mutants'): Agreement {
  const root = corpusDir(kind);
  const config = JSON.parse(readFileSync(verdictsFile(kind), 'utf8')) as Record<string, ComposeVerdict>;
  const up = (JSON.parse(readFileSync(upVerdictsFile(kind), 'utf8')) as { cases: Record<string, UpVerdict> }).cases;
  const start = existsSync(startVerdictsFile(kind)) ? (JSON.parse(readFileSync(startVerdictsFile(kind), 'utf8')) as { cases: Record<string, StartVerdict> }).cases : undefined;
  const result: Agreement = { kind: kind === 'compose' ? 'compose-up' : 'compose-mutants-up', agree: 0, total: 0, byMutation: new Map(), disagreements: [], excluded: [] };
  for (const id of Object.keys(config).sort()) {
    const c = config[id]!;
    const u = up[id];
    // Accepted by `config` but not recorded with `up`, not testable, or refused because of the host: not counted.
    if (c.verdict === 'valid' && (!u || u.verdict === 'untested' || u.host)) continue;
    const meta = readMeta(join(root, id));
    const s = c.verdict === 'valid' && u!.verdict === 'created' ? start?.[id] : undefined;
    const real =
      c.verdict === 'invalid' ? `config refuses (${c.message.split('\n').slice(-1)[0]!.slice(0, 100)})`
      : u!.verdict === 'refused' ? `up refuses (${u!.message!.split('\n').slice(-1)[0]!.slice(0, 140)})`
      : u!.misread ? `up misreads ${JSON.stringify(u!.misread).slice(0, 140)}`
      : s?.verdict === 'refused' ? `start refuses (${s.message!.slice(0, 140)})`
      : '';
    // Where starting was not recorded (no start verdicts yet) or the stand-ins decided, the start-time rules are not judged.
    const judged = start !== undefined && s?.verdict !== 'untested';
    const errors = engineDiagnostics(kind, id, meta, c.args).filter((d) => judged || !START_TIME_RULES.has(d.ruleId));
    const what = real || (s?.verdict === 'started' ? 'up starts' : 'up creates');
    tally(result, meta, (errors.length > 0) === (real !== ''), () => `${id}: ${what} / engine ${errors.slice(0, 4).map((e) => `${e.ruleId}:${e.messageId ?? ''}@${e.range.start.line}`).join(', ') || 'ok'}`);
  }
  return result;
}

interface NginxVerdict { ok: boolean; line?: number; message: string; stubbed?: string[] }
/** At most this many cases per project and mutation, so that one project's fixtures do not make the figure. */
const PER_PROJECT = 12;

export function nginxAgreement(kind: 'nginx' | 'nginx-mutants'): Agreement {
  const root = corpusDir(kind);
  const verdicts = JSON.parse(readFileSync(verdictsFile(kind), 'utf8')) as Record<string, NginxVerdict>;
  const result: Agreement = { kind, agree: 0, total: 0, byMutation: new Map(), disagreements: [], excluded: [] };
  const perProject = new Map<string, number>();
  for (const id of Object.keys(verdicts).sort()) {
    const v = verdicts[id]!;
    const meta = readMeta(join(root, id));
    // Files as published count only when nginx accepts them with the harness' stubs (what a deployment provides).
    // Every file as published counts, whether nginx accepts it or not, unless it needs a file the corpus lacks.
    const reason = meta.incomplete !== undefined ? `incomplete: ${meta.incomplete}` : meta.harness !== undefined ? `harness: ${meta.harness}` : undefined;
    if (reason) {
      result.excluded.push(`${id}: ${reason}`);
      continue;
    }
    const key = `${originName(meta)} ${meta.mutation ?? ''}`;
    const seen = (perProject.get(key) ?? 0) + 1;
    perProject.set(key, seen);
    if (seen > PER_PROJECT) continue;
    const text = readFileSync(join(root, id, 'file.conf'), 'utf8');
    const path = meta.context === 'main' ? 'nginx/nginx.conf' : meta.context === 'http' ? 'nginx/conf.d/default.conf' : 'nginx/snippets/site.conf';
    // The files of its project the case includes, where nginx's prefix (/etc/nginx) is for the engine: `nginx/`.
    const included = includedFiles(kind, id).map((f) => ({ path: enginePath(f.target), text: f.text }));
    const errors = checkProject([{ path, text }, ...included]).diagnostics.filter((d) => d.severity === 'error');
    let ok = (errors.length === 0) === v.ok;
    // nginx names a line only in the case's own file.
    if (ok && !v.ok && v.line !== undefined) ok = errors.some((d) => d.file === path && d.range.start.line <= v.line! + 1 && v.line! - 1 <= d.range.end.line);
    // Files as published, split by nginx's verdict (the refused ones were not counted before session 6).
    const tallied = meta.mutation ? meta : { ...meta, mutation: v.ok ? 'as published, accepted by nginx' : 'as published, refused by nginx' };
    if (!meta.mutation && v.stubbed) result.stubbed = (result.stubbed ?? 0) + 1;
    tally(result, tallied, ok, () => `${id} [${meta.context}]: nginx ${v.ok ? 'ok' : `fails@${v.line ?? '-'} (${v.message})`} / engine ${errors.slice(0, 3).map((e) => `${e.ruleId}:${e.messageId}@${e.file === path ? '' : `${e.file}:`}${e.range.start.line}`).join(', ') || 'ok'}`);
  }
  return result;
}

/** A compose ↔ nginx case's files by path: a mutant keeps only the files it changed, over its base case. */
export function crossProjectFiles(kind: 'cross' | 'cross-mutants', id: string): Map<string, string> {
  const dir = join(corpusDir(kind), id);
  const base = readMeta(dir).base;
  const files = base ? crossProjectFiles('cross', base) : new Map<string, string>();
  for (const path of readMeta(dir).removed ?? []) files.delete(path);
  const project = join(dir, 'project');
  if (existsSync(project)) for (const p of walk(project, project, [])) files.set(p, readFileSync(join(project, p), 'utf8'));
  return files;
}

interface CrossVerdict { composeInvalid?: string; untested?: string; ok: boolean; message?: string; file?: string; line?: number }
const CROSS_RULES = new Set(crossRules.map((r) => r.id));

/**
 * Would the project's nginx service start? The real verdict is `nginx -t` in
 * the container as Compose builds it (record-cross.ts); the engine's is an
 * error of its cross or nginx rules in an nginx file of the project, checked
 * as the CLI checks a project (the compose file named, no profile active). When
 * nginx refuses the project, the engine must point at the line nginx names (± 1).
 */
export function crossAgreement(kind: 'cross' | 'cross-mutants'): Agreement {
  const root = corpusDir(kind);
  const verdicts = JSON.parse(readFileSync(verdictsFile(kind), 'utf8')) as Record<string, CrossVerdict>;
  const result: Agreement = { kind, agree: 0, total: 0, byMutation: new Map(), disagreements: [], excluded: [] };
  for (const id of Object.keys(verdicts).sort()) {
    const v = verdicts[id]!;
    // Compose refuses the project: the compose kind's business.
    if (v.composeInvalid !== undefined || v.untested !== undefined) continue;
    const meta = readMeta(join(root, id));
    const project = crossProjectFiles(kind, id);
    const files = [...project].map(([path, text]) => ({ path, text }));
    const checked = checkProject(files, { profiles: [], composeFiles: meta.composeFiles ?? [meta.composeFile!], environment: meta.env ?? {} });
    // The files the engine reads as nginx configuration: by name, or mounted as such.
    const nginxFiles = new Set(checked.nginx.map((n) => n.file.path));
    const errors = checked.diagnostics.filter(
      (d) => d.severity === 'error' && nginxFiles.has(d.file) && (CROSS_RULES.has(d.ruleId) || d.ruleId.startsWith('nginx')),
    );
    let ok = (errors.length === 0) === v.ok;
    if (ok && !v.ok && v.line !== undefined && v.file !== undefined && project.has(v.file)) {
      ok = errors.some((d) => d.file === v.file && d.range.start.line <= v.line! + 1 && v.line! - 1 <= d.range.end.line);
    }
    tally(result, meta, ok, () => `${id}: nginx ${v.ok ? 'ok' : `fails ${v.file ?? ''}@${v.line ?? '-'} (${v.message})`} / engine ${errors.slice(0, 3).map((e) => `${e.ruleId}:${e.messageId}@${e.file}:${e.range.start.line}`).join(', ') || 'ok'}`);
  }
  return result;
}

export function printAgreement(a: Agreement, details: boolean): void {
  console.log(`${a.kind}: ${a.agree}/${a.total} = ${((100 * a.agree) / a.total).toFixed(1)} %`);
  const published = [...a.byMutation].filter(([m]) => m.startsWith('as published, '));
  if (!details) for (const [m, [ok, t]] of published) console.log(`  ${m}: ${ok}/${t}`);
  if (a.stubbed) console.log(`  counted with include targets stubbed as empty files: ${a.stubbed}`);
  if (a.excluded.length) console.log(`  excluded: ${a.excluded.length}\n    ${a.excluded.join('\n    ')}`);
  if (!details) return;
  for (const [m, [ok, t]] of [...a.byMutation].sort()) console.log(`  ${m === '-' ? 'as published' : m}: ${ok}/${t}`);
  if (a.disagreements.length) console.log(a.disagreements.join('\n'));
}
