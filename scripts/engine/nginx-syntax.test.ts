import { describe, expect, it } from 'vitest';
import { arityOfSyntax, arityOfSyntaxes } from './nginx-syntax.ts';

describe('arityOfSyntax', () => {
  it('counts required words', () => {
    expect(arityOfSyntax('*`path`*')).toEqual({ min: 1, max: 1, block: false });
  });
  it('treats alternatives as one argument', () => {
    expect(arityOfSyntax('`on` | `off`')).toEqual({ min: 1, max: 1, block: false });
  });
  it('counts optional words as maximum only', () => {
    expect(arityOfSyntax('*`name`* *`value`* [`always`]')).toEqual({ min: 2, max: 3, block: false });
  });
  it('reads `...` as unbounded', () => {
    expect(arityOfSyntax('*`name`* ...')).toEqual({ min: 1, max: Infinity, block: false });
    expect(arityOfSyntax('*`code`* ... [`=`[*`response`*]] *`uri`*')).toEqual({ min: 2, max: Infinity, block: false });
  });
  it('keeps glued optional parts in the same argument', () => {
    expect(arityOfSyntax('*`address`*[:*`port`*] [`default_server`] [`http2` | `quic`]')).toEqual({ min: 1, max: 3, block: false });
    expect(arityOfSyntax('[`so_keepalive`=`on`|`off`|[*`keepidle`*]:[*`keepintvl`*]:[*`keepcnt`*]]')).toEqual({ min: 0, max: 1, block: false });
  });
  it('recognises blocks', () => {
    expect(arityOfSyntax(' `{...}`')).toEqual({ min: 0, max: 0, block: true });
    expect(arityOfSyntax('[ `=` | `~` | `~*` | `^~` ] *`uri`* `{...}`')).toEqual({ min: 1, max: 2, block: true });
  });
  it('unites several syntax lines', () => {
    expect(arityOfSyntaxes(['*`code`* [*`text`*]', '*`code`* *`URL`*', '*`URL`*'])).toEqual({ min: 1, max: 2, block: false });
  });
});

describe('keywordValues', () => {
  it('lists the keywords of an on|off syntax and ignores anything with placeholders', async () => {
    const { keywordValues } = await import('./build-nginx-reference.ts');
    expect(keywordValues(['`on` | `off`'])).toEqual(['on', 'off']);
    expect(keywordValues(['`1.0` | `1.1`'])).toEqual(['1.0', '1.1']);
    expect(keywordValues(['`on` | `off` | `build` | *`string`*'])).toEqual([]);
    expect(keywordValues(['`on` | `off` | `threads`[=*`pool`*]'])).toEqual([]);
    expect(keywordValues(['`error` | `timeout` | `off` ...'])).toEqual(['error', 'timeout', 'off']);
    expect(keywordValues(['[`TLSv1.2`] [`TLSv1.3`]'])).toEqual(['TLSv1.2', 'TLSv1.3']);
  });
});
