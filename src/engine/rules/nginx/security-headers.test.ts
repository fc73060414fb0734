import { testRule } from '../../testing/rule-tester.ts';
import { securityHeaders } from './security-headers.ts';

testRule(securityHeaders);
