import { describe, expect, it } from 'vitest';
import { parsePort, publishedPorts } from './parse-port.ts';

describe('parsePort', () => {
  it.each([
    ['80', { hostIp: undefined, published: undefined, target: '80', protocol: 'tcp' }],
    ['8080:80', { hostIp: undefined, published: '8080', target: '80', protocol: 'tcp' }],
    ['127.0.0.1:5432:5432', { hostIp: '127.0.0.1', published: '5432', target: '5432', protocol: 'tcp' }],
    ['127.0.0.1::80', { hostIp: '127.0.0.1', published: undefined, target: '80', protocol: 'tcp' }],
    ['[::1]:8080:80/udp', { hostIp: '::1', published: '8080', target: '80', protocol: 'udp' }],
    ['8000-8010:8000-8010', { hostIp: undefined, published: '8000-8010', target: '8000-8010', protocol: 'tcp' }],
    ['9090-9091:8080', { hostIp: undefined, published: '9090-9091', target: '8080', protocol: 'tcp' }],
    ['[::1]::80', { hostIp: '::1', published: undefined, target: '80', protocol: 'tcp' }],
    ['[fe80::1]:8080:80/udp', { hostIp: 'fe80::1', published: '8080', target: '80', protocol: 'udp' }],
  ])('reads %s', (spec, expected) => {
    expect(parsePort(spec)).toEqual(expected);
  });

  // Each one refused by Compose 2.40.3 as well (« Invalid ip address », « Invalid hostPort »…).
  it.each(['localhost:80:80', '300.1.1.1:80:80', '80:80:80:80', 'http:80', '8080:abc', '70000:80', '80/icmp', '8000-8002:80-81', '', '8080:', '::1:8080:80', '[::1]:80', '127.0.0.1:80', '[::1]:8080:80:90', '[zz::1]:8080:80', '[::1zz]:8080:80'])('rejects %s', (spec) => {
    expect(parsePort(spec)).toBeUndefined();
  });

  it('expands a published range', () => {
    expect(publishedPorts('8000-8002')).toEqual([8000, 8001, 8002]);
  });
});
