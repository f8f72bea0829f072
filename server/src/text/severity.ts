// How serious a problem is: the one scale for parse problems, secret detectors and findings.
export type Severity = 'error' | 'warning' | 'info';
