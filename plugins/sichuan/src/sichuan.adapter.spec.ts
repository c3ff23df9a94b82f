import { join } from 'node:path';

import { describeConformance } from '@efficacy/plugin-sdk/testing';

import { sichuanAdapter } from './sichuan.adapter';

// One test per file in test-fixtures/ok (exact golden output) and test-fixtures/not-ok
// (expected error code and location); a fixture's <file>.context.json supplies the year
// (and for 附件1 the region) that the Xiqu titles do not print. See libs/plugin-sdk/README.md.
describeConformance(sichuanAdapter, join(__dirname, '..', 'test-fixtures'));
