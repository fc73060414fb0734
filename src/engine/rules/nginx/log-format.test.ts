import { testRule } from '../../testing/rule-tester.ts';
import { logFormat } from './log-format.ts';

testRule(logFormat);
