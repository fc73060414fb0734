import { testRule } from '../../testing/rule-tester.ts';
import { invalidVolumeSpec } from './invalid-volume-spec.ts';

testRule(invalidVolumeSpec);
