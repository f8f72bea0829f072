// Tokens that name their issuer by prefix (`ghp_`, `glpat-`, `xoxb-`, `AKIA`): found under any key, in
// any text. Each row: the issuer's documented shape (alphabet, length, checksum where it has one) and
// where it is documented. Rows are data; `issued()` adds the token boundaries. Reviewed like code:
// every body is linear (bounded quantifiers, no nested repetition) and starts with its keyword.
import { hasGithubChecksum } from './checksums.js';
import { hasJwtHeader, issued } from './build.js';
import type { TokenPattern } from './types.js';

const GITLEAKS = 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/';
const SECRETLINT = 'https://github.com/secretlint/secretlint/tree/master/packages/%40secretlint/';
const GITHUB_FORMATS = 'https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/';
const GITHUB_CHECKSUM = 'CRC32 of the random part, in base62 (last 6 characters)';
const GITLAB_PREFIXES = 'https://docs.gitlab.com/ee/security/tokens/#token-prefixes';
const SLACK_TOKENS = 'https://api.slack.com/concepts/token-types';

export const ISSUED_FORMATS: readonly TokenPattern[] = [
  // Cloud providers
  issued({ id: 'aws-access-key-id', description: 'AWS access key id', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids', keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'], body: '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}', documentedExamples: ['AKIAIOSFODNN7EXAMPLE'], validate: (secret) => !secret.endsWith('EXAMPLE') }),
  issued({ id: 'aws-bedrock-api-key', description: 'Amazon Bedrock API key (long-lived)', source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html', keywords: ['absk'], body: 'ABSK[A-Za-z0-9+/]{109,269}={0,2}' }),
  issued({ id: 'aws-bedrock-short-term-api-key', description: 'Amazon Bedrock API key (short-lived)', source: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html', keywords: ['bedrock-api-key-'], body: 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/%=]{20,4000}' }),
  issued({ id: 'google-api-key', description: 'Google API key', source: 'https://cloud.google.com/docs/authentication/api-keys', keywords: ['aiza'], body: 'AIza[A-Za-z0-9_-]{35}', minEntropy: 4.0 }),
  issued({ id: 'google-oauth-client-secret', description: 'Google OAuth client secret', source: 'https://developers.google.com/identity/protocols/oauth2', keywords: ['gocspx-'], body: 'GOCSPX-[A-Za-z0-9_-]{28}' }),
  issued({ id: 'google-oauth-access-token', description: 'Google OAuth access token', source: 'https://developers.google.com/identity/protocols/oauth2', keywords: ['ya29.'], body: String.raw`ya29\.(?:[A-Za-z0-9_-]{1,8}\.)?[A-Za-z0-9_-]{30,2048}`, minEntropy: 3.5 }),
  issued({ id: 'azure-ad-client-secret', description: 'Azure AD (Entra ID) client secret', source: GITLEAKS + 'azure.go', keywords: ['q~'], body: String.raw`[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}` }),
  issued({ id: 'alibaba-access-key-id', description: 'Alibaba Cloud AccessKey id', source: GITLEAKS + 'alibaba.go', keywords: ['ltai'], body: 'LTAI[A-Za-z0-9]{20}' }),
  issued({ id: 'digitalocean-token', description: 'DigitalOcean token', source: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/', keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'], body: 'do[por]_v1_[a-f0-9]{64}' }),
  issued({ id: 'cloudflare-origin-ca-key', description: 'Cloudflare Origin CA key', source: GITLEAKS + 'cloudflare.go', keywords: ['v1.0-'], body: String.raw`v1\.0-[a-f0-9]{24}-[a-f0-9]{146}` }),
  issued({ id: 'cloudflare-api-token', description: 'Cloudflare API token', source: 'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/', keywords: ['cfk_', 'cfut_', 'cfat_'], body: '(?:cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8}' }),
  issued({ id: 'heroku-api-key', description: 'Heroku API key', source: GITLEAKS + 'heroku.go', keywords: ['hrku-aa'], body: 'HRKU-AA[A-Za-z0-9_-]{58}' }),
  issued({ id: 'flyio-token', description: 'Fly.io access token', source: GITLEAKS + 'flyio.go', keywords: ['fo1_', 'fm1a_', 'fm1r_', 'fm2_'], body: String.raw`(?:fo1_[\w-]{43}|fm1[ar]_[A-Za-z0-9+/]{100,2000}={0,3}|fm2_[A-Za-z0-9+/]{100,2000}={0,3})`, minEntropy: 4.0 }),
  issued({ id: 'vercel-token', description: 'Vercel token', source: SECRETLINT + 'secretlint-rule-vercel', keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], body: '(?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60}' }),
  issued({ id: 'databricks-token', description: 'Databricks access token', source: 'https://docs.databricks.com/en/dev-tools/auth/pat.html', keywords: ['dapi'], body: 'dapi[a-f0-9]{32}(?:-[0-9])?' }),
  issued({ id: 'scalingo-token', description: 'Scalingo API token', source: GITLEAKS + 'scalingo.go', keywords: ['tk-us-'], body: String.raw`tk-us-[\w-]{48}` }),
  issued({ id: 'openshift-user-token', description: 'OpenShift user token', source: GITLEAKS + 'openshift.go', keywords: ['sha256~'], body: String.raw`sha256~[\w-]{43}`, minEntropy: 3.5 }),

  // Source control, registries, CI
  issued({ id: 'github-token', description: 'GitHub token', source: GITHUB_FORMATS, keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], body: 'gh[pousr]_[A-Za-z0-9]{36,251}', checksum: GITHUB_CHECKSUM, validate: (secret) => hasGithubChecksum(secret) }),
  issued({ id: 'github-app-installation-token', description: 'GitHub App installation token', source: SECRETLINT + 'secretlint-rule-github', keywords: ['ghs_'], body: String.raw`ghs_[0-9]{1,20}_eyJ[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{10,10000}\.[A-Za-z0-9_-]{10,1000}`, validate: (secret) => hasJwtHeader(secret.slice(secret.indexOf('_', 4) + 1)) }),
  issued({ id: 'github-fine-grained-token', description: 'GitHub fine-grained personal access token', source: 'https://github.blog/changelog/2022-10-18-introducing-fine-grained-personal-access-tokens/', keywords: ['github_pat_'], body: 'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}' }),
  issued({ id: 'gitlab-token', description: 'GitLab token', source: GITLAB_PREFIXES, keywords: ['glpat-', 'glrt-', 'gldt-', 'glcbt-', 'glft-', 'gloas-', 'glagent-', 'glimt-', 'glffct-', 'glsoat-'], body: String.raw`(?:glpat|glrt|gldt|glcbt|glft|gloas|glagent|glimt|glffct|glsoat)-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{9})?` }),
  issued({ id: 'gitlab-pipeline-trigger-token', description: 'GitLab pipeline trigger token', source: GITLAB_PREFIXES, keywords: ['glptt-'], body: 'glptt-[0-9a-f]{40}' }),
  issued({ id: 'gitlab-runner-registration-token', description: 'GitLab runner registration token', source: GITLAB_PREFIXES, keywords: ['gr1348941'], body: String.raw`GR1348941[\w-]{20}` }),
  issued({ id: 'atlassian-api-token-v2', description: 'Atlassian API token', source: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/', keywords: ['atatt3'], body: 'ATATT3[A-Za-z0-9_=-]{186}' }),
  issued({ id: 'npm-token', description: 'npm access token', source: 'https://github.blog/2021-09-23-announcing-npms-new-access-token-format/', keywords: ['npm_'], body: 'npm_[A-Za-z0-9]{36}', checksum: GITHUB_CHECKSUM, validate: (secret) => hasGithubChecksum(secret) }),
  issued({ id: 'pypi-token', description: 'PyPI upload token', source: 'https://pypi.org/help/#apitoken', keywords: ['pypi-ageichlwas5vcmc'], body: 'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}' }),
  issued({ id: 'rubygems-api-key', description: 'RubyGems API key', source: GITLEAKS + 'rubygems.go', keywords: ['rubygems_'], body: 'rubygems_[a-f0-9]{48}' }),
  issued({ id: 'clojars-token', description: 'Clojars deploy token', source: GITLEAKS + 'clojars.go', keywords: ['clojars_'], body: 'CLOJARS_[a-z0-9]{60}', flags: 'i' }),
  issued({ id: 'docker-hub-token', description: 'Docker Hub access token', source: 'https://docs.docker.com/security/for-developers/access-tokens/', keywords: ['dckr_pat_', 'dckr_oat_'], body: 'dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,64}' }),
  issued({ id: 'artifactory-api-key', description: 'JFrog Artifactory API key', source: GITLEAKS + 'artifactory.go', keywords: ['akcp'], body: 'AKCp[A-Za-z0-9]{69}', minEntropy: 4.5 }),
  issued({ id: 'artifactory-reference-token', description: 'JFrog Artifactory reference token', source: GITLEAKS + 'artifactory.go', keywords: ['cmvmd'], body: 'cmVmd[A-Za-z0-9]{59}', minEntropy: 4.5 }),
  issued({ id: 'terraform-cloud-token', description: 'HCP Terraform (Terraform Cloud) API token', source: GITLEAKS + 'hashicorp.go', keywords: ['atlasv1'], body: String.raw`[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}`, minEntropy: 3.5 }),
  issued({ id: 'pulumi-token', description: 'Pulumi access token', source: 'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/', keywords: ['pul-'], body: 'pul-[a-f0-9]{40}' }),
  issued({ id: 'sourcegraph-token', description: 'Sourcegraph access token', source: GITLEAKS + 'sourcegraph.go', keywords: ['sgp_'], body: 'sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}' }),
  issued({ id: 'harness-api-key', description: 'Harness API key', source: GITLEAKS + 'harness.go', keywords: ['pat.', 'sat.'], body: String.raw`(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}` }),
  issued({ id: 'octopus-deploy-api-key', description: 'Octopus Deploy API key', source: GITLEAKS + 'octopusdeploy.go', keywords: ['api-'], body: 'API-[A-Z0-9]{26}' }),
  issued({ id: 'prefect-api-key', description: 'Prefect API key', source: GITLEAKS + 'prefect.go', keywords: ['pnu_'], body: 'pnu_[A-Za-z0-9]{36}' }),
  issued({ id: 'infracost-api-key', description: 'Infracost API key', source: GITLEAKS + 'infracost.go', keywords: ['ico-'], body: 'ico-[A-Za-z0-9]{32}' }),
  issued({ id: 'readme-api-key', description: 'ReadMe API key', source: GITLEAKS + 'readme.go', keywords: ['rdme_'], body: 'rdme_[a-z0-9]{70}' }),
  issued({ id: 'postman-api-key', description: 'Postman API key', source: GITLEAKS + 'postman.go', keywords: ['pmak-'], body: 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}', flags: 'i' }),
  issued({ id: 'figma-token', description: 'Figma personal access token', source: SECRETLINT + 'secretlint-rule-figma', keywords: ['figd_'], body: 'figd_[A-Za-z0-9_-]{40,200}' }),
  issued({ id: 'linear-api-key', description: 'Linear API key', source: 'https://linear.app/developers/graphql#personal-api-keys', keywords: ['lin_api_'], body: 'lin_api_[A-Za-z0-9]{40}' }),
  issued({ id: 'notion-token', description: 'Notion integration token', source: 'https://developers.notion.com/docs/authorization', keywords: ['ntn_'], body: 'ntn_[0-9]{11}[A-Za-z0-9]{35}', minEntropy: 3.5 }),
  issued({ id: 'tailscale-key', description: 'Tailscale key', source: 'https://tailscale.com/kb/1277/key-prefixes', keywords: ['tskey-'], body: 'tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,32}-[A-Za-z0-9]{16,64}' }),
  issued({ id: 'sonarqube-token', description: 'SonarQube token', source: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/', keywords: ['squ_', 'sqp_', 'sqa_'], body: 'sq[upa]_[a-f0-9]{40}' }),

  // Chat and messaging
  issued({ id: 'slack-token', description: 'Slack token', source: SLACK_TOKENS, keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxo-', 'xoxs-', 'xoxe-'], body: 'xox[bparose]-(?:[0-9]{10,13}-){1,3}[A-Za-z0-9]{20,64}' }),
  issued({ id: 'slack-legacy-token', description: 'Slack legacy token', source: GITLEAKS + 'slack.go', keywords: ['xoxs-', 'xoxo-'], body: 'xox[os]-[0-9]{1,20}-[0-9]{1,20}-[0-9]{1,20}-[a-fA-F0-9]{20,64}' }),
  issued({ id: 'slack-legacy-workspace-token', description: 'Slack legacy workspace token', source: GITLEAKS + 'slack.go', keywords: ['xoxa-', 'xoxr-'], body: 'xox[ar]-(?:[0-9]-)?[A-Za-z0-9]{8,48}', minEntropy: 3.5 }),
  issued({ id: 'slack-config-token', description: 'Slack configuration access token', source: SLACK_TOKENS, keywords: ['xoxe.xoxb-', 'xoxe.xoxp-'], body: 'xoxe\\.xox[bp]-[0-9]-[A-Z0-9]{163,166}', flags: 'i' }),
  issued({ id: 'slack-config-refresh-token', description: 'Slack configuration refresh token', source: SLACK_TOKENS, keywords: ['xoxe-'], body: 'xoxe-[0-9]-[A-Z0-9]{146}', flags: 'i' }),
  issued({ id: 'slack-app-token', description: 'Slack app-level token', source: SLACK_TOKENS, keywords: ['xapp-'], body: 'xapp-[0-9]-[A-Z0-9]{8,12}-[0-9]{10,13}-[a-f0-9]{60,64}' }),
  issued({ id: 'twilio-api-key', description: 'Twilio API key', source: 'https://www.twilio.com/docs/iam/api-keys', keywords: ['sk'], body: 'SK[0-9a-f]{32}' }),
  issued({ id: 'sendgrid-api-key', description: 'SendGrid API key', source: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys', keywords: ['sg.'], body: String.raw`SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}` }),
  issued({ id: 'brevo-api-key', description: 'Brevo (Sendinblue) API key', source: GITLEAKS + 'sendinblue.go', keywords: ['xkeysib-', 'xsmtpsib-'], body: '(?:xkeysib|xsmtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}' }),
  issued({ id: 'microsoft-teams-webhook', description: 'Microsoft Teams incoming webhook URL', source: GITLEAKS + 'teams.go', keywords: ['webhook.office.com'], body: String.raw`https://[a-z0-9]{1,50}\.webhook\.office\.com/webhookb2/[a-z0-9-]{36}@[a-z0-9-]{36}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9-]{36}` }),

  // Observability
  issued({ id: 'grafana-cloud-token', description: 'Grafana Cloud access policy token', source: 'https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/', keywords: ['glc_'], body: 'glc_[A-Za-z0-9+/]{32,400}={0,3}' }),
  issued({ id: 'grafana-service-account-token', description: 'Grafana service account token', source: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/', keywords: ['glsa_'], body: 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}' }),
  issued({ id: 'grafana-api-key', description: 'Grafana API key', source: GITLEAKS + 'grafana.go', keywords: ['eyjrijoi'], body: 'eyJrIjoi[A-Za-z0-9]{70,400}={0,3}' }),
  issued({ id: 'dynatrace-token', description: 'Dynatrace API token', source: 'https://docs.dynatrace.com/docs/manage/identity-access-management/access-tokens-and-oauth-clients/access-tokens', keywords: ['dt0c01.'], body: String.raw`dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}`, minEntropy: 4.0 }),
  issued({ id: 'sentry-org-token', description: 'Sentry organization auth token', source: 'https://docs.sentry.io/account/auth-tokens/', keywords: ['sntrys_'], body: 'sntrys_eyJ[A-Za-z0-9+/=]{20,800}_[A-Za-z0-9+/]{43}', minEntropy: 4.0 }),
  issued({ id: 'sentry-user-token', description: 'Sentry user auth token', source: 'https://docs.sentry.io/account/auth-tokens/', keywords: ['sntryu_'], body: 'sntryu_[a-f0-9]{64}', minEntropy: 3.5 }),
  issued({ id: 'new-relic-user-api-key', description: 'New Relic user API key', source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/', keywords: ['nrak-'], body: 'NRAK-[A-Z0-9]{27}' }),
  issued({ id: 'new-relic-insert-key', description: 'New Relic insert key', source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/', keywords: ['nrii-'], body: 'NRII-[A-Za-z0-9-]{32}' }),
  issued({ id: 'new-relic-browser-key', description: 'New Relic browser API key', source: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/', keywords: ['nrjs-'], body: 'NRJS-[a-f0-9]{19}' }),
  issued({ id: 'clickhouse-cloud-key', description: 'ClickHouse Cloud API secret key', source: GITLEAKS + 'clickhouse.go', keywords: ['4b1d'], body: '4b1d[A-Za-z0-9]{38}' }),

  // Secret managers and encryption keys
  issued({ id: 'vault-service-token', description: 'HashiCorp Vault service token', source: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes', keywords: ['hvs.'], body: String.raw`hvs\.[A-Za-z0-9_-]{90,120}`, minEntropy: 3.5 }),
  issued({ id: 'vault-batch-token', description: 'HashiCorp Vault batch token', source: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes', keywords: ['hvb.'], body: String.raw`hvb\.[A-Za-z0-9_-]{138,300}`, minEntropy: 4.0 }),
  issued({ id: 'vault-recovery-token', description: 'HashiCorp Vault recovery token', source: SECRETLINT + 'secretlint-rule-hashicorp-vault', keywords: ['hvr.'], body: String.raw`hvr\.[A-Za-z0-9_-]{90,120}`, minEntropy: 3.5 }),
  issued({ id: 'doppler-token', description: 'Doppler token', source: 'https://docs.doppler.com/docs/token-formats', keywords: ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'], body: String.raw`dp\.(?:pt|st|ct|sa|scim|audit)\.[A-Za-z0-9_.-]{40,120}` }),
  issued({ id: '1password-service-account-token', description: '1Password service account token', source: 'https://developer.1password.com/docs/service-accounts/', keywords: ['ops_ey'], body: 'ops_eyJ[A-Za-z0-9+/]{100,2000}={0,3}', minEntropy: 4.0 }),
  issued({ id: '1password-secret-key', description: '1Password account secret key', source: GITLEAKS + '1password.go', keywords: ['a3-'], body: 'A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}', minEntropy: 3.8 }),
  issued({ id: 'age-secret-key', description: 'age secret key', source: 'https://age-encryption.org/v1', keywords: ['age-secret-key-1'], body: 'AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}' }),

  // Payments and commerce
  issued({ id: 'stripe-live-key', description: 'Stripe live secret key', source: 'https://docs.stripe.com/keys', keywords: ['sk_live_', 'rk_live_', 'sk_prod_', 'rk_prod_'], body: '[sr]k_(?:live|prod)_[A-Za-z0-9]{24,247}', minEntropy: 2.0 }),
  issued({ id: 'stripe-test-key', description: 'Stripe test secret key', source: 'https://docs.stripe.com/keys', keywords: ['sk_test_', 'rk_test_'], body: '[sr]k_test_[A-Za-z0-9]{24,247}', minEntropy: 2.0, severity: 'warning' }),
  issued({ id: 'square-token', description: 'Square access token', source: 'https://developer.squareup.com/docs/build-basics/access-tokens', keywords: ['sq0atp-', 'eaaa'], body: String.raw`(?:EAAA|sq0atp-)[\w-]{22,60}` }),
  issued({ id: 'square-oauth-secret', description: 'Square OAuth secret', source: 'https://developer.squareup.com/docs/oauth-api/overview', keywords: ['sq0csp-'], body: String.raw`sq0csp-[\w-]{43}` }),
  issued({ id: 'shopify-token', description: 'Shopify access token or shared secret', source: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens', keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], body: 'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}' }),
  issued({ id: 'shippo-token', description: 'Shippo API token', source: GITLEAKS + 'shippo.go', keywords: ['shippo_'], body: 'shippo_(?:live|test)_[a-fA-F0-9]{40}' }),
  issued({ id: 'duffel-token', description: 'Duffel API token', source: GITLEAKS + 'duffel.go', keywords: ['duffel_'], body: 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}' }),
  issued({ id: 'easypost-api-key', description: 'EasyPost API key', source: GITLEAKS + 'easypost.go', keywords: ['ezak', 'eztk'], body: 'EZ[AT]K[A-Za-z0-9]{54}' }),
  issued({ id: 'flutterwave-secret-key', description: 'Flutterwave secret or encryption key', source: GITLEAKS + 'flutterwave.go', keywords: ['flwseck_test'], body: 'FLWSECK_TEST-[a-h0-9]{12}(?:[a-h0-9]{20}-X)?', flags: 'i' }),
  issued({ id: 'adobe-client-secret', description: 'Adobe client secret', source: GITLEAKS + 'adobe.go', keywords: ['p8e-'], body: 'p8e-[A-Za-z0-9]{32}' }),
  issued({ id: 'facebook-page-access-token', description: 'Facebook page access token', source: GITLEAKS + 'facebook.go', keywords: ['eaam', 'eaac'], body: 'EAA[MC][A-Za-z0-9]{100,400}', minEntropy: 4.0 }),
  issued({ id: 'planetscale-token', description: 'PlanetScale token or password', source: GITLEAKS + 'planetscale.go', keywords: ['pscale_tkn_', 'pscale_oauth_', 'pscale_pw_'], body: String.raw`pscale_(?:tkn|oauth|pw)_[\w=.-]{32,64}` }),
  issued({ id: 'maxmind-license-key', description: 'MaxMind license key', source: GITLEAKS + 'maxmind.go', keywords: ['_mmk'], body: '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk', minEntropy: 4.0 }),
  issued({ id: 'frameio-token', description: 'Frame.io API token', source: GITLEAKS + 'frameio.go', keywords: ['fio-u-'], body: 'fio-u-[A-Za-z0-9_=-]{64}' }),
  issued({ id: 'settlemint-token', description: 'SettleMint access token', source: GITLEAKS + 'settlemint.go', keywords: ['sm_aat_', 'sm_pat_', 'sm_sat_'], body: 'sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}' }),
  issued({ id: 'authress-key', description: 'Authress service client access key', source: GITLEAKS + 'authress.go', keywords: ['sc_', 'ext_', 'scauth_', 'authress_'], body: String.raw`(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_-][a-z0-9-]{10,32}\.[a-z0-9+/_=-]{30,120}`, flags: 'i', minEntropy: 2.0 }),
  issued({ id: 'intra42-client-secret', description: 'Intra42 client secret', source: GITLEAKS + 'intra42.go', keywords: ['s-s4t2ud-', 's-s4t2af-'], body: 's-s4t2(?:ud|af)-[a-f0-9]{64}' }),

  // AI providers
  issued({ id: 'openai-api-key', description: 'OpenAI API key', source: 'https://platform.openai.com/docs/api-reference/authentication', keywords: ['t3blbkfj'], body: 'sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}' }),
  issued({ id: 'anthropic-api-key', description: 'Anthropic API key', source: 'https://docs.anthropic.com/en/api/admin-api/apikeys/get-api-key', keywords: ['sk-ant-'], body: 'sk-ant-(?:api0[0-9]|admin01)-[A-Za-z0-9_-]{80,120}AA' }),
  issued({ id: 'xai-api-key', description: 'xAI API key', source: 'https://docs.x.ai/docs/overview', keywords: ['xai-'], body: 'xai-[A-Za-z0-9]{80}', minEntropy: 4.0 }),
  issued({ id: 'huggingface-token', description: 'Hugging Face access token', source: 'https://huggingface.co/docs/hub/security-tokens', keywords: ['hf_', 'api_org_'], body: '(?:hf|api_org)_[A-Za-z]{34}' }),
  issued({ id: 'groq-api-key', description: 'Groq API key', source: SECRETLINT + 'secretlint-rule-groq', keywords: ['gsk_'], body: 'gsk_[A-Za-z0-9]{52}' }),
  issued({ id: 'perplexity-api-key', description: 'Perplexity API key', source: GITLEAKS + 'perplexity.go', keywords: ['pplx-'], body: 'pplx-[A-Za-z0-9]{48}', minEntropy: 4.0 }),
];
