import { testRule } from '../../testing/rule-tester.ts';
import { interpolationLimit } from './interpolation-limit.ts';

testRule(interpolationLimit);
