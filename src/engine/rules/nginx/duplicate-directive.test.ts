import { testRule } from '../../testing/rule-tester.ts';
import { duplicateDirective } from './duplicate-directive.ts';

testRule(duplicateDirective);
