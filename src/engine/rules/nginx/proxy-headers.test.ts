import { testRule } from '../../testing/rule-tester.ts';
import { proxyHeaders } from './proxy-headers.ts';

testRule(proxyHeaders);
