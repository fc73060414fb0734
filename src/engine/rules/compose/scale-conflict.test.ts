import { testRule } from '../../testing/rule-tester.ts';
import { scaleConflict } from './scale-conflict.ts';

testRule(scaleConflict);
