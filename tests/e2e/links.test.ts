import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/site/check-links.ts';
import { siteDist } from './support/site.ts';

describe('links of the site built at /', () => {
  it('every internal href, src, srcset and CSS url() resolves to a file of dist/', () => {
    expect(checkLinks(siteDist(), '/')).toEqual([]);
  });
});
