import { testRule } from '../../testing/rule-tester.ts';
import { directiveTerminator } from './directive-terminator.ts';

testRule(directiveTerminator);
