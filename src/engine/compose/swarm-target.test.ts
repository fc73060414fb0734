import { describe, expect, it } from 'vitest';
import { checkProject } from '../check.ts';

const plain = 'services:\n  api:\n    image: node:24-alpine\n';
const marked = 'x-atelier:\n  cible: swarm\nservices:\n  api:\n    image: node:24-alpine\n';

function swarm(files: Record<string, string>, option?: boolean): boolean | undefined {
  return checkProject(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    option === undefined ? {} : { swarm: option },
  ).compose?.swarm;
}

describe('deciding that a project is for docker stack deploy', () => {
  it('is not for a plain compose file', () => {
    expect(swarm({ 'compose.yaml': plain })).toBe(false);
  });

  it('is for a file carrying the x-atelier marker, whatever its case', () => {
    expect(swarm({ 'compose.yaml': marked })).toBe(true);
    expect(swarm({ 'compose.yaml': marked.replace('swarm', 'Swarm') })).toBe(true);
    expect(swarm({ 'compose.yaml': marked.replace('swarm', 'compose') })).toBe(false);
  });

  it('is for the stack file names of the Docker documentation', () => {
    expect(swarm({ 'stack.yaml': plain })).toBe(true);
    expect(swarm({ 'deploy/docker-stack.yml': plain })).toBe(true);
  });

  it('follows the option over the file, both ways', () => {
    expect(swarm({ 'compose.yaml': plain }, true)).toBe(true);
    expect(swarm({ 'stack.yaml': marked }, false)).toBe(false);
  });
});
