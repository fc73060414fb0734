import { describe, expect, it } from 'vitest';
import { checkProject } from '../../engine/check.ts';
import { catalogue } from '../../engine/rules/catalogue.ts';
import { noVersionKey } from '../../engine/rules/compose/no-version-key.ts';
import { proxyWrongPort } from '../../engine/rules/cross/proxy-wrong-port.ts';
import {
  codeLanguage,
  exampleHeading,
  examplesIsland,
  optionNotes,
  quickFixPreview,
  resolveChapter,
  ruleGroups,
  rulePage,
  scriptJson,
} from './rule-page.ts';

describe('rule pages', () => {
  it('highlights each project file in its own language', () => {
    expect(['compose.yaml', 'compose.prod.yaml', '.env', 'nginx/conf.d/api.conf', 'api/Dockerfile', 'backup.sh'].map(codeLanguage)).toEqual([
      'yaml',
      'yaml',
      'dotenv',
      'nginx',
      'docker',
      'shell',
    ]);
  });

  it('shows the diagnostics the engine raises for the rule on its failing example, and none on the passing one', () => {
    const page = rulePage(noVersionKey);
    expect(page.failing[0]?.diagnostics).toEqual([
      { messageId: 'obsolete', file: 'compose.yaml', line: 1, column: 1, message: noVersionKey.messages['obsolete'] },
    ]);
    expect(page.passing[0]?.diagnostics).toEqual([]);
    expect(page.failing[0]?.files).toEqual([{ path: 'compose.yaml', text: noVersionKey.examples.invalid[0]?.files['compose.yaml'], lang: 'yaml' }]);
  });

  it('places cross-file diagnostics in the file they concern', () => {
    const [failing] = rulePage(proxyWrongPort).failing;
    expect(failing?.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['nginx/nginx.conf:4:16']);
    expect(failing?.files.map((file) => file.lang)).toEqual(['yaml', 'nginx']);
  });

  it('previews the quick fix applied to the failing example', () => {
    expect(quickFixPreview(noVersionKey)).toEqual({
      title: 'Supprimer la clé `version`',
      changes: [{ file: 'compose.yaml', lang: 'yaml', before: 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.30-alpine\n', after: 'services:\n  web:\n    image: nginx:1.30-alpine\n' }],
    });
    expect(quickFixPreview(proxyWrongPort)).toBeUndefined();
  });

  it('shows only quick fixes that remove a diagnostic of their rule when applied', () => {
    const withFix = catalogue.flatMap((rule) => {
      const preview = quickFixPreview(rule);
      return preview ? [{ rule, preview }] : [];
    });
    expect(withFix.length).toBeGreaterThan(0);
    for (const { rule, preview } of withFix) {
      const testCase = rule.examples.invalid[0]!;
      const count = (files: Record<string, string>): number =>
        checkProject(Object.entries(files).map(([path, text]) => ({ path, text })), testCase.options).diagnostics.filter((d) => d.ruleId === rule.id).length;
      const fixed = { ...testCase.files, ...Object.fromEntries(preview.changes.map((change) => [change.file, change.after])) };
      expect(count(fixed), rule.id).toBeLessThan(count(testCase.files));
      for (const change of preview.changes) expect(change.after, rule.id).not.toBe(change.before);
    }
  });

  it('refuses to build a page for an undocumented rule', () => {
    expect(() => rulePage({ ...noVersionKey, docs: { ...noVersionKey.docs, why: '' } })).toThrow(/no-version-key.*docs\.why/);
  });

  it('links the chapter by slug and stops on an unknown one', () => {
    const lessons = [{ slug: '03-structure-du-fichier', chapter: 3, title: 'Structure du fichier' }];
    expect(resolveChapter('r', '03-structure-du-fichier', lessons)).toEqual(lessons[0]);
    expect(resolveChapter('r', undefined, lessons)).toBeUndefined();
    expect(() => resolveChapter('r', '99-absent', lessons)).toThrow(/« 99-absent »/);
  });

  it('groups every rule once, YAML syntax with Compose', () => {
    const groups = ruleGroups(catalogue);
    expect(groups.map((group) => group.id)).toEqual(['compose', 'nginx', 'cross']);
    expect(groups.flatMap((group) => group.rules).length).toBe(catalogue.length);
    expect(groups[0]?.rules.map((rule) => rule.id)).toContain('yaml-syntax');
    expect(groups[2]?.rules.every((rule) => rule.kind === 'cross')).toBe(true);
  });

  it('embeds the examples as JSON that cannot close its script element', () => {
    const island = examplesIsland(rulePage(noVersionKey));
    expect(island.failing[0]?.diagnostics).toEqual([{ messageId: 'obsolete', file: 'compose.yaml', line: 1, column: 1 }]);
    expect(island.passing[0]?.files).toEqual(noVersionKey.examples.valid[0]?.files);
    const json = scriptJson({ text: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script>' });
  });

  it('explains check options and numbers examples only when there are several', () => {
    expect(optionNotes({ production: true, environment: { TAG: '1.2' } })).toEqual(['Vérifié comme un déploiement de production.', 'Variables du shell\u00a0: TAG=1.2.']);
    expect(optionNotes(undefined)).toEqual([]);
    expect(exampleHeading(0, 1, undefined)).toBeUndefined();
    expect(exampleHeading(1, 3, 'tabulation')).toBe('Exemple 2\u00a0: tabulation');
    expect(exampleHeading(0, 2, undefined)).toBe('Exemple 1');
  });
});
