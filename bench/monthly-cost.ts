/**
 * A month of theodoi at Google's list prices, from one day's load: Firestore operations, Cloud Functions (2nd gen,
 * billed as Cloud Run) invocations and compute, Pub/Sub and Cloud Scheduler, for a commune, a former district
 * and the province. Prices in USD, us-central1 tier-1 list prices (README "Performance" cites the pages).
 */
import { SCHEDULED_JOBS } from '@theodoi/cli/deploy/plan';
import { round, type Row } from './row.js';

/** One day's load of an organisation. */
export interface DayLoad {
  units: number;
  directives: number;
  editsPerDay: number;
  firestoreReads: number;
  firestoreWrites: number;
  invocations: number;
  /** Seconds functions run in a day (each at 512 MiB, 1/3 vCPU). */
  functionSecondsPerDay: number;
  pubsubMessagesPerDay: number;
}

/** List prices and free tiers (cloud.google.com/firestore/pricing, /run/pricing, /pubsub/pricing, /scheduler/pricing). */
export const PRICES = {
  firestoreReadPer100k: 0.03,
  firestoreWritePer100k: 0.09,
  firestoreFreeReadsPerDay: 50_000,
  firestoreFreeWritesPerDay: 20_000,
  runRequestPerMillion: 0.4,
  runFreeRequestsPerMonth: 2_000_000,
  runVcpuSecond: 0.000024,
  runGibSecond: 0.0000025,
  runFreeVcpuSecondsPerMonth: 180_000,
  runFreeGibSecondsPerMonth: 360_000,
  pubsubPerTib: 40,
  pubsubFreeGibPerMonth: 10,
  schedulerJobPerMonth: 0.1,
  schedulerFreeJobs: 3,
} as const;

const WORKING_DAYS = 22;
/** The scheduled jobs a deployment creates (scripts/cli/deploy/plan.ts). */
const SCHEDULER_JOBS = SCHEDULED_JOBS.length;
const MEMORY_GIB = 0.5;
const VCPU = 1 / 3;

/** The organisations of the table: the province measured, the others scaled by their units. */
const ORGANISATIONS = [
  { name: 'a commune (xa-thap-muoi-2026)', units: 19 },
  { name: 'a former district (thap-muoi-2024)', units: 25 },
  { name: 'the province (dong-thap-2026)', units: 114 },
];

/** A month's cost in USD of `day` scaled to `units`, by service, after the free tiers. */
export function monthlyCost(
  day: DayLoad,
  units: number,
): { firestore: number; functions: number; pubsub: number; scheduler: number; total: number } {
  const f = units / day.units;
  const fixedInvocations = 288 + 10 + 1 + 24;
  const reads = day.firestoreReads * f;
  const writes = day.firestoreWrites * f;
  const firestore =
    (WORKING_DAYS * Math.max(0, reads - PRICES.firestoreFreeReadsPerDay) * PRICES.firestoreReadPer100k +
      WORKING_DAYS * Math.max(0, writes - PRICES.firestoreFreeWritesPerDay) * PRICES.firestoreWritePer100k) /
    100_000;
  const requests = WORKING_DAYS * ((day.invocations - fixedInvocations) * f + fixedInvocations);
  const seconds = WORKING_DAYS * day.functionSecondsPerDay * f;
  const functions =
    (Math.max(0, requests - PRICES.runFreeRequestsPerMonth) / 1e6) * PRICES.runRequestPerMillion +
    Math.max(0, seconds * VCPU - PRICES.runFreeVcpuSecondsPerMonth) * PRICES.runVcpuSecond +
    Math.max(0, seconds * MEMORY_GIB - PRICES.runFreeGibSecondsPerMonth) * PRICES.runGibSecond;
  // Pub/Sub bills at least 1 KB per publish and per delivery.
  const pubsubGib = (WORKING_DAYS * day.pubsubMessagesPerDay * f * 2 * 1000) / 2 ** 30;
  const pubsub = (Math.max(0, pubsubGib - PRICES.pubsubFreeGibPerMonth) / 1024) * PRICES.pubsubPerTib;
  const scheduler = Math.max(0, SCHEDULER_JOBS - PRICES.schedulerFreeJobs) * PRICES.schedulerJobPerMonth;
  return { firestore, functions, pubsub, scheduler, total: firestore + functions + pubsub + scheduler };
}

/** One row per organisation: the month's total, by service in the note. */
export function monthlyCostRows(day: DayLoad): Row[] {
  return ORGANISATIONS.map(({ name, units }) => {
    const c = monthlyCost(day, units);
    const f = units / day.units;
    return {
      name: `monthly cost, ${name}, ${units} units`,
      value: round(c.total),
      unit: 'USD/month',
      note:
        `extrapolated: ${WORKING_DAYS} working days of ${Math.round(day.firestoreReads * f).toLocaleString('en')} reads, ` +
        `${Math.round(day.firestoreWrites * f).toLocaleString('en')} writes (free 50k/20k a day), ` +
        `${Math.round(day.functionSecondsPerDay * f)} function-seconds at 512 MiB; Firestore $${round(c.firestore)}, ` +
        `Functions $${round(c.functions)}, Pub/Sub $${round(c.pubsub)}, Scheduler $${round(c.scheduler)} (${SCHEDULER_JOBS} jobs, 3 free)` +
        (units === day.units ? '' : `; the province's day scaled by units (${round(f)}×)`),
    };
  });
}
