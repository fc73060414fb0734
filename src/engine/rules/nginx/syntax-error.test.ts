import { testRule } from '../../testing/rule-tester.ts';
import { syntaxError } from './syntax-error.ts';

testRule(syntaxError);
