import { testRule } from '../../testing/rule-tester.ts';
import { healthyDependencyWithoutHealthcheck } from './healthy-dependency-without-healthcheck.ts';

testRule(healthyDependencyWithoutHealthcheck);
