// The `manifestlint` command line: dispatches to a subcommand and turns usage errors into exit code 2.
import { version } from '../../package.json';
import { BASELINE_HELP, runBaseline } from './cli/baselineCommand.js';
import { GITHUB_ACTION_HELP, runGithubAction } from './cli/githubActionCommand.js';
import { INIT_HELP, runInit } from './cli/initCommand.js';
import { PRINT_CONFIG_HELP, runPrintConfig } from './cli/printConfigCommand.js';
import { RULES_HELP, runRules } from './cli/rulesCommand.js';
import { runScan, SCAN_HELP } from './cli/scanCommand.js';
import { printable } from './report/printable.js';
import { UsageError } from './scan/discover.js';

const COMMANDS: Record<string, { run: (argv: string[]) => number | Promise<number>; help: string }> = {
  scan: { run: runScan, help: SCAN_HELP },
  baseline: { run: runBaseline, help: BASELINE_HELP },
  rules: { run: runRules, help: RULES_HELP },
  init: { run: runInit, help: INIT_HELP },
  'print-config': { run: runPrintConfig, help: PRINT_CONFIG_HELP },
  'github-action': { run: (argv) => runGithubAction(argv), help: GITHUB_ACTION_HELP },
};

const HELP = `manifestlint ${version}: security linting for Kubernetes YAML and Dockerfiles

Usage:
  manifestlint scan [paths…] [options]   lint files and folders (default: .)
  manifestlint baseline [paths…]          record today's findings; scan --baseline shows only new ones
  manifestlint rules [--format …]         list the rules
  manifestlint init [folder]              write a starter .manifestlint.yaml
  manifestlint print-config <file>        the effective config for a file
  manifestlint github-action              what the GitHub Action (action.yml) runs
  manifestlint <command> --help           help for a command
  manifestlint --version

${SCAN_HELP}`;

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${HELP}\n`);
    return first === undefined ? 2 : 0;
  }
  const command = COMMANDS[first];
  if (!command) throw new UsageError(`unknown command "${first}" (try: ${Object.keys(COMMANDS).join(', ')}, --help)`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
  const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  // The message may quote a path or a config value: escaped like the report.
  process.stderr.write(`manifestlint: ${printable((error as Error).message)}\n`);
  if (!isUsage) process.stderr.write(`${((error as Error).stack ?? '').split('\n').map(printable).join('\n')}\n`);
  process.exitCode = 2;
});
