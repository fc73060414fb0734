import { testRule } from '../../testing/rule-tester.ts';
import { endOfLifeImage } from './end-of-life-image.ts';

testRule(endOfLifeImage);
