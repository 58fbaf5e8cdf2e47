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
   * `public`: reachable without a Cloud Run identity check (the function checks an ID token or a channel token);
   * `private`: Cloud Run checks an identity token first; `topic`: a Pub/Sub CloudEvent on that topic.
   */
  access: 'public' | 'private' | { topic: string };
}

/** The Pub/Sub topic that runs the deadline check when a message is published to it (nothing publishes by default). */
export const DEADLINE_TOPIC = 'theodoi-check-deadlines';
/** The Pub/Sub topic sheetEvent hands sync requests to and syncDirectiveEvent runs them from (decision 005). */
export const SYNC_TOPIC = 'theodoi-sync-requests';

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
  // The check and the dashboards pace themselves under Sheets' per-minute quotas (40 reads and 40 writes a minute):
  // a province's 200 directives take about 5 minutes of waiting alone, so they get 20 minutes.
  checkDeadlines: { memory: '512Mi', timeoutSeconds: 1200, maxInstances: 1, access: 'private' },
  buildDashboards: { memory: '512Mi', timeoutSeconds: 1200, maxInstances: 1, access: 'private' },
  checkDeadlinesEvent: {
    memory: '512Mi',
    timeoutSeconds: 1200,
    maxInstances: 1,
    access: { topic: DEADLINE_TOPIC },
  },
  // Decisions 004–006: the script's ID token is checked by the function (its audience is the script's OAuth
  // client, which Cloud Run's own check cannot take), and the sync runs from the topic sheetEvent publishes to.
  sheetTargets: { memory: '256Mi', timeoutSeconds: 60, maxInstances: 2, access: 'public' },
  syncDirectiveEvent: {
    memory: '512Mi',
    timeoutSeconds: 60,
    maxInstances: 10,
    access: { topic: SYNC_TOPIC },
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

/** The Secret Manager secret holding THEODOI_GOOGLE_GRANT: the coordinator's grant the functions act with. */
export const GRANT_SECRET = 'theodoi-google-grant';
/** The Secret Manager secret holding THEODOI_SMTP_URL (its password), when reminders are mailed. */
export const SMTP_SECRET = 'theodoi-smtp-url';
/** Where the bundle to upload is built, relative to the repository root. */
export const BUNDLE_DIR = 'out/deploy';

/** What the operator asked for. */
export interface DeployOptions {
  project: string;
  region: string;
  /** The OAuth client id of the coordinators' Apps Script project: the audience sheetEvent and sheetTargets accept. */
  scriptClientId?: string | undefined;
  /**
   * Who owns the spreadsheets (decision 003): the coordinator's grant, stored by `theodoi auth login` and added
   * to Secret Manager (default), or a shared drive of a Workspace organisation, the service account a member.
   */
  sharedDriveId?: string | undefined;
  /** Reminders by e-mail: a file holding the SMTP URL (with its password, kept as a secret) and the sender. */
  smtp?: { urlFile: string; mailFrom: string } | undefined;
  /**
   * How the functions that check a token themselves are reachable: `allusers` (an IAM binding to allUsers) or,
   * where an organisation policy refuses allUsers, Cloud Run's `--no-invoker-iam-check`.
   */
  publicAccess?: 'allusers' | 'no-invoker-iam-check' | undefined;
}

/** A command run directly (never through a shell), optionally guarded by a probe. */
export interface CommandStep {
  kind: 'command';
  argv: readonly string[];
  /** Run first, quietly; when it succeeds, run `ifFound` instead of `argv` (null: nothing to do). */
  probe?: { argv: readonly string[]; ifFound: readonly string[] | null };
  /** Feed the coordinator's grant stored by `theodoi auth login` on standard input (never printed). */
  stdin?: 'grant';
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
const OAUTH_CLIENT_ID = /^[\w.-]+\.apps\.googleusercontent\.com$/;
const SHARED_DRIVE_ID = /^[\w-]{6,}$/;

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
  if (o.scriptClientId !== undefined && !OAUTH_CLIENT_ID.test(o.scriptClientId))
    throw new Error(
      `--script-client-id "${o.scriptClientId}" is not an OAuth client id (….apps.googleusercontent.com)`,
    );
  if (o.sharedDriveId !== undefined && !SHARED_DRIVE_ID.test(o.sharedDriveId))
    throw new Error(`--shared-drive "${o.sharedDriveId}" is not the id of a shared drive`);
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

  /** A Secret Manager secret theodoi's service account reads: created if missing, a version added, access granted. */
  const secret = (name: string, version: CommandStep) => [
    ifMissing(
      ['gcloud', 'secrets', 'describe', name, p],
      ['gcloud', 'secrets', 'create', name, '--replication-policy=automatic', p],
    ),
    version,
    cmd([
      'gcloud',
      'secrets',
      'add-iam-policy-binding',
      name,
      member,
      '--role=roles/secretmanager.secretAccessor',
      p,
    ]),
  ];
  const grantSecret =
    o.sharedDriveId === undefined
      ? secret(
          GRANT_SECRET,
          cmd(['gcloud', 'secrets', 'versions', 'add', GRANT_SECRET, '--data-file=-', p], { stdin: 'grant' }),
        )
      : [];
  const smtpSecret = o.smtp
    ? secret(
        SMTP_SECRET,
        cmd(['gcloud', 'secrets', 'versions', 'add', SMTP_SECRET, `--data-file=${o.smtp.urlFile}`, p]),
      )
    : [];
  const publicFunctions = DEPLOYED_FUNCTIONS.filter((name) => FUNCTION_SETTINGS[name].access === 'public');

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
    ...grantSecret,
    ...smtpSecret,
    ...[DEADLINE_TOPIC, SYNC_TOPIC].map((topic) =>
      ifMissing(
        ['gcloud', 'pubsub', 'topics', 'describe', topic, p],
        ['gcloud', 'pubsub', 'topics', 'create', topic, p],
      ),
    ),
    // sheetEvent runs as the service account and publishes each sync request it acknowledges.
    cmd([
      'gcloud',
      'pubsub',
      'topics',
      'add-iam-policy-binding',
      SYNC_TOPIC,
      member,
      '--role=roles/pubsub.publisher',
      p,
    ]),
    { kind: 'bundle', outDir: BUNDLE_DIR },
    ...DEPLOYED_FUNCTIONS.map((name) => cmd(deployFunction(o, name))),
    // Where allUsers may not be granted, Cloud Run skips its own identity check on the functions that check a
    // token themselves (the service of a 2nd gen function is named after it, in lower case).
    ...(o.publicAccess === 'no-invoker-iam-check'
      ? publicFunctions.map((name) =>
          cmd([
            'gcloud',
            'run',
            'services',
            'update',
            name.toLowerCase(),
            '--no-invoker-iam-check',
            `--region=${o.region}`,
            p,
          ]),
        )
      : []),
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
    `THEODOI_SYNC_TOPIC=${SYNC_TOPIC}`,
    // Unset: the script's calls are refused (503) and the Drive push and the sweep sync the spreadsheets alone.
    ...(o.scriptClientId ? [`THEODOI_SCRIPT_CLIENT_ID=${o.scriptClientId}`] : []),
    ...(o.sharedDriveId ? [`THEODOI_SHARED_DRIVE_ID=${o.sharedDriveId}`] : []),
    ...(o.smtp ? [`THEODOI_MAIL_FROM=${o.smtp.mailFrom}`] : []),
    'NODE_ENV=production',
    'LOG_LEVEL=info',
    // Express (under the Functions Framework) shows no stack traces in its error pages in production.
    'NODE_ENV=production',
  ];
  const secrets = [
    ...(o.sharedDriveId === undefined ? [`THEODOI_GOOGLE_GRANT=${GRANT_SECRET}:latest`] : []),
    ...(o.smtp ? [`THEODOI_SMTP_URL=${SMTP_SECRET}:latest`] : []),
  ];
  const trigger =
    s.access === 'public'
      ? [
          '--trigger-http',
          o.publicAccess === 'no-invoker-iam-check'
            ? '--no-allow-unauthenticated'
            : '--allow-unauthenticated',
        ]
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
    ...(secrets.length > 0 ? [`--set-secrets=${secrets.join(',')}`] : []),
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

/** The shell equivalent of the grant the runner feeds in-process: the one `theodoi auth login` stored. */
const grantPipe = (project: string) => `GOOGLE_CLOUD_PROJECT=${project} theodoi auth grant | `;

/** One step as one shell line: guarded steps as `probe >/dev/null 2>&1 || cmd` or `if probe …; then …; else …; fi`. */
export function renderStep(step: DeployStep): string {
  if (step.kind === 'bundle')
    return `# build ${step.outDir}: npm run build, production package.json and lock`;
  const project = step.argv.find((a) => a.startsWith('--project='))?.slice('--project='.length) ?? '';
  const line = (step.stdin === 'grant' ? grantPipe(project) : '') + shellLine(step.argv);
  if (!step.probe) return line;
  const probe = `${shellLine(step.probe.argv)} >/dev/null 2>&1`;
  if (step.probe.ifFound === null) return `${probe} || ${line}`;
  return `if ${probe}; then ${shellLine(step.probe.ifFound)}; else ${line}; fi`;
}

/** The whole plan as printed by `--dry-run`, one line per step. */
export function renderPlan(steps: readonly DeployStep[]): string {
  return steps.map(renderStep).join('\n');
}
