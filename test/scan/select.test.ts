// Which files a scan lints: the config that decides it is the same one that lints them.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ScanConfig } from '../../server/src/scan/configForScan.js';
import { selectScanFiles } from '../../server/src/scan/select.js';
import { tempWorkspace } from '../config/tempWorkspace.js';

describe('scan file selection', () => {
  // A workspace folder inside a repository, with its `configFile` setting relative to the folder.
  const ws = tempWorkspace({
    'app/team.manifestlint.yaml': 'ignore: ["**/generated/**"]\nrules:\n  k8s/privileged-container: off\n',
    'app/generated/deploy.yaml': 'kind: Pod\n',
    'app/deploy.yaml': 'kind: Pod\n',
  });
  after(() => ws.dispose());

  it('reads a relative config file from the folder scanned, as linting does, not from the repository root', () => {
    const config = new ScanConfig({ root: ws.path('app'), configFile: 'team.manifestlint.yaml' });
    const selection = selectScanFiles([ws.path('app/generated/deploy.yaml'), ws.path('app/deploy.yaml')], config);
    assert.deepEqual(selection, { files: [ws.path('app/deploy.yaml')], problems: [] });
    assert.equal(config.configFor(ws.path('app/deploy.yaml'))?.rules['k8s/privileged-container']?.severity, 'off');
  });
});
