import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/pip-without-hashes', {
  valid: [
    { name: 'lock files, hashes, constraints, local projects', code: 'FROM python:3.12\nRUN pip install --require-hashes -r requirements.txt && pip install -r req.txt && pip install -c constraints.txt flask && pip install . && pip install ./dist/app-1.0-py3-none-any.whl\n', filename: 'Dockerfile' },
    { name: 'other pip commands', code: 'FROM python:3.12\nRUN pip download flask && pip freeze\n', filename: 'Dockerfile' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.0 gunicorn && python3 -m pip install -U pip setuptools wheel requests\n',
      filename: 'Dockerfile',
      errors: [
        { line: 2, column: 32, endLine: 2, endColumn: 53, severity: 'info', message: 'pip installs flask==3.0.0, gunicorn from the index without hashes: install from a hashed lock file (--require-hashes -r requirements.txt)' },
        { line: 2, column: 83, endLine: 2, endColumn: 112, message: /^pip installs pip, setuptools, wheel and 1 more from the index/ },
      ],
    },
  ],
});
