// The mocha TDD globals the suite uses. mocha lives in the e2e cache (.cache/e2e), not in package.json,
// so its own type package is not installed; these few declarations keep the suite typechecked.
interface MochaContext {
  timeout(ms: number): void;
}
declare function suite(title: string, body: (this: MochaContext) => void): void;
declare function suiteSetup(body: (this: MochaContext) => Promise<void> | void): void;
declare function teardown(body: (this: MochaContext) => Promise<void> | void): void;
declare function test(title: string, body: (this: MochaContext) => Promise<void> | void): void;
