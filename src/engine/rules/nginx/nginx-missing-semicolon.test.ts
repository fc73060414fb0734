import { testRule } from '../../testing/rule-tester.ts';
import { missingSemicolon } from './nginx-missing-semicolon.ts';

testRule(missingSemicolon);
