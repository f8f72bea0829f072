// The small parts of the secrets library: command-line credentials, config-file lines, redaction,
// entropy, base64 decoding, registry auth, and mapping a secret back to its YAML source characters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, type Scalar } from 'yaml';
import { assignmentsIn } from '../../server/src/secrets/assignments.js';
import { decodeBase64 } from '../../server/src/secrets/base64.js';
import { findCliCredentials, shellWords } from '../../server/src/secrets/cliFlags.js';
import { committedValueKind, registryCredentials } from '../../server/src/secrets/committedValues.js';
import { shannonEntropy } from '../../server/src/secrets/entropy.js';
import { redact } from '../../server/src/secrets/redact.js';
import { locateInScalar, ScalarSource } from '../../server/src/secrets/yamlSource.js';
import { b64, randomChars } from './fakes.js';

/** The credentials of one shell command line, as `[via, secret]`, with their offsets checked. */
function cli(line: string): [string, string][] {
  return findCliCredentials(shellWords(line)).map((c) => {
    assert.equal(line.slice(c.start, c.end), c.secret, `offsets of ${c.secret}`);
    return [c.via, c.secret];
  });
}

describe('findCliCredentials', () => {
  it('reads password and token flags, attached or detached', () => {
    assert.deepEqual(cli('app --password=Tr0ub4dor3 --api-key Zx9Lq2wPm7'), [['--password', 'Tr0ub4dor3'], ['--api-key', 'Zx9Lq2wPm7']]);
    assert.deepEqual(cli('app --client-secret "Cl13ntS3c"'), [['--client-secret', 'Cl13ntS3c']]);
    assert.deepEqual(cli('wget --http-password=Wg3tPw9x https://x'), [['--http-password', 'Wg3tPw9x']]);
  });

  it('leaves references, prompts, files, stdin and negations alone', () => {
    const clean = [
      'app --password=$(DB_PASSWORD)',
      'app --password "$DB_PASSWORD"',
      'app --token ${TOKEN}',
      'app --password-file /run/secrets/db',
      'echo "$PW" | docker login --password-stdin -u me reg.io',
      'pg_dump --no-password appdb',
      'app --password --verbose',
      'docker build --secret id=npmrc,src=$HOME/.npmrc .',
      'mysql -p appdb',
      'mysql -p$MYSQL_PWD appdb',
      'docker run -p 8080:80 nginx',
      'curl -u bob https://x',
      'curl -u bob:$CURL_PW https://x',
      'psql -p 5432 appdb',
    ];
    for (const line of clean) assert.deepEqual(cli(line), [], line);
  });

  it('knows the password flags of common clients', () => {
    assert.deepEqual(cli('mysql -uroot -pMy5qlPw appdb'), [['-p', 'My5qlPw']]);
    assert.deepEqual(cli('sudo /usr/bin/mysqldump -p"My5qlPw" appdb'), [['-p', 'My5qlPw']]);
    assert.deepEqual(cli('curl -u bob:Cu9lPw7x https://x'), [['-u', 'Cu9lPw7x']]);
    assert.deepEqual(cli('curl --user=bob:Cu9lPw7x https://x'), [['--user', 'Cu9lPw7x']]);
    assert.deepEqual(cli('docker login -u me -p D0ck3rPw reg.io'), [['-p', 'D0ck3rPw']]);
    assert.deepEqual(cli('redis-cli -a R3d1sPw9 ping'), [['-a', 'R3d1sPw9']]);
    assert.deepEqual(cli('sshpass -pSsh9Pw2x ssh host'), [['-p', 'Ssh9Pw2x']]);
  });

  it('reads Authorization headers, KEY=value words and `config set` commands', () => {
    assert.deepEqual(cli('curl -H "Authorization: Bearer abcXYZ123def" https://x'), [['Authorization header', 'abcXYZ123def']]);
    assert.deepEqual(cli("curl --header 'Authorization: Basic QWxhZGRpbjpvcGVu' https://x"), [['Authorization header', 'QWxhZGRpbjpvcGVu']]);
    assert.deepEqual(cli('curl -H "Authorization: Bearer $TOKEN" https://x'), []);
    assert.deepEqual(cli('DB_PASSWORD=hunter2x ./migrate'), [['DB_PASSWORD=', 'hunter2x']]);
    assert.deepEqual(cli('export API_TOKEN=Zx9Lq2wPm7; run'), [['API_TOKEN=', 'Zx9Lq2wPm7']]);
    assert.deepEqual(cli('docker build --build-arg NPM_TOKEN=Np9xQ2wLk7 .'), [['NPM_TOKEN=', 'Np9xQ2wLk7']]);
    assert.deepEqual(cli('kubectl create secret generic db --from-literal=password=Kc9xPw2q'), [['--from-literal', 'Kc9xPw2q']]);
    assert.deepEqual(cli('helm install x --set db.password=H3lmPw9x'), [['db.password=', 'H3lmPw9x']]);
    assert.deepEqual(cli('npm config set _authToken Np9xQ2wLk7'), [['set _authToken', 'Np9xQ2wLk7']]);
    assert.deepEqual(cli("sed -i 's/password=.*/password=xx/' app.conf"), []);
  });

  it('reads the script of `sh -c` as a command line of its own', () => {
    const words = [{ text: 'sh', start: 0 }, { text: '-c', start: 0 }, { text: 'mysql -pMy5qlPw db && echo ok', start: 0 }];
    assert.deepEqual(findCliCredentials(words).map((c) => [c.word, c.start, c.end]), [[2, 8, 15]]);
  });

  it('keeps quoted spans in one word and turns line breaks into separators', () => {
    assert.deepEqual(shellWords('a "b c" d;e\nf').map((w) => w.text), ['a', '"b c"', 'd', ';', 'e', ';', 'f']);
  });
});

describe('assignmentsIn', () => {
  it('reads properties, .env, ini, YAML and JSON lines with value offsets', () => {
    const text = 'spring.datasource.password=Pw9x\nexport TOKEN="Tk9x"\n# password=commented\n[db]\npass = Ini9\nkey: Yml9 # note\n  "secret": "Js9",\n';
    const read = assignmentsIn(text).map((a) => [a.key, a.value, text.slice(a.valueStart, a.valueStart + a.value.length)]);
    assert.deepEqual(read, [
      ['spring.datasource.password', 'Pw9x', 'Pw9x'],
      ['TOKEN', '"Tk9x"', '"Tk9x"'],
      ['pass', 'Ini9', 'Ini9'],
      ['key', 'Yml9', 'Yml9'],
      ['secret', '"Js9"', '"Js9"'],
    ]);
  });
});

describe('redact', () => {
  it('shows at most 4 characters and never more than a quarter of the secret', () => {
    assert.equal(redact(`ghp_${'a'.repeat(36)}`), 'ghp_…(40 chars)');
    assert.equal(redact('hunter2hunter2'), 'hun…(14 chars)');
    assert.equal(redact('abcd'), 'a…(4 chars)');
    assert.equal(redact('abc'), '…(3 chars)');
  });
});

describe('shannonEntropy', () => {
  it('measures bits per character over the candidate only', () => {
    assert.equal(shannonEntropy(''), 0);
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abab'), 1);
    assert.ok(Math.abs(shannonEntropy('hunter2hunter2') - 2.81) < 0.01);
    assert.ok(shannonEntropy(randomChars(40)) > 4.5);
  });
});

describe('decodeBase64', () => {
  it('decodes text, recognises binary, rejects what is not base64', () => {
    assert.deepEqual(decodeBase64(b64('hunter2')), { kind: 'text', text: 'hunter2' });
    assert.deepEqual(decodeBase64(Buffer.from([0, 1, 2, 250, 251]).toString('base64')), { kind: 'binary' });
    assert.equal(decodeBase64('not base64!'), undefined);
    assert.equal(decodeBase64('abc'), undefined);
    assert.equal(decodeBase64(''), undefined);
  });
});

describe('committed Secret values', () => {
  it('separates real values, demo values, placeholders and public material', () => {
    assert.equal(committedValueKind('password', 'hunter2hunter2'), 'real');
    assert.equal(committedValueKind('password', 'admin'), 'demo');
    assert.equal(committedValueKind('password', 'changeme'), 'demo');
    assert.equal(committedValueKind('password', ''), undefined);
    assert.equal(committedValueKind('password', '{{ .Values.pw }}'), undefined);
    assert.equal(committedValueKind('tls.crt', 'MIIB-not-secret'), undefined);
    assert.equal(committedValueKind('username', 'app-user'), undefined);
    assert.equal(committedValueKind('db-user-password', 'hunter2hunter2'), 'real');
  });

  it('reads registry passwords from docker config JSON', () => {
    const auth = b64('me:R3g1stryPw');
    assert.deepEqual(registryCredentials(JSON.stringify({ auths: { 'ghcr.io': { auth } } })), [{ registry: 'ghcr.io', secret: 'R3g1stryPw', written: auth }]);
    assert.deepEqual(registryCredentials(JSON.stringify({ 'index.docker.io': { password: 'Pw9xQ2wL' } })), [{ registry: 'index.docker.io', secret: 'Pw9xQ2wL', written: 'Pw9xQ2wL' }]);
    assert.deepEqual(registryCredentials(JSON.stringify({ auths: { 'r.io': { auth: b64('me:${PW}') } } })), []);
    assert.equal(registryCredentials('{not json'), undefined);
  });
});

describe('locateInScalar', () => {
  function locate(yaml: string, needle: string): string {
    const doc = parseDocument(yaml);
    const node = doc.get('v', true) as Scalar<string>;
    const start = node.value.indexOf(needle);
    const range = locateInScalar(yaml, node, node.value, start, start + needle.length);
    return yaml.slice(range.start, range.end);
  }

  it('finds the secret’s own characters in plain, quoted and block scalars', () => {
    assert.equal(locate('v: a Pw9x b\n', 'Pw9x'), 'Pw9x');
    assert.equal(locate('v: "Pw9x"\n', 'Pw9x'), 'Pw9x');
    assert.equal(locate("v: 'it''s Pw9x'\n", 'Pw9x'), 'Pw9x');
    assert.equal(locate('v: |\n  a=1\n  password=Pw9x\n', 'Pw9x'), 'Pw9x');
    assert.equal(locate('v: >-\n  one\n  Pw9x two\n', 'Pw9x'), 'Pw9x');
  });

  it('spans a multi-line secret from its first line to its last', () => {
    const yaml = 'v: |\n  -----BEGIN X-----\n  AAAA\n  -----END X-----\n';
    assert.equal(locate(yaml, '-----BEGIN X-----\nAAAA\n-----END X-----'), '-----BEGIN X-----\n  AAAA\n  -----END X-----');
  });

  it('picks the same occurrence as in the value, and falls back to the content inside the quotes', () => {
    const yaml = 'v: |\n  a=Pw9x\n  b=Pw9x\n';
    const doc = parseDocument(yaml);
    const node = doc.get('v', true) as Scalar<string>;
    const second = node.value.lastIndexOf('Pw9x');
    assert.equal(locateInScalar(yaml, node, node.value, second, second + 4).start, yaml.lastIndexOf('Pw9x'));
    assert.equal(locate('v: "Pw\\x39x"\n', 'Pw9x'), 'Pw\\x39x');
  });

  it('finds pieces asked for in order from the last one found, and still finds one asked for out of order', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `password=Pw9x${i % 3}`);
    const yaml = `v: |\n${lines.map((line) => `  ${line}\n`).join('')}`;
    const node = parseDocument(yaml).get('v', true) as Scalar<string>;
    const source = new ScalarSource(yaml, node, node.value);
    const lineOf = (offset: number) => yaml.slice(0, offset).split('\n').length - 2;
    let at = -1;
    for (let line = 0; line < lines.length; line++) {
      at = node.value.indexOf('Pw9x', at + 1);
      const range = source.locate(at, at + 5);
      assert.equal(lineOf(range.start), line);
      assert.equal(yaml.slice(range.start, range.end), `Pw9x${line % 3}`);
    }
    const first = source.locate(node.value.indexOf('Pw9x'), node.value.indexOf('Pw9x') + 5);
    assert.equal(lineOf(first.start), 0);
  });
});
