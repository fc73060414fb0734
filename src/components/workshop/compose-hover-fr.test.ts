import { globSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import composeSchema from '../../engine/compose/schema/compose-spec.generated.json';
import { COMPOSE_DOCS_FR, frenchSchema, IN_ENGLISH } from './compose-hover-fr.ts';

type Node = { [key: string]: unknown };

function at(schema: unknown, path: string): Node | undefined {
  let node: unknown = schema;
  for (const key of path.split('/')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Node)[key];
  }
  return typeof node === 'object' && node !== null ? (node as Node) : undefined;
}

/** The schema path of each key the lessons' compose files write, for the sections the hovers cover. */
function exerciseKeyPaths(): Set<string> {
  const paths = new Set<string>();
  const objectKeys = (value: unknown): [string, unknown][] =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
  const nested = (value: unknown, base: string): void => {
    for (const [key, child] of objectKeys(value)) {
      paths.add(`${base}/${key}`);
      if (objectKeys(child).length > 0 && !['options', 'labels'].includes(key)) nested(child, `${base}/${key}/properties`);
    }
  };
  for (const file of globSync('src/content/lessons/*/{start,solution}/**/{compose,stack}*.y*ml')) {
    const document: unknown = parse(readFileSync(file, 'utf8'));
    for (const [top, section] of objectKeys(document)) {
      if (top.startsWith('x-')) continue;
      paths.add(`properties/${top}`);
      if (top === 'networks') for (const [, network] of objectKeys(section)) for (const [key] of objectKeys(network)) paths.add(`definitions/network/properties/${key}`);
      if (top !== 'services') continue;
      for (const [, service] of objectKeys(section)) {
        for (const [key, value] of objectKeys(service)) {
          if (key.startsWith('x-')) continue;
          paths.add(`definitions/service/properties/${key}`);
          if (key === 'healthcheck') for (const [check] of objectKeys(value)) paths.add(`definitions/healthcheck/properties/${check}`);
          if (key === 'deploy') nested(value, 'definitions/deployment/properties');
        }
      }
    }
  }
  return paths;
}

describe('French hovers for the Compose keys', () => {
  it('describes, in French, every key the exercise files use (top level, services, healthchecks, deploy, networks)', () => {
    // A key whose schema is only a reference (deploy, develop) shows the referenced definition's text.
    const described = (path: string): string => {
      const reference = at(composeSchema, path)?.['$ref'];
      return typeof reference === 'string' && at(composeSchema, path)?.['description'] === undefined ? reference.replace('#/', '') : path;
    };
    const keys = [...exerciseKeyPaths()].map(described);
    expect(keys.length).toBeGreaterThan(60);
    expect(keys.filter((path) => !(path in COMPOSE_DOCS_FR))).toEqual([]);
  });

  it('points only at keys the schema has and describes', () => {
    const missing = Object.keys(COMPOSE_DOCS_FR).filter((path) => typeof at(composeSchema, path)?.['description'] !== 'string');
    expect(missing).toEqual([]);
  });

  it('gives Monaco the French text, labels every other description as English, and leaves the engine’s schema alone', () => {
    const french = frenchSchema(composeSchema);
    expect(at(french, 'definitions/service/properties/image')?.['description']).toBe(COMPOSE_DOCS_FR['definitions/service/properties/image']);
    expect(at(french, 'definitions/healthcheck/properties/test')?.['description']).toMatch(/CMD-SHELL/);
    const english = at(french, 'definitions/service/properties/cpu_count')?.['description'];
    expect(english).toBe(`${IN_ENGLISH}Number of usable CPUs.`);
    expect(at(composeSchema, 'definitions/service/properties/image')?.['description']).toMatch(/^Specify the image/);
    // Data keeps its values: an enum is not a schema.
    expect(at(french, 'definitions/service/properties/depends_on/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$/properties/condition')?.['enum']).toEqual([
      'service_started',
      'service_healthy',
      'service_completed_successfully',
    ]);
  });
});
