import { testRule } from '../../testing/rule-tester.ts';
import { locationNesting } from './location-nesting.ts';

testRule(locationNesting);
