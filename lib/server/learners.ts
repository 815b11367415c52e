// There is one learner until accounts arrive; every learner-owned row already carries its id.
import "server-only";
import { DEFAULT_LEARNER_ID, type Db } from "./db";

export async function ensureDefaultLearner(db: Db): Promise<void> {
  await db.learner.upsert({
    where: { id: DEFAULT_LEARNER_ID },
    create: { id: DEFAULT_LEARNER_ID, displayName: "학습자", settings: { create: {} } },
    update: {},
  });
}

/** The learner a request acts for. Accounts will replace this with a session lookup. */
export function currentLearnerId(): string {
  return DEFAULT_LEARNER_ID;
}
