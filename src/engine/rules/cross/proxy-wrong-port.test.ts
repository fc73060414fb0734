import { testRule } from '../../testing/rule-tester.ts';
import { proxyWrongPort } from './proxy-wrong-port.ts';

testRule(proxyWrongPort);
