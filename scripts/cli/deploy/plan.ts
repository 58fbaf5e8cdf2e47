/** The deploy plan: the ordered gcloud and firebase commands that put theodoi into service on one project (pure). */
import { EVENT_FUNCTION_NAMES, FUNCTION_NAMES } from '@theodoi/functions/index';
import { shellLine } from './shell.js';

/** Every function the deploy ships: the HTTP ones, then the CloudEvent ones, as `functions/src/index.ts` registers them. */
export const DEPLOYED_FUNCTIONS = [...FUNCTION_NAMES, ...EVENT_FUNCTION_NAMES] as const;
/** One deployed function's name. */
export type DeployedFunction = (typeof DEPLOYED_FUNCTIONS)[number];

/** How one function runs on Cloud Functions 2nd gen. */
export interface FunctionSettings {
  memory: '128Mi' | '256Mi' | '512Mi';
  timeoutSeconds: number;
  maxInstances: number;
  /**
   * `public`: reachable without a Google identity (the function checks an HMAC or a channel token itself);
   * `private`: Cloud Run checks an identity token first; `topic`: a Pub/Sub CloudEvent on that topic.
   */
  access: 'public' | 'private' | { topic: string };
}

/** The Pub/Sub topic that runs the deadline check when a message is published to it (nothing publishes by default). */
export const DEADLINE_TOPIC = 'theodoi-check-deadlines';

/**
 * Settings per function. Typed over every registered name, so registering a function without deciding how it
 * runs does not compile. Every function that syncs gets 512Mi: the first sync of a 5,000-unit directive peaks at
 * ~313 MiB RSS with Node's default heap (~212 MiB with the old space capped at 180 MiB; `npm run bench`), too
 * close to 256Mi. The sweep and the check run 300s; the trigger receivers sync one directive (60s; a 5,000-unit
 * sync takes ~7 s); health answers in milliseconds.
 */
export const FUNCTION_SETTINGS: Readonly<Record<DeployedFunction, FunctionSettings>> = {
  health: { memory: '128Mi', timeoutSeconds: 10, maxInstances: 2, access: 'private' },
  sheetEvent: { memory: '512Mi', timeoutSeconds: 60, maxInstances: 10, access: 'public' },
  driveNotification: { memory: '512Mi', timeoutSeconds: 60, maxInstances: 10, access: 'public' },
  syncDirective: { memory: '512Mi', timeoutSeconds: 300, maxInstances: 5, access: 'private' },
  checkDeadlines: { memory: '512Mi', timeoutSeconds: 300, maxInstances: 1, access: 'private' },
  buildDashboards: { memory: '512Mi', timeoutSeconds: 300, maxInstances: 1, access: 'private' },
  checkDeadlinesEvent: {
    memory: '512Mi',
    timeoutSeconds: 300,
    maxInstances: 1,
    access: { topic: DEADLINE_TOPIC },
  },
};

/** A Cloud Scheduler job calling one HTTP function with an OIDC token of theodoi's service account. */
export interface ScheduledJob {
  name: string;
  target: (typeof FUNCTION_NAMES)[number];
  schedule: string;
  description: string;
  /** Retries of a failed or timed-out run (the check is idempotent); 0 when the next run comes soon anyway. */
  retries: number;
}

/**
 * The scheduled jobs. The deadline check runs Monday to Saturday at 07:30 Vietnam time: cron cannot know the
 * Vietnamese calendar (Tết, swapped days, make-up Saturdays), so it fires on every day that may be a working
 * day and the check counts only `domain/calendar`'s working days, so a day off adds nothing to any count; flags,
 * cells and e-mail are only written when they change, so a run on a day off is harmless. The deadline check also
 * rewrites the cross-directive dashboards when it is done; the dashboard job refreshes them every hour of the
 * working day in between (one Sheets write per organisation), so leadership's matrix is never more than an hour
 * behind the directives' own Tổng hợp tabs, which every sync rewrites.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: 'theodoi-check-deadlines',
    target: 'checkDeadlines',
    schedule: '30 7 * * 1-6',
    description: 'theodoi: morning deadline check on Vietnamese working days',
    retries: 3,
  },
  {
    name: 'theodoi-dashboards',
    target: 'buildDashboards',
    schedule: '0 8-17 * * 1-6',
    description: 'theodoi: hourly rewrite of the cross-directive dashboards during the working day',
    retries: 1,
  },
  {
    name: 'theodoi-sweep',
    target: 'syncDirective',
    schedule: '*/5 * * * *',
    description: 'theodoi: sync spreadsheets Drive reports as changed; renew Drive channels',
    retries: 0,
  },
];

/** The APIs theodoi's deploy and runtime use. */
export const REQUIRED_APIS = [
  'cloudfunctions',
  'run',
  'cloudbuild',
  'artifactregistry',
  'cloudscheduler',
  'pubsub',
  'secretmanager',
  'firestore',
  'sheets',
  'drive',
  'eventarc',
  'iam',
].map((api) => `${api}.googleapis.com`);

/** The Secret Manager secret holding THEODOI_TRIGGER_SECRET. */
export const SECRET_NAME = 'theodoi-trigger-secret';
/** Where the bundle to upload is built, relative to the repository root. */
export const BUNDLE_DIR = 'out/deploy';

/** What the operator asked for. */
export interface DeployOptions {
  project: string;
  region: string;
  /** A file holding a new trigger secret (added as a new version); unset: generate one only if none exists. */
  secretFile?: string | undefined;
}

/** A command run directly (never through a shell), optionally guarded by a probe. */
export interface CommandStep {
  kind: 'command';
  argv: readonly string[];
  /** Run first, quietly; when it succeeds, run `ifFound` instead of `argv` (null: nothing to do). */
  probe?: { argv: readonly string[]; ifFound: readonly string[] | null };
  /** Feed a freshly generated random secret on standard input (never printed). */
  stdin?: 'random-secret';
}
/** Building the upload folder in-process (`scripts/cli/deploy/bundle.ts`). */
export interface BundleStep {
  kind: 'bundle';
  outDir: string;
}
/** One step of the plan. */
export type DeployStep = CommandStep | BundleStep;

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const REGION = /^[a-z]+-[a-z]+\d+$/;

/** theodoi's service account on `project`. */
export const serviceAccountEmail = (project: string) => `theodoi@${project}.iam.gserviceaccount.com`;

/** The stable URL of a 2nd gen function (the cloudfunctions.net address also serves 2nd gen functions). */
export const functionUrl = (o: DeployOptions, name: string) =>
  `https://${o.region}-${o.project}.cloudfunctions.net/${name}`;

/** Plans the whole deploy, in order; throws on a malformed project id or region. */
export function planDeploy(o: DeployOptions): DeployStep[] {
  if (!PROJECT_ID.test(o.project))
    throw new Error(`--project "${o.project}" is not a Google Cloud project id`);
  if (!REGION.test(o.region))
    throw new Error(`--region "${o.region}" is not a region such as asia-southeast1`);
  const p = `--project=${o.project}`;
  const sa = serviceAccountEmail(o.project);
  const member = `--member=serviceAccount:${sa}`;
  const cmd = (argv: string[], extra: Partial<CommandStep> = {}): CommandStep => ({
    kind: 'command',
    argv,
    ...extra,
  });
  const ifMissing = (probe: string[], argv: string[], extra: Partial<CommandStep> = {}) =>
    cmd(argv, { probe: { argv: probe, ifFound: null }, ...extra });

  const secretVersion: CommandStep = o.secretFile
    ? cmd(['gcloud', 'secrets', 'versions', 'add', SECRET_NAME, `--data-file=${o.secretFile}`, p])
    : ifMissing(
        ['gcloud', 'secrets', 'versions', 'describe', 'latest', `--secret=${SECRET_NAME}`, p],
        ['gcloud', 'secrets', 'versions', 'add', SECRET_NAME, '--data-file=-', p],
        { stdin: 'random-secret' },
      );

  return [
    cmd(['gcloud', 'services', 'enable', ...REQUIRED_APIS, p]),
    ifMissing(
      ['gcloud', 'firestore', 'databases', 'describe', '--database=(default)', p],
      ['gcloud', 'firestore', 'databases', 'create', `--location=${o.region}`, '--type=firestore-native', p],
    ),
    ifMissing(
      ['gcloud', 'iam', 'service-accounts', 'describe', sa, p],
      ['gcloud', 'iam', 'service-accounts', 'create', 'theodoi', '--display-name=theodoi', p],
    ),
    cmd([
      'gcloud',
      'projects',
      'add-iam-policy-binding',
      o.project,
      member,
      '--role=roles/datastore.user',
      '--condition=None',
    ]),
    ifMissing(
      ['gcloud', 'secrets', 'describe', SECRET_NAME, p],
      ['gcloud', 'secrets', 'create', SECRET_NAME, '--replication-policy=automatic', p],
    ),
    secretVersion,
    cmd([
      'gcloud',
      'secrets',
      'add-iam-policy-binding',
      SECRET_NAME,
      member,
      '--role=roles/secretmanager.secretAccessor',
      p,
    ]),
    ifMissing(
      ['gcloud', 'pubsub', 'topics', 'describe', DEADLINE_TOPIC, p],
      ['gcloud', 'pubsub', 'topics', 'create', DEADLINE_TOPIC, p],
    ),
    { kind: 'bundle', outDir: BUNDLE_DIR },
    ...DEPLOYED_FUNCTIONS.map((name) => cmd(deployFunction(o, name))),
    ...invokers().map((name) =>
      cmd(['gcloud', 'functions', 'add-invoker-policy-binding', name, `--region=${o.region}`, member, p]),
    ),
    ...SCHEDULED_JOBS.map((job) => {
      const flags = schedulerFlags(o, job);
      const create = [
        'gcloud',
        'scheduler',
        'jobs',
        'create',
        'http',
        job.name,
        ...flags.common,
        flags.headers,
      ];
      const update = [
        'gcloud',
        'scheduler',
        'jobs',
        'update',
        'http',
        job.name,
        ...flags.common,
        flags.updateHeaders,
      ];
      return cmd(create, {
        probe: {
          argv: ['gcloud', 'scheduler', 'jobs', 'describe', job.name, `--location=${o.region}`, p],
          ifFound: update,
        },
      });
    }),
    cmd(['firebase', 'deploy', '--only', 'firestore:rules,firestore:indexes', '--project', o.project]),
  ];
}

/** The functions theodoi's service account may invoke: the scheduled ones, and the Pub/Sub one (its Eventarc identity). */
function invokers(): DeployedFunction[] {
  const topics = DEPLOYED_FUNCTIONS.filter((name) => typeof FUNCTION_SETTINGS[name].access === 'object');
  return [...new Set([...SCHEDULED_JOBS.map((job) => job.target), ...topics])];
}

function deployFunction(o: DeployOptions, name: DeployedFunction): string[] {
  const s = FUNCTION_SETTINGS[name];
  const sa = serviceAccountEmail(o.project);
  const env = [
    `GOOGLE_CLOUD_PROJECT=${o.project}`,
    `THEODOI_SERVICE_ACCOUNT=${sa}`,
    `THEODOI_DRIVE_WEBHOOK_URL=${functionUrl(o, 'driveNotification')}`,
    'LOG_LEVEL=info',
    // Express (under the Functions Framework) shows no stack traces in its error pages in production.
    'NODE_ENV=production',
  ];
  const trigger =
    s.access === 'public'
      ? ['--trigger-http', '--allow-unauthenticated']
      : s.access === 'private'
        ? ['--trigger-http', '--no-allow-unauthenticated']
        : [`--trigger-topic=${s.access.topic}`, `--trigger-service-account=${sa}`, '--retry'];
  return [
    'gcloud',
    'functions',
    'deploy',
    name,
    '--gen2',
    `--region=${o.region}`,
    '--runtime=nodejs22',
    `--source=${BUNDLE_DIR}`,
    `--entry-point=${name}`,
    `--memory=${s.memory}`,
    `--timeout=${s.timeoutSeconds}s`,
    `--max-instances=${s.maxInstances}`,
    `--service-account=${sa}`,
    `--set-env-vars=${env.join(',')}`,
    `--set-secrets=THEODOI_TRIGGER_SECRET=${SECRET_NAME}:latest`,
    ...trigger,
    `--project=${o.project}`,
  ];
}

function schedulerFlags(o: DeployOptions, job: ScheduledJob) {
  const url = functionUrl(o, job.target);
  const timeout = FUNCTION_SETTINGS[job.target].timeoutSeconds;
  return {
    common: [
      `--location=${o.region}`,
      `--schedule=${job.schedule}`,
      '--time-zone=Asia/Ho_Chi_Minh',
      `--uri=${url}`,
      '--http-method=POST',
      '--message-body={}',
      `--oidc-service-account-email=${serviceAccountEmail(o.project)}`,
      `--oidc-token-audience=${url}`,
      `--attempt-deadline=${timeout + 20}s`,
      `--max-retry-attempts=${job.retries}`,
      '--min-backoff=60s',
      `--description=${job.description}`,
      `--project=${o.project}`,
    ],
    headers: '--headers=Content-Type=application/json',
    updateHeaders: '--update-headers=Content-Type=application/json',
  };
}

/** The shell equivalent of the 48-character secret the runner generates in-process (36 random bytes, base64). */
const RANDOM_SECRET_PIPE = "openssl rand -base64 36 | tr -d '\\n' | ";

/** One step as one shell line: guarded steps as `probe >/dev/null 2>&1 || cmd` or `if probe …; then …; else …; fi`. */
export function renderStep(step: DeployStep): string {
  if (step.kind === 'bundle')
    return `# build ${step.outDir}: npm run build, production package.json and lock`;
  const line = (step.stdin === 'random-secret' ? RANDOM_SECRET_PIPE : '') + shellLine(step.argv);
  if (!step.probe) return line;
  const probe = `${shellLine(step.probe.argv)} >/dev/null 2>&1`;
  if (step.probe.ifFound === null) return `${probe} || ${line}`;
  return `if ${probe}; then ${shellLine(step.probe.ifFound)}; else ${line}; fi`;
}

/** The whole plan as printed by `--dry-run`, one line per step. */
export function renderPlan(steps: readonly DeployStep[]): string {
  return steps.map(renderStep).join('\n');
}
