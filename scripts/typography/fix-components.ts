// Repeatable fixer for the faults the typography check finds in components,
// pages and modules (component-strings.ts): it rewrites only the prose runs
// the check reads, through the same French spacing and apostrophe fixes as the
// lesson fixer (fix-french.ts), written in each place's own notation: `&nbsp;`
// in template text and attributes, `\u00a0` in script literals.
//   tsx scripts/typography/fix-components.ts      fix, print the count per file
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroRuns, tsRuns, type ProseRun } from './component-strings.ts';
import { componentFiles, repoRoot } from './corpus.ts';
import { fixProse, fixProseWithCode } from './fix-french.ts';

const NBSP = '\u00a0';

interface Edit {
  offset: number;
  length: number;
  text: string;
}

/** The source edits that turn a run into its fixed text. */
export function runEdits(run: ProseRun, source: string): Edit[] {
  const fixed = run.kind === 'template' ? fixProse(run.text) : fixProseWithCode(run.text);
  const space = run.kind === 'literal' ? '\\u00a0' : '&nbsp;';
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < run.text.length || j < fixed.length) {
    const char = run.text[i];
    const wanted = fixed[j];
    if (char === wanted) {
      i += 1;
      j += 1;
    } else if (wanted === NBSP && char === ' ' && source[run.offsets[i]!] === ' ') {
      edits.push({ offset: run.offsets[i]!, length: 1, text: space });
      i += 1;
      j += 1;
    } else if (wanted === NBSP) {
      // Inserted before the character (or after the last one).
      const offset = i < run.text.length ? run.offsets[i]! : run.offsets[i - 1]! + 1;
      edits.push({ offset, length: 0, text: space });
      j += 1;
    } else if (wanted === '’' && char === "'" && source[run.offsets[i]!] === "'") {
      edits.push({ offset: run.offsets[i]!, length: 1, text: '’' });
      i += 1;
      j += 1;
    } else {
      throw new Error(`cannot map the fix of « ${run.text} » at ${i} (${JSON.stringify(char)} → ${JSON.stringify(wanted)})`);
    }
  }
  return edits;
}

export function fixComponent(source: string, file: string): { text: string; count: number } {
  const runs = file.endsWith('.astro') ? astroRuns(source) : tsRuns(source, file);
  const edits = runs.flatMap((run) => runEdits(run, source)).sort((a, b) => b.offset - a.offset);
  let text = source;
  for (const edit of edits) text = text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.length);
  return { text, count: edits.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const path of componentFiles()) {
    const source = readFileSync(join(repoRoot, path), 'utf8');
    const { text, count } = fixComponent(source, path);
    if (count > 0) {
      writeFileSync(join(repoRoot, path), text);
      console.log(`${String(count).padStart(4)}  ${path}`);
    }
  }
}
