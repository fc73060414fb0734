import { testRule } from '../../testing/rule-tester.ts';
import { proxyPassHost } from './nginx-proxy-pass-host.ts';

testRule(proxyPassHost);
