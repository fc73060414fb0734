// Every command a lesson shows parses as Compose 2.40 and the Docker CLI
// accept it, and names only what the chapter's stack or the lesson's solution
// holds. The run against the stacks is in tests/stacks/stacks.test.ts; here,
// the plan it follows is checked to match the lessons (no stale decision, each
// expectation still stated by the text).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCliTable } from './docker-cli.ts';
import { ALLOWED_MISSING, DECISIONS, planLessonCommand } from './lesson-command-plan.ts';
import { chapterProject, lessonCommands, staticProblems, type LessonCommand } from './lesson-commands.ts';
import { LESSON_12, onHarness } from '../../tests/swarm/support/lesson-12.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const lessonsDir = join(root, 'src/content/lessons');
const table = loadCliTable();
const fold = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'");

const lessons = readdirSync(lessonsDir)
  .filter((slug) => /^\d\d-/.test(slug))
  .sort()
  .map((slug) => {
    const mdx = readFileSync(join(lessonsDir, slug, 'index.mdx'), 'utf8');
    const stack = /^stack:\s*(\S+)/m.exec(mdx)?.[1] ?? '';
    return { slug, mdx, stack, commands: lessonCommands(mdx), project: chapterProject(join(root, 'stacks', stack), join(lessonsDir, slug, 'solution'), stack) };
  });

const inline = (text: string): LessonCommand => ({ text, comment: '', line: 1, source: 'inline', context: '' });
const typed = (text: string): LessonCommand => ({ text, comment: '', line: 1, source: 'terminal', context: 'Terminal' });

describe('the commands the lessons show', () => {
  it('are found in every lesson: its Terminal blocks and the commands of its prose', () => {
    const counts = lessons.map(({ slug, commands }) => `${slug}: ${commands.filter((c) => c.source === 'terminal').length} + ${commands.filter((c) => c.source === 'inline').length}`);
    console.log(`commandes des leçons (blocs Terminal + texte)\n  ${counts.join('\n  ')}\n  total ${lessons.reduce((n, l) => n + l.commands.length, 0)}`);
    for (const { slug, commands } of lessons) expect(commands.filter((c) => c.source === 'terminal').length, slug).toBeGreaterThan(0);
  });

  it.each(lessons)('$slug: each parses as the real tools accept it and names only what its stack or solution holds', ({ slug, commands, project }) => {
    const allowed = Object.keys(ALLOWED_MISSING[slug] ?? {});
    const problems = commands.flatMap((command) => staticProblems(command, project, table, allowed).map((p) => `l.${command.line} ${command.text} → ${p}`));
    expect(problems).toEqual([]);
  });

  it('flags a wrong flag, service, file, profile, port or network against a real chapter', () => {
    const chapter = lessons.find((l) => l.slug.startsWith('10-'))!;
    const problems = (command: LessonCommand): string => staticProblems(command, chapter.project, table).join(' | ');
    expect(problems(typed('docker compose up --wiat'))).toMatch(/option inconnue --wiat/);
    expect(problems(typed('docker compose exec apii sh'))).toMatch(/apii : service inconnu/);
    expect(problems(typed('docker compose up --wait --scale worker=3'))).toMatch(/--scale worker : service inconnu/);
    expect(problems(typed('docker compose -f compose.yaml -f compose.dev.yml config'))).toMatch(/compose\.dev\.yml : fichier absent/);
    expect(problems(typed('docker compose --profile outil run --rm psql'))).toMatch(/--profile outil : aucun service/);
    expect(problems(typed('curl -k https://localhost:9443/'))).toMatch(/ne publie pas le port 9443/);
    expect(problems(typed('cp .env.exemple .env'))).toMatch(/\.env\.exemple n’existe/);
    expect(problems(typed('docker compose exec backup sh /backup/restaure.sh'))).toMatch(/\/backup\/restaure\.sh : absent de \.\/backup/);
    expect(problems(typed('docker network inspect 10-commandes_arriere'))).toMatch(/ni un réseau de la pile/);
    // A mention in the prose may leave out what the sentence explains; a typed command may not.
    expect(problems(inline('docker compose exec'))).toBe('');
    expect(problems(typed('docker compose exec'))).toMatch(/il manque SERVICE/);
  });

  it('keeps each decision of the run plan tied to a command and a sentence of its lesson', () => {
    for (const [slug, decisions] of Object.entries(DECISIONS)) {
      const lesson = lessons.find((l) => l.slug === slug);
      expect(lesson, slug).toBeDefined();
      for (const [text, decision] of Object.entries(decisions)) {
        expect(lesson!.commands.map((c) => c.text), `${slug}: « ${text} » n’est plus dans la leçon`).toContain(text);
        if (decision.says) expect(fold(lesson!.mdx), `${slug}: la leçon ne dit plus « ${decision.says} »`).toContain(fold(decision.says));
        // What runs instead is the same program, and names only what the chapter holds.
        for (const instead of decision.runs ?? []) {
          const program = text.split(' ')[0]!;
          expect(instead.text.split(/[\s'"]+/), `${slug}: « ${instead.text} » ne lance pas ${program}`).toContain(program);
          expect(staticProblems(typed(instead.text), lesson!.project, table), instead.text).toEqual([]);
        }
      }
    }
    for (const [slug, files] of Object.entries(ALLOWED_MISSING)) {
      const lesson = lessons.find((l) => l.slug === slug)!;
      for (const file of Object.keys(files)) expect(lesson.commands.some((c) => c.text.includes(file)), `${slug}: ${file} n’est plus nommé`).toBe(true);
    }
  });

  it('decides, for each command of lesson 12, what the swarm phase does with it, and names only what the chapter holds', () => {
    const lesson = lessons.find((l) => l.slug.startsWith('12-'))!;
    const texts = lesson.commands.map((c) => c.text);
    expect(texts.filter((text) => !(text in LESSON_12)), 'sans décision dans tests/swarm/support/lesson-12.ts').toEqual([]);
    expect(Object.keys(LESSON_12).filter((text) => !texts.includes(text)), 'plus dans la leçon').toEqual([]);
    const decisions = Object.values(LESSON_12);
    const run = decisions.filter((d) => 'run' in d).length;
    console.log(`leçon 12 : ${run} commandes exécutées sur le Swarm d’un nœud, ${decisions.filter((d) => 'harness' in d).length} par le harnais lui-même, ${decisions.filter((d) => 'skip' in d).length} non exécutées (chacune avec sa raison)`);
    expect(run).toBeGreaterThanOrEqual(9);
    expect(onHarness("docker stack services atelier && docker service ps atelier_api && docker node update --label-add atelier.db=true manager-1 && curl http://localhost:8080/", { stack: 's1', node: 'n1', port: 4000 })).toBe(
      'docker stack services s1 && docker service ps s1_api && docker node update --label-add atelier.db=true n1 && curl http://127.0.0.1:4000/',
    );
  });

  it('finds in the backup scripts of the stack the pg_dump and pg_restore lines a lesson says they run', () => {
    const scripts = (stack: string): string => ['backup.sh', 'restore.sh'].map((file) => readFileSync(join(root, 'stacks', stack, 'backup', file), 'utf8')).join('\n');
    const said = lessons.flatMap(({ slug, stack, commands }) =>
      commands.filter((c) => /^(pg_dump|pg_restore) /.test(c.text) && planLessonCommand(slug, c, table).why?.startsWith('une ligne des scripts')).map((c) => ({ stack, text: c.text })),
    );
    expect(said.length).toBeGreaterThanOrEqual(4);
    for (const { stack, text } of said) {
      // The script's line holds the command and each of its options; `…` stands for the value the script chooses.
      const [program, ...options] = text.split(/\s+/).map((word) => word.replace(/=.*$/, '='));
      const line = scripts(stack).split('\n').find((l) => l.trim().startsWith(`${program} `)) ?? '';
      for (const option of options) expect(line, `${stack} : ${text}`).toContain(option);
    }
  });

  it('runs every Terminal line it can against the stack, and says why for each command it does not run', () => {
    const planned = lessons.flatMap(({ slug, commands }) => commands.map((command) => ({ slug, ...planLessonCommand(slug, command, table) })));
    const unexplained = planned.filter((p) => !p.run && !p.why);
    expect(unexplained).toEqual([]);
    const run = planned.filter((p) => p.run);
    console.log(`plan : ${run.length} commandes exécutées contre les piles (${run.filter((p) => p.command.source === 'terminal').length} des blocs Terminal), ${planned.length - run.length} non exécutées, chacune avec sa raison`);
    // Chapters 01 to 11 run on the stacks phase's single engine; at least their Terminal lines that need no registry run.
    for (const { slug, commands } of lessons.filter((l) => !l.slug.startsWith('12-'))) {
      const terminalRun = planned.filter((p) => p.slug === slug && p.run && p.command.source === 'terminal').length;
      expect(terminalRun, slug).toBeGreaterThan(0);
      expect(commands.length).toBeGreaterThan(0);
    }
  });
});
