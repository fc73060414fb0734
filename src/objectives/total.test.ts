// Every predicate is total: on a project the learner has emptied, broken or
// half-written, it answers false (or true) and never throws. evaluateObjectives
// catches a throw as « unmet », but a throw there is a predicate reading
// something that is not there: the safety net is not the contract.
import { describe, expect, it } from 'vitest';
import { checkProject } from '../engine/check.ts';
import { lessonObjectives } from './index.ts';

const degenerate: Record<string, Record<string, string>> = {
  'no file': {},
  'an empty compose file': { 'compose.yaml': '' },
  'a compose file that does not parse': { 'compose.yaml': 'services:\n  api:\n    image: "node\n  db: [\n' },
  'services that are not maps': { 'compose.yaml': 'services:\n  api: node\n  db:\n  proxy: [1]\n  client: 3\n', 'compose.override.yaml': 'services:\n  api: 1\n' },
  'keys of the wrong types': {
    'compose.yaml':
      'services:\n  api:\n    image: [node]\n    environment: 3\n    ports: {a: 1}\n    volumes: x\n    networks: 1\n    depends_on: 2\n    healthcheck: yes\n    logging: []\n    deploy: 1\n    secrets: {}\n  db:\n    volumes: [{}, 1]\n    networks: {back: 1}\nnetworks: []\nvolumes: 1\nsecrets: [1]\n',
    'nginx/default.conf': 'server {\n  location {\n',
  },
};

describe('every objective predicate is total', () => {
  const predicates = Object.entries(lessonObjectives).flatMap(([lesson, byId]) => Object.entries(byId).map(([id, predicate]) => [lesson, id, predicate] as const));

  it.each(Object.entries(degenerate))('on %s', (_name, files) => {
    const result = checkProject(Object.entries(files).map(([path, text]) => ({ path, text })), { partial: true });
    const thrown: string[] = [];
    for (const [lesson, id, predicate] of predicates) {
      try {
        expect(typeof predicate(result, files)).toBe('boolean');
      } catch (error) {
        thrown.push(`${lesson}/${id}: ${String(error)}`);
      }
    }
    expect(thrown).toEqual([]);
  });
});
