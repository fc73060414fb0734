import { describe, expect, it } from 'vitest';
import { parseVolume } from './parse-volume.ts';
import { isByteSize, isDuration } from './units.ts';

describe('parseVolume', () => {
  it.each([
    ['/data', { type: 'volume', source: undefined, target: '/data', readOnly: false }],
    ['db-data:/var/lib/postgresql/data', { type: 'volume', source: 'db-data', target: '/var/lib/postgresql/data', readOnly: false }],
    ['./nginx.conf:/etc/nginx/nginx.conf:ro', { type: 'bind', source: './nginx.conf', target: '/etc/nginx/nginx.conf', readOnly: true }],
    ['~/backups:/backups:rw,z', { type: 'bind', source: '~/backups', target: '/backups', readOnly: false }],
    ['C:\\data:/data', { type: 'bind', source: 'C:\\data', target: '/data', readOnly: false }],
  ])('reads %s', (spec, expected) => {
    expect(parseVolume(spec)).toEqual(expected);
  });

  it.each([':/data', 'a::b', 'a:b:c:d', 'db:'])('rejects %s', (spec) => {
    expect(parseVolume(spec)).toBeUndefined();
  });
});

describe('units', () => {
  it.each(['30s', '1m30s', '1.5h', '300ms', '0', '10us', '10\u00b5s', '10\u03bcs'])('accepts the duration %s', (text) => expect(isDuration(text)).toBe(true));
  it.each(['30', '1 m', 'ten seconds', 's', '1d'])('rejects the duration %s', (text) => expect(isDuration(text)).toBe(false));
  it.each(['512m', '1.5GB', '2gib', '1024', '1g'])('accepts the size %s', (text) => expect(isByteSize(text)).toBe(true));
  it.each(['512x', 'lots', '1 gigabyte', '-1m'])('rejects the size %s', (text) => expect(isByteSize(text)).toBe(false));
});
