import { testRule } from '../../testing/rule-tester.ts';
import { missingImageOrBuild } from './missing-image-or-build.ts';

testRule(missingImageOrBuild);
