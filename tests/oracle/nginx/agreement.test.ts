// Agreement with the real `nginx -t` 1.30 on the recorded corpus
// (re-record with `npm run oracle:nginx`). The engine calls a file invalid
// when it reports at least one error; where nginx names a line in the tested
// file, one of the engine's errors must cover that line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../../src/engine/check.ts';

interface RecordedVerdict {
  ok: boolean;
  message?: string;
  line?: number;
  warnings?: string[];
}

/** nginx's own warnings that a rule of ours mirrors. */
const MIRRORED_WARNINGS: { pattern: RegExp; ruleId: string }[] = [
  { pattern: /^the "listen \.\.\. http2" directive is deprecated/, ruleId: 'nginx-listen-http2-deprecated' },
  { pattern: /^conflicting server name/, ruleId: 'nginx-conflicting-server-name' },
];

const corpus = new URL('./corpus/', import.meta.url);
const recorded = JSON.parse(readFileSync(new URL('./verdicts.json', import.meta.url), 'utf8')) as { nginx: string; files: Record<string, RecordedVerdict> };

/** Where the file sits in a learner's project: snippets in conf.d (included in `http`), main files as nginx.conf. */
function projectPath(corpusPath: string): string {
  return corpusPath.endsWith('.main.conf') ? 'nginx/nginx.conf' : 'nginx/conf.d/default.conf';
}

interface Outcome {
  file: string;
  agrees: boolean;
  detail: string;
}

function judge(file: string, verdict: RecordedVerdict): Outcome {
  const text = readFileSync(new URL(file, corpus), 'utf8');
  const errors = checkProject([{ path: projectPath(file), text }]).diagnostics.filter((d) => d.severity === 'error');
  const engineOk = errors.length === 0;
  const summary = errors.map((d) => `${d.ruleId}@${d.range.start.line}`).join(', ') || 'no error';
  if (engineOk !== verdict.ok) {
    return { file, agrees: false, detail: `nginx ${verdict.ok ? 'ok' : `fails (${verdict.message} line ${verdict.line ?? '-'})`}, engine: ${summary}` };
  }
  if (!verdict.ok && verdict.line !== undefined) {
    const line = verdict.line;
    const covered = errors.some((d) => d.range.start.line <= line && line <= d.range.end.line);
    if (!covered) return { file, agrees: false, detail: `nginx fails at line ${line} (${verdict.message}), engine: ${summary}` };
  }
  return { file, agrees: true, detail: '' };
}

describe(`agreement with ${recorded.nginx} (nginx -t)`, () => {
  const entries = Object.entries(recorded.files);

  it('covers a corpus of at least 200 mutants and the realistic base configs', () => {
    expect(entries.filter(([file]) => file.startsWith('mutants/')).length).toBeGreaterThanOrEqual(200);
    expect(entries.filter(([file, v]) => file.startsWith('base/') && v.ok).length).toBeGreaterThanOrEqual(5);
  });

  it('accepts every base config nginx accepts', () => {
    const base = entries.filter(([file]) => file.startsWith('base/')).map(([file, v]) => judge(file, v));
    expect(base.filter((o) => !o.agrees)).toEqual([]);
  });

  it('raises our rule wherever nginx prints a warning we mirror', () => {
    const missed: string[] = [];
    let checked = 0;
    for (const [file, verdict] of entries) {
      for (const { pattern, ruleId } of MIRRORED_WARNINGS) {
        if (!verdict.warnings?.some((w) => pattern.test(w))) continue;
        checked++;
        const text = readFileSync(new URL(file, corpus), 'utf8');
        if (!checkProject([{ path: projectPath(file), text }]).diagnostics.some((d) => d.ruleId === ruleId)) missed.push(`${file}: ${ruleId}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(missed).toEqual([]);
  });

  it('agrees with nginx -t on at least 98% of the corpus, line included', () => {
    const outcomes = entries.map(([file, v]) => judge(file, v));
    const disagreements = outcomes.filter((o) => !o.agrees);
    const rate = (outcomes.length - disagreements.length) / outcomes.length;
    console.log(`nginx oracle agreement: ${(rate * 100).toFixed(1)}% (${outcomes.length - disagreements.length}/${outcomes.length})`);
    for (const d of disagreements) console.log(`  disagreement ${d.file}: ${d.detail}`);
    expect(rate).toBeGreaterThanOrEqual(0.98);
  });
});
