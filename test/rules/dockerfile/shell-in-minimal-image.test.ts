import { dedent, ruleTester } from '../../support/ruleTester.js';

const GO_BUILD = 'FROM golang:1.24 AS build\nRUN go build -o /out/app .\n';

ruleTester('dockerfile/shell-in-minimal-image', {
  valid: [
    { name: 'only the application into distroless', code: `${GO_BUILD}FROM gcr.io/distroless/static-debian13\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n`, filename: 'Dockerfile' },
    { name: 'a shell into a slim image, which has one anyway', code: `${GO_BUILD}FROM debian:13-slim\nCOPY --from=busybox:1.37 /bin/busybox /bin/busybox\n`, filename: 'Dockerfile' },
    { name: 'a shell copied into a builder stage, not shipped', code: 'FROM scratch AS tools\nCOPY --from=busybox:1.37 /bin/sh /bin/sh\nFROM gcr.io/distroless/base-debian13\nCOPY --from=tools /etc/passwd /etc/passwd\n', filename: 'Dockerfile' },
    { name: 'a pip cache is not pip; a bin folder of a distroless stage has no shell', code: 'FROM gcr.io/distroless/python3-debian13 AS deps\nFROM gcr.io/distroless/python3-debian13\nCOPY --from=build /root/.cache/pip /root/.cache/pip\nCOPY --from=deps /usr/bin/ /usr/bin/\n', filename: 'Dockerfile' },
    { name: 'a :debug base is non-minimal-base-image’s finding', code: 'FROM gcr.io/distroless/base-debian13:debug\nCOPY --from=busybox:1.37 /bin/sh /bin/sh\n', filename: 'Dockerfile' },
    { name: '--from set by a build argument', code: 'ARG TOOLS=busybox\nFROM scratch\nCOPY --from=${TOOLS} /bin/sh /bin/sh\n', filename: 'Dockerfile' },
    { name: 'the target stage ships, not the last one', dockerfileTarget: 'runtime', code: `${GO_BUILD}FROM gcr.io/distroless/static-debian13 AS runtime\nCOPY --from=build /out/app /app\nFROM scratch AS debug\nCOPY --from=busybox /bin/busybox /bin/\n`, filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'busybox and its shell into scratch, from an image and from a stage',
      code: dedent(`
        FROM busybox:1.37-musl AS shell
        FROM scratch
        COPY --from=busybox:1.37-musl /bin/busybox /bin/
        COPY --from=shell /bin/sh /usr/bin/bash /bin/
        COPY --from=shell /bin/ls /etc/passwd /bin/
      `),
      filename: 'Dockerfile',
      errors: [
        { line: 3, column: 31, endLine: 3, endColumn: 43, severity: 'info', message: 'COPY --from adds a shell (busybox) to the final stage, built on scratch to have none: leave it out and debug with an ephemeral container' },
        { line: 4, column: 19, endLine: 4, endColumn: 26, messageId: 'shell' },
        { line: 4, column: 27, endLine: 4, endColumn: 40, message: /a shell \(bash\)/ },
        { line: 5, column: 19, endLine: 5, endColumn: 26, message: /a shell \(busybox\)/ },
      ],
      output: null,
    },
    {
      name: 'a package manager and a whole bin folder into distroless, through a FROM <stage> chain',
      code: dedent(`
        FROM python:3.13-slim AS build
        RUN pip install --target /deps flask
        FROM gcr.io/distroless/python3-debian13 AS base
        COPY --from=build /usr/local/lib/python3.13/site-packages/pip /usr/lib/python3/dist-packages/pip
        FROM base
        COPY --from=build /usr/bin/ /usr/bin/
        COPY --from=build ["/usr/bin/apt-get", "/deps", "/app/"]
      `),
      filename: 'Dockerfile',
      errors: [
        { line: 4, column: 19, endLine: 4, endColumn: 62, severity: 'info', message: 'COPY --from adds a package manager (pip) to the final stage, built on gcr.io/distroless/python3-debian13 to have none: copy only what the application runs' },
        { line: 6, column: 19, endLine: 6, endColumn: 28, message: 'COPY --from copies a whole bin folder (/usr/bin/), shell included, into the final stage, built on gcr.io/distroless/python3-debian13: copy only the binaries the application runs' },
        { line: 7, column: 20, endLine: 7, endColumn: 38, messageId: 'packageManager' },
      ],
    },
    {
      name: 'Chainguard, and --from=<index>',
      code: 'FROM alpine:3.22\nFROM cgr.dev/chainguard/static:latest\nCOPY --from=0 /sbin/apk /bin/sh /usr/local/bin/\n',
      filename: 'Dockerfile',
      errors: [
        { line: 3, column: 15, endLine: 3, endColumn: 24, messageId: 'packageManager' },
        { line: 3, column: 25, endLine: 3, endColumn: 32, messageId: 'shell' },
      ],
    },
  ],
});
