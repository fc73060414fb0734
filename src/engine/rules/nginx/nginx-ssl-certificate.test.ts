import { testRule } from '../../testing/rule-tester.ts';
import { sslCertificate } from './nginx-ssl-certificate.ts';

testRule(sslCertificate);
