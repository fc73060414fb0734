import { testRule } from '../../testing/rule-tester.ts';
import { proxyUnreachableService } from './proxy-unreachable-service.ts';

testRule(proxyUnreachableService);
