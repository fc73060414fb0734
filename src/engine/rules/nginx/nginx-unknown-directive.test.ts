import { testRule } from '../../testing/rule-tester.ts';
import { unknownDirective } from './nginx-unknown-directive.ts';

testRule(unknownDirective);
