// URL facts the credential-in-URL format needs: which schemes carry a login, which hosts are loopback.

/** URL schemes whose `user:password@` part is a login (study §1.3 #14). */
export const CREDENTIAL_URL_SCHEMES: ReadonlySet<string> = new Set([
  'http', 'https', 'ftp', 'ftps', 'sftp', 'git', 'git+https', 'git+ssh', 'ssh', 'svn', 'ldap', 'ldaps', 'smtp', 'smtps',
  'amqp', 'amqps', 'redis', 'rediss', 'mongodb', 'mongodb+srv', 'postgres', 'postgresql', 'mysql', 'mariadb', 'mssql',
  'sqlserver', 'oracle', 'nats', 'mqtt', 'mqtts', 'kafka', 'clickhouse', 'cockroachdb', 'neo4j', 'couchbase', 'memcached',
]);

export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);
