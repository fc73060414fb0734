import { testRule } from '../../testing/rule-tester.ts';
import { directiveArguments } from './nginx-invalid-number-of-arguments.ts';

testRule(directiveArguments);
