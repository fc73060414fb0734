import { testRule } from '../../testing/rule-tester.ts';
import { undefinedVolume } from './undefined-volume.ts';

testRule(undefinedVolume);
