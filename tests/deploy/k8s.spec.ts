import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { endpoints } from '@jv/contracts';
import { parseAllDocuments } from 'yaml';

/* The production overlay as `kubectl kustomize` renders it, held to the invariants a deployment of the
   API must keep. Each invariant is a function listing what breaks it; every one is also shown failing on a
   copy of the manifests broken on purpose, so none of them can pass by looking at nothing. */

const root = path.resolve(__dirname, '../..');
const OVERLAY = 'deploy/k8s/overlays/production';
const API_PREFIX = '/api';
const CLI = 'dist/api/apps/api/src/cli.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Kubernetes objects, walked as plain YAML */
type Obj = Record<string, any>;
type Check = (docs: Obj[]) => string[];

function render(): Obj[] {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', OVERLAY], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    // kubectl missing (.ci/run installs it) or a manifest kustomize refuses
    throw new Error(`kubectl kustomize ${OVERLAY} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseAllDocuments(out).map((d) => {
    if (d.errors.length) throw new Error(d.errors.map((e) => e.message).join('\n'));
    return d.toJS() as Obj;
  });
}

const ofKind = (docs: Obj[], kind: string) => docs.filter((d) => d.kind === kind);
const one = (docs: Obj[], kind: string): Obj | undefined => ofKind(docs, kind)[0];
const api = (docs: Obj[]) => ofKind(docs, 'Deployment').find((d) => d.metadata.name === 'jv-tracker');
const podSpecs = (docs: Obj[]): Array<{ owner: string; spec: Obj }> =>
  docs.flatMap((d) =>
    d.spec?.template?.spec && ['Deployment', 'Job', 'StatefulSet', 'DaemonSet'].includes(d.kind)
      ? [{ owner: `${d.kind}/${d.metadata.name}`, spec: d.spec.template.spec }]
      : [],
  );
const containersOf = (spec: Obj): Obj[] => [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  !!selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

const checks: Record<string, Check> = {
  'the API runs at least two replicas': (docs) => {
    const d = api(docs);
    return d && d.spec.replicas >= 2 ? [] : [`replicas: ${d?.spec.replicas}`];
  },

  'the probes ask the real health endpoints': (docs) => {
    const c = api(docs)?.spec.template.spec.containers.find((x: Obj) => x.name === 'api');
    const live = API_PREFIX + endpoints.health.live.path;
    const ready = API_PREFIX + endpoints.health.ready.path;
    const port = c?.ports?.find((p: Obj) => p.containerPort === 3000)?.name;
    const problems: string[] = [];
    for (const [probe, want] of [
      ['livenessProbe', live],
      ['readinessProbe', ready],
    ] as const) {
      const get = c?.[probe]?.httpGet;
      if (get?.path !== want) problems.push(`${probe} asks ${get?.path}, not ${want}`);
      if (get?.port !== port && get?.port !== 3000) problems.push(`${probe} asks port ${get?.port}`);
    }
    return problems;
  },

  'every container has requests and limits for cpu and memory': (docs) =>
    podSpecs(docs).flatMap(({ owner, spec }) =>
      containersOf(spec).flatMap((c) =>
        ['requests', 'limits'].flatMap((k) =>
          ['cpu', 'memory'].filter((r) => !c.resources?.[k]?.[r]).map((r) => `${owner} ${c.name}: no ${k}.${r}`),
        ),
      ),
    ),

  'every container runs as non-root, read-only, without privilege escalation or capabilities': (docs) =>
    podSpecs(docs).flatMap(({ owner, spec }) => {
      const problems: string[] = [];
      if (spec.securityContext?.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${owner}: seccomp`);
      for (const c of containersOf(spec)) {
        const s = { ...spec.securityContext, ...c.securityContext };
        const where = `${owner} ${c.name}`;
        if (s.runAsNonRoot !== true) problems.push(`${where}: runAsNonRoot`);
        // docker/Dockerfile runs as `node`, uid 1000 in node:*-bookworm-slim
        if (s.runAsUser !== 1000) problems.push(`${where}: runAsUser ${s.runAsUser}`);
        if (c.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${where}: writable root filesystem`);
        if (c.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${where}: privilege escalation`);
        if (!c.securityContext?.capabilities?.drop?.includes('ALL')) problems.push(`${where}: capabilities kept`);
      }
      return problems;
    }),

  'the PodDisruptionBudget selects the API pods': (docs) => {
    const pdb = one(docs, 'PodDisruptionBudget');
    const labels = api(docs)?.spec.template.metadata.labels;
    return pdb && selects(pdb.spec.selector?.matchLabels, labels) ? [] : ['no PodDisruptionBudget selects the API'];
  },

  'the HorizontalPodAutoscaler scales the API on CPU': (docs) => {
    const hpa = one(docs, 'HorizontalPodAutoscaler');
    const problems: string[] = [];
    if (hpa?.apiVersion !== 'autoscaling/v2') problems.push(`apiVersion ${hpa?.apiVersion}`);
    const t = hpa?.spec.scaleTargetRef;
    if (t?.kind !== 'Deployment' || t?.name !== api(docs)?.metadata.name) problems.push('targets another object');
    if (!hpa?.spec.metrics?.some((m: Obj) => m.type === 'Resource' && m.resource?.name === 'cpu'))
      problems.push('no CPU metric');
    if (!(hpa?.spec.minReplicas >= 2)) problems.push(`minReplicas ${hpa?.spec.minReplicas}`);
    return problems;
  },

  'a migration Job migrates, and the API pods wait for the migrations': (docs) => {
    const problems: string[] = [];
    const tag = String(api(docs)?.spec.template.spec.containers[0].image).split(':').pop();
    const job = ofKind(docs, 'Job').find((j) => j.spec.template.spec.containers.some(isMigrate));
    if (!job) problems.push('no Job runs `migrate`');
    // one Job per release: a Job's pod template cannot change, and the old one must not stand for the new
    else if (!job.metadata.name.endsWith(`-${tag}`)) problems.push(`Job ${job.metadata.name} is not named for ${tag}`);
    const waits = (api(docs)?.spec.template.spec.initContainers ?? []).some(
      (c: Obj) => c.command?.includes(CLI) && c.command?.includes('wait-for-migrations'),
    );
    if (!waits) problems.push('the API pods do not wait for the migrations (initContainer)');
    const images = new Set(
      [job, api(docs)].flatMap((d) => (d ? containersOf(d.spec.template.spec).map((c) => c.image) : [])),
    );
    if (images.size !== 1) problems.push(`the Job and the pods run different images: ${[...images].join(', ')}`);
    return problems;
  },

  'the CloudNativePG Cluster has three instances': (docs) => {
    const c = one(docs, 'Cluster');
    return c?.apiVersion === 'postgresql.cnpg.io/v1' && c.spec.instances === 3
      ? []
      : [`Cluster instances: ${c?.spec.instances}`];
  },

  'the Poolers point at the Cluster, and the app reaches the database through them': (docs) => {
    const cluster = one(docs, 'Cluster')?.metadata.name;
    const poolers = ofKind(docs, 'Pooler');
    const problems = poolers
      .filter((p) => p.spec.cluster?.name !== cluster || p.metadata.name === cluster)
      .map((p) => `Pooler ${p.metadata.name} points at ${p.spec.cluster?.name}`);
    const rw = poolers.find((p) => p.spec.type === 'rw');
    if (!rw) problems.push('no rw Pooler');
    const env = api(docs)?.spec.template.spec.containers[0].env ?? [];
    const url = env.find((e: Obj) => e.name === 'DATABASE_URL')?.value ?? '';
    if (!rw || !url.includes(`@${rw.metadata.name}:`)) problems.push(`DATABASE_URL does not go through the rw Pooler`);
    const replicas = env.find((e: Obj) => e.name === 'DATABASE_REPLICA_URLS')?.value;
    const ro = poolers.find((p) => p.spec.type === 'ro');
    if (replicas && (!ro || !replicas.includes(`@${ro.metadata.name}:`)))
      problems.push('DATABASE_REPLICA_URLS does not go through the ro Pooler');
    return problems;
  },

  'no secret value is written in the manifests': (docs) => {
    const problems: string[] = [];
    for (const d of docs) {
      if (d.kind === 'Secret' && (d.data || d.stringData)) problems.push(`Secret ${d.metadata.name} holds values`);
      if (d.kind === 'ConfigMap')
        for (const [k, v] of Object.entries(d.data ?? {}))
          if (SECRET_NAME.test(k) || CREDENTIALS_IN_URL.test(String(v))) problems.push(`ConfigMap ${k}`);
    }
    for (const { owner, spec } of podSpecs(docs))
      for (const c of containersOf(spec))
        for (const e of c.env ?? []) {
          if (e.valueFrom) continue;
          const v = String(e.value ?? '');
          // a URL may carry a password only as a reference to another variable, itself from a Secret
          const password = CREDENTIALS_IN_URL.exec(v)?.[1];
          const ref = password === undefined ? undefined : /^\$\(([A-Z_]+)\)$/.exec(password)?.[1];
          const fromSecret = (name?: string) =>
            !!name && (c.env as Obj[]).some((x) => x.name === name && x.valueFrom?.secretKeyRef);
          if (password !== undefined && !fromSecret(ref)) problems.push(`${owner} ${e.name}: a password in a URL`);
          if (SECRET_NAME.test(e.name)) problems.push(`${owner} ${e.name}: an inline value`);
        }
    return problems;
  },

  'every image is pinned to a version': (docs) =>
    podSpecs(docs).flatMap(({ owner, spec }) =>
      containersOf(spec)
        .filter((c) => !/@sha256:|:(?!latest$)[\w.-]+$/.test(String(c.image)))
        .map((c) => `${owner} ${c.name}: ${c.image}`),
    ),
};
/* eslint-enable @typescript-eslint/no-explicit-any */

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|KEY$/;
const CREDENTIALS_IN_URL = /^[a-z]+:\/\/[^:/@]+:([^@]*)@/;

function isMigrate(c: Obj): boolean {
  return Array.isArray(c.command) && c.command.includes(CLI) && c.command.at(-1) === 'migrate';
}

/** A deep copy to break on purpose. */
const copy = (docs: Obj[]): Obj[] => structuredClone(docs);
const apiPod = (docs: Obj[]) => api(docs)!.spec.template.spec;

/** For each invariant: one way to break the rendered manifests that its check must catch. */
const breakers: Record<string, (docs: Obj[]) => void> = {
  'the API runs at least two replicas': (d) => {
    api(d)!.spec.replicas = 1;
  },
  'the probes ask the real health endpoints': (d) => {
    apiPod(d).containers[0].readinessProbe.httpGet.path = '/healthz';
  },
  'every container has requests and limits for cpu and memory': (d) => {
    delete apiPod(d).initContainers[0].resources.limits;
  },
  'every container runs as non-root, read-only, without privilege escalation or capabilities': (d) => {
    apiPod(d).containers[0].securityContext.readOnlyRootFilesystem = false;
  },
  'the PodDisruptionBudget selects the API pods': (d) => {
    one(d, 'PodDisruptionBudget')!.spec.selector.matchLabels['app.kubernetes.io/component'] = 'web';
  },
  'the HorizontalPodAutoscaler scales the API on CPU': (d) => {
    one(d, 'HorizontalPodAutoscaler')!.spec.metrics[0].resource.name = 'memory';
  },
  'a migration Job migrates, and the API pods wait for the migrations': (d) => {
    delete apiPod(d).initContainers;
  },
  'the CloudNativePG Cluster has three instances': (d) => {
    one(d, 'Cluster')!.spec.instances = 1;
  },
  'the Poolers point at the Cluster, and the app reaches the database through them': (d) => {
    ofKind(d, 'Pooler')[0].spec.cluster.name = 'another-db';
  },
  'no secret value is written in the manifests': (d) => {
    const env = apiPod(d).containers[0].env;
    env.find((e: Obj) => e.name === 'DATABASE_URL').value = 'postgres://jv_app:hunter2@db:5432/jv_tracker';
  },
  'every image is pinned to a version': (d) => {
    apiPod(d).containers[0].image = 'registry.example.org/jv/jv-tracker:latest';
  },
};

/** kubectl comes from the Kubernetes apt repository, not Debian's: where .ci/run could not install it, the
 *  render is skipped with a warning (every other suite still runs) rather than failing the whole run */
function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const kubectlInstalled = hasKubectl();
const describeIfKubectl = kubectlInstalled ? describe : describe.skip;
if (!kubectlInstalled) console.warn(`kubectl is not installed: ${OVERLAY} was NOT rendered or checked`);

describeIfKubectl(`kubectl kustomize ${OVERLAY}`, () => {
  let docs: Obj[] = [];
  beforeAll(() => {
    docs = render();
  });

  it.each(Object.keys(checks))('%s', (name) => {
    expect(checks[name](docs)).toEqual([]);
  });

  it.each(Object.keys(checks))('catches a manifest that breaks: %s', (name) => {
    const broken = copy(docs);
    breakers[name](broken);
    expect(checks[name](broken).length).toBeGreaterThan(0);
  });

  it('runs CLI commands the API has, from the path the image builds', () => {
    const cli = readFileSync(path.join(root, 'apps/api/src/cli.ts'), 'utf8');
    const dockerfile = readFileSync(path.join(root, 'docker/Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`"${CLI.replace('cli.js', 'main.js')}"`);
    const commands = podSpecs(docs).flatMap(({ spec }) =>
      containersOf(spec)
        .filter((c) => c.command?.includes(CLI))
        .map((c) => c.command[c.command.indexOf(CLI) + 1]),
    );
    expect(commands.sort()).toEqual(['migrate', 'wait-for-migrations']);
    for (const command of commands) expect(cli).toMatch(new RegExp(`(case|task ===) '${command}'`));
  });

  it('starts the API with NODE_ENV=production, one process per pod and no migrations of its own', () => {
    const config = ofKind(docs, 'ConfigMap').find((c) =>
      apiPod(docs).containers[0].envFrom?.some((e: Obj) => e.configMapRef?.name === c.metadata.name),
    );
    expect(config?.data).toMatchObject({ NODE_ENV: 'production', WEB_CONCURRENCY: '1', RUN_MIGRATIONS: 'false' });
  });
});
