// Deterministic generators of realistic manifests and Dockerfiles for the benchmarks.

/** A small seeded PRNG (mulberry32) so every run benchmarks the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IMAGES = ['nginx:1.27', 'node:20', 'python:3.12-slim', 'ghcr.io/acme/api:2.4.1', 'redis:7-alpine', 'busybox'];

function container(rand: () => number, name: string, envCount: number): string {
  const insecure = rand() < 0.4;
  const env = Array.from({ length: envCount }, (_, i) =>
    rand() < 0.2
      ? `            - name: DB_PASSWORD_${i}\n              valueFrom:\n                secretKeyRef: {name: db, key: password}`
      : `            - name: SETTING_${i}\n              value: "value-${Math.floor(rand() * 1e6)}"`,
  ).join('\n');
  return `        - name: ${name}
          image: ${IMAGES[Math.floor(rand() * IMAGES.length)]}
          ports:
            - containerPort: ${8000 + Math.floor(rand() * 1000)}
          env:
${env}
          resources:
            limits: {cpu: 500m, memory: 256Mi}
          securityContext:
            allowPrivilegeEscalation: ${insecure}
            readOnlyRootFilesystem: ${!insecure}
            privileged: ${insecure && rand() < 0.3}
            capabilities:
              drop: [ALL]`;
}

export function deployment(rand: () => number, index: number, envPerContainer = 4): string {
  const containers = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => container(rand, `c${i}`, envPerContainer)).join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${index}
  namespace: team-${index % 7}
  labels: {app: app-${index}}
spec:
  replicas: 2
  selector:
    matchLabels: {app: app-${index}}
  template:
    metadata:
      labels: {app: app-${index}}
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      containers:
${containers}
---
apiVersion: v1
kind: Service
metadata:
  name: app-${index}
spec:
  selector: {app: app-${index}}
  ports:
    - port: 80
      targetPort: 8080
`;
}

/** A multi-document manifest of about `lines` lines. */
export function multiDocumentManifest(lines: number, seed = 1, envPerContainer = 4): string {
  const rand = random(seed);
  const docs: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const doc = deployment(rand, i, envPerContainer);
    docs.push(doc);
    count += doc.split('\n').length;
  }
  return docs.join('---\n');
}

export function dockerfile(rand: () => number, stages = 2): string {
  const parts: string[] = [];
  for (let s = 0; s < stages; s++) {
    const last = s === stages - 1;
    parts.push(`FROM ${last ? (rand() < 0.5 ? 'node:20' : 'gcr.io/distroless/nodejs20-debian12') : 'node:20'} AS stage${s}
ARG VERSION=1.${s}
ENV NODE_ENV=production \\
    PORT=8080
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev && \\
    npm cache clean --force
COPY . .
RUN npm run build -- --mode=production
LABEL org.opencontainers.image.version=$VERSION`);
  }
  parts.push('USER 10001\nEXPOSE 8080\nCMD ["node", "dist/server.js"]\n');
  return parts.join('\n');
}

/** A Dockerfile of about `lines` lines (many stages). */
export function longDockerfile(lines: number, seed = 2): string {
  const rand = random(seed);
  const stagesNeeded = Math.ceil(lines / 11);
  return dockerfile(rand, stagesNeeded);
}
