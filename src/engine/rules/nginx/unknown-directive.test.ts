import { testRule } from '../../testing/rule-tester.ts';
import { unknownDirective } from './unknown-directive.ts';

testRule(unknownDirective);
