import { testRule } from '../../testing/rule-tester.ts';
import { preferHealthyDependency } from './prefer-healthy-dependency.ts';

testRule(preferHealthyDependency);
