// The deploy plan: its commands in order, every registered function deployed and nothing else, schedules that hit them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_FUNCTION_NAMES, FUNCTION_NAMES } from '@theodoi/functions/index';
import { planDeploy, renderPlan, renderStep, type CommandStep } from '@theodoi/cli/deploy/plan';
import { checkSecretFile } from '@theodoi/cli/deploy/secret-file';
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
      /gcloud secrets create theodoi-trigger-secret /,
      /gcloud secrets versions add theodoi-trigger-secret /,
      /gcloud secrets add-iam-policy-binding .*secretAccessor/,
      /gcloud pubsub topics create theodoi-check-deadlines /,
      /^# build out\/deploy/,
      ...[...FUNCTION_NAMES, ...EVENT_FUNCTION_NAMES].map(
        (n) => new RegExp(`^gcloud functions deploy ${n} `),
      ),
      /^gcloud functions add-invoker-policy-binding checkDeadlines /,
      /^gcloud functions add-invoker-policy-binding buildDashboards /,
      /^gcloud functions add-invoker-policy-binding syncDirective /,
      /^gcloud functions add-invoker-policy-binding checkDeadlinesEvent /,
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
      expect(flag(c.argv, 'set-secrets')).toBe('THEODOI_TRIGGER_SECRET=theodoi-trigger-secret:latest');
      expect(flag(c.argv, 'set-env-vars')).toContain(
        `GOOGLE_CLOUD_PROJECT=${P},THEODOI_SERVICE_ACCOUNT=${SA},`,
      );
      expect(Number(flag(c.argv, 'max-instances'))).toBeGreaterThan(0);
    }
  });

  it('sizes each function and opens only the HMAC- and token-checked ones to unauthenticated calls', () => {
    const sized = (name: string) => [flag(deployOf(name), 'memory'), flag(deployOf(name), 'timeout')];
    expect(sized('syncDirective')).toEqual(['512Mi', '300s']);
    expect(sized('checkDeadlines')).toEqual(['512Mi', '300s']);
    // A first sync of 5,000 units peaks at ~313 MiB (npm run bench): every function that syncs gets 512Mi.
    expect(sized('sheetEvent')).toEqual(['512Mi', '60s']);
    expect(sized('driveNotification')).toEqual(['512Mi', '60s']);
    expect(sized('health')[0]).toBe('128Mi');
    const open = deploys.filter((c) => c.argv.includes('--allow-unauthenticated')).map((c) => c.argv[3]);
    expect(open.sort()).toEqual(['driveNotification', 'sheetEvent']);
    for (const name of FUNCTION_NAMES) {
      expect(deployOf(name)).toContain('--trigger-http');
      if (!open.includes(name)) expect(deployOf(name)).toContain('--no-allow-unauthenticated');
    }
    for (const name of EVENT_FUNCTION_NAMES) {
      expect(flag(deployOf(name), 'trigger-topic')).toBe('theodoi-check-deadlines');
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
    ]);
  });

  it('generates a secret only when none exists, and adds the given file as a new version', () => {
    const generated = commands.find((c) => c.stdin === 'random-secret')!;
    expect(generated.probe?.argv.join(' ')).toContain('secrets versions describe latest');
    expect(renderStep(generated)).toMatch(
      /\|\| openssl rand -base64 36 \| tr -d '\\n' \| gcloud secrets versions add/,
    );
    const withFile = planDeploy({ project: P, region: 'asia-southeast1', secretFile: 'secret.txt' });
    const add = withFile.find(
      (s) => s.kind === 'command' && s.argv.includes('versions') && s.argv.includes('add'),
    );
    expect(add).toMatchObject({ argv: expect.arrayContaining(['--data-file=secret.txt']) as unknown });
    expect(add).not.toHaveProperty('probe');
    expect(add).not.toHaveProperty('stdin');
  });

  it('refuses a malformed project or region', () => {
    expect(() => planDeploy({ project: 'Bad_Project', region: 'asia-southeast1' })).toThrow(/project id/);
    expect(() => planDeploy({ project: P, region: 'asia southeast1; rm -rf /' })).toThrow(/region/);
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
    expect(cli.stdout).toBe(`${lines.join('\n')}\n`);
  });
});

describe('checkSecretFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secret-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  it('accepts 32 characters or more without a newline, refuses the rest', () => {
    expect(() => checkSecretFile(file('ok', 'x'.repeat(48)))).not.toThrow();
    expect(() => checkSecretFile(file('nl', `${'x'.repeat(48)}\n`))).toThrow(/newline/);
    expect(() => checkSecretFile(file('short', 'x'.repeat(31)))).toThrow(/31 characters/);
    expect(() => checkSecretFile(join(dir, 'missing'))).toThrow(/cannot be read/);
  });
});
