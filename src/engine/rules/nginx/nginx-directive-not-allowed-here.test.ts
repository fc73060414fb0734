import { testRule } from '../../testing/rule-tester.ts';
import { directiveContext } from './nginx-directive-not-allowed-here.ts';

testRule(directiveContext);
