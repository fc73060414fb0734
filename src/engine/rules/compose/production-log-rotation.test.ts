import { testRule } from '../../testing/rule-tester.ts';
import { productionLogRotation } from './production-log-rotation.ts';

testRule(productionLogRotation);
