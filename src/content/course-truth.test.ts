// Statements the course once made and that were false (issue #16, "Wrong
// today"): each test fails if the false statement, or the file that embodied
// it, comes back. What needs Docker to prove (a port really published, redis-cli's
// exit code, initdb writing postgresql.conf, curl in nginx:1.30-alpine) is proven
// in tests/stacks and tests/images; this file keeps the text and the files in line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkProject } from '../engine/check.ts';
import { evaluateObjectives } from '../objectives/index.ts';

const root = join(import.meta.dirname, '../..');
const lessonsDir = join(root, 'src/content/lessons');
const stacksDir = join(root, 'stacks');
/** Lesson 12 is written elsewhere (issue #18); these checks cover chapters 01–11. */
const lessonSlugs = readdirSync(lessonsDir).filter((name) => /^(0\d|1[01])-/.test(name)).sort();
const stackSlugs = readdirSync(stacksDir).filter((name) => /^(0\d|1[01])-/.test(name)).sort();

const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const lesson = (slug: string): string => read(`src/content/lessons/${slug}/index.mdx`);
/** Prose with non-breaking spaces and typographic apostrophes folded, so patterns stay simple. */
const fold = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ').replace(/’/g, "'");
const lessonTexts = lessonSlugs.map((slug) => ({ name: `${slug}/index.mdx`, text: fold(lesson(slug)) }));
const readmes = stackSlugs.map((slug) => ({ name: `stacks/${slug}/README.md`, text: fold(read(`stacks/${slug}/README.md`)) }));
const everything = [...lessonTexts, ...readmes];

/** The sentences (split on . ! ? and line ends) of the texts that match. */
function sentencesMatching(texts: { name: string; text: string }[], pattern: RegExp): string[] {
  return texts.flatMap(({ name, text }) =>
    text
      .split(/(?<=[.!?])\s+|\n/)
      .filter((sentence) => pattern.test(sentence))
      .map((sentence) => `${name}: ${sentence.trim().slice(0, 160)}`),
  );
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Networks of a service after Compose merges the files (union of the lists), and the declared networks. */
function mergedNetworks(texts: string[], service: string): { networks: string[]; declared: Map<string, Plain> } {
  const networks = new Set<string>();
  const declared = new Map<string, Plain>();
  for (const text of texts) {
    const document = parse(text) as Plain;
    const body = isPlain(document['services']) ? document['services'][service] : undefined;
    if (isPlain(body)) {
      const list = body['networks'];
      for (const name of Array.isArray(list) ? list : isPlain(list) ? Object.keys(list) : []) networks.add(String(name));
    }
    if (isPlain(document['networks'])) {
      for (const [name, value] of Object.entries(document['networks'])) declared.set(name, isPlain(value) ? value : {});
    }
  }
  return { networks: [...networks], declared };
}

function dbPublishable(texts: string[]): boolean {
  const { networks, declared } = mergedNetworks(texts, 'db');
  return networks.length === 0 || networks.some((name) => declared.get(name)?.['internal'] !== true);
}

describe('1. a development override that publishes db gives it a network that is not internal', () => {
  // Docker publishes no port of a container whose networks are all internal (moby#36174, moby#44986).
  const cases = [
    ['lesson 08 solution', ['src/content/lessons/08-production/solution/compose.yaml', 'src/content/lessons/08-production/solution/compose.override.yaml']],
    ['stack 10 compose.dev.yaml', ['stacks/10-commandes/compose.yaml', 'stacks/10-commandes/compose.dev.yaml']],
  ] as const;

  it.each(cases)('%s', (_name, paths) => {
    const texts = paths.map(read);
    const override = parse(texts[1]!) as Plain;
    const db = isPlain(override['services']) ? override['services']['db'] : undefined;
    expect(isPlain(db) && Array.isArray(db['ports']) && db['ports'].length > 0, 'the override publishes db').toBe(true);
    expect(dbPublishable(texts)).toBe(true);
  });

  it('the belief it replaces (a `ports` line alone) is recognised as publishing nothing', () => {
    const base = read('stacks/10-commandes/compose.yaml');
    expect(dbPublishable([base, 'services:\n  db:\n    ports:\n      - "127.0.0.1:5432:5432"\n'])).toBe(false);
  });

  it('the lesson 08 objective refuses the `ports`-only override and accepts the solution', () => {
    const dir = join(lessonsDir, '08-production/solution');
    const files = Object.fromEntries(['compose.yaml', 'compose.override.yaml', '.env'].map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
    const evaluate = (candidate: Record<string, string>) =>
      evaluateObjectives('08-production', ['override-db-locale'], checkProject(Object.entries(candidate).map(([path, text]) => ({ path, text })), { partial: true }), candidate)['override-db-locale'];
    expect(evaluate(files)).toBe(true);
    const portsOnly = files['compose.override.yaml']!.replace(/\n {4}# backend est internal[\s\S]*$/, '\n');
    expect(portsOnly).not.toContain('poste-dev');
    expect(evaluate({ ...files, 'compose.override.yaml': portsOnly })).toBe(false);
  });

  it('the texts say why, where they publish the database', () => {
    expect(fold(lesson('08-production'))).toMatch(/ne publie aucun port/);
    expect(fold(read('stacks/10-commandes/README.md'))).toMatch(/poste-dev/);
    expect(fold(lesson('09-base-de-donnees'))).toMatch(/internal/);
  });
});

describe('2. redis-cli exits 0 on an error reply: the anonymous healthcheck passes, it does not fail', () => {
  it('no text says the anonymous `incr ping` check fails, or that INCR writes under NOAUTH', () => {
    expect(sentencesMatching(everything, /incr ping.*(échoue|ne passe pas)/i)).toEqual([]);
    expect(sentencesMatching(everything, /NOAUTH.*(le test|le contrôle|la sonde) échoue/i)).toEqual([]);
  });

  it('lessons 08 and 11 give the real reason (exit code 0 unless -e)', () => {
    for (const slug of ['08-production', '11-bonnes-pratiques']) expect(fold(lesson(slug)), slug).toMatch(/code 0[^.]*`-e`/);
  });
});

describe('3. nginx:1.30-alpine has curl (only -alpine-slim lacks it)', () => {
  const files = [
    ...everything,
    ...['stacks/01-introduction/compose.yaml', 'src/content/lessons/04-client/solution/compose.yaml'].map((name) => ({ name, text: fold(read(name)) })),
  ];

  it('no text or comment says the nginx alpine image lacks curl', () => {
    const lacks = /(n'a pas|ne contient pas|pas de|sans|absent|ne l'est pas|contrairement à)[^.]{0,40}curl|curl[^.]{0,30}(n'existe pas|absent|ne l'est pas)/i;
    const offending = sentencesMatching(files, lacks).filter((s) => /nginx|l'image alpine[^.]*curl|présent dans l'image alpine/i.test(s) && !/slim|node/i.test(s));
    expect(offending).toEqual([]);
  });

  it('the stand-in builds curl in, as the official Dockerfile does', () => {
    expect(read('scripts/images/nginx/Dockerfile')).toMatch(/&& command -v curl/);
    expect(read('scripts/images/build.sh')).toMatch(/'nginx\|forky\|[^']*\bcurl\b[^']*ca-certificates/);
  });
});

describe('4. every `node src/….js` a lesson runs exists in its stack', () => {
  it.each(lessonSlugs)('%s', (slug) => {
    const text = lesson(slug);
    const stack = /^stack:\s*(\S+)/m.exec(text)?.[1];
    const scripts = [...text.matchAll(/\bnode (src\/[\w/.-]+\.js)/g)].map((m) => m[1]!);
    const missing = stack === undefined ? [] : scripts.filter((path) => !existsSync(join(stacksDir, stack, 'api', path)));
    expect(missing).toEqual([]);
  });
});

describe('5. misleading statements stay corrected', () => {
  const none = (pattern: RegExp) => expect(sentencesMatching(everything, pattern)).toEqual([]);

  it('develop.watch can write into /app/src: the API images copy src as node', () => {
    for (const slug of stackSlugs.filter((s) => existsSync(join(stacksDir, s, 'api/Dockerfile')))) {
      const dockerfile = read(`stacks/${slug}/api/Dockerfile`);
      if (/^USER node/m.test(dockerfile)) expect(dockerfile, slug).toMatch(/^COPY --chown=node:node src \.\/src$/m);
    }
    expect(fold(lesson('05-api-nodejs'))).toContain('COPY --chown=node:node src ./src');
  });

  it('POSTGRES_INITDB_ARGS: written into postgresql.conf since PostgreSQL 16, frozen', () => {
    none(/POSTGRES_INITDB_ARGS ne règle pas/);
    expect(fold(lesson('09-base-de-donnees'))).toMatch(/PostgreSQL 16[^.]*postgresql\.conf/);
  });

  it('lesson 07 does not claim client and API were published until then, nor that Redis arrives in 08', () => {
    none(/Jusqu'ici, chaque service[^.]*publiait/);
    none(/Redis qui nous rejoindra au chapitre 08/);
    none(/cette fois protégé par un mot de passe/);
  });

  it('lesson 08 sends `-h` to the chapter that explains it (06)', () => {
    none(/chapitre 09 explique le `-h`/);
  });

  it('one HSTS max-age in the lesson 07 solution, the stacks and the lesson text', () => {
    const templates = [
      'src/content/lessons/07-reverse-proxy/solution/nginx/proxy.conf.template',
      ...stackSlugs.map((s) => `stacks/${s}/nginx/proxy.conf.template`).filter((p) => existsSync(join(root, p))),
    ];
    const ages = new Set(templates.map((p) => /Strict-Transport-Security "max-age=(\d+)"/.exec(read(p))?.[1]));
    expect([...ages]).toHaveLength(1);
    expect(fold(lesson('07-reverse-proxy'))).toContain(`max-age=${[...ages][0]}`);
  });

  it('nginx 1.30 has add_header_inherit merge: lesson 04 says so', () => {
    expect(fold(lesson('04-client'))).toContain('add_header_inherit merge');
  });

  it('floating major tags (redis:8, node:24) are not said to move only for fixes', () => {
    none(/tag qui ne bouge que pour les correctifs/);
  });

  it('postgres:17-alpine ships bash: no text says Alpine images lack it', () => {
    none(/images Alpine n'ont pas `?bash/i);
    none(/outils habituels \(`curl`, `bash`\) n'y sont pas/);
  });

  it('Node 24 is not called the current LTS', () => {
    none(/node:24[^.]*la version LTS actuelle/i);
  });

  it('`up -d --wait` is not written: --wait implies -d', () => {
    none(/up -d (--build )?--wait/);
  });

  it('`npm ci` is not presented as the new name of --production', () => {
    none(/--production`?\*?\*? est un ancien alias : la forme actuelle est `npm ci/);
  });

  it('a stack uses the top-level `name:` that lesson 11 checks', () => {
    expect(read('stacks/11-bonnes-pratiques/compose.yaml')).toMatch(/^name: \S+/m);
  });

  it('the chapter 09 README flushes the cache after a restore, as chapter 08\'s does', () => {
    for (const slug of ['08-production', '09-base-de-donnees']) {
      const readme = read(`stacks/${slug}/README.md`);
      const restore = readme.indexOf('restore.sh');
      expect(restore, slug).toBeGreaterThan(-1);
      expect(readme.slice(restore), slug).toMatch(/FLUSHALL/);
    }
  });
});

describe('6. seed habits are called out where they belong', () => {
  it.each([
    ['09-base-de-donnees', /pipefail/],
    ['09-base-de-donnees', /RETURN OLD/],
    ['05-api-nodejs', /connect\(\)/],
    ['05-api-nodejs', /REDIS_URL=redis:\/\/cache:6379` ne porte aucun mot de passe/],
    ['07-reverse-proxy', /client:3000[\s\S]{0,200}port \*\*80\*\*/],
    ['06-architecture-trois-couches', /sur `backend` \*\*seulement\*\*/],
  ] as const)('%s: %s', (slug, pattern) => {
    expect(fold(lesson(slug))).toMatch(pattern);
  });
});

describe('7. every chapter ends on a summary, and a warning is boxed once in the course', () => {
  it.each(lessonSlugs)('%s has an « En résumé »', (slug) => {
    expect(lesson(slug)).toMatch(/^## En résumé$/m);
  });

  it('gives each recurring warning one Attention box; later chapters recall it in prose', () => {
    const titles = lessonSlugs.flatMap((slug) => [...fold(lesson(slug)).matchAll(/<Attention title="([^"]+)"/g)].map((m) => `${slug}: ${m[1]}`));
    const topics: [string, RegExp][] = [
      ['docker-compose', /docker.compose/i],
      ['container_name', /container_name|nom de conteneur|nommer les conteneurs/i],
      ['tar', /\btar\b|archiver le dossier/i],
      ['mots de passe en clair', /mot de passe écrit en clair|mots de passe dans/i],
      ['montage des sources', /montages? .*api\/src|volume de code/i],
      ['image et build', /image et build/i],
      ['curl', /curl/i],
      ['PostgreSQL 14', /postgres(ql)?:? ?14/i],
    ];
    const repeated = topics.flatMap(([topic, pattern]) => {
      const boxes = titles.filter((title) => pattern.test(title.split(': ').slice(1).join(': ')));
      return boxes.length > 1 ? [`${topic}: ${boxes.join(' | ')}`] : [];
    });
    expect(repeated).toEqual([]);
  });
});
