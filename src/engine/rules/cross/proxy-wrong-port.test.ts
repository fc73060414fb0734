import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../check.ts';
import { proxyWrongPort } from './proxy-wrong-port.ts';

describe('proxy-wrong-port on chapter 07', () => {
  const dir = 'src/content/lessons/07-reverse-proxy/start/';
  const compose = readFileSync(`${dir}compose.yaml`, 'utf8');
  const template = readFileSync(`${dir}nginx/proxy.conf.template`, 'utf8');
  const reports = (nginx: string) =>
    checkProject([{ path: 'compose.yaml', text: compose }, { path: 'nginx/proxy.conf.template', text: nginx }], { partial: true })
      .diagnostics.filter((d) => d.ruleId === proxyWrongPort.id)
      .map((d) => `${d.messageId}:${d.range.start.line}:${d.severity}`);

  it('reports `proxy_pass http://client:8080;` written in a location, as it does through the upstream', () => {
    expect(reports(template.replace('server client:80;', 'server client:8080;'))).toEqual(['wrongPort:13:warning']);
    // `client` is also the upstream's name: nginx refuses to start.
    expect(reports(template.replace('proxy_pass http://client;', 'proxy_pass http://client:8080;'))).toEqual(['upstreamWithPort:44:error']);
    // Without the upstream block, the port itself is wrong.
    const direct = template.replace(/upstream client \{[^}]*\}/, '').replace('proxy_pass http://client;', 'proxy_pass http://client:8080;');
    expect(reports(direct)).toEqual([expect.stringMatching(/^wrongPort:\d+:warning$/)]);
    expect(reports(template)).toEqual([]);
  });
});
