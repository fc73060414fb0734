import { testRule } from '../../testing/rule-tester.ts';
import { logFormat } from './nginx-log-format.ts';

testRule(logFormat);
