import { testRule } from '../../testing/rule-tester.ts';
import { swarmUnpinnedVolume } from './swarm-unpinned-volume.ts';

testRule(swarmUnpinnedVolume);
