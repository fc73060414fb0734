import { testRule } from '../../testing/rule-tester.ts';
import { healthcheckTestForm } from './healthcheck-test-form.ts';

testRule(healthcheckTestForm);
