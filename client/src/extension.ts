// The VS Code side: starts the manifestlint language server and forwards settings. Nothing else:
// all knowledge lives in the server.
import * as path from 'node:path';
import { workspace, commands, window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCKERFILE_NAME_PATTERNS } from '../../server/src/engine/fileKinds';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml' },
      { language: 'helm' },
      { language: 'dockerfile' },
      { scheme: 'file', pattern: `**/{${DOCKERFILE_NAME_PATTERNS.join(',')}}` },
    ],
    synchronize: {
      configurationSection: 'manifestlint',
      fileEvents: workspace.createFileSystemWatcher('**/{.manifestlint.yaml,.manifestlint.yml,.manifestlint.json}'),
    },
  };
  client = new LanguageClient('manifestlint', 'manifestlint', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('manifestlint.restartServer', async () => {
      await client?.restart();
      void window.showInformationMessage('manifestlint: language server restarted');
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
