// The deploy plan: its commands in order, every registered function deployed and nothing else, schedules that hit them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_FUNCTION_NAMES, FUNCTION_NAMES } from '@theodoi/functions/index';
import { renderRunbook } from '@theodoi/cli/deploy/runbook';
import { planDeploy, renderPlan, type CommandStep, type DeployStep } from '@theodoi/cli/deploy/plan';
import { shellLine } from '@theodoi/cli/deploy/shell';

const P = 'theodoi-thap-muoi';
const SA = `theodoi@${P}.iam.gserviceaccount.com`;
const steps = planDeploy({ project: P, region: 'asia-southeast1' });
const commands = steps.filter((s): s is CommandStep => s.kind === 'command');
const lines = renderPlan(steps).split('\n');
const flag = (argv: readonly string[], name: string) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const deploys = commands.filter((c) => c.argv.slice(0, 3).join(' ') === 'gcloud functions deploy');
const deployOf = (name: string) => deploys.find((c) => c.argv[3] === name)!.argv;

describe('planDeploy', () => {
  it('prints the commands in order, one line per step', () => {
    const order = [
      /^gcloud services enable /,
      /gcloud firestore databases create /,
      /gcloud iam service-accounts create theodoi /,
      /gcloud projects add-iam-policy-binding .*roles\/datastore\.user/,
      /gcloud secrets create theodoi-google-grant /,
      /^GOOGLE_CLOUD_PROJECT=theodoi-thap-muoi theodoi auth grant \| gcloud secrets versions add theodoi-google-grant --data-file=- /,
      /gcloud secrets add-iam-policy-binding theodoi-google-grant .*secretAccessor/,
      /gcloud pubsub topics create theodoi-check-deadlines /,
      /gcloud pubsub topics create theodoi-sync-requests /,
      /^gcloud pubsub topics add-iam-policy-binding theodoi-sync-requests .*roles\/pubsub\.publisher/,
      /^# build out\/deploy/,
      ...[...FUNCTION_NAMES, ...EVENT_FUNCTION_NAMES].map(
        (n) => new RegExp(`^gcloud functions deploy ${n} `),
      ),
      /^gcloud functions add-invoker-policy-binding checkDeadlines /,
      /^gcloud functions add-invoker-policy-binding buildDashboards /,
      /^gcloud functions add-invoker-policy-binding syncDirective /,
      /^gcloud functions add-invoker-policy-binding checkDeadlinesEvent /,
      /^gcloud functions add-invoker-policy-binding syncDirectiveEvent /,
      /scheduler jobs create http theodoi-check-deadlines /,
      /scheduler jobs create http theodoi-dashboards /,
      /scheduler jobs create http theodoi-sweep /,
      /^firebase deploy --only firestore:rules,firestore:indexes --project theodoi-thap-muoi$/,
    ];
    expect(lines).toHaveLength(order.length);
    order.forEach((pattern, i) => expect(lines[i]).toMatch(pattern));
  });

  it('enables every API the deploy and the functions use', () => {
    const apis = commands[0]!.argv.filter((a) => a.endsWith('.googleapis.com')).map((a) => a.split('.')[0]);
    expect(apis.sort()).toEqual(
      [
        'artifactregistry',
        'cloudbuild',
        'cloudfunctions',
        'cloudscheduler',
        'drive',
        'eventarc',
        'firestore',
        'iam',
        'pubsub',
        'run',
        'secretmanager',
        'sheets',
      ].sort(),
    );
  });

  it('deploys exactly the registered functions, each once, on nodejs22 2nd gen from the bundle', () => {
    const deployed = deploys.map((c) => c.argv[3]);
    expect(new Set(deployed).size).toBe(deployed.length);
    expect(new Set(deployed)).toEqual(new Set([...FUNCTION_NAMES, ...EVENT_FUNCTION_NAMES]));
    for (const c of deploys) {
      const name = c.argv[3]!;
      expect(c.argv).toContain('--gen2');
      expect(flag(c.argv, 'entry-point')).toBe(name);
      expect(flag(c.argv, 'runtime')).toBe('nodejs22');
      expect(flag(c.argv, 'source')).toBe('out/deploy');
      expect(flag(c.argv, 'service-account')).toBe(SA);
      expect(flag(c.argv, 'set-secrets')).toBe('THEODOI_GOOGLE_GRANT=theodoi-google-grant:latest');
      expect(flag(c.argv, 'set-env-vars')).toContain('NODE_ENV=production');
      expect(flag(c.argv, 'set-env-vars')).toContain(
        `GOOGLE_CLOUD_PROJECT=${P},THEODOI_SERVICE_ACCOUNT=${SA},`,
      );
      expect(Number(flag(c.argv, 'max-instances'))).toBeGreaterThan(0);
    }
  });

  it('sizes each function and opens only the ones that check a token themselves to unauthenticated calls', () => {
    const sized = (name: string) => [flag(deployOf(name), 'memory'), flag(deployOf(name), 'timeout')];
    expect(sized('syncDirective')).toEqual(['512Mi', '300s']);
    // Paced under Sheets' per-minute quotas, a province's 200 directives take minutes: 20 are allowed.
    expect(sized('checkDeadlines')).toEqual(['512Mi', '1200s']);
    expect(sized('buildDashboards')).toEqual(['512Mi', '1200s']);
    // A first sync of 5,000 units peaks at ~313 MiB (npm run bench): every function that syncs gets 512Mi.
    expect(sized('sheetEvent')).toEqual(['512Mi', '60s']);
    expect(sized('driveNotification')).toEqual(['512Mi', '60s']);
    expect(sized('health')[0]).toBe('128Mi');
    const open = deploys.filter((c) => c.argv.includes('--allow-unauthenticated')).map((c) => c.argv[3]);
    // Drive's channel token, and the script's ID token (whose audience Cloud Run's own check cannot take).
    expect(open.sort()).toEqual(['driveNotification', 'sheetEvent', 'sheetTargets']);
    for (const name of FUNCTION_NAMES) {
      expect(deployOf(name)).toContain('--trigger-http');
      if (!open.includes(name)) expect(deployOf(name)).toContain('--no-allow-unauthenticated');
    }
    const topics = {
      checkDeadlinesEvent: 'theodoi-check-deadlines',
      syncDirectiveEvent: 'theodoi-sync-requests',
    };
    for (const name of EVENT_FUNCTION_NAMES) {
      expect(flag(deployOf(name), 'trigger-topic')).toBe(topics[name]);
      expect(deployOf(name)).not.toContain('--trigger-http');
    }
  });

  it('runs every function in production mode, and lets Firestore delete delivery records once expired', () => {
    for (const c of deploys)
      expect(flag(c.argv, 'set-env-vars')?.split(',')).toContain('NODE_ENV=production');
    // firebase deploy --only firestore:indexes applies the TTL policy on the field claimDelivery stamps.
    const indexes = JSON.parse(readFileSync('firestore.indexes.json', 'utf8')) as {
      fieldOverrides: { collectionGroup: string; fieldPath: string; ttl?: boolean }[];
    };
    expect(indexes.fieldOverrides).toContainEqual(
      expect.objectContaining({ collectionGroup: 'events', fieldPath: 'expireAt', ttl: true }),
    );
  });

  it('schedules jobs whose targets are deployed private HTTP functions the service account may invoke', () => {
    const jobs = commands.filter((c) => c.argv.slice(0, 5).join(' ') === 'gcloud scheduler jobs create http');
    expect(jobs.map((j) => [j.argv[5], flag(j.argv, 'schedule')])).toEqual([
      ['theodoi-check-deadlines', '30 7 * * 1-6'],
      ['theodoi-dashboards', '0 8-17 * * 1-6'],
      ['theodoi-sweep', '*/5 * * * *'],
    ]);
    // A failed morning check is retried, a dashboard once; a failed sweep is not (the next one comes in 5 minutes).
    expect(jobs.map((j) => flag(j.argv, 'max-retry-attempts'))).toEqual(['3', '1', '0']);
    const invokers = commands
      .filter((c) => c.argv[2] === 'add-invoker-policy-binding')
      .map((c) => [c.argv[3], flag(c.argv, 'member')]);
    for (const job of jobs) {
      const uri = flag(job.argv, 'uri')!;
      const target = uri.split('/').pop()!;
      expect(uri).toBe(`https://asia-southeast1-${P}.cloudfunctions.net/${target}`);
      expect(FUNCTION_NAMES).toContain(target);
      expect(deployOf(target)).toContain('--no-allow-unauthenticated');
      expect(flag(job.argv, 'oidc-service-account-email')).toBe(SA);
      expect(flag(job.argv, 'oidc-token-audience')).toBe(uri);
      expect(flag(job.argv, 'time-zone')).toBe('Asia/Ho_Chi_Minh');
      expect(invokers).toContainEqual([target, `serviceAccount:${SA}`]);
      // On a second deploy the job exists: it is updated with the same settings instead.
      const update = job.probe!.ifFound!;
      expect(update.slice(0, 6)).toEqual(['gcloud', 'scheduler', 'jobs', 'update', 'http', job.argv[5]]);
      expect(flag(update, 'uri')).toBe(uri);
    }
    // No one but theodoi's service account is granted invocation, and only of scheduled or event functions.
    expect(invokers.map(([name]) => name).sort()).toEqual([
      'buildDashboards',
      'checkDeadlines',
      'checkDeadlinesEvent',
      'syncDirective',
      'syncDirectiveEvent',
    ]);
  });

  it("adds the coordinator's grant as a new version on every deploy, fed on standard input, never printed", () => {
    const grant = commands.find((c) => c.stdin === 'grant')!;
    expect(grant.argv).toEqual([
      'gcloud',
      'secrets',
      'versions',
      'add',
      'theodoi-google-grant',
      '--data-file=-',
      `--project=${P}`,
    ]);
    expect(grant).not.toHaveProperty('probe');
  });

  it('in a shared drive, stores no grant: the service account acts as a member of the drive', () => {
    const shared = planDeploy({ project: P, region: 'asia-southeast1', sharedDriveId: '0AKbNcKq3Xy-Uk9PVA' });
    const lines = renderPlan(shared);
    expect(lines).not.toContain('theodoi-google-grant');
    const deploy = shared.find((s): s is CommandStep => s.kind === 'command' && s.argv[3] === 'sheetEvent')!;
    expect(flag(deploy.argv, 'set-env-vars')).toContain('THEODOI_SHARED_DRIVE_ID=0AKbNcKq3Xy-Uk9PVA,');
    expect(flag(deploy.argv, 'set-secrets')).toBeUndefined();
    expect(() => planDeploy({ project: P, region: 'asia-southeast1', sharedDriveId: 'x y' })).toThrow(
      /shared drive/,
    );
  });

  it('wires reminders by e-mail: the SMTP URL as a secret, the sender as a variable', () => {
    const mailed = planDeploy({
      project: P,
      region: 'asia-southeast1',
      smtp: { urlFile: 'smtp-url.txt', mailFrom: 'theodoi@thapmuoi.gov.vn' },
    });
    const lines = renderPlan(mailed);
    expect(lines).toContain('gcloud secrets versions add theodoi-smtp-url --data-file=smtp-url.txt');
    const deploy = mailed.find(
      (s): s is CommandStep => s.kind === 'command' && s.argv[3] === 'checkDeadlines',
    )!;
    expect(flag(deploy.argv, 'set-secrets')).toBe(
      'THEODOI_GOOGLE_GRANT=theodoi-google-grant:latest,THEODOI_SMTP_URL=theodoi-smtp-url:latest',
    );
    expect(flag(deploy.argv, 'set-env-vars')).toContain('THEODOI_MAIL_FROM=theodoi@thapmuoi.gov.vn,');
  });

  it("where allUsers is refused, skips Cloud Run's identity check on the functions that check a token themselves", () => {
    const closed = planDeploy({
      project: P,
      region: 'asia-southeast1',
      publicAccess: 'no-invoker-iam-check',
    });
    const commandsOf = closed.filter((s): s is CommandStep => s.kind === 'command');
    expect(commandsOf.some((c) => c.argv.includes('--allow-unauthenticated'))).toBe(false);
    expect(
      commandsOf
        .filter((c) => c.argv.includes('--no-invoker-iam-check'))
        .map((c) => c.argv.slice(0, 5).join(' ')),
    ).toEqual([
      'gcloud run services update sheetevent',
      'gcloud run services update sheettargets',
      'gcloud run services update drivenotification',
    ]);
  });

  it("gives every function the script's client id only when given, so the script's calls are refused without it", () => {
    const clientId = '123456-abc.apps.googleusercontent.com';
    const withClient = planDeploy({ project: P, region: 'asia-southeast1', scriptClientId: clientId });
    const env = (s: readonly DeployStep[], name: string) => {
      const deploy = s.find(
        (c): c is CommandStep => c.kind === 'command' && c.argv[2] === 'deploy' && c.argv[3] === name,
      );
      return flag(deploy!.argv, 'set-env-vars');
    };
    expect(env(withClient, 'sheetEvent')).toContain(`THEODOI_SCRIPT_CLIENT_ID=${clientId},`);
    expect(env(withClient, 'sheetEvent')).toContain('THEODOI_SYNC_TOPIC=theodoi-sync-requests,');
    expect(env(steps, 'sheetEvent')).not.toContain('THEODOI_SCRIPT_CLIENT_ID');
  });

  it('refuses a malformed project, region or script client id', () => {
    expect(() => planDeploy({ project: 'Bad_Project', region: 'asia-southeast1' })).toThrow(/project id/);
    expect(() => planDeploy({ project: P, region: 'asia southeast1; rm -rf /' })).toThrow(/region/);
    expect(() =>
      planDeploy({ project: P, region: 'asia-southeast1', scriptClientId: 'x,LOG_LEVEL=debug' }),
    ).toThrow(/script-client-id/);
  });
});

describe('the printed lines', () => {
  it('quote every argument so that a shell reads back exactly the planned argv', () => {
    for (const c of commands) {
      const echoed = spawnSync('sh', ['-c', `printf '%s\\n' ${shellLine(c.argv)}`], { encoding: 'utf8' });
      expect(echoed.stdout.split('\n').slice(0, -1)).toEqual(c.argv);
    }
  });

  it('are what `theodoi deploy --dry-run` prints', () => {
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/cli/main.ts',
        'deploy',
        '--project',
        P,
        '--region',
        'asia-southeast1',
        '--dry-run',
      ],
      { encoding: 'utf8' },
    );
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toBe(`${renderRunbook({ project: P, region: 'asia-southeast1' }, steps)}\n`);
    // The runbook is a shell script: its commands are the plan's lines, everything else is a comment.
    const [commandLines, comments] = [
      cli.stdout
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('#')),
      cli.stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('#')),
    ];
    expect(commandLines).toEqual(lines.filter((l) => !l.startsWith('#')));
    const text = comments.join('\n');
    // The console steps gcloud cannot do: consent screen External and in production, drive.file, a Desktop client.
    expect(text).toContain('"External"');
    expect(text).toContain('"In production"');
    expect(text).toContain('.../auth/drive.file');
    expect(text).toContain('"Desktop app"');
    expect(text).toContain('theodoi auth login --client-file client.json');
    expect(text).toContain('theodoi directive create --from-draft');
  });
});
