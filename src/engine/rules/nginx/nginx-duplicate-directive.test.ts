import { testRule } from '../../testing/rule-tester.ts';
import { duplicateDirective } from './nginx-duplicate-directive.ts';

testRule(duplicateDirective);
