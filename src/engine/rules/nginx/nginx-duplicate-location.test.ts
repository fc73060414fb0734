import { testRule } from '../../testing/rule-tester.ts';
import { duplicateLocation } from './nginx-duplicate-location.ts';

testRule(duplicateLocation);
