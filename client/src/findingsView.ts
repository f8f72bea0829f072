// The "manifestlint" view in the Explorer: the findings VS Code holds (open files and the last
// workspace scan) grouped by rule or by file, with counts; a click reveals the finding. It follows the
// diagnostics the server publishes, so it updates as files change and after Scan Workspace.
import {
  commands,
  EventEmitter,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  window,
  type Disposable,
  type Memento,
  type Range,
  type TreeDataProvider,
  type Uri,
} from 'vscode';
import { countsText, groupFindings, GROUPINGS, total, type Grouping, type TreeNode } from './findingsTree';
import type { PublishedFinding } from './publishedFindings';
import type { SummarySeverity } from './summary';

export const FINDINGS_VIEW_ID = 'manifestlint.findings';
/** The context key the view's title buttons read to offer the other grouping. */
const GROUPING_CONTEXT = 'manifestlint.findingsGrouping';
const GROUPING_STATE = 'manifestlint.findingsGrouping';

interface Place {
  uri: Uri;
  range: Range;
}

const ICON: Record<SummarySeverity, ThemeIcon> = {
  error: new ThemeIcon('error', new ThemeColor('problemsErrorIcon.foreground')),
  warning: new ThemeIcon('warning', new ThemeColor('problemsWarningIcon.foreground')),
  info: new ThemeIcon('info', new ThemeColor('problemsInfoIcon.foreground')),
};

class FindingsTree implements TreeDataProvider<TreeNode<Place>> {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private findings: readonly PublishedFinding[] = [];
  /** Built when the view asks, not on every keystroke's diagnostics while the view is closed. */
  private roots: TreeNode<Place>[] | undefined;

  constructor(public grouping: Grouping) {}

  update(findings: readonly PublishedFinding[]): void {
    this.findings = findings;
    this.roots = undefined;
    this.changed.fire();
  }

  regroup(grouping: Grouping): void {
    this.grouping = grouping;
    this.update(this.findings);
  }

  getChildren(node?: TreeNode<Place>): TreeNode<Place>[] {
    if (node) return node.kind === 'group' ? node.children : [];
    this.roots ??= groupFindings(
      this.findings.map(({ uri, diagnostic, file, severity, rule }) => ({ file, severity, rule, message: diagnostic.message, line: diagnostic.range.start.line, location: { uri, range: diagnostic.range } })),
      this.grouping,
    );
    return this.roots;
  }

  getTreeItem(node: TreeNode<Place>): TreeItem {
    if (node.kind === 'finding') {
      const item = new TreeItem(node.label, TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = node.description;
      item.tooltip = node.label;
      item.iconPath = ICON[node.severity];
      item.command = { command: 'vscode.open', title: 'Show the finding', arguments: [node.location.uri, { selection: node.location.range, preserveFocus: false }] };
      return item;
    }
    const item = new TreeItem(node.label, TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = String(total(node.counts));
    item.tooltip = `${node.label}: ${countsText(node.counts)}`;
    // A file shows its file icon; a rule, its worst severity.
    if (node.by === 'file') item.resourceUri = node.first.uri;
    else item.iconPath = ICON[node.severity];
    return item;
  }
}

export interface FindingsView extends Disposable {
  update(findings: readonly PublishedFinding[]): void;
}

export function createFindingsView(state: Memento): FindingsView {
  const saved = state.get<Grouping>(GROUPING_STATE);
  const tree = new FindingsTree(saved && GROUPINGS.includes(saved) ? saved : 'rule');
  const view = window.createTreeView(FINDINGS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const showGrouping = () => void commands.executeCommand('setContext', GROUPING_CONTEXT, tree.grouping);
  const groupBy = (grouping: Grouping) => () => {
    tree.regroup(grouping);
    showGrouping();
    void state.update(GROUPING_STATE, grouping);
  };
  showGrouping();
  const disposables = [
    view,
    commands.registerCommand('manifestlint.findings.groupByRule', groupBy('rule')),
    commands.registerCommand('manifestlint.findings.groupByFile', groupBy('file')),
  ];
  return {
    update(findings) {
      tree.update(findings);
      const count = findings.length;
      view.badge = count > 0 ? { value: count, tooltip: `${count} manifestlint finding${count === 1 ? '' : 's'}` } : undefined;
    },
    dispose: () => disposables.forEach((disposable) => disposable.dispose()),
  };
}
