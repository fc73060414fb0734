import { testRule } from '../../testing/rule-tester.ts';
import { directiveArguments } from './directive-arguments.ts';

testRule(directiveArguments);
