import { testRule } from '../../testing/rule-tester.ts';
import { proxyUnknownService } from './proxy-unknown-service.ts';

testRule(proxyUnknownService);
