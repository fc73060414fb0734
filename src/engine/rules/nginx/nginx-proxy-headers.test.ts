import { testRule } from '../../testing/rule-tester.ts';
import { proxyHeaders } from './nginx-proxy-headers.ts';

testRule(proxyHeaders);
