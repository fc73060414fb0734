import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue.ts';

// Every rule file, loaded by the bundler: a rule written but left out of the
// catalogue would have neither its examples run nor its page built.
const ruleModules = import.meta.glob<Record<string, unknown>>(['./*/*.ts', '!./*/index.ts', '!./**/*.test.ts'], { eager: true });

describe('rule catalogue', () => {
  it('lists every rule file of rules/compose, rules/swarm, rules/nginx and rules/cross', () => {
    const files = Object.keys(ruleModules);
    expect(files.length).toBeGreaterThan(50);
    for (const [file, exports] of Object.entries(ruleModules)) {
      const id = catalogue.find((rule) => Object.values(exports).includes(rule))?.id;
      expect(id, `${file} exports a rule of the catalogue`).toBeDefined();
    }
  });

  it('gives every rule a unique kebab-case id', () => {
    const ids = catalogue.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('names its examples in French, since the rules reference shows the names to learners', () => {
    const english = /\b(the|an?|with|without|inside|before|after|given|of|is|not|missing|unclosed|file)\b/i;
    for (const rule of catalogue) {
      for (const example of [...rule.examples.valid, ...rule.examples.invalid]) {
        if (example.name !== undefined) expect(example.name, rule.id).not.toMatch(english);
      }
    }
  });

  it('documents every rule in French with a failing and a passing example', () => {
    for (const rule of catalogue) {
      expect(rule.docs.title, rule.id).toBeTruthy();
      expect(rule.docs.what && rule.docs.why && rule.docs.howToFix, rule.id).toBeTruthy();
      expect(rule.examples.valid.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.invalid.length, rule.id).toBeGreaterThan(0);
      expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
    }
  });
});

describe('rule files', () => {
  it('names each rule file after its rule id (rules/<kind>/<id>.ts), one rule per file', async () => {
    const { readdirSync } = await import('node:fs');
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const folder of ['compose', 'nginx', 'cross', 'swarm']) {
      const dir = new URL(`./${folder}/`, import.meta.url);
      for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'index.ts')) {
        const module = (await import(new URL(name, dir).href)) as Record<string, unknown>;
        const rules = Object.values(module).filter((value): value is { id: string } => typeof value === 'object' && value !== null && 'check' in value && 'id' in value);
        for (const rule of rules) {
          seen.add(rule.id);
          if (`${rule.id}.ts` !== name) mismatches.push(`${folder}/${name}: ${rule.id}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect([...seen].sort()).toEqual(catalogue.map((rule) => rule.id).sort());
  });
});
