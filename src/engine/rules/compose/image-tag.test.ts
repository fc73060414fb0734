import { testRule } from '../../testing/rule-tester.ts';
import { imageTag } from './image-tag.ts';

testRule(imageTag);
