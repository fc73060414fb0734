import { testRule } from '../../testing/rule-tester.ts';
import { sslCertificate } from './ssl-certificate.ts';

testRule(sslCertificate);
