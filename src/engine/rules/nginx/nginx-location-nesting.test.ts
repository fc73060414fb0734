import { testRule } from '../../testing/rule-tester.ts';
import { locationNesting } from './nginx-location-nesting.ts';

testRule(locationNesting);
