import { testRule } from '../../testing/rule-tester.ts';
import { directiveContext } from './directive-context.ts';

testRule(directiveContext);
