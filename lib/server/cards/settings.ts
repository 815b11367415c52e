// Learner settings: reading never writes (a read-only check must not create rows); a learner
// without a settings row gets the defaults until they save.
import "server-only";
import type { Db, Tx } from "@/lib/server/db";
import { parseStoredParameters, type ReviewSettingsInput } from "@/lib/core/srs/settings";
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from "@/lib/core/srs/types";

type AnyDb = Db | Tx;

export async function readSettings(db: AnyDb, learnerId: string): Promise<ReviewSettings> {
  const row = await db.learnerSettings.findUnique({ where: { learnerId } });
  if (!row) return { ...DEFAULT_REVIEW_SETTINGS };
  return {
    desiredRetention: row.desiredRetention,
    dailyNewLimit: row.dailyNewLimit,
    maximumIntervalDays: row.maximumIntervalDays,
    dayStartHour: row.dayStartHour,
    timeZone: row.timeZone || DEFAULT_REVIEW_SETTINGS.timeZone,
    leechThreshold: row.leechThreshold,
    optimizeMinReviews: row.optimizeMinReviews,
    dailyReviewLimit: row.dailyReviewLimit,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
    fsrsParameters: parseStoredParameters(row.fsrsParameters),
  };
}

export interface OptimizerRecord {
  fsrsLogLossBefore: number | null;
  fsrsLogLossAfter: number | null;
  fsrsOptimizedAt: Date | null;
}

export async function readOptimizerRecord(db: AnyDb, learnerId: string): Promise<OptimizerRecord> {
  const row = await db.learnerSettings.findUnique({
    where: { learnerId },
    select: { fsrsLogLossBefore: true, fsrsLogLossAfter: true, fsrsOptimizedAt: true },
  });
  return row ?? { fsrsLogLossBefore: null, fsrsLogLossAfter: null, fsrsOptimizedAt: null };
}

export async function writeSettings(db: AnyDb, learnerId: string, input: ReviewSettingsInput): Promise<void> {
  await db.learnerSettings.upsert({ where: { learnerId }, create: { learnerId, ...input }, update: input });
}

export async function writeOptimizedParameters(
  db: AnyDb,
  learnerId: string,
  result: { parameters: number[] | null; logLossBefore: number; logLossAfter: number; optimizedAt: Date },
): Promise<void> {
  const data = {
    ...(result.parameters ? { fsrsParameters: JSON.stringify(result.parameters) } : {}),
    fsrsLogLossBefore: result.logLossBefore,
    fsrsLogLossAfter: result.logLossAfter,
    fsrsOptimizedAt: result.optimizedAt,
  };
  await db.learnerSettings.upsert({ where: { learnerId }, create: { learnerId, ...data }, update: data });
}
