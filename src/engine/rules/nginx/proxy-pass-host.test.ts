import { testRule } from '../../testing/rule-tester.ts';
import { proxyPassHost } from './proxy-pass-host.ts';

testRule(proxyPassHost);
