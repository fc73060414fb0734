import { testRule } from '../../testing/rule-tester.ts';
import { unknownDependency } from './unknown-dependency.ts';

testRule(unknownDependency);
