import { testRule } from '../../testing/rule-tester.ts';
import { directiveTerminator } from './nginx-block-or-semicolon.ts';

testRule(directiveTerminator);
