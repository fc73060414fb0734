import { describe, expect, it } from 'vitest';
import { parseImage } from './image-reference.ts';

describe('parseImage', () => {
  it.each([
    ['node', { repository: 'node', name: 'node', official: true, tag: undefined, digest: undefined }],
    ['node:22-alpine', { repository: 'node', name: 'node', official: true, tag: '22-alpine', digest: undefined }],
    ['docker.io/library/postgres:17', { repository: 'library/postgres', name: 'postgres', official: true, tag: '17', digest: undefined }],
    ['bitnami/redis:7.4', { repository: 'bitnami/redis', name: 'redis', official: false, tag: '7.4', digest: undefined }],
    ['localhost:5000/api', { repository: 'api', name: 'api', official: false, tag: undefined, digest: undefined }],
    ['nginx@sha256:abc', { repository: 'nginx', name: 'nginx', official: true, tag: undefined, digest: 'sha256:abc' }],
  ])('reads %s', (reference, expected) => {
    expect(parseImage(reference)).toEqual(expected);
  });
});
