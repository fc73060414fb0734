import { testRule } from '../../testing/rule-tester.ts';
import { duplicateLocation } from './duplicate-location.ts';

testRule(duplicateLocation);
