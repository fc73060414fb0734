import { testRule } from '../../testing/rule-tester.ts';
import { missingSemicolon } from './missing-semicolon.ts';

testRule(missingSemicolon);
